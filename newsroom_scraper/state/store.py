"""The seen-store interface: what a scheduled crawl remembers between runs, and the values it trades in.

Two small protocols, so that the SQLite store (the default, no server) and
a shared one for distributed crawls (Redis, say) are interchangeable:

- `SeenStore`: article id -> content hash, validators, first/last seen. A
  crawl *claims* an article before its line is written (the claim is the
  "pending" half of a two-step write) and *commits* it once the line is in
  the feed file; `checked` notes a recheck that found nothing new.
- `RunJournal`: the runs that hold claims, and the feed files each writes,
  so that the claims of a run that was killed can be settled by reading
  what it actually wrote (see `state/recovery.py`).

Times are POSIX seconds (float): they are only compared with each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


@dataclass(slots=True)
class KnownArticle:
    """An article exported by an earlier run, as the store remembers it."""

    id: str
    content_hash: str
    url: str
    etag: str | None
    last_modified: str | None
    first_seen: float
    last_exported: float
    last_checked: float


@dataclass(slots=True)
class Claim:
    """An article a run is about to export: what the store will know of it once the line is written."""

    id: str
    content_hash: str
    url: str
    # Keys (urls.url_key) of every URL that led to it: requested, fetched after redirects, canonical.
    url_keys: tuple[str, ...]
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: float = 0.0


class StoreUnavailable(RuntimeError):
    """The store cannot be reached (a lost Redis): nothing more is claimed; open claims wait for the next run."""


class Outcome(StrEnum):
    """What a claim found in the store."""

    NEW = "new"  # never exported: claimed
    CHANGED = "changed"  # exported with another content hash: claimed
    UNCHANGED = "unchanged"  # exported with this content hash: not claimed (unless the run re-exports all)
    TAKEN = "taken"  # another run holds a claim on it right now: not claimed


@dataclass(slots=True)
class FeedFile:
    """A feed file a run writes to, and where its own lines start in it (an appended file holds older runs')."""

    path: str
    offset: int
    format: str
    # "gzip" when FEEDS post-processing compresses it; None for plain lines.
    compression: str | None = None


@dataclass(slots=True)
class RunRecord:
    run_id: str
    started: float
    pid: int
    feeds: list[FeedFile]


class SeenStore(Protocol):
    def known_url(self, url_key: str) -> KnownArticle | None:
        """The article a URL (its url_key) led to when it was last exported."""

    def article(self, article_id: str) -> KnownArticle | None: ...

    def claim(self, run_id: str, claim: Claim, *, again: bool = False) -> Outcome:
        """Claim `claim.id` for `run_id` unless it is unchanged (`again`: claim it even then) or taken."""

    def commit(self, run_id: str, ids: Iterable[str], at: float) -> int:
        """The claimed articles' lines are in the feed: they are now seen. Returns how many were committed."""

    def release(self, run_id: str, ids: Iterable[str] | None = None) -> int:
        """Drop claims whose lines were not written (all of the run's when `ids` is None)."""

    def checked(
        self,
        article_id: str,
        at: float,
        etag: str | None = None,
        last_modified: str | None = None,
        url_keys: Iterable[str] = (),
    ) -> None:
        """A recheck found the article unchanged (a 304, or the same content hash), maybe under new URLs."""

    def close(self) -> None: ...


class RunJournal(Protocol):
    def begin_run(self, run: RunRecord) -> None:
        """Start holding claims as `run`, alive (`is_running`) until `end_run` or the process's end."""

    def set_feeds(self, run_id: str, feeds: list[FeedFile]) -> None:
        """Record the run's feed files before any of its lines is written to them."""

    def end_run(self, run_id: str) -> None:
        """Forget the run and release its remaining claims."""

    def runs(self) -> list[RunRecord]: ...

    def pending(self, run_id: str) -> dict[str, str]:
        """The run's open claims: id -> content hash."""

    def is_running(self, run_id: str) -> bool:
        """Whether the run's process may still write lines (its claims must then be left alone)."""

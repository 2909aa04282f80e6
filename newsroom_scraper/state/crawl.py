"""One crawl's view of the state, shared by the recheck middleware and the seen pipeline.

Both components need the same store connection and run id, and the
pipeline needs what the middleware saw: the ETag and Last-Modified of each
article response (the record the pipeline gets no longer carries headers)
and the URL first requested before redirects. `crawl_state(crawler)`
builds it once per crawler; it is None when NEWSROOM_STATE is empty (no
state: every run exports all it finds).
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from ..urls import record_url
from . import open_store
from .store import RunJournal, SeenStore

MODES = ("incremental", "full")


@dataclass(slots=True)
class Fetch:
    """What an article response of this run said about itself."""

    requested_url: str
    etag: str | None
    last_modified: str | None


def new_run_id() -> str:
    return f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{os.getpid()}-{secrets.token_hex(3)}"


class CrawlState:
    def __init__(self, store: SeenStore | RunJournal, run_id: str, full: bool) -> None:
        self.store = store
        self.run_id = run_id
        # mode=full: every article is downloaded and exported again, and the store refreshed.
        self.full = full
        self.fetches: dict[str, Fetch] = {}

    def note_fetch(self, response_url: str, fetch: Fetch) -> None:
        self.fetches[record_url(response_url)] = fetch

    def pop_fetch(self, url: str) -> Fetch | None:
        """The fetch of a page by its record's `url` (the extraction's normalised form of the response URL)."""
        return self.fetches.pop(url, None) or self.fetches.pop(record_url(url), None)


_states: WeakKeyDictionary = WeakKeyDictionary()


def crawl_state(crawler) -> CrawlState | None:
    spec = crawler.settings.get("NEWSROOM_STATE")
    if not spec:
        return None
    state = _states.get(crawler)
    if state is None:
        mode = getattr(crawler.spider, "mode", None) or "incremental"
        state = _states[crawler] = CrawlState(open_store(spec), new_run_id(), mode == "full")
    return state

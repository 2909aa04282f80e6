"""A set of real pages with field answers (fundus-dev's layout), scored for us and plain trafilatura.

The directory holds `gold.jsonl` (one page a line: `file`, `url`, `title`,
`date`, `authors`, `body`) and `pages/FILE` (the page, gzip or plain). Scoring
is the one published with such sets, so figures compare across tools:
- title: equal after NFKC, invisible characters removed, spaces collapsed, case folded;
- date: the first 10 characters (the day);
- authors: a page with authors counts when any name of the answer is among the
  record's `authors` or in its `attribution` (names split on `,` `;` ` and `
  ` und `, case folded); a page without authors counts when the record has none;
- body: token precision, recall and F1 per page, averaged over pages; a page
  without a record scores 0.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..extract import NotAnArticle, extract_article
from .baseline import baseline_fields
from .corpora import UnusableSet, page_path, read_page
from .scoring import Overlap, folded, name_set, ratio

FIELDS = ("title", "date", "authors")
AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\sand\s|\sund\s)\s*", re.IGNORECASE)
# A body counts as lost or gained against the other system when its F1 differs by more than this.
BODY_MARGIN = 0.02


@dataclass(slots=True, frozen=True)
class FieldsPage:
    file: str
    url: str
    expected: dict
    html: bytes


def load_fields_set(directory: Path, limit: int | None = None) -> list[FieldsPage]:
    """The set's pages in `gold.jsonl` order; UnusableSet when there is nothing to score."""
    listing = Path(directory) / "gold.jsonl"
    if not listing.is_file():
        raise UnusableSet(f"no gold.jsonl in {directory} (a fields set is gold.jsonl plus pages/FILE)")
    pages = []
    for number, line in enumerate(listing.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError as error:
            raise UnusableSet(f"{listing}, line {number}, is not JSON: {error}") from None
        if not isinstance(entry, dict) or not {"file", "url"} <= entry.keys():
            raise UnusableSet(f"{listing}, line {number}, needs at least a file and a url")
        if page_path(directory, entry["file"]).is_file():
            pages.append(FieldsPage(entry["file"], entry["url"], entry, read_page(directory, entry["file"])))
        if limit is not None and len(pages) >= limit:
            break
    if not pages:
        raise UnusableSet(f"no page of {listing} found under {Path(directory) / 'pages'}")
    return pages


@dataclass(slots=True)
class PageScore:
    """One system's result on one page."""

    file: str
    title: bool
    date: bool
    authors: bool
    precision: float
    recall: float
    f1: float


def credited_names(values) -> frozenset[str]:
    return frozenset(name.casefold() for value in values if value for name in name_set(value, AUTHOR_SPLIT))


def score_page(file: str, record: dict, expected: dict) -> PageScore:
    """A record (ours or trafilatura's, {} when there is none) against the page's answers."""
    wanted = credited_names(expected.get("authors") or [])
    if wanted:
        found = credited_names([*(record.get("authors") or []), record.get("attribution")])
        authors = bool(wanted & found)
    else:
        authors = not record.get("authors")
    body = Overlap()
    body.add(record.get("body") or "", expected.get("body") or "")
    return PageScore(
        file,
        title=folded(record.get("title")) == folded(expected.get("title")),
        date=(record.get("date") or "")[:10] == (expected.get("date") or "")[:10],
        authors=authors,
        precision=body.precision,
        recall=body.recall,
        f1=body.f1,
    )


@dataclass
class FieldsScore:
    """One system over the set."""

    name: str
    pages: list[PageScore] = field(default_factory=list)

    def summary(self) -> dict:
        count = len(self.pages)
        result = {name: round(ratio(sum(getattr(p, name) for p in self.pages), count), 4) for name in FIELDS}
        for name in ("precision", "recall", "f1"):
            result[f"body_{name}"] = round(ratio(sum(getattr(p, name) for p in self.pages), count), 4)
        return result | {"pages": count}


def our_record(page: FieldsPage, fetched_at: datetime) -> dict:
    # The page's budget counts CPU time: on a loaded machine, waiting for a core must not refuse a page.
    result = extract_article(page.html, page.url, fetched_at=fetched_at, clock="cpu")
    return {} if isinstance(result, NotAnArticle) else result.as_record()


def evaluate_fields_set(directory: Path, limit: int | None = None) -> tuple[FieldsScore, FieldsScore]:
    """(ours, trafilatura) over a fields set.

    The pages carry no capture time: they are extracted as fetched now, so
    no page's own date lies in the future.
    """
    pages = load_fields_set(directory, limit)
    fetched_at = datetime.now(UTC)
    ours, baseline = FieldsScore("newsroom_scraper"), FieldsScore("trafilatura")
    for page in pages:
        ours.pages.append(score_page(page.file, our_record(page, fetched_at), page.expected))
        baseline.pages.append(score_page(page.file, baseline_fields(page.html, page.url), page.expected))
    return ours, baseline


def page_differences(ours: FieldsScore, baseline: FieldsScore) -> dict[str, dict[str, list]]:
    """Per field, the pages ours gets wrong and trafilatura right ("lost"), and the reverse ("gained").

    Bodies list (file, our F1, trafilatura's F1) where the two differ by more than BODY_MARGIN.
    """
    result: dict[str, dict[str, list]] = {}
    pairs = list(zip(ours.pages, baseline.pages, strict=True))
    for name in FIELDS:
        result[name] = {
            "lost": [o.file for o, b in pairs if getattr(b, name) and not getattr(o, name)],
            "gained": [o.file for o, b in pairs if getattr(o, name) and not getattr(b, name)],
        }
    result["body"] = {
        "lost": [(o.file, round(o.f1, 3), round(b.f1, 3)) for o, b in pairs if b.f1 - o.f1 > BODY_MARGIN],
        "gained": [(o.file, round(o.f1, 3), round(b.f1, 3)) for o, b in pairs if o.f1 - b.f1 > BODY_MARGIN],
    }
    return result


def page_rows(ours: FieldsScore, baseline: FieldsScore) -> list[dict]:
    """Both systems' scores page by page, for --json."""
    rows = []
    for mine, theirs in zip(ours.pages, baseline.pages, strict=True):
        rows.append(
            {"file": mine.file} | {score.name: _scores(page) for score, page in ((ours, mine), (baseline, theirs))}
        )
    return rows


def _scores(page: PageScore) -> dict:
    return {
        name: round(value, 4) if isinstance(value, float) else value
        for name, value in asdict(page).items()
        if name != "file"
    }

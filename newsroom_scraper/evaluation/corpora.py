"""The public evaluation sets: trafilatura's (990 pages) and htmldate's (1000 pages).

Both are read from a directory laid out as in their repositories
(`evaldata.json` or `eval_*.json` beside `pages/FILE.gz`). Scoring follows
trafilatura's own evaluation: a "with" piece counts as found when it occurs in
the extracted text, a "without" piece as a leak when it does.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..extract.article import extract_fields
from ..extract.decode import UndecodableError, decode_html
from .baseline import baseline_fields
from .scoring import name_set, ratio, same_text

# The sets were collected up to 2020; "now" only bounds implausible future dates.
EVALUATION_NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class PieceScore:
    """Counts for trafilatura's with/without scoring."""

    true_positive: int = 0
    false_negative: int = 0
    false_positive: int = 0
    true_negative: int = 0
    title: int = 0
    titles: int = 0
    date: int = 0
    dates: int = 0
    author: int = 0
    authors: int = 0
    seconds: float = 0.0
    pages: int = 0

    def add_text(self, text: str, expected: dict) -> None:
        for piece in expected.get("with", []):
            if piece in text:
                self.true_positive += 1
            else:
                self.false_negative += 1
        for piece in expected.get("without", []):
            if piece in text:
                self.false_positive += 1
            else:
                self.true_negative += 1

    def add_fields(self, fields: dict, expected: dict) -> None:
        if expected.get("title"):
            self.titles += 1
            self.title += same_text(fields.get("title"), expected["title"])
        if expected.get("date"):
            self.dates += 1
            self.date += (fields.get("date") or "")[:10] == expected["date"]
        if expected.get("author"):
            self.authors += 1
            self.author += name_set(fields.get("authors") or []) == name_set(expected["author"])

    def summary(self) -> dict:
        precision = ratio(self.true_positive, self.true_positive + self.false_positive)
        recall = ratio(self.true_positive, self.true_positive + self.false_negative)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "title": round(ratio(self.title, self.titles), 4),
            "date": round(ratio(self.date, self.dates), 4),
            "author": round(ratio(self.author, self.authors), 4),
            "pages_per_second": round(ratio(self.pages, self.seconds), 1),
        }


class UnusableSet(Exception):
    """A set that cannot be scored (no listing, no page found, a listing that is not JSON); the message says which."""


def page_path(directory: Path, name: str) -> Path:
    path = Path(directory) / "pages" / f"{name}.gz"
    return path if path.exists() else Path(directory) / "pages" / name


def read_page(directory: Path, name: str) -> bytes:
    data = page_path(directory, name).read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def read_json(path: Path):
    try:
        return json.loads(path.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise UnusableSet(f"{path} is not JSON: {error}") from None


def listed_pages(directory: Path, listings: list[Path], limit: int | None) -> dict[str, dict]:
    """URL -> entry from the set's listing files, for the entries whose page is there (at most `limit`).

    UnusableSet when no listing file exists or none of its pages does: a wrong
    directory must not score as a set of zeros.
    """
    if not listings:
        raise UnusableSet(f"no evaluation listing in {directory}")
    entries: dict[str, dict] = {}
    for listing in listings:
        for url, entry in read_json(listing).items():
            if page_path(directory, entry["file"]).is_file() and (limit is None or len(entries) < limit):
                entries[url] = entry
    if not entries:
        raise UnusableSet(f"none of the pages listed in {directory} is under {Path(directory) / 'pages'}")
    return entries


def our_fields(html: bytes, url: str) -> dict:
    """Our extraction's fields for a page, without the is-it-an-article decision."""
    try:
        text = decode_html(html).text
    except UndecodableError:
        return {}
    fields = extract_fields(text, url, now=EVALUATION_NOW)
    if fields is None:
        return {}
    return {"title": fields.title, "date": fields.date, "authors": fields.authors, "body": fields.body}


@dataclass
class CorpusResult:
    ours: PieceScore = field(default_factory=PieceScore)
    baseline: PieceScore = field(default_factory=PieceScore)


def evaluate_trafilatura_set(directory: Path, limit: int | None = None) -> CorpusResult:
    listing = Path(directory) / "evaldata.json"
    data = listed_pages(directory, [listing] if listing.is_file() else [], limit)
    result = CorpusResult()
    first_url, first = next(iter(data.items()))
    our_fields(read_page(directory, first["file"]), first_url)  # load models and caches outside the timing
    baseline_fields(read_page(directory, first["file"]), first_url)
    for url, expected in data.items():
        html = read_page(directory, expected["file"])
        for score, function in ((result.ours, our_fields), (result.baseline, baseline_fields)):
            start = time.perf_counter()
            fields = function(html, url)
            score.seconds += time.perf_counter() - start
            score.pages += 1
            score.add_text(fields.get("body") or "", expected)
            score.add_fields(fields, expected)
    return result


def evaluate_htmldate_set(directory: Path, limit: int | None = None) -> dict:
    """Date accuracy of our extraction, trafilatura's metadata and htmldate itself, on the same pages."""
    import htmldate

    expected = listed_pages(directory, sorted(Path(directory).glob("eval_*.json")), limit)
    counts = {"ours": 0, "trafilatura": 0, "htmldate": 0}
    total = 0
    for url, entry in expected.items():
        html = read_page(directory, entry["file"])
        total += 1
        counts["ours"] += (our_fields(html, url).get("date") or "")[:10] == entry["date"]
        counts["trafilatura"] += (baseline_fields(html, url).get("date") or "")[:10] == entry["date"]
        try:
            guess = htmldate.find_date(html.decode("utf-8", errors="replace"), url=url, original_date=True)
        except Exception:  # noqa: BLE001 - count a crash as a miss
            guess = None
        counts["htmldate"] += (guess or "") == entry["date"]
    return {name: round(ratio(hits, total), 4) for name, hits in counts.items()} | {"pages": total}

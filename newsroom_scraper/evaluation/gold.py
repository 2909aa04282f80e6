"""Scoring on the gold pages (fixtures/pages/NAME.html + NAME.json), ours beside plain trafilatura.

Each page's record is compared field by field with the record written by
reading the page: title, date, attribution, authors and section exactly;
the body by token precision/recall, exactly (after whitespace
normalisation), and for leaks of the page's listed boilerplate strings.

Two kinds of gold pages: the constructed ones in fixtures/pages, written for
this project, and real captured pages in fixtures/pages/real (NAME.html.gz as
captured, its json marked "real" with the corpus and file it came from). A
real page's date is compared by its day: pages often show only the day, and
the hour they declare is read in more than one time zone.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..extract import NotAnArticle, extract_article
from .baseline import baseline_fields
from .corpora import UnusableSet
from .scoring import Overlap, name_set, ratio, same_text

FIELDS = ("title", "date", "attribution", "authors", "section")
# The real captured pages, beside the constructed ones: scored and reported apart.
REAL_PAGES = "real"


@dataclass
class GoldPage:
    name: str
    html: bytes
    url: str
    expected: dict
    boilerplate: list[str]
    captured: datetime
    real: bool = False
    origin: dict = field(default_factory=dict)


def page_files(directory: Path) -> list[tuple[str, Path]]:
    """(name, path) of the pages in `directory`: NAME.html, or NAME.html.gz as a real page was captured."""
    found = [(path.name.removesuffix(".html"), path) for path in Path(directory).glob("*.html")]
    found += [(path.name.removesuffix(".html.gz"), path) for path in Path(directory).glob("*.html.gz")]
    return sorted(found)


def load_gold_pages(directory: Path) -> list[GoldPage]:
    pages = []
    for name, html_path in page_files(directory):
        gold = json.loads((Path(directory) / f"{name}.json").read_text("utf-8"))
        captured = datetime.fromisoformat(gold.get("captured") or "2026-11-24")
        if captured.tzinfo is None:
            captured = captured.replace(hour=12, tzinfo=UTC)
        html = html_path.read_bytes()
        if html_path.suffix == ".gz":
            html = gzip.decompress(html)
        real, origin = bool(gold.get("real")), gold.get("origin") or {}
        pages.append(GoldPage(name, html, gold["url"], gold["expected"], gold["boilerplate"], captured, real, origin))
    return pages


def field_matches(name: str, got, want, real: bool = False) -> bool:
    """Whether a record's field matches the gold answer; a real page's date by its day."""
    if name == "authors":
        return name_set(got or []) == name_set(want or [])
    if name == "date":
        if real:
            return (got or "")[:10] == (want or "")[:10]
        return (got or None) == (want or None)
    return same_text(got, want) if (got and want) else (got or None) == (want or None)


@dataclass
class SystemScore:
    """One extractor's results over the gold pages."""

    name: str
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    body: Overlap = field(default_factory=Overlap)
    exact_bodies: int = 0
    leaks: int = 0
    pages: int = 0
    seconds: float = 0.0
    differences: dict[str, list[str]] = field(default_factory=dict)
    page_f1: dict[str, float] = field(default_factory=dict)

    def add(self, page: GoldPage, got: dict, seconds: float) -> None:
        self.pages += 1
        self.seconds += seconds
        problems = []
        for name in FIELDS:
            if field_matches(name, got.get(name), page.expected.get(name), page.real):
                self.hits[name] += 1
            else:
                problems.append(f"{name}: {got.get(name)!r} != {page.expected.get(name)!r}")
        body = got.get("body") or ""
        self.body.add(body, page.expected["body"])
        self.page_f1[page.name] = body_f1(body, page.expected["body"])
        if same_text(body, page.expected["body"]):
            self.exact_bodies += 1
        else:
            problems.append("body differs")
        leaked = [text for text in page.boilerplate if text in body]
        self.leaks += len(leaked)
        problems += [f"leak: {text!r}" for text in leaked]
        if problems:
            self.differences[page.name] = problems

    def summary(self) -> dict:
        result = {name: round(ratio(self.hits[name], self.pages), 4) for name in FIELDS}
        result.update(
            body_precision=round(self.body.precision, 4),
            body_recall=round(self.body.recall, 4),
            body_f1=round(self.body.f1, 4),
            exact_body=round(ratio(self.exact_bodies, self.pages), 4),
            boilerplate_leaks=self.leaks,
            pages=self.pages,
            pages_per_second=round(ratio(self.pages, self.seconds), 1),
        )
        return result


def body_f1(got: str, want: str) -> float:
    """One page's body token F1."""
    overlap = Overlap()
    overlap.add(got, want)
    return overlap.f1


@dataclass(slots=True)
class PageResult:
    """One gold page's record against its answers: the fields right and wrong, body F1 and leaked strings."""

    right: list[str]
    wrong: list[str]
    body_f1: float
    leaks: list[str]


def page_result(page: GoldPage, record: dict) -> PageResult:
    """How a record does on one page, field by field (language too): what a real page's floors pin."""
    right, wrong = [], []
    for name in (*FIELDS, "language"):
        matched = field_matches(name, record.get(name), page.expected.get(name), page.real)
        (right if matched else wrong).append(name)
    body = record.get("body") or ""
    leaks = [text for text in page.boilerplate if text in body]
    return PageResult(right, wrong, body_f1(body, page.expected["body"]), leaks)


def our_record(page: GoldPage) -> dict:
    # The page's budget counts CPU time: on a loaded machine, waiting for a core must not refuse a page.
    result = extract_article(page.html, page.url, fetched_at=page.captured, clock="cpu")
    if isinstance(result, NotAnArticle):
        return {"body": "", "not_an_article": str(result)}
    return result.as_record()


def score_system(name: str, function, pages: list[GoldPage], warm_up: bool = True) -> SystemScore:
    """One extractor over the gold pages; a warm-up pass first keeps model loading out of the timing."""
    if warm_up:
        for page in pages:
            function(page)
    score = SystemScore(name)
    for page in pages:
        start = time.perf_counter()
        got = function(page)
        score.add(page, got, time.perf_counter() - start)
    return score


def evaluate_gold(directory: Path) -> tuple[SystemScore, SystemScore]:
    """(ours, trafilatura) over the gold pages in `directory`."""
    pages = load_gold_pages(directory)
    if not pages:
        raise UnusableSet(
            f"no gold pages (NAME.html with NAME.json) in {directory}: run it in the repository or give --pages DIR"
        )
    ours = score_system("newsroom_scraper", our_record, pages)
    baseline = score_system("trafilatura", lambda page: baseline_fields(page.html, page.url), pages)
    return ours, baseline

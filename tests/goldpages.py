"""Strict comparison of a record with a gold record (the tests' stricter cousin of evaluation.gold)."""

from __future__ import annotations

from newsroom_scraper.evaluation.gold import GoldPage, load_gold_pages
from newsroom_scraper.extract.text import normalise_text

from .conftest import FIXTURES

EXACT_FIELDS = ("title", "date", "modified", "attribution", "authors", "section", "language")

__all__ = ["GoldPage", "differences", "gold_pages"]


def gold_pages() -> list[GoldPage]:
    return load_gold_pages(FIXTURES / "pages")


def differences(record: dict, expected: dict, boilerplate: list[str]) -> list[str]:
    """What in `record` differs from the gold record, one line each; [] when it matches."""
    found = [
        f"{field}: got {record.get(field)!r}, expected {expected.get(field)!r}"
        for field in EXACT_FIELDS
        if field in expected and record.get(field) != expected[field]
    ]
    if normalise_text(record.get("body", "")) != normalise_text(expected["body"]):
        found.append("body differs")
    found += [f"boilerplate in body: {text!r}" for text in boilerplate if text in record.get("body", "")]
    return found

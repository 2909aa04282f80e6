"""Loading the gold pages (fixtures/pages/NAME.html + NAME.json) and comparing records with them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsroom_scraper.extract.text import normalise_text

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
# Gold pages were captured on this day; relative dates ("2 hours ago") count from it.
CAPTURE_TIME = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
EXACT_FIELDS = ("title", "date", "modified", "attribution", "authors", "section", "language")


@dataclass
class GoldPage:
    name: str
    html: bytes
    url: str
    expected: dict
    boilerplate: list[str]
    captured: datetime


def load_gold_pages(directory: Path = PAGES) -> list[GoldPage]:
    pages = []
    for html_path in sorted(directory.glob("*.html")):
        gold = json.loads(html_path.with_suffix(".json").read_text("utf-8"))
        captured = gold.get("captured")
        moment = datetime.fromisoformat(captured).replace(tzinfo=UTC) if captured else CAPTURE_TIME
        if len(captured or "") == 10:
            moment = moment.replace(hour=12)
        pages.append(
            GoldPage(html_path.stem, html_path.read_bytes(), gold["url"], gold["expected"], gold["boilerplate"], moment)
        )
    return pages


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

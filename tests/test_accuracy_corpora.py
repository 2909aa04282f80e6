"""Floors on the real-page corpora, opt-in: `NEWSROOM_CORPORA=../shared/corpora pytest tests/test_accuracy_corpora.py`.

The corpora are not in the repository (a user's clone lacks them), so these
tests are skipped unless NEWSROOM_CORPORA names the folder holding
fundus-dev/, trafilatura-eval/ and htmldate-eval/. They score our side only
(no trafilatura run: `newsroom-eval` prints the comparison) and fail when a
figure falls below corpus_floors.json, like the gold pages' accuracy gate.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom_scraper.evaluation.corpora import PieceScore, listed_pages, our_fields, read_page
from newsroom_scraper.evaluation.fields_set import FieldsScore, load_fields_set, our_record, score_page

FLOORS = json.loads(Path(__file__).with_name("corpus_floors.json").read_text("utf-8"))
CORPORA = os.environ.get("NEWSROOM_CORPORA")

pytestmark = pytest.mark.skipif(not CORPORA, reason="NEWSROOM_CORPORA is not set: the corpora are not in the clone")


def _floors(name: str, summary: dict) -> list[str]:
    return [f"{name} {key} fell to {summary[key]} (floor {floor})" for key, floor in FLOORS[name].items()
            if summary[key] < floor]  # fmt: skip


def test_fundus_dev_floors():
    ours = FieldsScore("newsroom_scraper")
    now = datetime.now(UTC)
    for page in load_fields_set(Path(CORPORA) / "fundus-dev"):
        ours.pages.append(score_page(page.file, our_record(page, now), page.expected))
    assert not _floors("fundus-dev", ours.summary())


def test_trafilatura_eval_floors():
    directory = Path(CORPORA) / "trafilatura-eval"
    score = PieceScore()
    for url, expected in listed_pages(directory, [directory / "evaldata.json"], None).items():
        fields = our_fields(read_page(directory, expected["file"]), url)
        score.add_text(fields.get("body") or "", expected)
        score.add_fields(fields, expected)
    assert not _floors("trafilatura-eval", score.summary())


def test_htmldate_eval_floors():
    directory = Path(CORPORA) / "htmldate-eval"
    pages = listed_pages(directory, sorted(directory.glob("eval_*.json")), None)
    hits = sum((our_fields(read_page(directory, e["file"]), url).get("date") or "")[:10] == e["date"]
               for url, e in pages.items())  # fmt: skip
    assert not _floors("htmldate-eval", {"date": round(hits / len(pages), 4)})

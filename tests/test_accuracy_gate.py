"""The accuracy gate: extraction on the gold pages may not fall below the floors pinned in accuracy_floors.json.

Like trafilatura's evaluation gate: a change that lowers any score fails
here. Lowering a floor is a deliberate edit of that file, reviewed with the
change that needs it; raising one after an improvement locks the gain in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsroom_scraper.evaluation.gold import load_gold_pages, our_record, score_system

from .conftest import FIXTURES

FLOORS = json.loads((Path(__file__).with_name("accuracy_floors.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def summary() -> dict:
    pages = load_gold_pages(FIXTURES / "pages")
    return score_system("newsroom_scraper", our_record, pages, warm_up=False).summary()


def test_gold_corpus_size(summary):
    assert summary["pages"] >= FLOORS["pages"]


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS["minimum"]))
def test_metric_at_or_above_floor(summary, metric):
    assert summary[metric] >= FLOORS["minimum"][metric], f"{metric} fell to {summary[metric]}"


def test_no_boilerplate_leaks(summary):
    assert summary["boilerplate_leaks"] <= FLOORS["maximum"]["boilerplate_leaks"]

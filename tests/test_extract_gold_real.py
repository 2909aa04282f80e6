"""Real captured pages among the gold: each stays at or above the floors pinned in real_page_floors.json.

The pages in fixtures/pages/real were captured by others (trafilatura's and
htmldate's evaluation sets) and their answers written by reading them. Unlike
the constructed pages, not every field comes out right, so each page pins what
it gets today: the fields that match stay matching, the body token F1 does not
drop, and no listed boilerplate string leaks except the known ones named in the
floors. `python benchmarks/real_page_floors.py --write` measures and rewrites
the floors (a deliberate, reviewed step).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsroom_scraper.evaluation.gold import REAL_PAGES, load_gold_pages, our_record, page_result

from .conftest import FIXTURES

REAL = load_gold_pages(FIXTURES / "pages" / REAL_PAGES)
FLOORS = json.loads(Path(__file__).with_name("real_page_floors.json").read_text("utf-8"))


def test_enough_real_pages_with_their_origin():
    assert len(REAL) >= 20
    assert sorted(FLOORS) == sorted(page.name for page in REAL), "every real page has floors, and only those"
    for page in REAL:
        assert page.real, page.name
        assert page.origin["corpus"] in ("trafilatura-eval", "htmldate-eval"), page.name
        assert page.origin["file"].startswith("pages/"), page.name
        assert page.boilerplate, f"{page.name}: no must-not-contain list"
        assert not [text for text in page.boilerplate if text in page.expected["body"]], page.name


def test_real_pages_are_varied():
    languages = {page.expected["language"] for page in REAL}
    assert len(languages) >= 8, languages
    assert sum(1 for page in REAL if page.expected["authors"]) >= 5
    assert sum(1 for page in REAL if page.expected["attribution"] and not page.expected["authors"]) >= 5


@pytest.mark.parametrize("page", REAL, ids=[page.name for page in REAL])
def test_real_page_at_or_above_its_floors(page, validator):
    floor = FLOORS[page.name]
    record = our_record(page)
    if "not_an_article" not in record:
        validator.validate(record)
    result = page_result(page, record)
    problems = [f"{name}: got {record.get(name)!r}, expected {page.expected.get(name)!r}"
                for name in floor["fields"] if name not in result.right]  # fmt: skip
    if result.body_f1 < floor["body_f1"]:
        problems.append(f"body F1 fell to {result.body_f1:.3f} (floor {floor['body_f1']})")
    problems += [f"boilerplate in body: {text!r}" for text in result.leaks if text not in floor["known_leaks"]]
    assert not problems, "\n".join(problems)


def test_floors_name_only_real_leaks_and_fields():
    for name, floor in FLOORS.items():
        page = next(page for page in REAL if page.name == name)
        assert set(floor["known_leaks"]) <= set(page.boilerplate), name
        assert not set(floor["fields"]) & set(floor["failing"]), name


def test_eval_reports_real_pages_apart(tmp_path):
    """newsroom-eval scores DIR's pages and DIR/real's apart, each beside trafilatura, with each real page's F1."""
    import shutil
    from contextlib import redirect_stdout
    from io import StringIO

    from newsroom_scraper.cli.evaluate import main

    pages = FIXTURES / "pages"
    (tmp_path / REAL_PAGES).mkdir()
    for name in ("a_en_ap_wire.html", "a_en_ap_wire.json"):
        shutil.copy(pages / name, tmp_path / name)
    for name in ("de_bka_government.html.gz", "de_bka_government.json"):
        shutil.copy(pages / REAL_PAGES / name, tmp_path / REAL_PAGES / name)
    out = StringIO()
    with redirect_stdout(out):
        assert main(["--pages", str(tmp_path), "--json"]) == 0
    report = json.loads(out.getvalue())
    assert report["gold"]["newsroom_scraper"]["pages"] == 1
    assert report["gold"]["newsroom_scraper"]["exact_body"] == 1.0
    assert report["gold_real"]["newsroom_scraper"]["pages"] == report["gold_real"]["trafilatura"]["pages"] == 1
    scores = report["gold_real_body_f1"]["de_bka_government"]
    assert scores["newsroom_scraper"] >= FLOORS["de_bka_government"]["body_f1"]
    assert 0.5 < scores["trafilatura"] <= 1.0
    # The real page's date is compared by its day (the page shows "26. Januar 2022").
    assert report["gold_real"]["newsroom_scraper"]["date"] == 1.0

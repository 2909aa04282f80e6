"""`newsroom-eval --fields-set`: a tiny set in fundus-dev's layout, built here from gold pages with answers
written for this test, scored through the real command; and the refusal when a set has no pages.

The answers are chosen so each scoring rule decides something: a title that
matches only after folding, a date that matches by its day, authors matched
through the attribution, a body answer that is one paragraph of the record,
and a page that yields no record at all.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_scraper.cli.evaluate import main
from newsroom_scraper.evaluation.scoring import tokens

from .conftest import FIXTURES

FIRST_PARAGRAPH = (
    "A Chinese astronaut research and training official Wednesday called for international cooperation "
    "to promote the development of manned space technologies."
)
STUB_PAGE = b"<html><head><title>Not found</title></head><body><p>Page not found.</p></body></html>"


def gold(name: str) -> dict:
    return json.loads((FIXTURES / "pages" / f"{name}.json").read_text("utf-8"))


def build_set(directory: Path) -> dict:
    """Four pages with answers (one a stub that is no article) and one listed page that is missing."""
    (directory / "pages").mkdir(parents=True)
    updated, space, apa = gold("a_en_updated_first"), gold("cas_en_manned_space"), gold("b_at_news_apa")
    answers = [
        # Right on every field: the title only after NFKC, soft hyphen removal, space collapsing and case folding.
        (
            "a_en_updated_first",
            updated["url"],
            {
                "title": "RURAL HOSPI\u00adTALS  CUT MATERNITY SERVICES AS STAFFING SHORTAGES DEEPEN",
                "date": "2024-03-01 23:59:00+00:00",
                "authors": ["OMAR HADDAD"],
                "body": updated["expected"]["body"],
            },
        ),
        # Title and day wrong; no authors and none found; the body answer is the record's first paragraph.
        (
            "cas_en_manned_space",
            space["url"],
            {
                "title": "China calls for cooperation",
                "date": "2013-06-28",
                "authors": [],
                "body": FIRST_PARAGRAPH,
            },
        ),
        # The answer's author is the agency the record gives as attribution (authors are empty).
        (
            "b_at_news_apa",
            apa["url"],
            {
                "title": apa["expected"]["title"],
                "date": apa["expected"]["date"],
                "authors": ["apa"],
                "body": apa["expected"]["body"],
            },
        ),
    ]
    lines = []
    for name, url, answer in answers:
        html = (FIXTURES / "pages" / f"{name}.html").read_bytes()
        (directory / "pages" / f"{name}.html.gz").write_bytes(gzip.compress(html))
        lines.append({"file": f"{name}.html.gz", "url": url} | answer)
    (directory / "pages" / "stub.html").write_bytes(STUB_PAGE)
    lines.append(
        {
            "file": "stub.html",
            "url": "https://example.org/stub",
            "title": "Stub",
            "date": "2020-01-01",
            "authors": ["Someone"],
            "body": "Some words.",
        }
    )
    lines.append(
        {
            "file": "missing.html.gz",
            "url": "https://example.org/missing",
            "title": "x",
            "date": "2020-01-01",
            "authors": [],
            "body": "x",
        }
    )
    (directory / "gold.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", "utf-8")
    return space


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[dict, dict]:
    directory = tmp_path_factory.mktemp("fields-set")
    space = build_set(directory)
    return run_json(["--fields-set", str(directory)]), space


def run_json(argv: list[str]) -> dict:
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        assert main([*argv, "--json"]) == 0
    return json.loads(out.getvalue())


def test_fields_set_scores_each_rule(report):
    result, space = report
    ours = result["fields_set"]["newsroom_scraper"]
    assert "gold" not in result  # a named set alone does not score the gold pages
    assert ours["pages"] == 4  # the missing page is skipped, the stub scores zeros
    assert ours["title"] == 0.5
    assert ours["date"] == 0.5
    assert ours["authors"] == 0.75
    # The cas page: the answer's 20 words are all in a record of N words (counted here with a plain \w+ split).
    record_words = len(re.findall(r"\w+", space["expected"]["body"]))
    f1 = 2 * 20 / (20 + record_words)
    assert ours["body_precision"] == pytest.approx((1 + 20 / record_words + 1 + 0) / 4, abs=1e-4)
    assert ours["body_recall"] == pytest.approx(3 / 4, abs=1e-4)
    assert ours["body_f1"] == pytest.approx((1 + f1 + 1 + 0) / 4, abs=1e-4)


def test_fields_set_pages_and_differences_agree(report):
    result, _ = report
    rows = {row["file"]: row for row in result["fields_set_pages"]}
    assert list(rows) == [
        "a_en_updated_first.html.gz",
        "cas_en_manned_space.html.gz",
        "b_at_news_apa.html.gz",
        "stub.html",
    ]
    assert rows["stub.html"]["newsroom_scraper"] == {
        "title": False,
        "date": False,
        "authors": False,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert rows["cas_en_manned_space.html.gz"]["newsroom_scraper"]["recall"] == 1.0
    differences = result["fields_set_differences"]
    for name in ("title", "date", "authors"):
        lost = [f for f, row in rows.items() if row["trafilatura"][name] and not row["newsroom_scraper"][name]]
        gained = [f for f, row in rows.items() if row["newsroom_scraper"][name] and not row["trafilatura"][name]]
        assert differences[name] == {"lost": lost, "gained": gained}
    assert result["fields_set"]["trafilatura"]["pages"] == 4


def test_fields_set_table_names_the_set(tmp_path, capsys):
    build_set(tmp_path)
    assert main(["--fields-set", str(tmp_path), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert f"Field answers (1 pages, {tmp_path})" in out
    assert re.search(r"^title\s+1\.0\s", out, re.MULTILINE)
    assert "body lost (" in out and "authors gained (" in out


def test_tokens_split_cjk_characters_and_keep_word_runs():
    assert tokens("東京 Abc_def 2024年, ÉTÉ") == {"東": 1, "京": 1, "abc_def": 1, "2024": 1, "年": 1, "été": 1}


@pytest.mark.parametrize("option", ["--fields-set", "--trafilatura-set", "--htmldate-set", "--pages"])
def test_a_set_without_pages_is_refused(tmp_path, capsys, option):
    (tmp_path / "pages").mkdir()
    assert main([option, str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert str(tmp_path) in captured.err


def test_a_listing_whose_pages_are_absent_is_refused(tmp_path, capsys):
    (tmp_path / "evaldata.json").write_text(json.dumps({"https://example.org/a": {"file": "a.html", "with": []}}))
    assert main(["--trafilatura-set", str(tmp_path)]) == 2
    assert "none of the pages listed" in capsys.readouterr().err


def test_a_broken_listing_line_is_named(tmp_path, capsys):
    (tmp_path / "gold.jsonl").write_text('{"file": "a.html", "url": "https://example.org/a"}\n{not json\n')
    assert main(["--fields-set", str(tmp_path)]) == 2
    assert "gold.jsonl, line 2, is not JSON" in capsys.readouterr().err


def test_started_outside_the_repository_it_refuses(tmp_path):
    """The gold pages are found relative to the working directory; elsewhere there are none."""
    done = subprocess.run(
        [sys.executable, "-m", "newsroom_scraper.cli.evaluate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "newsroom-eval: no gold pages (NAME.html with NAME.json) in fixtures/pages: "
        "run it in the repository or give --pages DIR"
    ]

"""`newsroom-extract`: saved files in, one record per article file out, in order, in one process."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import FIXTURES, REPO

COMMAND = [sys.executable, "-m", "newsroom_scraper.cli.extract"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def test_records_in_order_and_reasons_for_the_rest(validator):
    first = FIXTURES / "pages" / "wire_xinhua_en.html"
    not_article = FIXTURES / "site" / "contact" / "index.html"
    second = FIXTURES / "pages" / "cas_zh_gbk.html"
    done = run(str(first), str(not_article), str(second))
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    expected_titles = [json.loads(path.with_suffix(".json").read_text("utf-8"))["expected"]["title"] for path in
                       (first, second)]  # fmt: skip
    assert [record["title"] for record in records] == expected_titles
    assert records[0]["url"] == first.resolve().as_uri()
    for record in records:
        validator.validate(record)
    assert str(not_article) in done.stderr and "not an article" in done.stderr


def test_url_option_sets_the_url():
    page = FIXTURES / "pages" / "cas_en_manned_space.html"
    url = "https://english.cas.cn/news/ric/201306/t20130627_105222.shtml"
    done = run("--url", url, str(page))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["url"] == url and record["site"] == "english.cas.cn"
    assert record["attribution"] == "Xinhua" and record["section"] == "Research in China"


def test_many_files_in_one_process():
    pages = sorted((FIXTURES / "pages").glob("*.html"))
    paths = [str(path) for path in pages] * 10
    done = run(*paths)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == len(paths)


def test_missing_file_is_a_reason_not_a_crash(tmp_path):
    done = run(str(tmp_path / "nope.html"))
    assert done.returncode == 1
    assert "unreadable" in done.stderr

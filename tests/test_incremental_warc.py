"""WARC capture: the raw responses of the exported articles, each carrying its record's id, re-extract to the records.

A crawl with NEWSROOM_WARC on writes `out.warc.gz` beside `out.jsonl`; the
archive's tool, `newsroom-extract out.warc.gz`, must give back exactly the
records of `out.jsonl` (same id, content hash, fetch time: every field),
and only exported articles are in it: no listing, no contact page, nothing
a later incremental run found unchanged.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsroom_scraper.extensions.warcwriter import parse_setting, warc_path_beside
from newsroom_scraper.warc import iter_warc_pages

from .conftest import REPO
from .incremental_site import Crawls


@pytest.fixture(scope="module")
def warc_runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("warc")
    crawls = Crawls(tmp_path_factory.mktemp("site"), work, count=5)
    try:
        first = crawls.crawl({"NEWSROOM_WARC": "True"})
        crawls.site.change_text(4)
        second = crawls.crawl({"NEWSROOM_WARC": "True", "NEWSROOM_RECHECK_AFTER": "0"})
    finally:
        crawls.close()
    return first, second


def extract(warc) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "newsroom_scraper.cli.extract", str(warc)], cwd=REPO,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_warc_re_extracts_to_the_same_records(warc_runs):
    first, _ = warc_runs
    assert first.returncode == 0, first.log[-3000:]
    warc = first.output.with_name("run1.warc.gz")
    assert len(first.records) == 5
    by_id = lambda records: {record["id"]: record for record in records}  # noqa: E731
    assert by_id(extract(warc)) == by_id(first.records)


def test_each_response_record_carries_its_article_id(warc_runs):
    first, _ = warc_runs
    pages = list(iter_warc_pages(first.output.with_name("run1.warc.gz")))
    assert sorted(page.url for page in pages) == sorted(record["url"] for record in first.records)
    ids = {record["url"]: record["id"] for record in first.records}
    assert all(page.article_id == ids[page.url] for page in pages)


def test_a_later_run_archives_only_what_it_exported(warc_runs):
    _, second = warc_runs
    assert [record["url"].rsplit("/", 1)[1] for record in second.records] == ["story-4.html"]
    assert extract(second.output.with_name("run2.warc.gz")) == second.records


def test_warc_names_and_settings():
    assert warc_path_beside("/a/out.jsonl").name == "out.warc.gz"
    assert warc_path_beside("/a/newsroom-2024-05-01T10-00-00+00-00.jsonl.gz").name == (
        "newsroom-2024-05-01T10-00-00+00-00.warc.gz"
    )
    assert warc_path_beside("feed").name == "feed.warc.gz"
    assert [parse_setting(v) for v in (None, False, "0", "False", True, "1", "true")] == [False] * 4 + [True] * 3
    assert parse_setting("warc/%(name)s-%(time)s.warc.gz") == "warc/%(name)s-%(time)s.warc.gz"

"""The real spider over real HTTP: the bundled demo newsroom crawled into exactly its expected records."""

from __future__ import annotations

import json
import os
from collections import Counter
from urllib.parse import urlsplit

import pytest

from .conftest import FIXTURES, run_crawl
from .goldpages import differences

DEFAULT_WORKERS = {"NEWSROOM_EXTRACT_WORKERS": "auto"}
EXPECTED = json.loads((FIXTURES / "site" / "EXPECTED.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def demo_crawl(tmp_path_factory):
    from newsroom_scraper.localserver import serve

    server = serve(FIXTURES / "site")
    try:
        # The default: one extraction worker per usable core (the other test crawls extract in process).
        result = run_crawl(f"{server.base_url}/news/", tmp_path_factory.mktemp("demo"), DEFAULT_WORKERS)
    finally:
        server.shutdown()
    return result, list(server.requests)


def test_crawl_succeeds(demo_crawl):
    result, _ = demo_crawl
    assert result.returncode == 0, result.log[-3000:]


def test_exactly_the_expected_articles(demo_crawl):
    result, _ = demo_crawl
    paths = sorted(urlsplit(record["url"]).path for record in result.records)
    assert paths == sorted(EXPECTED["articles"])


@pytest.mark.parametrize("path", sorted(EXPECTED["articles"]))
def test_article_record_matches(demo_crawl, path):
    result, _ = demo_crawl
    records = {urlsplit(record["url"]).path: record for record in result.records}
    expected = EXPECTED["articles"][path]
    assert path in records
    assert differences(records[path], expected, expected.get("boilerplate", [])) == []


def test_records_validate_and_are_unique(demo_crawl, validator):
    result, _ = demo_crawl
    for record in result.records:
        validator.validate(record)
        assert list(record) == list(validator.schema["required"])
    assert len({record["id"] for record in result.records}) == len(result.records)


def test_not_articles_are_counted_with_reasons(demo_crawl):
    result, requests = demo_crawl
    stats = result.stats
    assert stats["newsroom/articles"] == len(EXPECTED["articles"])
    assert stats["newsroom/listing_pages"] == 3
    not_articles = {key: value for key, value in stats.items() if key.startswith("newsroom/not_article/")}
    assert sum(not_articles.values()) == len(EXPECTED["not_articles"]) - 3  # the three listing pages are not extracted
    assert "Run summary" in result.log


def test_polite_and_in_scope(demo_crawl):
    _, requests = demo_crawl
    paths = [urlsplit(path).path for path in requests]
    assert paths[0] == "/robots.txt"
    assert not any(path.startswith("/admin/") for path in paths), "robots.txt Disallow ignored"
    assert not any(path.endswith(".pdf") for path in paths), "file links are not articles"
    counts = Counter(paths)
    assert all(counts[path] == 1 for path in EXPECTED["articles"]), "an article was fetched twice"


def test_the_default_crawl_extracts_in_one_worker_per_core(demo_crawl):
    result, _ = demo_crawl
    cores = len(os.sched_getaffinity(0))
    assert result.stats.get("newsroom/extract/workers", 0) == (cores if cores > 1 else 0)
    if cores > 1:  # every page went through the pool, and none of its workers had to be replaced
        pages = result.stats["newsroom/articles_extracted"] + result.stats.get("newsroom/not_article", 0)
        assert 1 <= result.stats["newsroom/extract/peak_queued"] <= pages
        assert result.stats["newsroom/extract/workers_replaced"] == 0


def test_extraction_in_the_crawl_process_gives_the_same_records(tmp_path, demo_crawl):
    from newsroom_scraper.localserver import serve

    server = serve(FIXTURES / "site")
    try:
        in_process = run_crawl(f"{server.base_url}/news/", tmp_path, {"NEWSROOM_EXTRACT_WORKERS": "0"})
    finally:
        server.shutdown()
    assert in_process.returncode == 0, in_process.log[-3000:]
    assert "newsroom/extract/workers" not in in_process.stats
    # Each server has its own port, so compare by path: the same articles with the same content.
    pooled = {urlsplit(record["url"]).path: record["content_hash"] for record in demo_crawl[0].records}
    assert {urlsplit(record["url"]).path: record["content_hash"] for record in in_process.records} == pooled

"""ExtractPipeline with worker processes: a page that hangs, eats memory or kills its worker costs only itself.

The pool and the extraction are real; the misbehaving pages come from a
test-only extraction function (tests/pooljobs.py) given to the pipeline, as
a hostile page would make the real one behave.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newsroom_scraper.items import Page
from newsroom_scraper.pipelines.extract import ExtractPipeline

from . import pooljobs
from .conftest import FIXTURES

HEALTHY = sorted((FIXTURES / "pages").glob("a_*.html"))[:4]
FAULTS = {"hang": "extraction_timeout", "memory": "too_complex", "die": "too_complex"}


def page(url: str, body: bytes = b"") -> Page:
    return Page(url=url, status=200, fetched_at="2026-11-24T12:00:00Z", content_type="text/html", body=body)


async def run_all(pipeline, items):
    async def one(item):
        try:
            return await pipeline.process_item(item)
        except DropItem as drop:
            return drop

    return await asyncio.gather(*(one(item) for item in items))


@pytest.fixture
def pooled():
    crawler = get_crawler()
    # A healthy page takes well under a second, but the machine may be loaded: 8 s, and the kill right then.
    pipeline = ExtractPipeline(
        crawler.stats, workers=2, timeout=8.0, memory_mb=768, extract=pooljobs.misbehaving_extract, kill_grace=0
    )
    pipeline.open_spider()
    yield pipeline, crawler.stats
    pipeline.close_spider()


def test_faulty_pages_are_counted_and_healthy_ones_come_back(pooled):
    pipeline, stats = pooled
    healthy = [page(json.loads(path.with_suffix(".json").read_text())["url"], path.read_bytes()) for path in HEALTHY]
    faulty = [page(f"https://news.example.org/{kind}") for kind in FAULTS]
    items = faulty[:1] + healthy[:2] + faulty[1:] + healthy[2:]
    results = asyncio.run(run_all(pipeline, items))
    by_url = dict(zip((item.url for item in items), results, strict=True))
    for item in healthy:
        assert isinstance(by_url[item.url], dict), by_url[item.url]
        assert by_url[item.url]["title"] and by_url[item.url]["body"]
    for item, kind in zip(faulty, FAULTS, strict=True):
        assert isinstance(by_url[item.url], DropItem)
        assert FAULTS[kind] in str(by_url[item.url])
    assert stats.get_value("newsroom/articles_extracted") == len(healthy)
    assert stats.get_value("newsroom/not_article/extraction_timeout") == 1
    assert stats.get_value("newsroom/not_article/too_complex") == 2
    assert pipeline.pool.replaced == 3


def test_pooled_records_equal_in_process_records(pooled):
    pipeline, _ = pooled
    items = [page(json.loads(path.with_suffix(".json").read_text())["url"], path.read_bytes()) for path in HEALTHY]
    in_process = ExtractPipeline(get_crawler().stats)
    pooled_records = asyncio.run(run_all(pipeline, items))
    local_records = asyncio.run(run_all(in_process, items))
    assert [r["content_hash"] for r in pooled_records] == [r["content_hash"] for r in local_records]


def test_in_process_extraction_counts_a_failure_and_goes_on():
    stats = get_crawler().stats
    pipeline = ExtractPipeline(stats, extract=pooljobs.misbehaving_extract)
    path = HEALTHY[0]
    items = [
        page("https://news.example.org/fail"),
        page(json.loads(path.with_suffix(".json").read_text())["url"], path.read_bytes()),
    ]
    results = asyncio.run(run_all(pipeline, items))
    assert isinstance(results[0], DropItem) and "extraction_error: KeyError: 'no such thing'" in str(results[0])
    assert isinstance(results[1], dict) and results[1]["body"]
    assert stats.get_value("newsroom/not_article/extraction_error") == 1

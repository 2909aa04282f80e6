"""SeenPipeline without a crawl: an article is seen exactly when its line is whole in the feed file.

A stand-in for Scrapy's feed exporter holds one real `LineFileFeedStorage`;
the test writes lines through it the way the JSON-lines exporter does, or
fails to, and checks what the store then knows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from scrapy.exceptions import DropItem

from newsroom_scraper.feedstorage import LineFileFeedStorage
from newsroom_scraper.pipelines.seen import SeenPipeline
from newsroom_scraper.state import open_store
from newsroom_scraper.state.crawl import CrawlState


class Stats(dict):
    def inc_value(self, key: str, count: int = 1) -> None:
        self[key] = self.get(key, 0) + count

    def get_stats(self) -> dict:
        return dict(self)


class AcceptAll:
    def accepts(self, item) -> bool:
        return True


@dataclass
class Slot:
    storage: LineFileFeedStorage
    format: str = "jsonlines"
    feed_options: dict = field(default_factory=lambda: {"format": "jsonlines"})
    filter: AcceptAll = field(default_factory=AcceptAll)


@dataclass
class Exporter:
    slots: list[Slot]


def record(n: int, content_hash: str = "h1") -> dict:
    url = f"https://news.example.org/story-{n}.html"
    return {"id": f"id-{n}", "url": url, "canonical_url": url, "title": "T", "content_hash": content_hash}


@pytest.fixture
def setup(tmp_path):
    store = open_store(str(tmp_path / "state.db"))
    stats = Stats()
    pipeline = SeenPipeline(CrawlState(store, "run-1", full=False), stats)
    storage = LineFileFeedStorage(str(tmp_path / "out.jsonl"), feed_options={"format": "jsonlines"})
    pipeline.exporter = Exporter([Slot(storage)])
    pipeline.open_spider()
    yield pipeline, store, stats, storage.open(None)
    if not pipeline.finished:
        pipeline.finish()


def export(pipeline, file, item, write: bool = True) -> None:
    """What Scrapy does on item_scraped: the exporter writes the line, then our handler runs."""
    if write:
        file.write((json.dumps(item) + "\n").encode())
    pipeline.item_exported(item, None, None)


def test_seen_as_soon_as_the_line_is_written(setup):
    pipeline, store, stats, file = setup
    item = pipeline.process_item(record(1))
    assert store.article("id-1") is None and store.pending("run-1") == {"id-1": "h1"}
    export(pipeline, file, item)
    assert store.article("id-1").content_hash == "h1" and store.pending("run-1") == {}
    assert stats["newsroom/exported/new"] == 1


def test_an_article_whose_line_was_not_written_is_not_seen(setup):
    pipeline, store, _, file = setup
    item = pipeline.process_item(record(2))
    export(pipeline, file, item, write=False)  # the exporter failed before writing
    pipeline.feeds_closed()  # ends the run and closes the store
    fresh = open_store(str(store.path))
    try:
        assert fresh.article("id-2") is None
        assert fresh.runs() == [] and fresh.pending("run-1") == {}
    finally:
        fresh.close()


def test_unchanged_is_dropped_and_changed_is_exported(setup):
    pipeline, store, stats, file = setup
    export(pipeline, file, pipeline.process_item(record(3)))
    with pytest.raises(DropItem, match="Unchanged"):
        pipeline.process_item(record(3))
    assert stats["newsroom/unchanged/same_hash"] == 1
    export(pipeline, file, pipeline.process_item(record(3, "h2")))
    assert stats["newsroom/exported/changed"] == 1 and store.article("id-3").content_hash == "h2"


def test_the_run_journals_its_feed_before_the_first_line(setup, tmp_path):
    pipeline, store, _, _ = setup
    pipeline.process_item(record(4))
    [run] = store.runs()
    assert [(feed.path, feed.offset) for feed in run.feeds] == [(str(tmp_path / "out.jsonl"), 0)]

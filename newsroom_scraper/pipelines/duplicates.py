"""DuplicatesPipeline: one record per article id in a run.

One article is often reachable under several URLs (tracking parameters, a
section path and a date path); they share a canonical URL and so an `id`.
The first record is kept; the others are counted as `newsroom/duplicate`.
Across runs, the seen pipeline (after this one) decides what is exported;
records written are counted when they reach the feed (`newsroom/articles`,
by the run summary), not here.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem


class DuplicatesPipeline:
    def __init__(self, stats) -> None:
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if item["id"] in self.seen:
            self.stats.inc_value("newsroom/duplicate")
            raise DropItem(f"Duplicate of an article already exported: {item['url']}")
        self.seen.add(item["id"])
        return item

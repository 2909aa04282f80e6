"""SincePipeline: with a `since` cut-off, records whose own date is older are not exported.

Sitemap and feed dates already kept most old pages from being fetched
(`discovery/since.py`); listing pages have no trustworthy dates, and a
sitemap `lastmod` can be new for an old article that was corrected. The
date the extraction read on the page decides here. Dropped records are
counted as `newsroom/not_exported/older_than_since`.
"""

from __future__ import annotations

from datetime import date

from scrapy.exceptions import DropItem

from ..discovery.since import parse_since, record_before


class SincePipeline:
    def __init__(self, stats, since: date | None) -> None:
        self.stats = stats
        self.since = since

    @classmethod
    def from_crawler(cls, crawler):
        # The spider reconciles `-a since` with NEWSROOM_SINCE; without it, the setting alone.
        since = getattr(crawler.spider, "since", None) or parse_since(crawler.settings.get("NEWSROOM_SINCE"))
        return cls(crawler.stats, since)

    def process_item(self, item):
        if self.since is not None and isinstance(item, dict) and record_before(item.get("date"), self.since):
            self.stats.inc_value("newsroom/not_exported/older_than_since")
            raise DropItem(f"Older than {self.since.isoformat()} ({item['date']}): {item.get('url')}")
        return item

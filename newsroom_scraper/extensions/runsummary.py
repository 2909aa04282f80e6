"""RunSummary: at the end of a crawl, one log line saying what the run did, and optionally a JSON file.

A scheduled run is read by people scanning logs and by monitoring reading a
file. The summary gives articles written, pages that were not articles and
failed requests, each by reason (from the `newsroom/...` stats). With
NEWSROOM_STATS_FILE set (default: unset), all crawl stats are also written
there as JSON when the spider closes.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from scrapy import signals

logger = logging.getLogger(__name__)


def by_reason(stats: dict, prefix: str) -> dict[str, int]:
    return {key[len(prefix) :]: value for key, value in sorted(stats.items()) if key.startswith(prefix)}


def summary_line(stats: dict) -> str:
    not_articles = by_reason(stats, "newsroom/not_article/")
    failures = by_reason(stats, "newsroom/failed/")
    parts = [
        f"{stats.get('newsroom/articles', 0)} articles written",
        f"{sum(not_articles.values())} not articles {not_articles or ''}".rstrip(),
        f"{sum(failures.values())} failed {failures or ''}".rstrip(),
    ]
    if stats.get("newsroom/duplicate"):
        parts.append(f"{stats['newsroom/duplicate']} duplicates")
    invalid = by_reason(stats, "newsroom/invalid/")
    if invalid:
        parts.append(f"{sum(invalid.values())} invalid {invalid}")
    return "; ".join(parts)


class RunSummary:
    def __init__(self, stats, stats_file: str | None) -> None:
        self.stats = stats
        self.stats_file = Path(stats_file) if stats_file else None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler.stats, crawler.settings.get("NEWSROOM_STATS_FILE"))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider, reason) -> None:
        stats = self.stats.get_stats()
        logger.info("Run summary (%s): %s", reason, summary_line(stats))
        if self.stats_file:
            self.stats_file.parent.mkdir(parents=True, exist_ok=True)
            data = {key: value if isinstance(value, (int, float, str)) else str(value) for key, value in stats.items()}
            data["finish_reason"] = reason
            self.stats_file.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")

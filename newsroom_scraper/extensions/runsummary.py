"""RunSummary: at the end of a crawl, one log line saying what the run did, and optionally a JSON file.

A scheduled run is read by people scanning logs and by monitoring reading a
file. The summary gives the articles written (new, changed, and unchanged
ones written again by `-a mode=full`), the articles found unchanged and not
written, pages that were not articles, failed requests and URLs skipped on
purpose, each by reason (from the `newsroom/...` stats). It counts the
records handed to the feed itself (`newsroom/articles`, on `item_scraped`),
so "written" means written, whatever dropped the others. With
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


def counted(label: str, reasons: dict[str, int]) -> str:
    """'3 unchanged {not_modified: 2, same_hash: 1}', or '0 unchanged'."""
    detail = ", ".join(f"{reason}: {count}" for reason, count in reasons.items())
    return f"{sum(reasons.values())} {label}" + (f" {{{detail}}}" if detail else "")


# How the articles written are told apart. Unchanged ones are written only by `-a mode=full`: calling them
# "unchanged" too would read as a contradiction of the "0 unchanged" (not written) that follows.
WRITTEN_KINDS = {"new": "new", "changed": "changed", "unchanged": "again in full mode"}


def summary_line(stats: dict) -> str:
    exported = by_reason(stats, "newsroom/exported/")
    written = f"{stats.get('newsroom/articles', 0)} articles written"
    if exported:
        written += " (" + ", ".join(f"{exported[kind]} {label}" for kind, label in WRITTEN_KINDS.items()
                                    if kind in exported) + ")"  # fmt: skip
    parts = [
        written,
        counted("unchanged", by_reason(stats, "newsroom/unchanged/")),
        counted("not articles", by_reason(stats, "newsroom/not_article/")),
        counted("failed", by_reason(stats, "newsroom/failed/")),
    ]
    not_exported = by_reason(stats, "newsroom/not_exported/")
    if stats.get("newsroom/duplicate"):
        not_exported["duplicate"] = stats["newsroom/duplicate"]
    not_exported.update({f"invalid_{field}": n for field, n in by_reason(stats, "newsroom/invalid/").items()})
    for label, reasons in (("not exported", not_exported), ("skipped", by_reason(stats, "newsroom/skipped/"))):
        if reasons:
            parts.append(counted(label, reasons))
    return "; ".join(parts)


class RunSummary:
    def __init__(self, stats, stats_file: str | None) -> None:
        self.stats = stats
        self.stats_file = Path(stats_file) if stats_file else None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler.stats, crawler.settings.get("NEWSROOM_STATS_FILE"))
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def item_scraped(self, item, spider) -> None:
        self.stats.inc_value("newsroom/articles")

    def spider_closed(self, spider, reason) -> None:
        stats = self.stats.get_stats()
        logger.info("Run summary (%s): %s", reason, summary_line(stats))
        if self.stats_file:
            self.stats_file.parent.mkdir(parents=True, exist_ok=True)
            data = {key: value if isinstance(value, (int, float, str)) else str(value) for key, value in stats.items()}
            data["finish_reason"] = reason
            self.stats_file.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")

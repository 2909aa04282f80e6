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

The summary also decides the run's exit status (`newsroom/exit_status`,
read by our `crawl` command), and says why when it is not 0: cron and
systemd see a failed run as failed (README "Exit statuses").
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from scrapy import signals

from ..failures import REQUEST_SKIPS

logger = logging.getLogger(__name__)

EXIT_STATUS_STAT = "newsroom/exit_status"
OUTPUT_ERROR_STAT = "newsroom/output_error"  # set by the feed storage: why the output could not be written
STATE_ERROR_STAT = "newsroom/state_error"  # set when the seen-store failed during the run
# Exit statuses (README "Exit statuses"); 2 is argparse's and Scrapy's for a usage mistake.
STATUS_OK = 0
STATUS_CRASHED = 1
STATUS_USAGE = 2
STATUS_NOTHING_READ = 3
STATUS_OUTPUT_LOST = 4
STATUS_STATE_LOST = 5
# Per-request outcomes counted by reason under newsroom/<kind>/.
OUTCOME_KINDS = ("unchanged", "not_article", "failed", "not_exported", "invalid")
# Stats counting the index pages (listings, sitemaps, feeds) a run actually read.
INDEX_READ_STATS = ("newsroom/listing_pages", "newsroom/sitemaps", "newsroom/feeds", "newsroom/robots_sitemaps")
# In a shared crawl: the index pages read by all its workers in this pass (distributed/stats.py).
CLUSTER_INDEX_READ_STAT = "newsroom/cluster/index_read"


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
    requested, accounted = requested_and_accounted(stats)
    parts.append(
        f"{requested} URLs requested" + (f", {requested - accounted} unaccounted" if requested != accounted else "")
    )
    return "; ".join(parts)


def requested_and_accounted(stats: dict) -> tuple[int, int]:
    """URLs the crawl requested, and how many of them ended in a counted outcome (the two should be equal).

    Outcomes: an index page read or not a listing, a record written, unchanged, not an article, not
    exported, failed, or skipped after it was asked for (robots.txt, recheck not due, ...): skips of
    URLs never requested (off-site, over budget) are reasons too, but not of a request.
    """
    requested = sum(by_reason(stats, "newsroom/requested/").values()) + stats.get("newsroom/index_requested", 0)
    outcomes = [
        *(stats.get(key, 0) for key in INDEX_READ_STATS),
        stats.get("newsroom/articles", 0),
        stats.get("newsroom/duplicate", 0),
        *(sum(by_reason(stats, f"newsroom/{kind}/").values()) for kind in OUTCOME_KINDS),
        *(count for reason, count in by_reason(stats, "newsroom/skipped/").items() if reason in REQUEST_SKIPS),
    ]
    return requested, sum(outcomes)


def verdict(stats: dict) -> tuple[int, str | None]:
    """The run's exit status, and why when it is not 0."""
    if stats.get(OUTPUT_ERROR_STAT):
        return STATUS_OUTPUT_LOST, f"the output could not be written ({stats[OUTPUT_ERROR_STAT]})"
    if stats.get(STATE_ERROR_STAT):
        return STATUS_STATE_LOST, f"the state could not be kept ({stats[STATE_ERROR_STAT]})"
    if not any(stats.get(key) for key in (*INDEX_READ_STATS, CLUSTER_INDEX_READ_STAT)):
        failed = sum(by_reason(stats, "newsroom/failed/").values())
        not_listings = stats.get("newsroom/skipped/not_a_listing", 0)
        why = "no listing, sitemap or feed was read"
        if failed or not_listings:
            why += f" ({failed} failed, {not_listings} not a listing)"
        return STATUS_NOTHING_READ, why
    return STATUS_OK, None


def nothing_new(stats: dict) -> str | None:
    """'nothing new since the last run (N rechecks not due)' when a run that worked wrote nothing."""
    if stats.get("newsroom/articles", 0):
        return None
    return f"nothing new since the last run ({stats.get('newsroom/skipped/recheck_not_due', 0)} rechecks not due)"


class RunSummary:
    def __init__(self, stats, stats_file: str | None) -> None:
        self.stats = stats
        self.stats_file = Path(stats_file) if stats_file else None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler.stats, crawler.settings.get("NEWSROOM_STATS_FILE"))
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_error, signal=signals.item_error)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def item_scraped(self, item, spider) -> None:
        self.stats.inc_value("newsroom/articles")

    def item_error(self, item, response, spider, failure) -> None:
        """A page lost to an error in an item pipeline: counted; one in the seen-store means the state is lost."""
        self.stats.inc_value("newsroom/failed")
        self.stats.inc_value("newsroom/failed/pipeline_error")
        if failure.check(sqlite3.Error):
            self.stats.set_value(STATE_ERROR_STAT, f"{type(failure.value).__name__}: {failure.value}")

    def spider_closed(self, spider, reason) -> None:
        stats = self.stats.get_stats()
        status, why = verdict(stats)
        self.stats.set_value(EXIT_STATUS_STAT, status)
        line = summary_line(stats)
        if status != STATUS_OK:
            logger.error("Run summary (%s): %s; exit status %d: %s", reason, line, status, why)
        else:
            quiet = nothing_new(stats)
            logger.info("Run summary (%s): %s%s", reason, line, f"; {quiet}" if quiet else "")
        if self.stats_file:
            self.write_stats_file(self.stats.get_stats(), reason)

    def write_stats_file(self, stats: dict, reason: str) -> None:
        data = {key: value if isinstance(value, (int, float, str)) else str(value) for key, value in stats.items()}
        data["finish_reason"] = reason
        try:
            self.stats_file.parent.mkdir(parents=True, exist_ok=True)
            self.stats_file.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        except OSError as error:
            logger.error("Cannot write the stats file %s: %s", self.stats_file, error.strerror or error)

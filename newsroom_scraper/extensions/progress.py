"""Progress: one INFO line per interval while a crawl runs, saying how far it got and how fast.

A long crawl is otherwise silent at INFO between its start and its summary
(drops are DEBUG lines): whoever watches it, or reads its log afterwards,
needs to see that it moves and whether pages turn into articles. Every
NEWSROOM_PROGRESS_INTERVAL seconds (default 60; 0 turns it off) one line
gives the pages fetched, the articles extracted, the pages that were not
articles and the failed requests so far, and the pages fetched per minute
over the last interval:

    Progress after 3m00s: 412 pages (131/min), 388 articles, 17 not articles, 7 failed

It replaces Scrapy's LogStats line (disabled in our settings), whose
"scraped items" mean nothing here: pages that are not articles are dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)

# The crawl stats each figure is read from.
PAGES = "response_received_count"
ARTICLES = "newsroom/articles_extracted"
NOT_ARTICLES = "newsroom/not_article"
FAILED = "newsroom/failed"


def elapsed_text(seconds: float) -> str:
    """`3m00s`, `1h05m00s`."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


def progress_line(stats: dict, elapsed: float, pages_per_minute: float) -> str:
    return (
        f"Progress after {elapsed_text(elapsed)}: {stats.get(PAGES, 0)} pages ({pages_per_minute:.0f}/min), "
        f"{stats.get(ARTICLES, 0)} articles, {stats.get(NOT_ARTICLES, 0)} not articles, {stats.get(FAILED, 0)} failed"
    )


class Progress:
    def __init__(self, stats, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.stats = stats
        self.interval = interval
        self.clock = clock
        self.started = self.last_tick = clock()
        self.pages_before = 0
        self.task = None  # the looping call, while the spider runs

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("NEWSROOM_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler.stats, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider) -> None:
        self.started = self.last_tick = self.clock()
        self.task = create_looping_call(self.log)
        self.task.start(self.interval, now=False)

    def log(self) -> None:
        stats, now = self.stats.get_stats(), self.clock()
        pages = stats.get(PAGES, 0)
        # Over the time that really passed: a busy reactor calls late.
        rate = (pages - self.pages_before) * 60.0 / max(now - self.last_tick, 1e-6)
        self.pages_before, self.last_tick = pages, now
        logger.info("%s", progress_line(stats, now - self.started, rate))

    def spider_closed(self, spider, reason) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

"""ExtractPipeline: turn each fetched Page into an article record, or drop it with a counted reason.

Pages that are not articles (listings, contact pages, PDFs, empty pages) are
dropped with the reason (one DEBUG line: see logformatter.py), and counted as
`newsroom/not_article/<reason>` in the crawl stats, so a run's summary says
why each page produced no record.

Extraction is CPU work while Scrapy runs on one reactor thread, so by
default (NEWSROOM_EXTRACT_WORKERS = "auto") it runs in one worker process
per usable core (spawned, not forked, so no reactor state is copied) and the
crawl keeps downloading meanwhile; on a single core, and with 0, it runs in
the crawl's own process. The pool starts with the first page (a crawl that
finds none spawns nothing) and serves the whole crawl. A page travels as its
raw bytes plus a small header (`PageHeader`: no HTTP headers, no pickled
body), and a worker runs pagetask.py, which loads no Scrapy. The reactor
never waits on a worker: `submit` only queues, and the queue stays bounded
because Scrapy keeps a response in its scraper slot until its items are
processed and stops downloading past the slot's size (5 MB of responses):
`newsroom/extract/peak_queued` records the most pages queued or in work at
once.

Every page gets an answer in bounded time (NEWSROOM_EXTRACT_TIMEOUT): in
process, the extraction's own budget (extract/guard.py); in workers, the
same budget plus a hard kill, and an address-space limit per worker
(NEWSROOM_EXTRACT_MEMORY_MB). A worker killed or dead costs only its own
page, counted as `extraction_timeout` or `too_complex`; the pool
(workerpool.py) replaces it and the crawl goes on.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable

from scrapy.exceptions import DropItem

from ..extract import NotAnArticle, SiteProfile
from ..extract.guard import failure_detail
from ..items import Page
from ..pagetask import PageHeader, extract_page, extract_sent, warm_up
from ..workerpool import RemoteError, TaskFailed, WorkerPool

logger = logging.getLogger(__name__)

# A worker gets this many seconds past the page's budget before it is killed: the budget's own
# checks answer first (the worker lives on), the kill is for a stage stuck in C code.
KILL_GRACE = 5.0
# Why a worker gave no answer, as the reason counted for its page.
FAILURE_REASONS = {"timeout": "extraction_timeout", "memory": "too_complex", "died": "too_complex"}


def extract_workers(value) -> int:
    """NEWSROOM_EXTRACT_WORKERS as a count: "auto" is one per usable core, and 0 on a single core."""
    text = str(value).strip().lower()
    if text == "auto":
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return cores if cores > 1 else 0
    if not text.isdigit():
        raise ValueError(
            f"NEWSROOM_EXTRACT_WORKERS={value!r} is neither 'auto' nor a whole number >= 0; "
            "use e.g. -s NEWSROOM_EXTRACT_WORKERS=auto (one per core) or 0 (extract in the crawl's process)"
        )
    return int(text)


def failure_reason(outcome: TaskFailed | RemoteError) -> NotAnArticle:
    if isinstance(outcome, RemoteError):
        return NotAnArticle("extraction_error", str(outcome))
    return NotAnArticle(FAILURE_REASONS.get(outcome.kind, "extraction_error"), f"worker {outcome.detail}")


class ExtractPipeline:
    def __init__(
        self,
        stats,
        crawler=None,
        workers: int = 0,
        *,
        timeout: float = 20.0,
        memory_mb: int | None = 1024,
        extract: Callable = extract_page,
        kill_grace: float = KILL_GRACE,
    ) -> None:
        """`extract(item, profile, timeout)` is extract_page; tests give a function that hangs or eats memory."""
        self.stats = stats
        self.crawler = crawler
        self.profiles: dict[str, SiteProfile] = {}
        self.workers = workers
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.extract = extract
        self.kill_grace = kill_grace
        self.pool: WorkerPool | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            crawler.stats,
            crawler,
            extract_workers(settings.get("NEWSROOM_EXTRACT_WORKERS")),
            timeout=settings.getfloat("NEWSROOM_EXTRACT_TIMEOUT"),
            memory_mb=settings.getint("NEWSROOM_EXTRACT_MEMORY_MB") or None,
        )

    def open_spider(self) -> None:
        """Per-source profiles (selectors, language, date order) come from the spider's sources."""
        spider = self.crawler.spider if self.crawler else None
        for source in getattr(spider, "sources", None) or ():
            self.profiles[source.name] = source.profile

    def started_pool(self) -> WorkerPool:
        """The crawl's pool, started with its first page and reused for every page after."""
        if self.pool is None:
            self.pool = WorkerPool(
                self.workers, timeout=self.timeout + self.kill_grace, memory_mb=self.memory_mb, initializer=warm_up
            )
            self.stats.set_value("newsroom/extract/workers", self.workers)
        return self.pool

    def close_spider(self) -> None:
        if self.pool is not None:
            self.stats.set_value("newsroom/extract/workers_replaced", self.pool.replaced)
            self.stats.set_value("newsroom/extract/peak_queued", self.pool.peak_waiting)
            self.pool.shutdown()

    async def process_item(self, item):
        if not isinstance(item, Page):
            return item
        result = await self._extract(item, self.profiles.get(item.source or ""))
        if isinstance(result, NotAnArticle):
            self.stats.inc_value("newsroom/not_article")
            self.stats.inc_value(f"newsroom/not_article/{result.reason}")
            raise DropItem(f"Not an article ({result}): {item.url}")
        self.stats.inc_value("newsroom/articles_extracted")
        return result.as_record()

    async def _extract(self, item: Page, profile: SiteProfile | None):
        if self.workers <= 0:
            try:
                return self.extract(item, profile, self.timeout)
            except Exception as error:  # noqa: BLE001 - extract_article never raises; this is for what wraps it
                logger.warning("Extraction of %s failed: %s", item.url, failure_detail(error))
                return NotAnArticle("extraction_error", failure_detail(error))
        try:
            submitted = self.started_pool().submit(
                extract_sent, PageHeader.of(item), profile, self.timeout, self.extract, data=item.body
            )
            result = await asyncio.wrap_future(submitted)
        except RemoteError as error:
            result = error
        if isinstance(result, TaskFailed | RemoteError):
            logger.warning("Extraction of %s failed in its worker: %s", item.url, result)
            return failure_reason(result)
        return result

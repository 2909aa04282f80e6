"""The add-on that turns a crawl into one worker of a shared crawl when NEWSROOM_REDIS_URL is set.

Scrapy applies add-ons (the ADDONS setting) to the crawler's settings after
`-s` options are read and before any component is built, so a single
`-s NEWSROOM_REDIS_URL=redis://host:6379/0` switches the scheduler, the
dupefilter, robots.txt, the download handlers and the seen-store at once.
Without the setting it does nothing: Scrapy's scheduler, local politeness,
SQLite.

Redis is asked for a PING here, before the crawl opens anything: a worker
that cannot reach it says so in one line and exits with status 1 (a worker
crawling alone would neither share the frontier nor the seen-store).
"""

from __future__ import annotations

import re
import sys

from scrapy.settings import SETTINGS_PRIORITIES

CRAWL_ID = re.compile(r"[A-Za-z0-9._-]{1,100}")
PACKAGE = "newsroom_scraper.distributed"
COMPONENTS = {
    "EXTENSIONS": {f"{PACKAGE}.coordinator.CrawlCoordinator": 10},
    # Outermost: a lease is acknowledged once every other middleware has handled the callback's output.
    "SPIDER_MIDDLEWARES": {f"{PACKAGE}.coordinator.SharedFrontierMiddleware": 10},
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        f"{PACKAGE}.robots.SharedRobotsTxtMiddleware": 100,
    },
    "DOWNLOAD_HANDLERS": {
        "http": f"{PACKAGE}.politeness.SharedBudgetDownloadHandler",
        "https": f"{PACKAGE}.politeness.SharedBudgetDownloadHandler",
    },
}


class DistributedCrawl:
    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def update_settings(self, settings) -> None:
        url = settings.get("NEWSROOM_REDIS_URL")
        if not url:
            return
        from .connection import RedisUnreachable, connect
        from .keys import CrawlKeys

        crawl_id = settings.get("NEWSROOM_CRAWL_ID") or "newsroom"
        if not CRAWL_ID.fullmatch(crawl_id):
            fail(f"NEWSROOM_CRAWL_ID: {crawl_id!r} must be 1-100 letters, digits, '.', '_' or '-'")
        try:
            connect(url).close()
        except RedisUnreachable as error:
            fail(str(error))
        keys = CrawlKeys(crawl_id)
        values = {
            "NEWSROOM_CRAWL_ID": crawl_id,
            "REDIS_URL": url,
            "SCHEDULER": f"{PACKAGE}.scheduler.RedisScheduler",
            "SCHEDULER_QUEUE_CLASS": f"{PACKAGE}.queue.LeasedQueue",
            "SCHEDULER_QUEUE_KEY": keys.requests,
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
            # The queue outlives each worker: the pass ends when all are done (cluster.py), not when one closes.
            "SCHEDULER_PERSIST": True,
            # A worker's exit status judges the listings read by the whole crawl, not its own alone.
            "STATS_CLASS": f"{PACKAGE}.stats.SharedIndexStats",
        }
        for name, value in values.items():
            settings.set(name, value, priority="addon")
        if (settings.getpriority("NEWSROOM_STATE") or 0) <= SETTINGS_PRIORITIES["project"]:
            # One seen-store for all workers unless the user named one (-s, a spider): the Redis of the crawl.
            # "addon" ranks below "project", where our settings module gives the SQLite default: replace that.
            settings.set("NEWSROOM_STATE", url, priority="project")
        for name, components in COMPONENTS.items():
            settings.set(name, {**settings.getdict(name), **components}, priority=settings.getpriority(name) or 0)


def fail(message: str) -> None:
    """A mistake the user fixes: one line on stderr, exit status 1, before anything is opened."""
    print(f"error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)

"""scrapy-redis' Scheduler, bound to our leased queue, and stopping the crawl cleanly when Redis goes away.

scrapy-redis 0.9 works with Scrapy 2.19 as it is: its Scheduler passes
Scrapy's scheduler interface check (it is duck-typed), and its
RFPDupeFilter shares fingerprints in a Redis set. What it lacks for us:
the queue must know its worker (leases, see queue.py), and a lost Redis
must not raise from the engine's loop on every tick: the first error is
logged in one line and the crawl is closed with reason `redis_lost`. What
was exported stays exported: the feed holds whole lines, and the claims
still open are settled by the next run (state/recovery.py).
"""

from __future__ import annotations

import logging

import redis
from scrapy_redis.scheduler import Scheduler

from .cluster import Cluster, cluster_of
from .connection import redacted

logger = logging.getLogger(__name__)

# Requests a worker may hold waiting in its download slots beyond one per site.
PREFETCH = 2


def redis_lost(crawler, cluster: Cluster, error: Exception) -> None:
    """Say once that Redis is gone, and close the spider (the first caller does)."""
    if cluster.lost_error is not None:
        return
    cluster.lost_error = str(error)
    logger.error("Lost Redis at %s (%s): stopping the crawl; run it again once Redis is back",
                 redacted(cluster.url), error)  # fmt: skip
    crawler.stats.set_value("newsroom/redis_lost", 1)
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        from scrapy.utils.defer import deferred_from_coro
        from twisted.internet import reactor

        reactor.callLater(0, lambda: deferred_from_coro(engine.close_spider_async(reason="redis_lost")))


class RedisScheduler(Scheduler):
    crawler = None
    cluster: Cluster

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.cluster = cluster_of(crawler)
        return scheduler

    def open(self, spider):
        super().open(spider)
        self.queue.bind(self.cluster.keys, self.cluster.worker.id)

    def close(self, reason):
        if reason == "redis_lost":
            return None
        try:
            # Requests this worker popped but never handled (a shutdown before the end) go back to the others.
            self.queue.reclaim(self.cluster.worker.id)
        except redis.RedisError as error:
            logger.warning("Could not give back this worker's leases: %s", error)
        return super().close(reason)

    def enqueue_request(self, request):
        if self.cluster.lost_error:
            return False
        try:
            # scrapy-redis' own, without the `spider` argument to the stats that Scrapy 2.19 deprecates.
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
            self.stats.inc_value("scheduler/enqueued/redis")
            return True
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)
            return False

    def next_request(self):
        if self.cluster.lost_error or self.holding_enough():
            return None
        try:
            request = self.queue.pop()
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)
            return None
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def holding_enough(self) -> bool:
        """Requests popped but still waiting in this worker's download slots are requests no other worker can
        take: pop no more while there is one waiting for each site in work (at least two)."""
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return False
        # Active requests not being transferred wait: in a slot's queue, or in a middleware (robots.txt).
        waiting = len(downloader.active) - sum(len(slot.transferring) for slot in downloader.slots.values())
        return waiting >= max(PREFETCH, len(downloader.slots))

    def has_pending_requests(self):
        if self.cluster.lost_error:
            return False
        try:
            return super().has_pending_requests()
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)
            return False

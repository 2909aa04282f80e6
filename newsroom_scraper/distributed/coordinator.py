"""The worker's part in a shared crawl: seed it once, acknowledge what it handled, stay until the crawl is done.

`SharedFrontierMiddleware` (a spider middleware) wraps the spider's own
`async def start()`: the worker that wins the seed lock queues the start
requests, the others run `start()` for its side effects, drop its
requests and wait until the pass is seeded. It acknowledges a request's
lease once the output of its callback has been queued, and it lets the
shared dupefilter see index pages (listings, sitemaps, feeds): the spider
marks them `dont_filter` so that a persistent JOBDIR never filters them
on a later run, but the shared fingerprints live one pass only, so
filtering them there means exactly "once per run across all workers".

`CrawlCoordinator` (an extension) keeps the worker's heartbeat, puts back
the leases of dead workers, and decides at each idle moment: the worker
stays (DontCloseSpider) while anything is queued or leased anywhere, and
closes when its `try_finish` finds the whole crawl done.
"""

from __future__ import annotations

import logging

import redis
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import sleep
from twisted.internet import task

from .cluster import Cluster, Role, cluster_of
from .queue import LeasedQueue
from .scheduler import redis_lost

logger = logging.getLogger(__name__)

# How often a waiting worker looks at the shared queue again (Scrapy's own idle tick is 5 s).
POLL_S = 0.25


def shared(output):
    if isinstance(output, Request) and output.dont_filter and "retry_times" not in output.meta:
        return output.replace(dont_filter=False)
    return output


def frontier(crawler) -> LeasedQueue | None:
    scheduler = crawler.engine.scheduler if crawler.engine else None
    return getattr(scheduler, "queue", None)


class SharedFrontierMiddleware:
    def __init__(self, crawler, cluster: Cluster) -> None:
        self.crawler = crawler
        self.cluster = cluster

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, cluster_of(crawler))

    async def process_start(self, start):
        while True:
            role = self.cluster.seed_role()
            if role is not Role.WAIT:
                break
            await sleep(POLL_S)
        if role is Role.JOIN:
            logger.info("Joining pass %s of crawl %r", self.cluster.pass_number(), self.cluster.keys.crawl_id)
        async for request in start:
            if role is Role.SEED:
                self.cluster.seeding()
                yield shared(request)
        if role is Role.SEED:
            self.cluster.seeded()

    def process_spider_output(self, response, result):
        try:
            for output in result:
                yield shared(output)
        finally:
            self.ack(response)

    async def process_spider_output_async(self, response, result):
        try:
            async for output in result:
                yield shared(output)
        finally:
            self.ack(response)

    def ack(self, response) -> None:
        queue = frontier(self.crawler)
        if queue is None or self.cluster.lost_error:
            return
        try:
            queue.ack(response.meta)
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)


class CrawlCoordinator:
    def __init__(self, crawler, cluster: Cluster) -> None:
        self.crawler = crawler
        self.cluster = cluster
        self.heartbeat = task.LoopingCall(self.beat)

    @classmethod
    def from_crawler(cls, crawler):
        coordinator = cls(crawler, cluster_of(crawler))
        crawler.signals.connect(coordinator.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(coordinator.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(coordinator.spider_closed, signal=signals.spider_closed)
        return coordinator

    def spider_opened(self, spider) -> None:
        self.heartbeat.start(self.cluster.ttl_ms / 3000, now=True)

    def beat(self) -> None:
        if self.cluster.lost_error:
            return
        try:
            self.cluster.beat()
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)

    def spider_idle(self, spider) -> None:
        if self.cluster.lost_error:
            return
        try:
            done = self.settle()
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)
            return
        if not done:
            self.poll_soon()
            raise DontCloseSpider

    def settle(self) -> bool:
        """This worker is idle: acknowledge all it holds, give back dead workers' leases, see if all is done."""
        queue = frontier(self.crawler)
        if queue is None:
            return True
        queue.ack_all()
        if self.cluster.state() == "finished":
            return True
        for worker_id in self.cluster.dead_workers():
            count = queue.reclaim(worker_id)
            self.crawler.stats.inc_value("newsroom/cluster/reclaimed", count)
            logger.warning("Worker %s is gone: %d request(s) it held are queued again", worker_id, count)
        if self.cluster.state() != "running" or len(queue) or self.cluster.others_busy():
            return False
        return self.cluster.try_finish()

    def poll_soon(self) -> None:
        from twisted.internet import reactor

        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:
            reactor.callLater(POLL_S, slot.nextcall.schedule)

    def spider_closed(self, spider, reason) -> None:
        if self.heartbeat.running:
            self.heartbeat.stop()
        if reason == "finished":
            self.crawler.stats.set_value("newsroom/cluster/pass", self.cluster.pass_number())
        if not self.cluster.lost_error:
            try:
                self.cluster.leave()
            except redis.RedisError as error:
                logger.warning("Could not leave the crawl cleanly: %s", error)

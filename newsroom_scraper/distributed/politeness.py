"""One request budget per site for the whole crawl: two workers never double the rate a newsroom sees.

Each worker keeps Scrapy's own slot per site (the profile's delay and
concurrency, AutoThrottle: discovery/politeness.py; Crawl-delay floors:
extensions/sitedelays.py). That bounds one process. For the crawl as a whole, the HTTP download
handler asks Redis for the site's turn right before it sends a request,
after the local slot let it go, which is the latest moment there is: a
Lua script, on Redis' own clock (workers' clocks may differ), lets the
request go when fewer than `concurrency` requests to the site are in
flight across all workers and the site's shared `next` time has come,
and then moves `next` on by the slot's delay. Otherwise the request waits
and asks again. A request in flight holds a token that expires on its
own (download timeout plus a margin), so a dead worker's tokens come back.
"""

from __future__ import annotations

import itertools

import redis
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.asyncio import sleep

from ..discovery.politeness import slot_key
from .cluster import cluster_of
from .scheduler import redis_lost

# A site whose budget is full is asked again this often; a wait for its `next` time is slept in one go.
FULL_POLL_S = 0.05
HOLD_MARGIN_MS = 5_000
# The budget keys of a site not crawled for a day go by themselves.
SITE_TTL_MS = 86_400_000

TURN = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
local next = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
if next > now then return next - now end
redis.call('HSET', KEYS[1], 'next', now + tonumber(ARGV[1]))
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return 0
"""


class SharedBudgetDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.cluster = cluster_of(crawler)
        self.turn = self.cluster.client.register_script(TURN)
        self.tokens = itertools.count(1)
        self.hold_ms = int(crawler.settings.getfloat("DOWNLOAD_TIMEOUT") * 1000) + HOLD_MARGIN_MS
        self.default_delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.default_concurrency = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")

    async def download_request(self, request):
        slot = slot_key(request)
        token = f"{self.cluster.worker.id}/{next(self.tokens)}"
        held = await self.wait_turn(request, slot, token)
        try:
            return await super().download_request(request)
        finally:
            if held:
                self.give_back(slot, token)

    def budget(self, request, slot: str) -> tuple[int, int]:
        """The site's delay (ms) and concurrency, as this worker's Scrapy slot has them now."""
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        local = downloader.slots.get(slot) if downloader else None
        if local is None:
            return int(self.default_delay * 1000), max(1, self.default_concurrency)
        return int(local.delay * 1000), max(1, local.concurrency)

    async def wait_turn(self, request, slot: str, token: str) -> bool:
        """Wait until the site may be sent this request; False when Redis is gone (the crawl is stopping)."""
        keys = [self.cluster.keys.site(slot), self.cluster.keys.site_holders(slot)]
        while not self.cluster.lost_error:
            delay_ms, concurrency = self.budget(request, slot)
            try:
                wait_ms = int(self.turn(keys=keys, args=[delay_ms, concurrency, token, self.hold_ms, SITE_TTL_MS]))
            except redis.RedisError as error:
                redis_lost(self.crawler, self.cluster, error)
                break
            if wait_ms == 0:
                return True
            self.crawler.stats.inc_value("newsroom/cluster/budget_waits")
            await sleep(FULL_POLL_S if wait_ms < 0 else wait_ms / 1000)
        return False

    def give_back(self, slot: str, token: str) -> None:
        try:
            self.cluster.client.zrem(self.cluster.keys.site_holders(slot), token)
        except redis.RedisError as error:
            redis_lost(self.crawler, self.cluster, error)

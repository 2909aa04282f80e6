"""robots.txt once per site per pass of the crawl, whichever worker asks first; the others read its copy.

Scrapy's RobotsTxtMiddleware fetches robots.txt once per site and process.
With N workers a site would see N fetches per run. Here the first worker
to need a site's robots.txt takes a short lock and fetches it; its status
and body go into the crawl's `robots` hash, and every other worker waits
for that entry and parses it as if it had fetched it (the `robots_parsed`
signal fires as usual, so Crawl-delay floors apply in every worker). A
fetch that failed is shared too (no robots.txt: all allowed, as Scrapy
does). The hash is cleared when the pass finishes.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from .cluster import cluster_of

FETCH_FAILED = b"0 "
WAIT_POLL_S = 0.1


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.cluster = cluster_of(crawler)
        self.replaying: set[str] = set()  # netlocs parsed from the shared copy (not stored again)
        settings = crawler.settings
        self.lock_ms = int(settings.getfloat("DOWNLOAD_TIMEOUT") * 1000 * (settings.getint("RETRY_TIMES") + 2))

    async def robot_parser(self, request):
        url = urlparse_cached(request)
        netloc = url.netloc
        if netloc not in self._parsers and not self.cluster.lost_error:
            shared = await self.shared_copy(netloc)
            if shared is not None and netloc not in self._parsers:
                self._parsers[netloc] = Deferred()
                self.crawler.stats.inc_value("newsroom/cluster/robots_shared")
                if shared == FETCH_FAILED:
                    self._robots_error(Exception("robots.txt could not be fetched by another worker"), netloc)
                else:
                    status, body = shared.split(b" ", 1)
                    response = Response(f"{url.scheme}://{netloc}/robots.txt", status=int(status), body=body)
                    self.replaying.add(netloc)
                    await self._parse_robots(response, netloc, request)
        return await super().robot_parser(request)

    async def shared_copy(self, netloc: str) -> bytes | None:
        """Another worker's copy of the site's robots.txt, waited for; None when this worker is to fetch it."""
        client, keys = self.cluster.client, self.cluster.keys
        while True:
            copy = client.hget(keys.robots, netloc)
            if copy is not None:
                return copy
            if client.set(keys.robots_lock(netloc), self.cluster.worker.id, nx=True, px=self.lock_ms):
                return None
            await sleep(WAIT_POLL_S)

    async def _parse_robots(self, response, netloc, request):
        if netloc not in self.replaying:
            self.share(netloc, f"{response.status} ".encode() + response.body)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        if netloc not in self.replaying:
            self.share(netloc, FETCH_FAILED)
        super()._robots_error(exc, netloc)

    def share(self, netloc: str, copy: bytes) -> None:
        """This worker fetched the site's robots.txt: the others read this copy, and the lock goes."""
        if self.cluster.lost_error:
            return
        self.cluster.client.hsetnx(self.cluster.keys.robots, netloc, copy)
        self.cluster.client.delete(self.cluster.keys.robots_lock(netloc))

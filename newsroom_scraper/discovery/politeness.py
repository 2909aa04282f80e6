"""Per-site politeness: a profile's delay and concurrency, and robots.txt Crawl-delay, kept under AutoThrottle.

Each configured source is one Scrapy download slot (`request.meta
["download_slot"]` = the source's name), created from DOWNLOAD_SLOTS with the
profile's `concurrency` and `download_delay`. AutoThrottle then moves every
slot's delay with the server's latency, down to DOWNLOAD_DELAY, which would
undo a profile's slower pace, and Scrapy reads no Crawl-delay at all.
`SiteDelays` keeps a floor per slot: the larger of the profile's delay and
the site's Crawl-delay, capped by NEWSROOM_MAX_CRAWL_DELAY. It raises a
slot's delay whenever a request reaches the downloader and right after
AutoThrottle's adjustment, and turns off Scrapy's random jitter for that
slot, so the floor is a true minimum interval between two requests.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy import signals

from ..sources import Source

logger = logging.getLogger(__name__)


def download_slots(sources: list[Source]) -> dict[str, dict]:
    """DOWNLOAD_SLOTS entries for the sources whose profile sets a delay or a concurrency."""
    slots = {}
    for source in sources:
        slot = {}
        if source.download_delay is not None:
            slot["delay"] = source.download_delay
        if source.concurrency is not None:
            slot["concurrency"] = source.concurrency
        if slot:
            slots[source.name] = slot
    return slots


def slot_key(request) -> str:
    """The download slot a request uses: the one the spider named, else Scrapy's default (its host)."""
    return request.meta.get("download_slot") or (urlsplit(request.url).hostname or "")


class SiteDelays:
    """Minimum delays per download slot: profile delays and robots.txt Crawl-delays."""

    def __init__(self, crawler, floors: dict[str, float], user_agent: str, max_crawl_delay: float) -> None:
        self.crawler = crawler
        self.floors = dict(floors)
        self.user_agent = user_agent
        self.max_crawl_delay = max_crawl_delay

    @classmethod
    def from_crawler(cls, crawler, sources: list[Source]) -> SiteDelays:
        settings = crawler.settings
        floors = {s.name: s.download_delay for s in sources if s.download_delay}
        user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or ""
        return cls(crawler, floors, user_agent, settings.getfloat("NEWSROOM_MAX_CRAWL_DELAY"))

    def connect(self) -> None:
        """Listen to the crawl. Call once the extensions exist (in the spider's start), so that
        this `response_downloaded` handler runs after AutoThrottle's and has the last word."""
        self.crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        self.crawler.signals.connect(self.enforce, signal=signals.request_reached_downloader)
        self.crawler.signals.connect(self.enforce, signal=signals.response_downloaded)

    def robots_parsed(self, robotparser, request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if not delay or delay <= 0:
            return
        if delay > self.max_crawl_delay:
            logger.warning(
                "robots.txt of %s asks for a Crawl-delay of %s s; using NEWSROOM_MAX_CRAWL_DELAY (%s s)",
                urlsplit(request.url).netloc,
                delay,
                self.max_crawl_delay,
            )
            delay = self.max_crawl_delay
        key = slot_key(request)
        self.floors[key] = max(self.floors.get(key, 0.0), delay)
        self.crawler.stats.max_value(f"newsroom/crawl_delay/{key}", delay)
        logger.info("Crawl-delay of %s s from robots.txt applies to slot %s", delay, key)

    def enforce(self, request, **_) -> None:
        key = request.meta.get("download_slot")
        floor = self.floors.get(key) if key is not None else None
        if not floor:
            return
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is None:
            return
        # Scrapy waits delay * (1 ± jitter); with jitter the floor would have to be doubled to stay a minimum.
        # Random jitter hides a crawler's rhythm, which a crawler that names itself has no use for: drop it.
        if getattr(slot, "jitter", 0.0):
            slot.jitter = 0.0
        if slot.delay < floor:
            slot.delay = floor

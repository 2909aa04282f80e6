"""Minimum delays per site that AutoThrottle cannot lower: a profile's `download_delay` and robots.txt Crawl-delay.

AutoThrottle moves every download slot's delay with the server's latency,
down to DOWNLOAD_DELAY, which would undo a profile's slower pace, and Scrapy
reads no Crawl-delay at all (discovery/politeness.py says how slots are
made). This extension keeps a floor per slot, raises the slot's delay to it
whenever a request reaches the downloader and right after AutoThrottle's
adjustment, and turns off the slot's random jitter, so that the floor is a
true minimum interval between two requests. It is ordered after
AutoThrottle (EXTENSIONS in settings.py): Scrapy calls signal handlers in
the order they were connected, so its `response_downloaded` handler has
the last word.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy import signals

from ..discovery.politeness import delay_floors, slot_key

logger = logging.getLogger(__name__)


class SiteDelays:
    """Minimum delays per download slot: profile delays and robots.txt Crawl-delays."""

    def __init__(self, crawler, floors: dict[str, float], user_agent: str, max_crawl_delay: float) -> None:
        self.crawler = crawler
        self.floors = dict(floors)
        self.user_agent = user_agent
        self.max_crawl_delay = max_crawl_delay

    @classmethod
    def from_crawler(cls, crawler) -> SiteDelays:
        """Floors from the profiles of the spider's sources (the spider exists before the extensions)."""
        settings = crawler.settings
        options = getattr(crawler.spider, "options", None)
        floors = delay_floors(list(options.sources)) if options is not None else {}
        user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or ""
        extension = cls(crawler, floors, user_agent, settings.getfloat("NEWSROOM_MAX_CRAWL_DELAY"))
        crawler.signals.connect(extension.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(extension.enforce, signal=signals.request_reached_downloader)
        crawler.signals.connect(extension.enforce, signal=signals.response_downloaded)
        return extension

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

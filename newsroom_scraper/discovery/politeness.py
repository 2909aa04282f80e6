"""Per-site politeness: a profile's delay and concurrency, and robots.txt Crawl-delay, kept under AutoThrottle.

Each configured source is one Scrapy download slot (`request.meta
["download_slot"]` = the source's name), created from DOWNLOAD_SLOTS with the
profile's `concurrency` and `download_delay`. AutoThrottle then moves every
slot's delay with the server's latency, down to DOWNLOAD_DELAY, which would
undo a profile's slower pace, and Scrapy reads no Crawl-delay at all.
The `SiteDelays` extension (extensions/sitedelays.py) keeps a floor per
slot: the larger of the profile's delay and the site's Crawl-delay, capped
by NEWSROOM_MAX_CRAWL_DELAY. It raises a slot's delay whenever a request reaches the downloader and right after
AutoThrottle's adjustment, and turns off Scrapy's random jitter for that
slot, so the floor is a true minimum interval between two requests.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..sources import Source


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


def delay_floors(sources: list[Source]) -> dict[str, float]:
    """The profile delays, per download slot: the floors `SiteDelays` starts from."""
    return {s.name: s.download_delay for s in sources if s.download_delay}

"""RetryAfterMiddleware: a 429 or 503 with `Retry-After` is retried no sooner than the server asked.

Rate limiters and CDNs answer 429 (or 503) with `Retry-After: <seconds>` or
`Retry-After: <HTTP-date>`; Scrapy's RetryMiddleware retries at once, which
is how a crawler gets blocked. Here the request's download slot (its site:
one source, or one host) is held for the time asked, so the retry and
every other request to that site wait, while other sites go on. A wait
longer than NEWSROOM_MAX_RETRY_AFTER (default 300 s) is not waited for, and
the server is not asked again: the request is counted as failed
(`retry_after_too_long`). Retries are bounded by RETRY_TIMES, as Scrapy's
are; an answer without `Retry-After` is left to Scrapy's RetryMiddleware.

Placed after RetryMiddleware (550) in the request chain, so that it sees
responses first.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.utils.asyncio import call_later

from ..failures import Failed

logger = logging.getLogger(__name__)

RETRY_AFTER_STATUSES = (429, 503)
NOT_BEFORE = "newsroom_not_before"  # request.meta: time.time() before which the retry must not be sent


def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """`Retry-After` as seconds from now: delay-seconds or an HTTP-date (None when unreadable)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryAfterMiddleware:
    def __init__(self, crawler, max_wait: float) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.held_until: dict[str, float] = {}  # download slot -> time.time() it is held until

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getfloat("NEWSROOM_MAX_RETRY_AFTER"))

    def process_request(self, request):
        """A retry whose slot was collected while it waited: hold the new slot for what is left."""
        not_before = request.meta.get(NOT_BEFORE)
        if not_before and not_before > time.time():
            self.hold_slot(request, not_before - time.time())
        return None

    def process_response(self, request, response):
        header = response.headers.get(b"Retry-After")
        if response.status not in RETRY_AFTER_STATUSES or not header:
            return response
        wait = retry_after_seconds(header.decode("latin-1"))
        if wait is None:
            return response
        if wait > self.max_wait:
            raise Failed(
                "retry_after_too_long",
                f"HTTP {response.status} asks to retry after {wait:.0f} s, over NEWSROOM_MAX_RETRY_AFTER "
                f"({self.max_wait:.0f} s): {response.url}",
            )
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"retry_after_{response.status}")
        if retry is None:
            return response  # retries spent: HttpError counts it as http_429 / http_503
        retry.meta[NOT_BEFORE] = time.time() + wait
        self.hold_slot(request, wait)
        logger.info("HTTP %d: retrying %s in %.1f s, as Retry-After asks", response.status, request.url, wait)
        return retry

    def hold_slot(self, request, wait: float) -> None:
        """No request leaves the request's download slot for `wait` seconds; other slots go on.

        Scrapy's downloader holds a slot while `slot.latercall` is pending (that is how DOWNLOAD_DELAY
        works): the pending call is replaced by one `wait` seconds away, unless ours already ends later.
        """
        downloader = self.crawler.engine.downloader
        key, slot = downloader._get_slot(request)
        until = time.time() + wait
        if slot.latercall is not None and self.held_until.get(key, 0) >= until:
            return
        if slot.latercall is not None:
            slot.latercall.cancel()
        self.held_until[key] = until
        slot.latercall = call_later(wait, downloader._latercall, slot)

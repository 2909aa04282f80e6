"""RecheckMiddleware: an article already exported is not downloaded again until due, and then only if it changed.

For each article request (the spider marks them with `meta["article"]`)
whose URL the seen-store knows:

- checked less than NEWSROOM_RECHECK_AFTER seconds ago: not requested at
  all (`newsroom/skipped/recheck_not_due`);
- otherwise a conditional GET, with the ETag (`If-None-Match`) and
  Last-Modified (`If-Modified-Since`) stored when it was exported. A
  `304 Not Modified` ends there: the article is noted as checked and
  counted (`newsroom/unchanged/not_modified`), and it never reaches the
  spider or the extraction as a page.

Both ends raise `KnownArticle`, an IgnoreRequest the spider's errback
recognises and does not count as a failure. A 200 goes on as usual; its
validators are kept for the seen pipeline, which stores them with the
record, and which decides "unchanged" by content hash when the server sends
no validators or ignores them. With `-a mode=full` nothing is skipped or
made conditional.

Placed after RedirectMiddleware in the request chain (and so before it for
responses): a redirected request comes through again under its new URL,
and the validators of the old URL are taken off it.
"""

from __future__ import annotations

import time

from scrapy.exceptions import IgnoreRequest, NotConfigured

from ..state.crawl import CrawlState, Fetch, crawl_state
from ..urls import url_key

VALIDATOR_HEADERS = (b"If-None-Match", b"If-Modified-Since")


class KnownArticle(IgnoreRequest):
    """A known article not downloaded (in full) by this run: `reason` is why."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"Known article, {reason.replace('_', ' ')}: {url}")
        self.reason = reason


def _header(response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class RecheckMiddleware:
    def __init__(self, state: CrawlState, stats, recheck_after: float, clock=time.time) -> None:
        self.state = state
        self.stats = stats
        self.recheck_after = recheck_after
        self.clock = clock

    @classmethod
    def from_crawler(cls, crawler):
        state = crawl_state(crawler)
        if state is None:
            raise NotConfigured("NEWSROOM_STATE is empty")
        return cls(state, crawler.stats, crawler.settings.getfloat("NEWSROOM_RECHECK_AFTER"))

    def process_request(self, request):
        if not request.meta.get("article"):
            return None
        if request.meta.pop("revalidating", None):
            for name in VALIDATOR_HEADERS:
                request.headers.pop(name, None)
        if self.state.full:
            return None
        known = self.state.store.known_url(url_key(request.url))
        if known is None:
            return None
        if self.clock() - known.last_checked < self.recheck_after:
            self.stats.inc_value("newsroom/skipped/recheck_not_due")
            raise KnownArticle("recheck_not_due", request.url)
        if known.etag:
            request.headers[b"If-None-Match"] = known.etag
        if known.last_modified:
            request.headers[b"If-Modified-Since"] = known.last_modified
        if known.etag or known.last_modified:
            request.meta["revalidating"] = known.id
        return None

    def process_response(self, request, response):
        if not request.meta.get("article"):
            return response
        article_id = request.meta.get("revalidating")
        if response.status == 304 and article_id:
            self.state.store.checked(
                article_id, self.clock(), _header(response, "ETag"), _header(response, "Last-Modified")
            )
            self.stats.inc_value("newsroom/unchanged/not_modified")
            raise KnownArticle("not_modified", request.url)
        if 200 <= response.status < 300:
            requested = (request.meta.get("redirect_urls") or [request.url])[0]
            fetch = Fetch(requested, _header(response, "ETag"), _header(response, "Last-Modified"))
            self.state.note_fetch(response.url, fetch)
        return response

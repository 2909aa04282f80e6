"""RedirectGuardMiddleware: redirects that lead nowhere are counted by name, not lost.

Scrapy follows a redirect by scheduling a new request, and quietly drops
it when it goes back to a URL already fetched (the duplicate filter), or
off the allowed domains (OffsiteMiddleware): the URL the crawl asked for
then appears nowhere, neither as a record nor as a reason. This
middleware looks at each redirect before Scrapy's RedirectMiddleware (600)
follows it, and ends it with a reason:

- `failed/redirect_loop`: back to a URL of its own chain (a -> b -> a, a -> a);
- `failed/redirect_offsite`: to a host outside the sources' domains (never requested);
- `skipped/redirect_to_known`: an article redirecting to a page this run already requested.
"""

from __future__ import annotations

from urllib.parse import urljoin

from w3lib.url import canonicalize_url

from ..failures import Failed, Skipped
from ..urls import in_domains

REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class RedirectGuardMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        location = response.headers.get(b"Location")
        if response.status not in REDIRECT_STATUSES or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        chain = [*request.meta.get("redirect_urls", ()), request.url]
        # The exact URL (Scrapy's canonical form): a redirect that adds a session id or drops a tracking
        # parameter goes somewhere new, even though the spider would take both for one page.
        if canonicalize_url(target) in {canonicalize_url(url) for url in chain}:
            raise Failed("redirect_loop", f"Redirect loop ({' -> '.join([*chain, target])})")
        spider = self.crawler.spider
        domains = getattr(spider, "allowed_domains", None)
        if domains and not in_domains(target, domains):
            raise Failed("redirect_offsite", f"Redirect off the allowed domains: {request.url} -> {target}")
        # The duplicate filter would drop the redirect to a page already requested, and the spider would not
        # request a page a redirect already reached: the spider keeps the list of both.
        claim = getattr(spider, "claim_redirect", None)
        if request.meta.get("article") and claim is not None and not claim(target, chain):
            raise Skipped("redirect_to_known", f"Redirect to a page already requested: {request.url} -> {target}")
        return response

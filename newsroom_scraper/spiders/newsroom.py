"""The `newsroom` spider: listing pages in, raw article pages out.

It starts from newsroom listing pages (`-a start_urls=URL,URL`, or the
sources file), follows their pagination within a page budget, and requests
every in-scope link they hold. Pages reached from a listing are yielded as
`Page` items and are not expanded further: the extraction pipeline decides
whether each is an article. Keeping the crawl to "listings and what they link
to" is what keeps a scheduled run finite.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from .. import __version__
from ..failures import SKIP_REASONS, failure_reason
from ..items import Page
from ..links import article_link_extractor, in_domains, pagination_urls, same_page
from ..sources import Source, SourcesError, host_of, load_sources


def _split(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if v]
    return [part.strip() for part in str(value).split(",") if part.strip()]


class NewsroomSpider(scrapy.Spider):
    name = "newsroom"

    def __init__(self, start_urls=None, source=None, max_pages=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arg_start_urls = _split(start_urls)
        self.arg_source = source
        self.arg_max_pages = max_pages
        self.sources: list[Source] = []
        self.max_pages = 5
        self.pages_seen: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = int(spider.arg_max_pages or settings.getint("NEWSROOM_MAX_PAGES"))
        if spider.max_pages < 1:
            raise ValueError(f"max_pages must be at least 1, not {spider.max_pages}")
        spider.sources = spider.select_sources(settings.get("NEWSROOM_SOURCES"))
        spider.allowed_domains = sorted({d for s in spider.sources for d in s.allowed_domains})
        return spider

    @classmethod
    def update_settings(cls, settings):
        """Name the project and a contact URL in the User-Agent, unless the user set USER_AGENT."""
        super().update_settings(settings)
        if settings.getpriority("USER_AGENT") <= settings.getpriority("BOT_NAME"):
            user_agent = settings["NEWSROOM_USER_AGENT"].format(
                version=__version__, contact=settings["NEWSROOM_CONTACT_URL"]
            )
            settings.set("USER_AGENT", user_agent, priority="spider")

    def select_sources(self, sources_path: str | None) -> list[Source]:
        """Ad-hoc start URLs, one configured source, or all of them."""
        if self.arg_start_urls:
            for url in self.arg_start_urls:
                if not url.startswith(("http://", "https://")) or not host_of(url):
                    raise SourcesError(f"start_urls: {url!r} is not an http(s) URL")
            hosts = tuple(sorted({host_of(u) for u in self.arg_start_urls}))
            return [Source("ad-hoc", tuple(self.arg_start_urls), hosts)]
        sources = load_sources(sources_path)
        if self.arg_source:
            chosen = [s for s in sources if s.name == self.arg_source]
            if not chosen:
                names = ", ".join(s.name for s in sources)
                raise SourcesError(f"no source named {self.arg_source!r}; known: {names}")
            return chosen
        return sources

    async def start(self):
        for source in self.sources:
            for url in source.start_urls:
                yield scrapy.Request(
                    url,
                    callback=self.parse_listing,
                    errback=self.on_error,
                    meta={"source": source.name, "listing_root": url},
                )

    def parse_listing(self, response: Response):
        """A listing page: follow its pagination within budget and request what it links to."""
        self.crawler.stats.inc_value("newsroom/listing_pages")
        if not isinstance(response, TextResponse):
            self.count_not_article("not_html", response)
            return
        root = response.meta["listing_root"]
        pages = self.pages_seen[root]
        pages.add(response.url)
        meta = {"source": response.meta.get("source")}
        for url in pagination_urls(response):
            if url in pages or len(pages) >= self.max_pages:
                continue
            pages.add(url)
            yield response.follow(
                url, callback=self.parse_listing, errback=self.on_error, meta={**meta, "listing_root": root}
            )
        for link in article_link_extractor().extract_links(response):
            if same_page(link.url, response.url) or link.url in pages or not in_domains(link.url, self.allowed_domains):
                continue
            yield scrapy.Request(link.url, callback=self.parse_page, errback=self.on_error, meta=meta)

    def parse_page(self, response: Response):
        """A page a listing links to: hand it to the extraction pipeline as it is."""
        headers = {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        yield Page(
            url=response.url,
            status=response.status,
            fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            source=response.meta.get("source"),
            content_type=headers.get("content-type"),
            content_language=headers.get("content-language"),
            body=response.body,
            headers=headers,
        )

    def count_not_article(self, reason: str, response: Response) -> None:
        self.crawler.stats.inc_value(f"newsroom/not_article/{reason}")
        self.logger.info("Not an article (%s): %s", reason, response.url)

    def on_error(self, failure: Failure):
        """A request that failed: log it and count it by reason; the crawl goes on."""
        reason = failure_reason(failure)
        if reason in SKIP_REASONS:
            self.crawler.stats.inc_value(f"newsroom/skipped/{reason}")
            self.logger.info("Skipped (%s): %s", reason, failure.request.url)
            return
        self.crawler.stats.inc_value("newsroom/failed")
        self.crawler.stats.inc_value(f"newsroom/failed/{reason}")
        self.logger.warning("Failed (%s): %s", reason, failure.request.url)

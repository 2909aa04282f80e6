"""The `newsroom` spider: listings, sitemaps and feeds in; raw candidate article pages out.

Three discovery paths, each optional per source: listing pages (start URLs,
their pagination within a page budget, and the feeds they announce),
sitemaps (robots.txt `Sitemap:` lines, indexes, .xml.gz, Google News), and
RSS/Atom feeds. The spider only reads responses: every URL they yield goes
through the frontier (discovery/frontier.py), which decides whether it is
requested and remembers what was (in this process, or on Redis for a crawl
shared by many). Pages reached that way are yielded as `Page` items and
never expanded: the extraction pipeline decides whether each is an
article. Keeping the crawl to "index pages and what they list" is what
keeps a scheduled run finite. Index pages (listings, sitemaps, feeds) are
fetched again on every run: they are never cached nor filtered as already
seen by a job's state.

Article requests carry `meta["article"]`: the recheck middleware skips or
revalidates those the seen-store knows, unless `-a mode=full` asks for
everything to be downloaded and exported again.
"""

from __future__ import annotations

from datetime import date

import scrapy
from scrapy.http import Response, TextResponse

from .. import __version__
from ..discovery.cutshort import cut_short
from ..discovery.feeds import announced_feeds, parse_feed
from ..discovery.frontier import Frontier, FrontierState, Verdict
from ..discovery.links import listing_links, pagination_urls, same_page
from ..discovery.politeness import download_slots
from ..discovery.since import listed_before
from ..discovery.sitemaps import is_robots_txt, parse_sitemap, robots_sitemap_urls, sitemap_body
from ..items import Page
from ..logfilters import quiet_tracebacks
from ..record import utc_timestamp
from ..sources import Source
from ..urls import first_canonical_link, in_domains, request_url_or_none, url_key
from .options import Arguments, CrawlOptions
from .outcomes import Outcomes

# Content types a listing page may have (a start URL answering anything else is not a listing).
LISTING_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
# Articles before more index pages keeps the frontier small; chrome links (mode "all") come last.
ARTICLE_PRIORITY = 1
CHROME_LINK_PRIORITY = -1


def frontier_state(crawler) -> FrontierState | None:
    """The frontier's memory: on the crawl's Redis when NEWSROOM_REDIS_URL is set, else in this process."""
    if not crawler.settings.get("NEWSROOM_REDIS_URL"):
        return None
    from ..distributed.frontier import RedisState

    return RedisState.from_crawler(crawler)


class NewsroomSpider(Outcomes, scrapy.Spider):
    name = "newsroom"

    def __init__(self, *args, **kwargs):
        private = {name: value for name, value in kwargs.items() if name.startswith("_")}  # Scrapyd's `_job`
        self.arguments = Arguments.parse(**{k: v for k, v in kwargs.items() if k not in private})
        super().__init__(*args, **private)
        self.options: CrawlOptions | None = None  # resolved with the settings in from_crawler
        self.frontier: Frontier | None = None  # made in from_crawler

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.options = options = CrawlOptions.resolve(spider.arguments, settings)
        spider.allowed_domains = options.allowed_domains
        slots = download_slots(list(options.sources))
        if slots and not settings.frozen:
            settings.set("DOWNLOAD_SLOTS", {**slots, **settings.getdict("DOWNLOAD_SLOTS")}, priority="spider")
        # In this process; a crawl on Redis shares it from start() on, once the add-on found Redis answering.
        spider.frontier = Frontier(options.rules)
        quiet_tracebacks()
        return spider

    # What other components read of the crawl (pipelines, the seen-store, the WARC writer).
    @property
    def sources(self) -> list[Source]:
        return list(self.options.sources) if self.options else []

    @property
    def since(self) -> date | None:
        return self.options.rules.since if self.options else None

    @property
    def mode(self) -> str:
        return self.options.mode if self.options else (self.arguments.mode or "incremental")

    @classmethod
    def update_settings(cls, settings):
        """Name the project and a contact URL in the User-Agent, unless the user set USER_AGENT."""
        super().update_settings(settings)
        if settings.getpriority("USER_AGENT") <= settings.getpriority("BOT_NAME"):
            user_agent = settings["NEWSROOM_USER_AGENT"].format(
                version=__version__, contact=settings["NEWSROOM_CONTACT_URL"]
            )
            settings.set("USER_AGENT", user_agent, priority="spider")

    # --- Requests --------------------------------------------------------------------

    def request(
        self, url: str, callback, source: Source, priority: int = 0, dont_filter: bool = False, **meta
    ) -> scrapy.Request:
        """A request of `source`: counted on failure, and in the source's download slot when it is configured."""
        meta["source"] = source.name
        if not self.options.ad_hoc:
            meta["download_slot"] = source.name
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, priority=priority, dont_filter=dont_filter, meta=meta
        )

    def admitted(self, verdict: Verdict) -> bool:
        """The frontier let the URL through; a skip it counts is counted here."""
        if verdict.counted:
            self.count_skip(verdict.reason, verdict.url)
        return verdict.admitted

    def index_request(self, verdict: Verdict, callback, source: Source, **meta) -> scrapy.Request | None:
        """A listing, sitemap or feed: fetched once per run and on every run (never cached, never filtered)."""
        if not self.admitted(verdict):
            return None
        self.crawler.stats.inc_value("newsroom/index_requested")
        return self.request(verdict.url, callback, source, dont_filter=True, dont_cache=True, **meta)

    def article_request(
        self, url: str, source: Source, via: str, listed=None, title: str | None = None, chrome: bool = False
    ):
        """A candidate article URL, whichever path found it; None when the frontier does not let it through.

        `listed`, `title`: the date and headline a sitemap or feed gave, kept in the request's meta
        (`listed_date`, `listed_title`) for the logs and for later stages.
        `chrome`: a listing link with no article signal, fetched only in NEWSROOM_LISTING_LINKS "all" mode.
        """
        verdict = self.frontier.article(url, source, listed, chrome)
        if not self.admitted(verdict):
            return None
        self.crawler.stats.inc_value(f"newsroom/requested/{via}")
        priority = CHROME_LINK_PRIORITY if chrome and not source.allow else ARTICLE_PRIORITY
        meta = {
            "via": via,
            "listed_date": listed.isoformat() if listed else None,
            "listed_title": title,
            "article": True,
        }
        return self.request(verdict.url, self.parse_page, source, priority=priority, **meta)

    def sitemap_request(self, url: str, source: Source) -> scrapy.Request | None:
        return self.index_request(self.frontier.sitemap(url, source), self.parse_sitemap, source)

    def claim_redirect(self, url: str, chain: list[str]) -> bool:
        """An article request was redirected to `url` (RedirectGuardMiddleware): False when it is known."""
        return self.frontier.claim_redirect(url, chain)

    async def start(self):
        state = frontier_state(self.crawler)
        if state is not None:
            self.frontier = Frontier(self.options.rules, state)
        index = self.frontier.index
        for source in self.options.sources:
            requests = [
                *(self.index_request(index(url, source), self.parse_listing, source, listing_root=url,
                                     start_page=True) for url in source.start_urls),
                *(self.index_request(index(url, source), self.parse_robots if is_robots_txt(url)
                                     else self.parse_sitemap, source) for url in source.sitemaps),
                *(self.index_request(index(url, source), self.parse_feed, source) for url in source.feeds),
            ]  # fmt: skip
            for request in requests:
                if request is not None:
                    yield request

    # --- Listings ----------------------------------------------------------------------

    def parse_listing(self, response: Response):
        """A listing page: its announced feeds, its pagination within budget, and the articles it links to."""
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip().lower()
        if not isinstance(response, TextResponse) or content_type not in LISTING_TYPES:
            # A PDF, an image, a download: Scrapy may still build a TextResponse for it, so the header decides.
            self.crawler.stats.inc_value("newsroom/skipped/not_a_listing")
            self.logger.warning("Not a listing (%s): %s", content_type or "no content type", response.url)
            return
        self.crawler.stats.inc_value("newsroom/listing_pages")
        source = self.source_of(response)
        if response.meta.get("start_page") and self.options.discover_feeds:
            for feed in announced_feeds(response):
                request = self.index_request(self.frontier.index(feed, source), self.parse_feed, source)
                if request is not None:
                    self.crawler.stats.inc_value("newsroom/feeds_discovered")
                    yield request
        root = response.meta["listing_root"]
        self.frontier.listing_fetched(root, response.url)
        next_pages = [url for url in map(request_url_or_none, pagination_urls(response)) if url]
        for url in next_pages:
            verdict = self.frontier.next_page(url, root, source)
            request = self.index_request(verdict, self.parse_listing, source, listing_root=root)
            if request is not None:
                yield request
        links = [link for link in listing_links(response) if not same_page(link.url, response.url)]
        skip = self.frontier.not_articles(root, next_pages, [link.url for link in links])
        for link in links:
            if url_key(link.url) in skip:
                continue
            request = self.article_request(link.url, source, "listing", chrome=not link.is_candidate)
            if request is not None:
                yield request

    # --- Sitemaps and feeds ------------------------------------------------------------

    def parse_robots(self, response: Response):
        """robots.txt named as a sitemap: its `Sitemap:` lines."""
        source = self.source_of(response)
        urls = robots_sitemap_urls(response)
        if not urls:
            self.count_failure("no_sitemap_in_robots_txt", response.url)
        else:
            self.crawler.stats.inc_value("newsroom/robots_sitemaps")
        for url in urls:
            request = self.sitemap_request(url, source)
            if request is not None:
                yield request

    def parse_sitemap(self, response: Response):
        """A sitemap index (its children, unless older than `since`) or a urlset (its articles)."""
        source = self.source_of(response)
        body = sitemap_body(response, self.options.max_size)
        sitemap = parse_sitemap(body, response.url) if body else None
        if sitemap is None:
            self.count_failure("not_a_sitemap", response.url)
            return
        self.crawler.stats.inc_value("newsroom/sitemaps")
        for entry in self.whole_entries(sitemap.entries, body, response.url):
            if sitemap.is_index:
                if listed_before(entry.lastmod, self.options.rules.since):
                    self.count_skip("older_than_since", entry.url)
                    continue
                request = self.sitemap_request(entry.url, source)
            else:
                via = "news_sitemap" if entry.published else "sitemap"
                request = self.article_request(entry.url, source, via, entry.listed_date, entry.title)
            if request is not None:
                yield request

    def parse_feed(self, response: Response):
        """An RSS or Atom feed: its entries' links, unless dated before `since`."""
        source = self.source_of(response)
        feed = parse_feed(response.body, response.url, response.headers.get("Content-Type", b"").decode("latin-1"))
        if not feed.version and not feed.entries:
            self.count_failure("not_a_feed", response.url)
            return
        self.crawler.stats.inc_value("newsroom/feeds")
        for entry in self.whole_entries(feed.entries, response.body, response.url):
            request = self.article_request(entry.url, source, "feed", entry.published, entry.title)
            if request is not None:
                yield request

    def whole_entries(self, entries: tuple, body: bytes, url: str) -> tuple:
        """A sitemap's or feed's entries, less the last one when the document is cut short (it may be cut too)."""
        if not cut_short(body):
            return entries
        self.crawler.stats.inc_value("newsroom/index_cut_short")
        self.logger.warning("Cut short, %d entries read, the last one left out: %s", len(entries) - 1, url)
        return entries[:-1]

    # --- Pages ---------------------------------------------------------------------------

    def parse_page(self, response: Response):
        """A candidate article: hand it to the extraction pipeline as it is, and remember its URLs."""
        self.frontier.fetched(response.url, self.canonical_of(response))
        headers = {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        yield Page(
            url=response.url,
            status=response.status,
            fetched_at=utc_timestamp(),
            source=response.meta.get("source"),
            content_type=headers.get("content-type"),
            content_language=headers.get("content-language"),
            listed_date=response.meta.get("listed_date"),
            listed_via=response.meta.get("via"),
            body=response.body,
            headers=headers,
        )

    def canonical_of(self, response: Response) -> str | None:
        """The page's rel=canonical URL when it is in scope: the same article is not fetched again under it.

        Read from the page's bytes: the crawl process never parses an article (the extraction does, in its worker).
        """
        if not isinstance(response, TextResponse):
            return None
        link = first_canonical_link(response.body, response.url)
        url = request_url_or_none(link) if link else None
        return url if url and in_domains(url, self.allowed_domains) else None

    # --- Bookkeeping -----------------------------------------------------------------------

    def source_of(self, response: Response) -> Source:
        name = response.meta.get("source")
        sources = self.options.sources
        return next((s for s in sources if s.name == name), sources[0])

"""The `newsroom` spider: listings, sitemaps and feeds in; raw candidate article pages out.

Three discovery paths, each optional per source: listing pages (start URLs,
their pagination within a page budget, and the feeds they announce),
sitemaps (robots.txt `Sitemap:` lines, indexes, .xml.gz, Google News), and
RSS/Atom feeds. Every article URL they yield goes through the same gate
(`article_request`): normalised, in scope, no trap, allowed by the profile,
not older than `since`, not already fetched under this or its canonical
URL. Pages reached that way are yielded as `Page` items and never expanded:
the extraction pipeline decides whether each is an article. Keeping the
crawl to "index pages and what they list" is what keeps a scheduled run
finite. Index pages (listings, sitemaps, feeds) are fetched again on every
run: they are never cached nor filtered as already seen by a job's state.

Article requests carry `meta["article"]`: the recheck middleware skips or
revalidates those the seen-store knows, unless `-a mode=full` asks for
everything to be downloaded and exported again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime

import scrapy
from scrapy.http import Response, TextResponse

from .. import __version__
from ..arguments import check_argument_names, positive_int
from ..discovery.cutshort import cut_short
from ..discovery.feeds import announced_feeds, parse_feed
from ..discovery.politeness import SiteDelays, download_slots
from ..discovery.since import listed_before, parse_since
from ..discovery.sitemaps import is_robots_txt, parse_sitemap, robots_sitemap_urls, sitemap_body
from ..discovery.urls import clean_url, in_domains, trap_reason, url_key
from ..items import Page
from ..links import listing_links, pagination_urls, same_page
from ..logfilters import quiet_tracebacks
from ..sources import Source, SourcesError, ad_hoc_source, load_sources
from ..state.crawl import MODES
from .outcomes import Outcomes

LISTING_LINK_MODES = ("all", "articles")
# Content types a listing page may have (a start URL answering anything else is not a listing).
LISTING_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
# Articles before more index pages keeps the frontier small; chrome links (mode "all") come last.
ARTICLE_PRIORITY = 1
CHROME_LINK_PRIORITY = -1


def _split(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if v]
    return [part.strip() for part in str(value).split(",") if part.strip()]


class NewsroomSpider(Outcomes, scrapy.Spider):
    name = "newsroom"

    def __init__(
        self,
        start_urls=None,
        sitemaps=None,
        feeds=None,
        source=None,
        max_pages=None,
        since=None,
        mode=None,
        *args,
        **kwargs,
    ):
        check_argument_names(kwargs)
        super().__init__(*args, **kwargs)
        self.arg_start_urls = _split(start_urls)
        self.arg_sitemaps = _split(sitemaps)
        self.arg_feeds = _split(feeds)
        self.arg_source = source
        self.arg_max_pages = max_pages
        self.arg_since = since
        # "incremental" (default): only new and changed articles are exported; "full": all of them again.
        self.mode = mode or "incremental"
        self.sources: list[Source] = []
        self.ad_hoc = False
        self.max_pages = 5
        self.since = None
        self.listing_link_mode = "all"
        self.discover_feeds = True
        self.max_sitemaps = 50
        self.max_size = 0
        self.site_delays: SiteDelays | None = None
        self.pages_seen: dict[str, set[str]] = defaultdict(set)  # listing root -> keys of its pages
        self.index_pages: set[str] = set()  # keys of every listing, sitemap and feed requested
        self.seen_urls: set[str] = set()  # keys of article URLs requested, fetched or declared canonical
        self.sitemaps_requested: Counter[str] = Counter()  # per source

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.arg_max_pages is not None:
            spider.max_pages = positive_int("-a max_pages", spider.arg_max_pages)
        else:
            spider.max_pages = positive_int("NEWSROOM_MAX_PAGES", settings.get("NEWSROOM_MAX_PAGES"))
        if spider.mode not in MODES:
            raise ValueError(f"-a mode: {spider.mode!r} is not a mode; give one of {', '.join(MODES)}")
        spider.since = parse_since(spider.arg_since or settings.get("NEWSROOM_SINCE"))
        spider.listing_link_mode = settings.get("NEWSROOM_LISTING_LINKS") or "all"
        if spider.listing_link_mode not in LISTING_LINK_MODES:
            raise ValueError(
                f"NEWSROOM_LISTING_LINKS: {spider.listing_link_mode!r} is not a mode; "
                f"set it to one of {', '.join(LISTING_LINK_MODES)}"
            )
        spider.discover_feeds = settings.getbool("NEWSROOM_DISCOVER_FEEDS", True)
        spider.max_sitemaps = settings.getint("NEWSROOM_MAX_SITEMAPS", 50)
        spider.max_size = settings.getint("DOWNLOAD_MAXSIZE")
        spider.sources = spider.select_sources(settings.get("NEWSROOM_SOURCES"))
        spider.allowed_domains = sorted({d for s in spider.sources for d in s.allowed_domains})
        slots = download_slots(spider.sources)
        if slots and not settings.frozen:
            settings.set("DOWNLOAD_SLOTS", {**slots, **settings.getdict("DOWNLOAD_SLOTS")}, priority="spider")
        spider.site_delays = SiteDelays.from_crawler(crawler, spider.sources)
        quiet_tracebacks()
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
        """Ad-hoc URLs (-a start_urls/sitemaps/feeds), one configured source, or all of them."""
        if self.arg_start_urls or self.arg_sitemaps or self.arg_feeds:
            if self.arg_source:
                raise SourcesError("use either -a source=NAME or -a start_urls/sitemaps/feeds, not both")
            self.ad_hoc = True
            return [ad_hoc_source(self.arg_start_urls, self.arg_sitemaps, self.arg_feeds)]
        sources = load_sources(sources_path)
        if self.arg_source:
            chosen = [s for s in sources if s.name == self.arg_source]
            if not chosen:
                names = ", ".join(s.name for s in sources)
                raise SourcesError(f"no source named {self.arg_source!r}; known: {names}")
            return chosen
        return sources

    # --- Requests --------------------------------------------------------------------

    def request(
        self, url: str, callback, source: Source, priority: int = 0, dont_filter: bool = False, **meta
    ) -> scrapy.Request:
        """A request of `source`: counted on failure, and in the source's download slot when it is configured."""
        meta["source"] = source.name
        if not self.ad_hoc:
            meta["download_slot"] = source.name
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, priority=priority, dont_filter=dont_filter, meta=meta
        )

    def index_request(self, url: str, callback, source: Source, **meta) -> scrapy.Request | None:
        """A listing, sitemap or feed: fetched once per run and on every run (never cached, never filtered)."""
        url = self.checked_url(url)
        if url is None:
            return None
        key = url_key(url)
        if key in self.index_pages:
            return None
        if not in_domains(url, source.allowed_domains):
            self.count_skip("offsite", url)
            return None
        self.index_pages.add(key)
        self.crawler.stats.inc_value("newsroom/index_requested")
        return self.request(url, callback, source, dont_filter=True, dont_cache=True, **meta)

    def article_request(
        self, url: str, source: Source, via: str, listed=None, title: str | None = None, chrome: bool = False
    ):
        """The gate every candidate article URL passes, whichever path found it; None when it is not fetched.

        `listed`, `title`: the date and headline a sitemap or feed gave, kept in the request's meta
        (`listed_date`, `listed_title`) for the logs and for later stages.
        `chrome`: a listing link with no article signal, fetched only in NEWSROOM_LISTING_LINKS "all" mode.
        """
        url = self.checked_url(url)
        if url is None:
            return None
        key = url_key(url)
        if key in self.seen_urls or key in self.index_pages:
            return None
        reason = self.skip_reason(url, source, listed)
        if not reason and chrome and not source.allow and self.listing_link_mode != "all":
            reason = "not_article_link"
        if reason:
            self.count_skip(reason, url)
            return None
        self.seen_urls.add(key)
        self.crawler.stats.inc_value(f"newsroom/requested/{via}")
        priority = CHROME_LINK_PRIORITY if chrome and not source.allow else ARTICLE_PRIORITY
        meta = {
            "via": via,
            "listed_date": listed.isoformat() if listed else None,
            "listed_title": title,
            "article": True,
        }
        return self.request(url, self.parse_page, source, priority=priority, **meta)

    def checked_url(self, url: str) -> str | None:
        """The normalised URL, or None (counted) when it cannot be requested at all."""
        cleaned = clean_url(url)
        if cleaned is None:
            self.count_skip("bad_url", url)
        return cleaned

    def skip_reason(self, url: str, source: Source, listed=None) -> str | None:
        if not in_domains(url, source.allowed_domains):
            return "offsite"
        trap = trap_reason(url)
        if trap:
            return trap
        if not source.accepts(url):
            return "profile_deny"
        if listed_before(listed, self.since):
            return "older_than_since"
        return None

    async def start(self):
        self.site_delays.connect()
        for source in self.sources:
            requests = [
                *(self.index_request(url, self.parse_listing, source, listing_root=url, start_page=True)
                  for url in source.start_urls),
                *(self.index_request(url, self.parse_robots if is_robots_txt(url) else self.parse_sitemap, source)
                  for url in source.sitemaps),
                *(self.index_request(url, self.parse_feed, source) for url in source.feeds),
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
        if response.meta.get("start_page") and self.discover_feeds:
            for feed in announced_feeds(response):
                request = self.index_request(feed, self.parse_feed, source)
                if request is not None:
                    self.crawler.stats.inc_value("newsroom/feeds_discovered")
                    yield request
        root = response.meta["listing_root"]
        pages = self.pages_seen[root]
        pages.add(url_key(response.url))
        next_pages = [url for url in map(clean_url, pagination_urls(response)) if url]
        for url in next_pages:
            key = url_key(url)
            if key in pages:
                continue
            trap = trap_reason(url, article=False)
            if trap:
                self.count_skip(trap, url)
                continue
            if len(pages) >= self.max_pages:
                self.count_skip("page_budget", url)
                continue
            request = self.index_request(url, self.parse_listing, source, listing_root=root)
            if request is not None:
                pages.add(key)
                yield request
        skip = {url_key(url) for url in next_pages} | pages
        for link in listing_links(response):
            if url_key(link.url) in skip or same_page(link.url, response.url):
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

    def sitemap_request(self, url: str, source: Source) -> scrapy.Request | None:
        if self.sitemaps_requested[source.name] >= self.max_sitemaps:
            self.count_skip("sitemap_budget", url)
            return None
        request = self.index_request(url, self.parse_sitemap, source)
        if request is not None:
            self.sitemaps_requested[source.name] += 1
        return request

    def parse_sitemap(self, response: Response):
        """A sitemap index (its children, unless older than `since`) or a urlset (its articles)."""
        source = self.source_of(response)
        body = sitemap_body(response, self.max_size)
        sitemap = parse_sitemap(body, response.url) if body else None
        if sitemap is None:
            self.count_failure("not_a_sitemap", response.url)
            return
        self.crawler.stats.inc_value("newsroom/sitemaps")
        for entry in self.whole_entries(sitemap.entries, body, response.url):
            if sitemap.is_index:
                if listed_before(entry.lastmod, self.since):
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
        self.seen_urls.add(url_key(response.url))
        canonical = self.canonical_of(response)
        if canonical:
            self.seen_urls.add(url_key(canonical))
        headers = {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        yield Page(
            url=response.url,
            status=response.status,
            fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            source=response.meta.get("source"),
            content_type=headers.get("content-type"),
            content_language=headers.get("content-language"),
            listed_date=response.meta.get("listed_date"),
            listed_via=response.meta.get("via"),
            body=response.body,
            headers=headers,
        )

    def canonical_of(self, response: Response) -> str | None:
        """The page's rel=canonical URL when it is in scope: the same article is not fetched again under it."""
        if not isinstance(response, TextResponse):
            return None
        for link in response.xpath("//head/link[@href]"):
            if "canonical" in (link.attrib.get("rel") or "").lower().split():
                try:
                    url = clean_url(response.urljoin(link.attrib["href"].strip()))
                except ValueError:
                    return None
                return url if url and in_domains(url, self.allowed_domains) else None
        return None

    # --- Bookkeeping -----------------------------------------------------------------------

    def source_of(self, response: Response) -> Source:
        name = response.meta.get("source")
        return next((s for s in self.sources if s.name == name), self.sources[0])

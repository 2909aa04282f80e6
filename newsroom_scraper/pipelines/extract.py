"""ExtractPipeline: turn each fetched Page into an article record, or drop it with a counted reason.

Pages that are not articles (listings, contact pages, PDFs, empty pages) are
dropped with the reason (one DEBUG line: see logformatter.py), and counted as
`newsroom/not_article/<reason>` in the crawl stats, so a run's summary says
why each page produced no record.

Extraction is CPU work while Scrapy runs on one reactor thread. With
NEWSROOM_EXTRACT_WORKERS > 0 it runs in that many worker processes (spawned,
not forked, so no reactor state is copied), and the crawl keeps downloading
meanwhile; 0 (the default) extracts in the crawl's own process, which is
simplest and fast enough for a newsroom or two.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from scrapy.exceptions import DropItem

from ..extract import Listed, NotAnArticle, SiteProfile, Source, extract_article
from ..items import Page

# The paths whose listed date is a publication date, and the date source each gives.
LISTED_VIA = {"feed": Source.FEED, "news_sitemap": Source.SITEMAP}


def extract_page(item: Page, profile: SiteProfile | None):
    """The extraction of one page; a module-level function so that worker processes can run it."""
    return extract_article(
        item.body,
        item.url,
        content_type=item.content_type,
        content_language=item.content_language,
        fetched_at=datetime.fromisoformat(item.fetched_at.replace("Z", "+00:00")),
        profile=profile,
        listed_date=listed(item),
    )


def listed(item: Page) -> Listed | None:
    """The publication date a feed or news sitemap gave for the page's URL, as the extraction takes it.

    A plain sitemap's lastmod is not one: it is when the page last changed, and
    plain sitemaps list about and contact pages too, which no date must turn into articles.
    """
    if not item.listed_date or item.listed_via not in LISTED_VIA:
        return None
    return Listed(item.listed_date, LISTED_VIA[item.listed_via])


class ExtractPipeline:
    def __init__(self, stats, crawler=None, workers: int = 0) -> None:
        self.stats = stats
        self.crawler = crawler
        self.profiles: dict[str, SiteProfile] = {}
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler, crawler.settings.getint("NEWSROOM_EXTRACT_WORKERS"))

    def open_spider(self) -> None:
        """Per-source profiles (selectors, language, date order) come from the spider's sources."""
        spider = self.crawler.spider if self.crawler else None
        for source in getattr(spider, "sources", None) or ():
            self.profiles[source.name] = source.profile
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    async def process_item(self, item):
        if not isinstance(item, Page):
            return item
        profile = self.profiles.get(item.source or "")
        if self.pool is not None:
            result = await asyncio.wrap_future(self.pool.submit(extract_page, item, profile))
        else:
            result = extract_page(item, profile)
        if isinstance(result, NotAnArticle):
            self.stats.inc_value("newsroom/not_article")
            self.stats.inc_value(f"newsroom/not_article/{result.reason}")
            raise DropItem(f"Not an article ({result}): {item.url}")
        self.stats.inc_value("newsroom/articles_extracted")
        return result.as_record()

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

from ..extract import NotAnArticle, SiteRules, extract_article
from ..items import Page
from ..sources import Source


def site_rules(source: Source) -> SiteRules:
    """A source profile as the extraction's per-site rules."""
    selectors = source.selectors
    return SiteRules(
        title=selectors.title,
        date=selectors.date,
        body=selectors.body,
        attribution=selectors.attribution,
        drop=selectors.drop,
        date_order=source.date_order,
        language=source.language,
    )


def extract_page(item: Page, rules: SiteRules | None):
    """The extraction of one page; a module-level function so that worker processes can run it."""
    return extract_article(
        item.body,
        item.url,
        content_type=item.content_type,
        content_language=item.content_language,
        fetched_at=datetime.fromisoformat(item.fetched_at.replace("Z", "+00:00")),
        rules=rules,
    )


class ExtractPipeline:
    def __init__(self, stats, crawler=None, workers: int = 0) -> None:
        self.stats = stats
        self.crawler = crawler
        self.site_rules: dict[str, SiteRules] = {}
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler, crawler.settings.getint("NEWSROOM_EXTRACT_WORKERS"))

    def open_spider(self) -> None:
        """Per-source rules (selectors, language, date order) come from the spider's sources."""
        spider = self.crawler.spider if self.crawler else None
        for source in getattr(spider, "sources", None) or ():
            self.site_rules[source.name] = site_rules(source)
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    async def process_item(self, item):
        if not isinstance(item, Page):
            return item
        rules = self.site_rules.get(item.source or "")
        if self.pool is not None:
            result = await asyncio.wrap_future(self.pool.submit(extract_page, item, rules))
        else:
            result = extract_page(item, rules)
        if isinstance(result, NotAnArticle):
            self.stats.inc_value("newsroom/not_article")
            self.stats.inc_value(f"newsroom/not_article/{result.reason}")
            raise DropItem(f"Not an article ({result}): {item.url}")
        self.stats.inc_value("newsroom/articles_extracted")
        return result.as_record()

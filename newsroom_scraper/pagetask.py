"""What an extraction worker runs for one page: the page put back together from its bytes and header, extracted.

The pipeline (pipelines/extract.py) runs in the crawl process; its workers
(workerpool.py) import only this module and the extraction, never Scrapy
or Twisted: a worker needs neither, and they would cost it about 25 MiB
and its start-up time. A page travels as its raw bytes plus a `PageHeader`
of a few short strings (no HTTP headers, no pickled body).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime

from .extract import Listed, SiteProfile, Source, extract_article
from .items import Page

# The paths whose listed date is a publication date, and the date source each gives.
LISTED_VIA = {"feed": Source.FEED, "news_sitemap": Source.SITEMAP}
WARM_UP_PAGE = b"<html><head><title>warm</title></head><body><p>up</p></body></html>"


@dataclass(slots=True, frozen=True)
class PageHeader:
    """What a worker needs of a Page besides its body: a few short strings (the HTTP headers stay home)."""

    url: str
    status: int
    fetched_at: str
    source: str | None
    content_type: str | None
    content_language: str | None
    listed_date: str | None
    listed_via: str | None

    @classmethod
    def of(cls, item: Page) -> PageHeader:
        return cls(*(getattr(item, field.name) for field in fields(cls)))

    def page(self, body: bytes) -> Page:
        return Page(**{field.name: getattr(self, field.name) for field in fields(self)}, body=body)


def extract_sent(body: bytes, header: PageHeader, profile: SiteProfile | None, timeout: float, extract: Callable):
    """In a worker: the page put back together from its bytes and header, extracted by `extract`."""
    return extract(header.page(body), profile, timeout)


def extract_page(item: Page, profile: SiteProfile | None, timeout: float):
    """The extraction of one page; a module-level function so that worker processes can run it."""
    return extract_article(
        item.body,
        item.url,
        content_type=item.content_type,
        content_language=item.content_language,
        fetched_at=datetime.fromisoformat(item.fetched_at.replace("Z", "+00:00")),
        profile=profile,
        listed_date=listed(item),
        timeout=timeout,
    )


def listed(item: Page) -> Listed | None:
    """The publication date a feed or news sitemap gave for the page's URL, as the extraction takes it.

    A plain sitemap's lastmod is not one: it is when the page last changed, and
    plain sitemaps list about and contact pages too, which no date must turn into articles.
    """
    if not item.listed_date or item.listed_via not in LISTED_VIA:
        return None
    return Listed(item.listed_date, LISTED_VIA[item.listed_via])


def warm_up() -> None:
    """Load the extraction's models in a new worker before it takes a page (its time is not the page's)."""
    extract_article(WARM_UP_PAGE, "https://warm.up/")

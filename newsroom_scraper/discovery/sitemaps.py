"""Sitemaps: robots.txt `Sitemap:` lines, sitemap indexes, gzipped sitemaps and Google News sitemaps.

Scrapy's `Sitemap` parser does the XML (safely: no entities, recovering from
bad markup) and `gunzip` the `.xml.gz` files, bounded by DOWNLOAD_MAXSIZE.
What it leaves out is the `<news:news>` block of Google News sitemaps: its
`publication_date` is the best date a crawl can have before fetching a page
(a `lastmod` is only a modification date), so `NewsSitemap` keeps it, and
the news title for the logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from lxml import etree
from scrapy.http import Response, XmlResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from .since import parse_listed_date

NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(slots=True, frozen=True)
class SitemapEntry:
    """One `<url>` of a urlset, or one `<sitemap>` of an index."""

    url: str
    lastmod: date | None = None
    published: date | None = None
    title: str | None = None

    @property
    def listed_date(self) -> date | None:
        """The date the `since` rule looks at: the news publication date, else lastmod."""
        return self.published or self.lastmod


@dataclass(slots=True, frozen=True)
class ParsedSitemap:
    kind: str  # "urlset" or "sitemapindex"
    entries: tuple[SitemapEntry, ...]

    @property
    def is_index(self) -> bool:
        return self.kind == "sitemapindex"


class NewsSitemap(Sitemap):
    """Scrapy's Sitemap, plus the `news:publication_date` and `news:title` it drops."""

    __slots__ = ()

    def _process_sitemap_element(self, elem: etree._Element) -> dict | None:
        news = {}
        for child in elem.iter(f"{{{NEWS_NAMESPACE}}}publication_date", f"{{{NEWS_NAMESPACE}}}title"):
            news[etree.QName(child).localname] = (child.text or "").strip()
        found = super()._process_sitemap_element(elem)
        if found is not None and news:
            found["news"] = news
        return found


def sitemap_body(response: Response, max_size: int) -> bytes | None:
    """The XML of a sitemap response, gunzipped when it is a .xml.gz; None when it is not a sitemap."""
    if gzip_magic_number(response):
        try:
            return gunzip(response.body, max_size=max_size)
        except (ValueError, OSError, EOFError):  # over max_size (a ValueError), or not gzip after all
            return None
    if isinstance(response, XmlResponse) or response.url.split("?")[0].endswith((".xml", ".xml.gz")):
        return response.body
    body = response.body.lstrip()[:200]
    return response.body if body.startswith(b"<?xml") or b"<urlset" in body or b"<sitemapindex" in body else None


def parse_sitemap(body: bytes, base_url: str) -> ParsedSitemap | None:
    """The entries of a sitemap or sitemap index, relative URLs made absolute; None when it is neither."""
    try:
        sitemap = NewsSitemap(body)
    except (etree.XMLSyntaxError, StopIteration):
        return None
    if sitemap.type not in ("urlset", "sitemapindex"):
        return None
    entries = []
    for item in sitemap:
        loc = (item.get("loc") or "").strip()
        if not loc:
            continue
        news = item.get("news") or {}
        entries.append(
            SitemapEntry(
                url=urljoin(base_url, loc),
                lastmod=parse_listed_date(item.get("lastmod")),
                published=parse_listed_date(news.get("publication_date")),
                title=news.get("title") or None,
            )
        )
    return ParsedSitemap(sitemap.type, tuple(entries))


def robots_sitemap_urls(response: Response) -> list[str]:
    """The `Sitemap:` lines of a robots.txt response, as absolute URLs."""
    return list(dict.fromkeys(sitemap_urls_from_robots(response.body, base_url=response.url)))


def is_robots_txt(url: str) -> bool:
    return url.split("?")[0].rstrip("/").endswith("/robots.txt")

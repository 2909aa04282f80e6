"""Sitemaps read from the fixture's files: urlsets, indexes, .xml.gz, Google News fields, robots.txt Sitemap lines."""

from __future__ import annotations

import gzip
from datetime import date

from scrapy.http import Response, TextResponse, XmlResponse

from newsroom_scraper.discovery.sitemaps import is_robots_txt, parse_sitemap, robots_sitemap_urls, sitemap_body

from .discovery_site import SITE

BASE = "https://nlrc.example"
MAX_SIZE = 16 * 1024 * 1024


def read(name: str) -> bytes:
    return (SITE / name).read_bytes()


def test_a_news_sitemap_keeps_publication_date_and_title():
    sitemap = parse_sitemap(read("news-sitemap.xml"), f"{BASE}/news-sitemap.xml")
    assert sitemap.kind == "urlset" and not sitemap.is_index
    first = sitemap.entries[0]
    assert first.url == f"{BASE}/news/2024/05/lake-ice-record-low/"
    assert first.published == date(2024, 5, 14)
    assert first.title == "Lake ice cover hits record low for the third winter running"
    updated = next(e for e in sitemap.entries if "winter-oxygen" in e.url)
    assert (updated.lastmod, updated.published, updated.listed_date) == (
        date(2024, 3, 15),
        date(2024, 2, 12),
        date(2024, 2, 12),  # the publication date, not the newer lastmod
    )


def test_an_index_lists_its_children_with_lastmod():
    sitemap = parse_sitemap(read("sitemap_index.xml"), f"{BASE}/sitemap_index.xml")
    assert sitemap.is_index
    assert [(e.url.removeprefix(BASE), e.lastmod) for e in sitemap.entries] == [
        ("/sitemaps/news-2024.xml.gz", date(2024, 5, 14)),
        ("/sitemaps/news-2023.xml", date(2024, 3, 10)),
        ("/sitemaps/news-2022.xml", date(2022, 12, 20)),
        ("/private/sitemap-staff.xml", date(2024, 5, 2)),
    ]


def test_a_gzipped_sitemap_is_unpacked_and_bounded():
    url = f"{BASE}/sitemaps/news-2024.xml.gz"
    response = Response(url, body=read("sitemaps/news-2024.xml.gz"), headers={"Content-Type": "application/gzip"})
    body = sitemap_body(response, MAX_SIZE)
    assert body.startswith(b"<?xml")
    entries = parse_sitemap(body, url).entries
    assert len(entries) == 10 and entries[0].lastmod == date(2024, 5, 14)
    assert sitemap_body(response, max_size=100) is None  # a gzip bomb stops at DOWNLOAD_MAXSIZE


def test_a_sitemap_already_decompressed_by_the_server_is_read():
    plain = gzip.decompress(read("sitemaps/news-2024.xml.gz"))
    response = Response(f"{BASE}/sitemaps/news-2024.xml.gz", body=plain)
    assert sitemap_body(response, MAX_SIZE) == plain


def test_what_is_not_a_sitemap():
    page = TextResponse(f"{BASE}/sitemap", body=b"<html><body>Not found</body></html>", encoding="utf-8")
    assert sitemap_body(page, MAX_SIZE) is None
    feed = XmlResponse(f"{BASE}/feed.xml", body=read("feeds/news.rss"))
    assert parse_sitemap(sitemap_body(feed, MAX_SIZE), feed.url) is None


def test_robots_txt_sitemap_lines():
    response = TextResponse(f"{BASE}/robots.txt", body=read("robots.txt"), encoding="utf-8")
    assert robots_sitemap_urls(response) == [f"{BASE}/sitemap_index.xml", f"{BASE}/news-sitemap.xml"]
    assert is_robots_txt(f"{BASE}/robots.txt") and not is_robots_txt(f"{BASE}/sitemap.xml")

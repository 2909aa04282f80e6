"""RSS and Atom read from the fixture's feeds; feeds a page announces; feedparser never reads or fetches on its own."""

from __future__ import annotations

from datetime import date

from scrapy.http import HtmlResponse

from newsroom_scraper.discovery.feeds import announced_feeds, parse_feed

from .discovery_site import SITE

BASE = "https://nlrc.example"


def test_rss_entries_have_absolute_links_dates_and_titles():
    feed = parse_feed((SITE / "feeds/news.rss").read_bytes(), f"{BASE}/feeds/news.rss", "application/rss+xml")
    assert feed.version == "rss20"
    first = feed.entries[0]
    assert first.url == f"{BASE}/news/2024/05/lake-ice-record-low/?utm_source=rss&utm_medium=feed"
    assert first.published == date(2024, 5, 14)
    assert first.title == "Lake ice cover hits record low for the third winter running"
    assert len(feed.entries) == 5


def test_atom_entries_use_the_alternate_link_and_the_published_date():
    feed = parse_feed((SITE / "feeds/press.atom").read_bytes(), f"{BASE}/feeds/press.atom")
    assert feed.version == "atom10"
    assert [(e.url.removeprefix(BASE), e.published) for e in feed.entries] == [
        ("/press/2024-04-30-new-research-vessel.html", date(2024, 4, 30)),
        ("/stories/1043/", date(2024, 4, 3)),
        ("/press/2024-01-15-annual-water-quality-report.html", date(2024, 1, 15)),  # updated the 16th
    ]


def test_a_body_naming_a_local_file_or_a_url_is_not_read_as_one(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><item><link>https://x.example/leak</link></item></channel></rss>')
    assert parse_feed(str(secret).encode(), f"{BASE}/feed").entries == ()
    assert parse_feed(b"http://127.0.0.1:9/feed.xml", f"{BASE}/feed").entries == ()


def test_feeds_announced_by_a_page():
    body = b"""<html><head>
    <link rel="alternate" type="application/rss+xml" href="/feeds/news.rss">
    <link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://nlrc.example/feeds/press.atom">
    <link rel="alternate" hreflang="sv" href="/sv/">
    <link rel="stylesheet" type="text/css" href="/static/nlrc.css">
    </head><body></body></html>"""
    response = HtmlResponse(f"{BASE}/news/", body=body)
    assert announced_feeds(response) == [f"{BASE}/feeds/news.rss", f"{BASE}/feeds/press.atom"]

"""Traps: the crawl stays finite and in scope, and one article under several URLs is fetched once.

The crawl of the fixture's news listing meets every trap of
fixtures/discovery/news/ (tracking and session parameters, fragments,
print/share/mailto/tel/javascript links, calendars, date archives, off-site
links, a disallowed path); the server's request log shows none was followed.
The rules themselves are pinned by the unit tests below.
"""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newsroom_scraper import settings as project_settings
from newsroom_scraper.discovery.traps import trap_reason
from newsroom_scraper.spiders.newsroom import NewsroomSpider
from newsroom_scraper.urls import request_url, url_key

from .discovery_site import EXPECTED, crawl_cases

NEWS_ARTICLES = ["/news/2024/05/lake-ice-record-low/", "/news/2024/04/algae-bloom-early-warning/"]
REDIRECT = (301, {"Location": "/stories/1042/", "Content-Type": "text/html"}, b"Moved")
SHORT_LINKS = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Short links</title></head><body>
<main><h1>Shared links</h1><ul>
<li>19 March 2024 <a href="/s/1042">A day on the ice</a></li>
<li>19 March 2024 <a href="/stories/1042/">A day on the ice with the winter sampling team</a></li>
<li>19 March 2024 <a href="/stories/1042/?utm_source=newsletter&amp;utm_campaign=march#top">Read it again</a></li>
</ul></main></body></html>"""


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    short_links = {
        "/short-links/": (200, {"Content-Type": "text/html; charset=utf-8"}, SHORT_LINKS),
        "/s/1042": REDIRECT,
    }
    return crawl_cases(
        tmp_path_factory,
        {
            "news": EXPECTED["paths"]["listing_numbered_pagination"],
            "short_links": {"args": {"start_urls": "/short-links/"}, "routes": short_links},
        },
    )


def test_tracking_session_and_fragment_variants_are_fetched_once(crawls):
    crawl = crawls["news"]
    assert [crawl.count(path) for path in NEWS_ARTICLES] == [1, 1]
    variants = [r for r in crawl.requests if any(t in r for t in ("utm_", "sid=", "jsessionid", "#", ";"))]
    assert variants == []


def test_print_share_and_non_http_links_are_never_requested(crawls):
    crawl = crawls["news"]
    assert [r for r in crawl.requests if "print" in r or "share" in r] == []
    assert crawl.result.stats["newsroom/skipped/print"] > 0


def test_calendars_and_date_archives_are_never_requested(crawls):
    crawl = crawls["news"]
    assert [r for r in crawl.requests if "calendar" in r or "month=" in r or "date=" in r] == []
    assert not {"/news/2024/05/", "/news/2024/04/"} & set(crawl.paths)
    stats = crawl.result.stats
    assert stats["newsroom/skipped/calendar"] > 0 and stats["newsroom/skipped/date_archive"] > 0


def test_off_site_links_are_counted_and_never_requested(crawls):
    stats = crawls["news"].result.stats
    assert stats["newsroom/skipped/offsite"] > 0
    assert stats["downloader/request_count"] == len(crawls["news"].requests)


def test_one_article_behind_a_redirect_and_a_tracking_link_is_fetched_once(crawls):
    crawl = crawls["short_links"]
    assert crawl.result.returncode == 0, crawl.result.log[-3000:]
    assert crawl.count("/stories/1042/") == 1
    assert crawl.count("/s/1042") == 1
    assert [record["title"] for record in crawl.result.records] == [
        "A day on the ice with the Council's winter sampling team"
    ]


@pytest.fixture
def spider():
    settings = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    return NewsroomSpider.from_crawler(
        get_crawler(NewsroomSpider, settings), start_urls="https://news.example.org/news/"
    )


def test_a_declared_canonical_url_is_not_fetched_again(spider):
    source = spider.sources[0]
    variant = "https://news.example.org/a/story.html?from=homepage"
    body = b'<html><head><link rel="canonical" href="/a/story.html"></head><body><h1>Story</h1></body></html>'
    page = HtmlResponse(variant, body=body, request=Request(variant, meta={"source": source.name}))
    assert len(list(spider.parse_page(page))) == 1
    assert spider.article_request("https://news.example.org/a/story.html#top", source, "sitemap") is None
    assert spider.article_request(variant, source, "feed") is None
    assert spider.article_request("https://news.example.org/a/other.html", source, "feed") is not None


def test_an_off_site_canonical_url_is_not_trusted(spider):
    source = spider.sources[0]
    url = "https://news.example.org/a/syndicated.html"
    body = b'<html><head><link rel="canonical" href="https://wire.example.com/a/syndicated.html"></head></html>'
    list(spider.parse_page(HtmlResponse(url, body=body, request=Request(url, meta={"source": source.name}))))
    assert url_key("https://wire.example.com/a/syndicated.html") not in spider.frontier.state.seen


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://a.org/news/x/?utm_source=rss&utm_medium=feed", "https://a.org/news/x/"),
        ("https://a.org/news/x/?id=7&utm_campaign=spring&fbclid=abc", "https://a.org/news/x/?id=7"),
        ("https://a.org/news/x/;jsessionid=8F3A2C1D?page=2", "https://a.org/news/x/?page=2"),
        ("https://a.org/news/x.php?PHPSESSID=0a1b&sid=9&p=3", "https://a.org/news/x.php?p=3"),
        ("https://a.org/news/x/#comments", "https://a.org/news/x/"),
        ("HTTPS://A.ORG:443/News/X", "https://a.org/News/X"),
        ("http://a.org:8080/x?b=2&a=1", "http://a.org:8080/x?b=2&a=1"),  # order kept; the dedupe key sorts
        ("https://a.org/s?s=lake&ref=home", "https://a.org/s?s=lake&ref=home"),  # search and ref select content
        ("https://a.org", "https://a.org/"),
    ],
)
def test_request_url(url, expected):
    assert request_url(url) == expected


def test_url_key_ignores_query_order():
    assert url_key("http://a.org/x?b=2&a=1&utm_source=x") == url_key("http://a.org/x?a=1&b=2#top")


@pytest.mark.parametrize(
    "url, reason",
    [
        ("mailto:press@nlrc.example", "not_http"),
        ("javascript:window.print()", "not_http"),
        ("tel:+4665200010", "not_http"),
        ("https://a.org/news/x/?print=1", "print"),
        ("https://a.org/print/news/x/", "print"),
        ("https://a.org/share?url=https%3A%2F%2Fa.org%2Fx", "share"),
        ("https://a.org/wp-login.php?redirect_to=x", "login"),
        ("https://a.org/events/calendar/", "calendar"),
        ("https://a.org/news/?year=2024&month=3", "calendar"),
        ("https://a.org/events/?date=2024-05-14", "calendar"),
        ("https://a.org/news/2024/05/", "date_archive"),
        ("https://a.org/2024/", "date_archive"),
        ("https://a.org/files/report.pdf", "file"),
        ("https://a.org/feeds/news.rss", "file"),
        ("https://a.org/news/2024/05/lake-ice-record-low/", None),
        ("https://a.org/news/ric/201306/t20130627_105222.shtml", None),
        ("https://a.org/stories/49102/", None),
        ("https://a.org/news/calendar-of-spring-events-announced/", None),
    ],
)
def test_trap_reason(url, reason):
    assert trap_reason(url) == reason


def test_date_archives_may_be_pagination():
    assert trap_reason("https://a.org/news/2024/04/", article=False) is None
    assert trap_reason("https://a.org/events/calendar/?month=6&year=2024", article=False) == "calendar"

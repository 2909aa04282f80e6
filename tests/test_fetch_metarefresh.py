"""Our MetaRefreshMiddleware follows every refresh Scrapy's follows, and passes other pages on undecoded.

Each page goes through both middlewares built from the project's settings:
the same redirect (or none) comes out. A page that cannot hold a refresh
must leave ours with its body never decoded (Scrapy caches the decoded
text on the response, doubling its memory while it waits for extraction).
"""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newsroom_scraper import settings as project_settings
from newsroom_scraper.downloadermiddlewares.metarefresh import MetaRefreshMiddleware, may_refresh

URL = "https://news.example.org/a/story.html"
FILLER = "<p>" + "The harbour plan was approved on Tuesday. " * 20 + "</p>"


def page(head: str, body: str = FILLER, encoding: str = "utf-8") -> bytes:
    html = f'<html><head><meta charset="{encoding}">{head}</head><body>{body}</body></html>'
    return html.encode(encoding)


PAGES = {
    "no refresh": (page("<title>Story</title>"), None),
    "a refresh": (page('<meta http-equiv="refresh" content="0; url=/b/moved.html">'), "/b/moved.html"),
    "upper case": (page('<META HTTP-EQUIV="REFRESH" CONTENT="0;URL=/b/moved.html">'), "/b/moved.html"),
    "refresh in the text only": (page("<title>Refresh your feed</title>"), None),
    # Scrapy's METAREFRESH_IGNORE_TAGS is empty: a refresh in a script is followed too.
    "in a script": (page('<script>\'<meta http-equiv="refresh" content="0;url=/js/">\'</script>'), "/js/"),
    "UTF-16": (page('<meta http-equiv="refresh" content="0; url=/b/moved.html">', encoding="utf-16"), "/b/moved.html"),
    "past 4,096 characters": (page("", FILLER * 8 + '<meta http-equiv="refresh" content="0; url=/late/">'), None),
}


@pytest.fixture(scope="module")
def middlewares():
    settings = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    crawler = get_crawler(settings_dict=settings)
    return ScrapyMiddleware.from_crawler(crawler), MetaRefreshMiddleware.from_crawler(crawler)


def redirected_path(result) -> str | None:
    return result.url.removeprefix("https://news.example.org") if isinstance(result, Request) else None


@pytest.mark.parametrize("body, expected", PAGES.values(), ids=PAGES.keys())
def test_the_same_refresh_as_scrapy(middlewares, body, expected):
    theirs, ours = (
        middleware.process_response(Request(URL), HtmlResponse(URL, body=body)) for middleware in middlewares
    )
    assert redirected_path(ours) == redirected_path(theirs) == expected


def test_a_page_without_refresh_is_not_decoded(middlewares):
    response = HtmlResponse(URL, body=page("<title>Story</title>", FILLER * 50))
    assert middlewares[1].process_response(Request(URL), response) is response
    assert response._cached_ubody is None  # Scrapy's cache of the decoded text: never filled


def test_only_a_page_that_could_hold_one_is_read():
    assert not may_refresh(page("<title>Story</title>"))
    assert may_refresh(page("<title>Refresh</title>"))
    assert may_refresh("<title>Story</title>".encode("utf-16"))

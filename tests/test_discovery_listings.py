"""Listing pages without a profile: article links found by URL shape, dated headlines and place; a bounded page budget.

Crawls: the fixture's listings in "articles" mode (no navigation page is
fetched, every article still is), and an endless "Next" chain (the page
budget stops it). Unit tests: each article signal on small pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from scrapy.http import HtmlResponse

from newsroom_scraper.discovery.links import listing_links, url_looks_like_article
from newsroom_scraper.localserver import serve

from .conftest import run_crawl
from .discovery_site import EXPECTED, SITE, crawl_cases, spider_args

ENDLESS_PAGES = 200


def endless_archive() -> dict:
    """/archive/page/N/ for N up to 200, each linking to the next: for a crawler, pagination without end."""
    routes = {}
    for n in range(1, ENDLESS_PAGES + 1):
        body = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Archive page {n}</title></head>'
            f'<body><main><h1>Archive</h1><p>Page {n}</p><div class="pagination"><a href="/archive/page/{n + 1}/">'
            f'{n + 1}</a> <a href="/archive/page/{n + 1}/">Next ›</a></div></main></body></html>'
        )
        routes[f"/archive/page/{n}/"] = (200, {"Content-Type": "text/html; charset=utf-8"}, body.encode())
    return routes


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    articles_mode = {"NEWSROOM_LISTING_LINKS": "articles", "NEWSROOM_DISCOVER_FEEDS": "False"}
    return crawl_cases(
        tmp_path_factory,
        {
            "articles_mode": {"args": {"start_urls": "/news/,/press/"}, "settings": articles_mode},
            "endless_budget_3": {
                "args": {"start_urls": "/archive/page/1/", "max_pages": "3"},
                "routes": endless_archive(),
            },
            "endless_default": {"args": {"start_urls": "/archive/page/1/"}, "routes": endless_archive()},
            "news_budget_2": {
                "args": {"start_urls": "/news/", "max_pages": "2"},
                "settings": {"NEWSROOM_DISCOVER_FEEDS": "False"},
            },
        },
    )


def test_articles_mode_fetches_every_article_and_no_navigation_page(crawls):
    crawl = crawls["articles_mode"]
    paths = EXPECTED["paths"]
    expected = [*paths["listing_numbered_pagination"]["articles"], *paths["listing_next_pagination"]["articles"]]
    assert crawl.exported == sorted(expected)
    assert not {"/", "/about/", "/contact/"} & set(crawl.paths)
    assert "newsroom/not_article" not in crawl.result.stats
    assert crawl.result.stats["newsroom/skipped/not_article_link"] > 0


@pytest.mark.parametrize("name, pages", [("endless_budget_3", 3), ("endless_default", 5)])
def test_endless_pagination_stops_at_the_page_budget(crawls, name, pages):
    crawl = crawls[name]
    assert crawl.result.returncode == 0, crawl.result.log[-3000:]
    assert [p for p in crawl.paths if p.startswith("/archive/")] == [f"/archive/page/{n}/" for n in range(1, pages + 1)]
    assert crawl.result.stats["newsroom/listing_pages"] == pages
    assert crawl.result.stats["newsroom/skipped/page_budget"] >= 1


def test_a_smaller_budget_reaches_fewer_listing_pages(crawls):
    crawl = crawls["news_budget_2"]
    assert crawl.count("/news/page/3/") == 0
    assert crawl.exported == [path for path in EXPECTED["articles"] if path.startswith("/news/2024/")][::-1]


def links_of(body: str, url: str = "https://news.example.org/news/") -> dict[str, tuple[str, ...]]:
    response = HtmlResponse(url, body=body.encode("utf-8"), encoding="utf-8")
    return {link.url.removeprefix("https://news.example.org"): link.signals for link in listing_links(response)}


def test_each_article_signal():
    links = links_of("""<html><body>
    <nav><a href="/about/">About</a> <a href="/news/2024/05/nav-featured-story/">Featured</a></nav>
    <div id="wrap">
      <ul class="list"><li><span>14.05.2024</span> <a href="/node/view">Council approves the plan</a></li></ul>
      <p><a href="/team/">Our team</a></p>
    </div>
    <main><p><a href="/projects/">Projects</a></p></main>
    <footer><ul><li>May 3, 2024 <a href="/legal/">Legal notice</a></li></ul></footer>
    </body></html>""")
    assert links["/news/2024/05/nav-featured-story/"] == ("url_shape",)  # its URL, even in the menu
    assert links["/about/"] == ()
    assert links["/node/view"] == ("dated_list",)
    assert links["/team/"] == ()
    assert links["/projects/"] == ("main_content",)
    assert links["/legal/"] == ()  # a date in the footer does not make a headline list


@pytest.mark.parametrize(
    "path, article",
    [
        ("/news/2024/05/lake-ice-record-low/", True),
        ("/press/2024-04-30-new-research-vessel.html", True),
        ("/news/ric/201306/t20130627_105222.shtml", True),
        ("/stories/49102/", True),
        ("/article/123456.html", True),
        ("/news/seagrass-meadows-store-more-carbon", True),
        ("/news/", False),
        ("/news/2024/05/", False),
        ("/about-us/", False),
        ("/contact/", False),
    ],
)
def test_url_shapes(path, article):
    assert url_looks_like_article("https://news.example.org" + path) is article


def test_links_are_normalised_and_listed_once():
    links = links_of("""<html><body><main>
    <a href="/news/2024/05/story/?utm_source=x">A</a> <a href="/news/2024/05/story/#c">B</a>
    <a href="mailto:a@b.org">Mail</a> <a href="javascript:void(0)">JS</a> <a href="#top">Top</a>
    </main></body></html>""")
    assert list(links) == ["/news/2024/05/story/"]


def test_a_broken_href_costs_the_page_nothing():
    links = links_of("""<html><body><main>
    <a href="http://news.example.org:abc/x">bad port</a> <a href="http://[::1/x">bad host</a>
    <a href="/news/2024/05/story/">A story</a>
    </main></body></html>""")
    assert list(links) == ["/news/2024/05/story/"]


def test_listing_pages_are_fetched_again_on_every_run(tmp_path):
    """With Scrapy's HTTP cache on, a second run takes the articles from the cache but asks for the listings again."""
    cache = {"HTTPCACHE_ENABLED": "True", "HTTPCACHE_DIR": str(tmp_path / "cache"), "NEWSROOM_DISCOVER_FEEDS": "False"}
    server = serve(SITE)
    runs = []
    try:
        for run in ("first", "second"):
            server.requests.clear()
            (tmp_path / run).mkdir()
            result = run_crawl(None, tmp_path / run, cache, spider_args({"start_urls": "/press/"}, server.base_url))
            runs.append((result, [urlsplit(path).path for path in server.requests]))
    finally:
        server.shutdown()
    (first, first_paths), (second, second_paths) = runs
    listings = ["/press/", "/press/older.html", "/press/oldest.html"]
    articles = EXPECTED["paths"]["listing_next_pagination"]["articles"]
    assert all(first_paths.count(path) == 1 for path in listings + articles)
    assert sorted(second_paths) == sorted(listings)
    assert sorted(urlsplit(record["url"]).path for record in second.records) == sorted(articles)

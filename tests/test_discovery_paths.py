"""Each discovery path alone, over real HTTP: exactly its articles, fetched once, robots.txt obeyed, nothing off-site.

One crawl per entry of fixtures/discovery/EXPECTED.json "paths": listings
with numbered and "next" pagination, feed discovery, RSS, Atom, robots.txt
Sitemap lines, a sitemap index with a gzipped child, a news sitemap, and all
of them at once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .discovery_site import EXPECTED, crawl_cases

PATHS = EXPECTED["paths"]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    return crawl_cases(tmp_path_factory, PATHS)


@pytest.mark.parametrize("name", sorted(PATHS))
def test_crawl_succeeds_without_failures(crawls, name):
    result = crawls[name].result
    assert result.returncode == 0, result.log[-3000:]
    assert "newsroom/failed" not in result.stats, {k: v for k, v in result.stats.items() if "failed" in k}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_each_path_finds_exactly_its_articles(crawls, name):
    assert crawls[name].exported == sorted(PATHS[name]["articles"])


@pytest.mark.parametrize("name", sorted(PATHS))
def test_no_article_is_fetched_twice(crawls, name):
    crawl = crawls[name]
    assert {path: crawl.count(path) for path in EXPECTED["articles"] if crawl.count(path) > 1} == {}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_nothing_disallowed_by_robots_txt_is_requested(crawls, name):
    crawl = crawls[name]
    assert crawl.paths[0] == "/robots.txt", "robots.txt is read before anything else"
    assert [path for path in crawl.paths if path.startswith("/private/")] == []


@pytest.mark.parametrize("name", sorted(PATHS))
def test_nothing_off_site_is_requested(crawls, name):
    """Every request the downloader made reached the fixture server: none went to another host."""
    crawl = crawls[name]
    assert crawl.result.stats["downloader/request_count"] == len(crawl.requests)


def test_disallowed_sitemap_and_article_were_listed_and_refused(crawls):
    """The sitemap index lists /private/sitemap-staff.xml and the 2024 sitemap the memo: both refused by robots.txt."""
    assert crawls["sitemap_index"].result.stats["newsroom/skipped/robots_txt"] == 2
    assert crawls["listing_numbered_pagination"].result.stats["newsroom/skipped/robots_txt"] == 1


def test_records_are_the_articles_listed(crawls):
    records = {urlsplit(record["url"]).path: record for record in crawls["everything"].result.records}
    for path, expected in EXPECTED["articles"].items():
        assert (records[path]["title"], records[path]["date"][:10]) == (expected["title"], expected["date"])
        assert urlsplit(records[path]["canonical_url"]).path == path


@pytest.mark.parametrize(
    "name, via, count",
    [
        ("news_sitemap", "news_sitemap", 4),
        ("rss_feed", "feed", 5),
        ("atom_feed", "feed", 3),
        ("gzipped_sitemap", "sitemap", 10),  # 8 articles, /about/, and the memo that robots.txt then refuses
        ("listing_next_pagination", "listing", 7),  # 3 releases, and /, /about/, /contact/, /news/ from the menu
    ],
)
def test_requests_are_counted_by_path(crawls, name, via, count):
    assert crawls[name].result.stats[f"newsroom/requested/{via}"] == count


def test_each_url_is_requested_once_across_paths(crawls):
    stats = crawls["everything"].result.stats
    requested = sum(value for key, value in stats.items() if key.startswith("newsroom/requested/"))
    # Each article once, whichever paths listed it; the site's chrome (/, /about/, /contact/) in "all" mode;
    # and the memo under /private/, which robots.txt then refuses.
    assert requested == len(EXPECTED["articles"]) + 3 + 1
    assert stats["newsroom/sitemaps"] == 5  # index, news sitemap, 2024 (gzipped), 2023, 2022
    assert stats["newsroom/feeds"] == 2


def test_pages_that_are_not_articles_are_fetched_once_and_counted(crawls):
    crawl = crawls["everything"]
    assert [crawl.count(path) for path in EXPECTED["not_articles"]] == [1] * len(EXPECTED["not_articles"])
    stats = crawl.result.stats
    assert stats["newsroom/not_article"] == len(EXPECTED["not_articles"])
    assert sum(v for k, v in stats.items() if k.startswith("newsroom/not_article/")) == len(EXPECTED["not_articles"])


def test_feeds_are_discovered_only_when_announced_on_start_pages(crawls):
    with_discovery = crawls["listing_with_feed_discovery"]
    assert with_discovery.result.stats["newsroom/feeds_discovered"] == 2
    assert {"/feeds/news.rss", "/feeds/press.atom"} <= set(with_discovery.paths)
    assert not any(path.startswith("/feeds/") for path in crawls["listing_numbered_pagination"].paths)

"""`-a since=YYYY-MM-DD`: old sitemap and feed entries are not fetched, old records are not exported.

The crawls check the server's request log: what `since` must skip was never
asked for. The unit tests pin the two rules (a day's grace for listed dates,
the exact date for records).
"""

from __future__ import annotations

from datetime import date

import pytest

from newsroom_scraper.discovery.since import listed_before, parse_listed_date, parse_since, record_before

from .conftest import run_crawl
from .discovery_site import EXPECTED, crawl_cases

SINCE = EXPECTED["since"]
CASES = {name: {**case, "args": {**case["args"], "since": SINCE["date"]}} for name, case in SINCE["paths"].items()}


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    return crawl_cases(tmp_path_factory, CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_only_articles_since_the_date_are_exported(crawls, name):
    result = crawls[name].result
    assert result.returncode == 0, result.log[-3000:]
    assert crawls[name].exported == sorted(CASES[name]["exported"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_old_sitemap_and_feed_entries_are_not_fetched(crawls, name):
    crawl = crawls[name]
    fetched = [path for path in CASES[name]["not_fetched"] if crawl.count(path)]
    assert fetched == []
    if CASES[name]["not_fetched"]:
        assert crawl.result.stats["newsroom/skipped/older_than_since"] > 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_old_pages_found_without_a_listed_date_are_fetched_but_not_exported(crawls, name):
    crawl = crawls[name]
    expected = CASES[name]["fetched_not_exported"]
    assert all(crawl.count(path) == 1 for path in expected)
    assert crawl.result.stats.get("newsroom/not_exported/older_than_since", 0) == len(expected)


def test_news_publication_date_wins_over_a_newer_lastmod(crawls):
    """The news sitemap gives the winter survey a lastmod after `since` but a publication date before it."""
    assert crawls["news_sitemap"].count("/news/2024/02/winter-oxygen-survey/") == 0


def test_an_old_child_sitemap_is_not_fetched(crawls):
    crawl = crawls["robots_txt_sitemaps"]
    assert crawl.count("/sitemaps/news-2022.xml") == 0
    assert crawl.count("/sitemaps/news-2023.xml") == 1  # its lastmod is the 2024 correction of an old article


def test_a_bad_since_stops_the_crawl_before_any_request(make_server, tmp_path):
    server = make_server({"news/index.html": "<html><body>news</body></html>"})
    result = run_crawl(f"{server.base_url}/news/", tmp_path, args=["-a", "since=2024-13-01"])
    assert result.returncode != 0
    assert "since: '2024-13-01' is not a date written YYYY-MM-DD" in result.log
    assert server.requests == []


def test_parse_since():
    assert parse_since("2024-03-01") == date(2024, 3, 1)
    assert parse_since(None) is None and parse_since("") is None
    with pytest.raises(ValueError, match="not a date"):
        parse_since("1 March 2024")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-14T09:30:00+02:00", date(2024, 5, 14)),
        ("2024-05-14T23:30:00Z", date(2024, 5, 14)),  # the date as written, not converted
        ("2024-05-14", date(2024, 5, 14)),
        ("2024-05-14T09:30+02:00", date(2024, 5, 14)),
        ("2024-05", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_listed_date(value, expected):
    assert parse_listed_date(value) == expected


@pytest.mark.parametrize(
    "listed, skipped",
    [
        (date(2024, 2, 28), True),
        (date(2024, 2, 29), False),  # a day's grace: the sitemap may be in UTC and the page in local time
        (date(2024, 3, 1), False),
        (None, False),  # no date: fetch, and let the page's own date decide
    ],
)
def test_listed_dates_get_a_days_grace(listed, skipped):
    assert listed_before(listed, date(2024, 3, 1)) is skipped
    assert listed_before(listed, None) is False


@pytest.mark.parametrize(
    "record_date, older",
    [("2024-02-29", True), ("2024-02-29T23:59:00+01:00", True), ("2024-03-01", False), (None, False), ("", False)],
)
def test_records_are_held_to_the_exact_date(record_date, older):
    assert record_before(record_date, date(2024, 3, 1)) is older

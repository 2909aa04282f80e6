"""Politeness over real HTTP: robots.txt for every request (sitemaps and feeds too), Crawl-delay, a profile's pace.

The server notes when each request arrives; the gaps between requests show
the delay the crawl kept, with AutoThrottle on (run_crawl starts it at 0.05 s).
"""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

from newsroom_scraper import settings as project_settings
from newsroom_scraper.discovery.politeness import download_slots
from newsroom_scraper.extensions.sitedelays import SiteDelays
from newsroom_scraper.sources import parse_sources
from newsroom_scraper.spiders.newsroom import NewsroomSpider

from .discovery_site import crawl_site
from .pagemaker import article_page, listing_page

ARTICLES = [f"/a/story-{n}.html" for n in range(1, 5)]
# Server and client clocks differ by a few milliseconds at most; the floors below are 0.4 s and 0.3 s.
TIMING_SLACK = 0.05


def small_site(root, robots: str) -> None:
    files = {"robots.txt": robots, "news/index.html": listing_page(ARTICLES)}
    for n, path in enumerate(ARTICLES, 1):
        files[path.lstrip("/")] = article_page(f"Harbour council story number {n} of the spring", f"March {n}, 2024")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


def gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in zip(times, times[1:], strict=False)]


def test_robots_txt_crawl_delay_spaces_every_request(tmp_path):
    small_site(tmp_path / "site", "User-agent: *\nCrawl-delay: 0.4\nDisallow: /private/\n")
    crawl = crawl_site(tmp_path, {"start_urls": "/news/"}, site=tmp_path / "site")
    assert crawl.result.returncode == 0, crawl.result.log[-3000:]
    assert len(crawl.result.records) == len(ARTICLES)
    assert crawl.result.stats["newsroom/crawl_delay/127.0.0.1"] == 0.4
    assert min(gaps(crawl.times)) >= 0.4 - TIMING_SLACK, gaps(crawl.times)


def test_a_profiles_delay_holds_under_autothrottle(tmp_path):
    small_site(tmp_path / "site", "User-agent: *\nDisallow: /private/\n")
    sources = '[[source]]\nname = "harbour"\nstart_urls = ["{base}/news/"]\ndownload_delay = 0.3\nconcurrency = 1\n'
    crawl = crawl_site(tmp_path, {"source": "harbour"}, site=tmp_path / "site", sources_toml=sources)
    assert crawl.result.returncode == 0, crawl.result.log[-3000:]
    assert len(crawl.result.records) == len(ARTICLES)
    # The first gap is robots.txt (fetched in the host's slot) to the first page (in the source's slot).
    assert min(gaps(crawl.times)[1:]) >= 0.3 - TIMING_SLACK, gaps(crawl.times)


def test_robots_txt_is_obeyed_for_sitemaps_and_feeds(tmp_path):
    crawl = crawl_site(tmp_path, {"sitemaps": "/private/sitemap-staff.xml", "feeds": "/private/staff.rss"})
    assert crawl.result.returncode == 3, crawl.result.log[-3000:]  # nothing could be read: the status says so
    assert crawl.paths == ["/robots.txt"]
    assert crawl.result.stats["newsroom/skipped/robots_txt"] == 2


def test_download_slots_from_profiles():
    sources = parse_sources(
        '[[source]]\nname = "slow"\nstart_urls = ["https://a.example/"]\ndownload_delay = 5\nconcurrency = 1\n'
        '[[source]]\nname = "plain"\nstart_urls = ["https://b.example/"]\n'
    )
    assert download_slots(sources) == {"slow": {"delay": 5.0, "concurrency": 1}}


def site_delays(tmp_path, sources_toml: str) -> SiteDelays:
    """The extension as a crawl builds it: after the spider, whose sources (a real sources file) it reads."""
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml, "utf-8")
    settings = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    crawler = get_crawler(
        NewsroomSpider, {**settings, "NEWSROOM_MAX_CRAWL_DELAY": 10, "NEWSROOM_SOURCES": str(sources)}
    )
    crawler.spider = NewsroomSpider.from_crawler(crawler)
    return SiteDelays.from_crawler(crawler)


PLAIN_SOURCE = '[[source]]\nname = "plain"\nstart_urls = ["https://news.example.org/"]\n'


@pytest.mark.parametrize(
    "robots, floor",
    [
        ("User-agent: *\nCrawl-delay: 3\n", 3.0),
        ("User-agent: *\nCrawl-delay: 3600\n", 10.0),  # capped by NEWSROOM_MAX_CRAWL_DELAY
        ("User-agent: otherbot\nCrawl-delay: 30\n\nUser-agent: *\nDisallow: /x/\n", None),  # not ours
        ("User-agent: *\nDisallow: /x/\n", None),
    ],
)
def test_crawl_delay_floors(tmp_path, robots, floor):
    delays = site_delays(tmp_path, PLAIN_SOURCE)
    parser = ProtegoRobotParser(robots.encode(), None)
    delays.robots_parsed(parser, Request("https://news.example.org/news/", meta={"download_slot": "example"}))
    assert delays.floors.get("example") == floor


def test_a_profile_delay_is_a_floor_and_crawl_delay_only_raises_it(tmp_path):
    delays = site_delays(tmp_path, '[[source]]\nname = "s"\nstart_urls = ["https://a.example/"]\ndownload_delay = 4\n')
    request = Request("https://a.example/x", meta={"download_slot": "s"})
    delays.robots_parsed(ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 2\n", None), request)
    assert delays.floors == {"s": 4}
    delays.robots_parsed(ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 6\n", None), request)
    assert delays.floors == {"s": 6}

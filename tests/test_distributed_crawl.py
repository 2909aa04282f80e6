"""Two workers of one crawl over real HTTP and a real redis-server: shared frontier, shared politeness.

Both workers run the real `scrapy crawl newsroom -s NEWSROOM_REDIS_URL=...`
at once over one loopback newsroom. Between them, every article is
exported exactly once and every page requested once (robots.txt and the
listing included); both do part of the work; and the request rate the
site sees stays within its delay, for both together.
"""

from __future__ import annotations

import pytest

from .cluster_crawls import TimedRequests, article_ids, finish, requested_paths, start_workers
from .incremental_site import Crawls

ARTICLES = 30
SLOW = 0.05  # seconds per answer: long enough for both workers to take part
SITE_DELAY = 0.25  # the rate test's per-site delay


@pytest.fixture(scope="module")
def redis_module(tmp_path_factory):
    from .redis_server import RedisServer, redis_installed

    if not redis_installed():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.kill()


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory, redis_module):
    crawls = Crawls(tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("two"), count=ARTICLES)
    try:
        crawls.server.delay = SLOW
        runs = finish(crawls, start_workers(crawls, redis_module.url, 2, {"NEWSROOM_CRAWL_ID": "two"}))
    finally:
        crawls.close()
    return crawls, runs


def test_each_article_is_exported_once_by_one_worker(two_workers):
    crawls, runs = two_workers
    assert [run.returncode for run in runs] == [0, 0], runs[0].log[-3000:] + runs[1].log[-3000:]
    ids = [record["id"] for run in runs for record in run.records]
    assert len(ids) == len(set(ids)) == ARTICLES
    assert set(ids) == article_ids(crawls, range(1, ARTICLES + 1))


def test_both_workers_did_work(two_workers):
    _, runs = two_workers
    assert all(run.records for run in runs), [len(run.records) for run in runs]
    assert all(run.stats().get("downloader/request_count", 0) > 0 for run in runs)


def test_no_page_is_requested_twice(two_workers):
    crawls, _ = two_workers
    requested = requested_paths(crawls)
    assert requested["/robots.txt"] == 1
    assert requested["/news/"] == 1
    assert {path: n for path, n in requested.items() if n > 1} == {}
    assert all(requested[path] == 1 for path in crawls.site.articles)


def test_the_pass_is_finished_and_its_frontier_cleared(two_workers, redis_module):
    client = redis_module.client()
    assert client.hget("newsroom:two:status", "state") == b"finished"
    assert not client.exists("newsroom:two:requests", "newsroom:two:dupefilter", "newsroom:two:workers")
    assert not list(client.scan_iter("newsroom:two:leases:*"))


def test_the_sites_rate_holds_for_both_workers_together(tmp_path_factory, redis_module):
    crawls = Crawls(tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("rate"), count=12)
    crawls.server.requests = TimedRequests()
    # One request at a time and SITE_DELAY between two, per worker: together, still SITE_DELAY between two.
    settings = {"NEWSROOM_CRAWL_ID": "rate", "DOWNLOAD_DELAY": SITE_DELAY, "AUTOTHROTTLE_ENABLED": False,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_DELAY_JITTER": 0}  # fmt: skip
    try:
        runs = finish(crawls, start_workers(crawls, redis_module.url, 2, settings, stagger=0.5))
    finally:
        crawls.close()
    assert [run.returncode for run in runs] == [0, 0]
    assert all(run.stats().get("downloader/request_count", 0) > 0 for run in runs)
    times = crawls.server.requests.times
    assert len(times) >= 14  # robots.txt, the listing, 12 articles and the two other links
    # The budget is kept on Redis' clock when a request leaves; arrival at the server adds jitter (on a loaded
    # machine, one request late by up to a delay makes the next gap short). So any k+1 requests in a row span at
    # least (k - 1) delays: two workers each keeping the delay on its own would fail this from k = 4 on.
    short = [
        (k, times[i + k] - times[i])
        for k in range(1, len(times))
        for i in range(len(times) - k)
        if times[i + k] - times[i] < (k - 1) * SITE_DELAY
    ]
    assert not short, short[:5]
    assert len(times) / (times[-1] - times[0]) <= 1 / SITE_DELAY * 1.1

"""The frontier shared on Redis: the listing budget and "already fetched" hold for all workers together.

Workers of one crawl each keep their own frontier decisions but one memory
(distributed/frontier.py). Here two frontiers over one real redis-server
stand for two workers: pagination of one listing, taken by both at once,
stops at `max_pages`, and a page one fetched under another URL is not
requested by the other under its canonical URL. The end-to-end test runs
two real `scrapy crawl` workers over a loopback site and reads what the
server was asked for.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import threading
import time

import redis

from newsroom_scraper.demo import crawl_command
from newsroom_scraper.discovery.frontier import DUPLICATE, Frontier, FrontierRules
from newsroom_scraper.distributed.frontier import RedisState
from newsroom_scraper.distributed.keys import CrawlKeys
from newsroom_scraper.sources import Source

from . import faultserver as fs
from .conftest import CRAWL_TIMEOUT, REPO
from .pagemaker import article_page

SITE = "https://news.example.org"
SOURCE = Source("news", (f"{SITE}/news/",), ("news.example.org",))
_crawl_ids = itertools.count(1)


def redis_frontiers(server, rules: FrontierRules):
    """A factory of frontiers over one fresh shared state on `server` (a new crawl id per factory)."""
    keys = CrawlKeys(f"frontier-test-{next(_crawl_ids)}")
    return lambda: Frontier(rules, RedisState(redis.Redis.from_url(server.url), keys))


def test_two_workers_paginating_one_listing_stop_at_max_pages_together(redis_server):
    worker = redis_frontiers(redis_server, FrontierRules(max_pages=5))
    workers = [worker(), worker()]
    root = f"{SITE}/news/"
    workers[0].listing_fetched(root, root)
    admitted: list[str] = []
    lock = threading.Lock()

    def paginate(frontier: Frontier, start: int) -> None:
        # Each worker meets every page of the listing, in its own order, as pagination links on pages it parses.
        for n in [*range(start, 40), *range(2, start)]:
            verdict = frontier.next_page(f"{SITE}/news/?page={n}", root, SOURCE)
            if verdict.admitted:
                with lock:
                    admitted.append(verdict.url)
            else:
                assert verdict.reason in ("page_budget", DUPLICATE)

    threads = [
        threading.Thread(target=paginate, args=(frontier, start))
        for frontier, start in zip(workers, (2, 20), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(admitted) == len(set(admitted)) == 4  # the start page and four more: max_pages


def test_a_page_fetched_by_one_worker_is_not_requested_by_another_under_its_canonical_url(redis_server):
    worker = redis_frontiers(redis_server, FrontierRules())
    first, second = worker(), worker()
    variant, canonical = f"{SITE}/a/story.html?from=home", f"{SITE}/a/story.html"
    assert first.article(variant, SOURCE).admitted
    first.fetched(variant, canonical)
    assert second.article(canonical, SOURCE).reason == DUPLICATE
    assert second.article(f"{SITE}/a/story.html#comments", SOURCE).reason == DUPLICATE
    assert not second.claim_redirect(canonical, [f"{SITE}/a/elsewhere.html"])
    assert second.article(f"{SITE}/a/other.html", SOURCE).admitted


def test_another_crawl_id_shares_nothing(redis_server):
    one = redis_frontiers(redis_server, FrontierRules())()
    other = redis_frontiers(redis_server, FrontierRules())()
    assert one.article(f"{SITE}/a/story.html", SOURCE).admitted
    assert other.article(f"{SITE}/a/story.html", SOURCE).admitted


def test_a_frontier_whose_redis_is_gone_requests_nothing(redis_server):
    lost: list[Exception] = []
    client = redis.Redis.from_url(redis_server.url, socket_timeout=2)
    frontier = Frontier(FrontierRules(), RedisState(client, CrawlKeys("gone"), lost=lost.append))
    redis_server.kill()
    assert frontier.article(f"{SITE}/a/story.html", SOURCE).reason == DUPLICATE
    assert frontier.index(f"{SITE}/news/", SOURCE).reason == DUPLICATE
    assert lost and isinstance(lost[0], redis.RedisError)


# --- Two real workers ---------------------------------------------------------------------

LISTING_PAGES = 8
MAX_PAGES = 3
SLOW_LISTING_S = 0.4  # later listing pages answer slowly: the page declaring a canonical URL is fetched first
ARTICLES_PER_PAGE = 6
SLOW_ARTICLE_S = 0.1  # long enough for both workers to take part


def listing(n: int) -> str:
    """Listing page n: articles of its own, a link to the next page, and on page 3 the canonical story."""
    links = [f'<li><a href="/a/page-{n}-story-{k}-of-the-day/">Story {k} of page {n}, a long headline</a></li>'
             for k in range(ARTICLES_PER_PAGE)]  # fmt: skip
    if n == 1:
        links.append('<li><a href="/story/lake-ice-record-low-alt/">Lake ice at a record low this winter</a></li>')
    if n == 3:
        links.append('<li><a href="/story/lake-ice-record-low/">Lake ice at a record low this winter</a></li>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>'
            f'<ul>{"".join(links)}</ul><a rel="next" href="/news/?page={n + 1}">Next</a></body></html>')  # fmt: skip


def slow_page(body: str, seconds: float):
    def fault(handler, attempt):
        time.sleep(seconds)
        fs.page(body)(handler, attempt)

    return fault


def cluster_site() -> dict:
    canonical = '<link rel="canonical" href="/story/lake-ice-record-low/">'
    faults = {
        "/robots.txt": fs.status(404),
        "/news/": fs.page(listing(1)),
        "/story/lake-ice-record-low-alt/": fs.page(article_page("Lake ice", "May 14, 2024", extra=canonical)),
        "/story/lake-ice-record-low/": fs.page(article_page("Lake ice", "May 14, 2024")),
    }
    for n in range(1, LISTING_PAGES + 1):
        if n > 1:
            faults[f"/news/?page={n}"] = slow_page(listing(n), SLOW_LISTING_S)
        for k in range(ARTICLES_PER_PAGE):
            page = article_page(f"Story {k} of page {n}", "May 14, 2024")
            faults[f"/a/page-{n}-story-{k}-of-the-day/"] = slow_page(page, SLOW_ARTICLE_S)
    return faults


def test_two_real_workers_keep_one_page_budget_and_fetch_a_canonical_page_once(tmp_path, redis_server):
    server = fs.start(cluster_site())
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    settings = {"NEWSROOM_REDIS_URL": redis_server.url, "NEWSROOM_CRAWL_ID": "budget", "NEWSROOM_MAX_PAGES": MAX_PAGES,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 4}  # fmt: skip
    workers = []
    try:
        for n in range(2):
            extra = {**settings, "NEWSROOM_STATS_FILE": str(tmp_path / f"stats{n}.json")}
            command = crawl_command(server.url("/news/"), tmp_path / f"out{n}.jsonl", extra)
            log = open(tmp_path / f"worker{n}.log", "w")
            workers.append((subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT), log))
            time.sleep(0.2)
        codes = [process.wait(CRAWL_TIMEOUT) for process, _ in workers]
    finally:
        for process, log in workers:
            if process.poll() is None:
                process.kill()
            log.close()
        server.shutdown()
    logs = "".join((tmp_path / f"worker{n}.log").read_text()[-2000:] for n in range(2))
    # Both exit 0, also the worker that happened to read no listing page: the crawl as a whole read them.
    assert codes == [0, 0], logs
    stats = [json.loads((tmp_path / f"stats{n}.json").read_text()) for n in range(2)]
    assert all(s.get("downloader/request_count", 0) > 0 for s in stats), logs  # both took part
    listings = sorted(path for path in server.attempts if path.startswith("/news/"))
    assert listings == ["/news/", "/news/?page=2", "/news/?page=3"]
    assert all(server.attempts[path] == 1 for path in listings)
    assert sum(s.get("newsroom/skipped/page_budget", 0) for s in stats) == 1
    assert server.attempts["/story/lake-ice-record-low-alt/"] == 1
    assert server.attempts["/story/lake-ice-record-low/"] == 0

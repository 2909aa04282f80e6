"""The leased queue and the add-on, against a real redis-server: what a worker holds, and what it gives back.

A popped request is moved into its worker's lease hash, not dropped; it
leaves the hash when acknowledged, when it comes back as a retry or a
redirect (queued again first), and a dead worker's leases go back into the
queue with their priority. Without NEWSROOM_REDIS_URL the add-on changes
no setting.
"""

from __future__ import annotations

import scrapy
from scrapy.settings import Settings

from newsroom_scraper import settings as project_settings
from newsroom_scraper.distributed.addon import DistributedCrawl
from newsroom_scraper.distributed.keys import CrawlKeys
from newsroom_scraper.distributed.queue import LEASE, LeasedQueue

KEYS = CrawlKeys("test")


def queue_for(server, worker_id: str) -> LeasedQueue:
    queue = LeasedQueue(server.client(), scrapy.Spider(name="newsroom"), KEYS.requests)
    queue.bind(KEYS, worker_id)
    return queue


def test_a_popped_request_is_leased_until_acknowledged(redis_server):
    queue = queue_for(redis_server, "w1")
    queue.push(scrapy.Request("https://example.org/low", priority=0))
    queue.push(scrapy.Request("https://example.org/high", priority=5))
    request = queue.pop()
    assert request.url == "https://example.org/high"
    client = redis_server.client()
    assert client.hlen(KEYS.leases("w1")) == 1 and len(queue) == 1
    assert client.sismember(KEYS.workers, "w1")
    queue.ack(request.meta)
    assert client.hlen(KEYS.leases("w1")) == 0


def test_a_retry_is_queued_again_and_its_lease_let_go(redis_server):
    queue = queue_for(redis_server, "w1")
    queue.push(scrapy.Request("https://example.org/a"))
    request = queue.pop()
    retry = request.replace(dont_filter=True)  # what RetryMiddleware hands back, meta included
    assert LEASE in retry.meta
    queue.push(retry)
    assert redis_server.client().hlen(KEYS.leases("w1")) == 0
    again = queue.pop()
    assert again.url == "https://example.org/a" and again.meta[LEASE] != request.meta[LEASE]


def test_a_dead_workers_leases_go_back_with_their_priority(redis_server):
    dead, alive = queue_for(redis_server, "dead"), queue_for(redis_server, "alive")
    for n, priority in ((1, 0), (2, 3)):
        dead.push(scrapy.Request(f"https://example.org/{n}", priority=priority))
    dead.pop(), dead.pop()
    alive.push(scrapy.Request("https://example.org/3", priority=1))
    assert alive.reclaim("dead") == 2
    assert [alive.pop().url for _ in range(3)] == [f"https://example.org/{n}" for n in (2, 3, 1)]
    client = redis_server.client()
    assert not client.exists(KEYS.leases("dead")) and not client.sismember(KEYS.workers, "dead")


def project() -> Settings:
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    return settings


def test_without_a_redis_url_the_addon_changes_nothing():
    settings = project()
    before = settings.copy_to_dict()
    DistributedCrawl().update_settings(settings)
    assert settings.copy_to_dict() == before
    assert settings["NEWSROOM_STATE"].startswith("sqlite:")


def test_with_a_redis_url_the_crawl_is_shared_and_an_explicit_store_is_kept(redis_server):
    settings = project()
    settings.set("NEWSROOM_REDIS_URL", redis_server.url, priority="cmdline")
    DistributedCrawl().update_settings(settings)
    assert settings["SCHEDULER"].endswith("RedisScheduler")
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings["SCHEDULER_QUEUE_KEY"] == "newsroom:newsroom:requests"
    assert settings["NEWSROOM_STATE"] == redis_server.url
    explicit = project()
    explicit.set("NEWSROOM_REDIS_URL", redis_server.url, priority="cmdline")
    explicit.set("NEWSROOM_STATE", "sqlite:////tmp/state.db", priority="cmdline")
    DistributedCrawl().update_settings(explicit)
    assert explicit["NEWSROOM_STATE"] == "sqlite:////tmp/state.db"

"""One crawl's shared state on Redis, as one worker sees it: its pass, its workers, and when it is over.

A *pass* is one run of the crawl across all its workers: seeded once,
worked until the queue is empty and no worker holds a lease, then marked
finished. Its dupefilter and robots.txt cache go with it, so the next
scheduled run reads the listings again (as a local run does). The status
hash says where the pass is: `seeding` (one worker holds the seed lock
and is queueing the start requests), `running`, `finished`. A worker
that starts while a pass runs joins it; one that starts after it
finished (or before any) seeds a new one; one whose seeder died takes the
lock over when it expires.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from weakref import WeakKeyDictionary

import redis

from .connection import connect, redacted
from .keys import CrawlKeys
from .workers import HEARTBEAT_TTL_S, Worker, is_alive

logger = logging.getLogger(__name__)

# The seeder refreshes its lock with every start request it queues; a seeder silent this long is dead.
SEED_LOCK_TTL_MS = 30_000

# The pass is finished when nothing is queued and no worker holds a lease: checked and marked in one step,
# so that no request can be queued in between.
FINISH = """
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[1] .. worker) == 1 then return 0 end
end
redis.call('HSET', KEYS[3], 'state', 'finished')
for i = 4, #KEYS do redis.call('DEL', KEYS[i]) end
return 1
"""


class Role(StrEnum):
    SEED = "seed"  # this worker queues the start requests of a new pass
    JOIN = "join"  # a pass is running: pull from it
    WAIT = "wait"  # another worker is seeding


class Cluster:
    def __init__(self, client: redis.Redis, url: str, keys: CrawlKeys, worker: Worker, ttl_s: float) -> None:
        self.client = client
        self.url = url
        self.keys = keys
        self.worker = worker
        self.ttl_ms = int(ttl_s * 1000)
        self.finish_script = client.register_script(FINISH)
        self.lost_error: str | None = None  # set once Redis stopped answering mid-crawl

    def state(self) -> str | None:
        value = self.client.hget(self.keys.status, "state")
        return value.decode() if value else None

    def seed_role(self) -> Role:
        if self.state() == "running":
            return Role.JOIN
        if not self.client.set(self.keys.seed_lock, self.worker.id, nx=True, px=SEED_LOCK_TTL_MS):
            return Role.WAIT
        state = self.state()
        if state == "running":  # seeded between our two looks
            self.client.delete(self.keys.seed_lock)
            return Role.JOIN
        if state != "seeding":  # a new pass; "seeding" without a lock: the seeder died, we start over for it
            self.client.delete(*self.keys.pass_keys())
            self.client.hincrby(self.keys.status, "pass", 1)
        self.client.hset(self.keys.status, "state", "seeding")
        return Role.SEED

    def seeding(self) -> None:
        """Still seeding: keep the lock."""
        self.client.pexpire(self.keys.seed_lock, SEED_LOCK_TTL_MS)

    def seeded(self) -> None:
        self.client.hset(self.keys.status, "state", "running")
        self.client.delete(self.keys.seed_lock)
        logger.info("Seeded pass %s of crawl %r on %s", self.pass_number(), self.keys.crawl_id, redacted(self.url))

    def pass_number(self) -> int:
        return int(self.client.hget(self.keys.status, "pass") or 0)

    def beat(self) -> None:
        self.client.set(self.keys.alive(self.worker.id), b"1", px=self.ttl_ms)
        self.client.sadd(self.keys.workers, self.worker.id)

    def dead_workers(self) -> list[str]:
        dead = []
        for raw in self.client.smembers(self.keys.workers):
            worker_id = raw.decode()
            if worker_id == self.worker.id:
                continue
            if not is_alive(Worker.parse(worker_id), self.client, self.keys.alive(worker_id)):
                dead.append(worker_id)
        return dead

    def others_busy(self) -> bool:
        """Another worker holds leases: it may still queue requests."""
        workers = (raw.decode() for raw in self.client.smembers(self.keys.workers))
        return any(self.client.exists(self.keys.leases(w)) for w in workers if w != self.worker.id)

    def try_finish(self) -> bool:
        """Mark the pass finished if nothing is queued or leased anywhere; True when it is (or was) finished."""
        if self.state() == "finished":
            return True
        keys = [self.keys.requests, self.keys.workers, self.keys.status, *self.keys.pass_keys()]
        return bool(self.finish_script(keys=keys, args=[self.keys.prefix + "leases:"]))

    def leave(self) -> None:
        self.client.delete(self.keys.alive(self.worker.id))
        self.client.srem(self.keys.workers, self.worker.id)


_clusters: WeakKeyDictionary = WeakKeyDictionary()


def cluster_of(crawler) -> Cluster:
    """The crawler's Cluster, built once from its settings (NEWSROOM_REDIS_URL, NEWSROOM_CRAWL_ID)."""
    cluster = _clusters.get(crawler)
    if cluster is None:
        settings = crawler.settings
        url = settings.get("NEWSROOM_REDIS_URL")
        keys = CrawlKeys(settings.get("NEWSROOM_CRAWL_ID") or crawler.spidercls.name)
        ttl = settings.getfloat("NEWSROOM_WORKER_TTL", HEARTBEAT_TTL_S)
        cluster = _clusters[crawler] = Cluster(connect(url), url, keys, Worker.this_process(), ttl)
    return cluster

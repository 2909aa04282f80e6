"""The frontier's memory on Redis: one listing budget and one "already requested" for all workers of a crawl.

Each process keeps its frontier decisions (discovery/frontier.py), but what
they remember is here, under `newsroom:<crawl>:frontier:*`, for one pass of
the crawl (the keys go with the pass, like the dupefilter's). A claim that
checks and then records (a page of a listing within its budget, an index
page, an article URL) is one Lua script: two workers paginating the same
listing stop at `max_pages` together, and a page one worker fetched is
not fetched again by another under its canonical URL.

When Redis stops answering, the crawl is stopping (`redis_lost`): every
claim is then refused as a duplicate, so that nothing more is requested.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import redis

from ..discovery.frontier import DUPLICATE
from .cluster import cluster_of
from .keys import CrawlKeys
from .scheduler import redis_lost

# KEYS: index, pages, page-counts, budgets. ARGV: key, offsite ("1"), root, limit, budget.
# The order of the checks is LocalState.claim_index's.
CLAIM_INDEX = """
local member = ARGV[3] .. ' ' .. ARGV[1]
if ARGV[3] ~= '' then
  if redis.call('SISMEMBER', KEYS[2], member) == 1 then return 'duplicate' end
  if tonumber(redis.call('HGET', KEYS[3], ARGV[3]) or '0') >= tonumber(ARGV[4]) then return 'page_budget' end
end
if ARGV[5] ~= '' and tonumber(redis.call('HGET', KEYS[4], ARGV[5]) or '0') >= tonumber(ARGV[4]) then
  return 'sitemap_budget'
end
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 'duplicate' end
if ARGV[2] == '1' then return 'offsite' end
redis.call('SADD', KEYS[1], ARGV[1])
if ARGV[3] ~= '' then
  redis.call('SADD', KEYS[2], member)
  redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
end
if ARGV[5] ~= '' then redis.call('HINCRBY', KEYS[4], ARGV[5], 1) end
return false
"""

# KEYS: index, seen. ARGV: key, claim ("1": add it to `seen` when it is not known). 1 when it was known.
KNOWN = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 or redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  return 1
end
if ARGV[2] == '1' then redis.call('SADD', KEYS[2], ARGV[1]) end
return 0
"""

# KEYS: pages, page-counts. ARGV: root, key.
ADD_PAGE = """
if redis.call('SADD', KEYS[1], ARGV[1] .. ' ' .. ARGV[2]) == 1 then redis.call('HINCRBY', KEYS[2], ARGV[1], 1) end
"""


def refused_when_lost(refusal):
    """Run the Redis step; when Redis is gone, stop the crawl and answer `refusal` (nothing more is requested)."""

    def wrap(method):
        @functools.wraps(method)
        def guarded(self, *args):
            if self.gone():
                return refusal
            try:
                return method(self, *args)
            except redis.RedisError as error:
                self.lost(error)
                return refusal

        return guarded

    return wrap


def never() -> bool:
    return False


def reraise(error: Exception) -> None:
    raise error


class RedisState:
    """`FrontierState` shared by the workers of one crawl (keys from `keys`, a `CrawlKeys`).

    `lost(error)` is told when Redis fails (it stops the crawl); while `gone()`, every claim is refused.
    """

    __slots__ = ("client", "keys", "lost", "gone", "claim_script", "known_script", "add_page_script")

    def __init__(self, client: redis.Redis, keys: CrawlKeys, lost: Callable = reraise, gone: Callable = never):
        self.client = client
        self.keys = {part: keys.frontier(part) for part in ("index", "seen", "pages", "page-counts", "budgets")}
        self.lost = lost
        self.gone = gone
        self.claim_script = client.register_script(CLAIM_INDEX)
        self.known_script = client.register_script(KNOWN)
        self.add_page_script = client.register_script(ADD_PAGE)

    @classmethod
    def from_crawler(cls, crawler) -> RedisState:
        cluster = cluster_of(crawler)
        return cls(
            cluster.client,
            cluster.keys,
            lost=lambda error: redis_lost(crawler, cluster, error),
            gone=lambda: cluster.lost_error is not None,
        )

    @refused_when_lost(True)
    def known(self, key: str) -> bool:
        return bool(self.known_script(keys=[self.keys["index"], self.keys["seen"]], args=[key, "0"]))

    @refused_when_lost(False)
    def claim_article(self, key: str) -> bool:
        return not self.known_script(keys=[self.keys["index"], self.keys["seen"]], args=[key, "1"])

    @refused_when_lost(None)
    def mark_seen(self, keys: list[str]) -> None:
        if keys:
            self.client.sadd(self.keys["seen"], *keys)

    @refused_when_lost(DUPLICATE)
    def claim_index(self, key: str, offsite: bool, root: str = "", limit: int = 0, budget: str = "") -> str | None:
        keys = [self.keys[part] for part in ("index", "pages", "page-counts", "budgets")]
        reason = self.claim_script(keys=keys, args=[key, "1" if offsite else "0", root, limit, budget])
        return reason.decode() if reason else None

    @refused_when_lost(None)
    def add_page(self, root: str, key: str) -> None:
        self.add_page_script(keys=[self.keys["pages"], self.keys["page-counts"]], args=[root, key])

    @refused_when_lost(frozenset())
    def pages_among(self, root: str, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        found = self.client.smismember(self.keys["pages"], [f"{root} {key}" for key in keys])
        return {key for key, present in zip(keys, found, strict=True) if present}

    @refused_when_lost(True)
    def budget_spent(self, budget: str, limit: int) -> bool:
        return int(self.client.hget(self.keys["budgets"], budget) or 0) >= limit

"""The crawl stats of one worker of a shared crawl, with the index pages read by all its workers.

A run's exit status says whether any listing, sitemap or feed was read
(extensions/runsummary.py: status 3 tells cron that a crawl fetched
nothing). In a shared crawl one worker may read every listing while another
only fetches the articles they lead to: judged alone, the second would exit
3. So each index page a worker reads is also counted on Redis for the pass,
and the worker's stats show the count of the whole pass as
`newsroom/cluster/index_read`, which the verdict takes into account.
"""

from __future__ import annotations

import redis
from scrapy.statscollectors import MemoryStatsCollector

from ..extensions.runsummary import CLUSTER_INDEX_READ_STAT, INDEX_READ_STATS
from .cluster import cluster_of

# A pass's count outlives the pass by this much (s), refreshed at each index page: long enough for the
# last worker to close, short enough that old passes leave nothing behind.
INDEX_READ_TTL_S = 2 * 24 * 3600


class SharedIndexStats(MemoryStatsCollector):
    def inc_value(self, key, count=1, start=0, spider=None) -> None:
        super().inc_value(key, count, start)
        if key in INDEX_READ_STATS:
            self._count_on_redis(count)

    def get_stats(self, spider=None):
        """The worker's stats, with the index pages read by every worker of the pass so far."""
        shared = self._read_from_redis()
        if shared is not None:
            self._stats[CLUSTER_INDEX_READ_STAT] = shared
        return self._stats

    def _pass_key(self) -> tuple[redis.Redis, str]:
        cluster = cluster_of(self._crawler)
        return cluster.client, cluster.keys.index_read(cluster.pass_number())

    def _count_on_redis(self, count: int) -> None:
        try:
            client, key = self._pass_key()
            client.incrby(key, count)
            client.expire(key, INDEX_READ_TTL_S)
        except redis.RedisError:
            pass  # a lost Redis stops the crawl where it is used for the frontier (scheduler.py)

    def _read_from_redis(self) -> int | None:
        try:
            client, key = self._pass_key()
            return int(client.get(key) or 0)
        except redis.RedisError:
            return None

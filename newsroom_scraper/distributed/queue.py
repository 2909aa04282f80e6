"""scrapy-redis' priority queue, with every popped request leased to its worker until it is handled.

scrapy-redis pops a request destructively: a worker killed between the pop
and the handling of the response loses it, and with it every link the page
would have led to. Here the pop moves the request, in one Lua script, from
the shared queue into the worker's lease hash (`newsroom:<crawl>:leases:
<worker>`, lease id -> "<score> <encoded request>"); the request carries
its lease id in `meta`. The lease is acknowledged (deleted) when the
response's callback output has been handled (`coordinator.py`), when the
request comes back to the scheduler as a retry or a redirect (it is then
queued again first), or when the worker's engine goes idle (everything it
popped has been handled). A dead worker's leases are moved back into the
queue, again in one script, by any live worker: `reclaim`.
"""

from __future__ import annotations

import itertools

from scrapy_redis.queue import PriorityQueue

from .keys import CrawlKeys

LEASE = "newsroom_lease"

POP_LEASED = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], ARGV[1], top[2] .. ' ' .. top[1])
redis.call('SADD', KEYS[3], ARGV[2])
return top[1]
"""

RECLAIM = """
local entries = redis.call('HGETALL', KEYS[2])
for i = 1, #entries, 2 do
  local value = entries[i + 1]
  local space = string.find(value, ' ', 1, true)
  redis.call('ZADD', KEYS[1], string.sub(value, 1, space - 1), string.sub(value, space + 1))
end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return #entries / 2
"""


class LeasedQueue(PriorityQueue):
    """The shared frontier of one crawl; `worker_id` and `keys` are set by the scheduler that opens it."""

    keys: CrawlKeys
    worker_id: str

    def __init__(self, server, spider, key, serializer=None) -> None:
        super().__init__(server, spider, key, serializer)
        self.lease_ids = itertools.count(1)
        self.pop_leased = server.register_script(POP_LEASED)
        self.reclaim_script = server.register_script(RECLAIM)

    def bind(self, keys: CrawlKeys, worker_id: str) -> None:
        self.keys = keys
        self.worker_id = worker_id

    def push(self, request) -> None:
        # A retry or a redirect carries the lease of the request it replaces: queue it, then let that lease go.
        lease = request.meta.pop(LEASE, None)
        super().push(request)
        if lease is not None:
            self.server.hdel(self.keys.leases(self.worker_id), lease)

    def pop(self, timeout=0):
        lease = str(next(self.lease_ids))
        data = self.pop_leased(keys=[self.key, self.keys.leases(self.worker_id), self.keys.workers],
                               args=[lease, self.worker_id])  # fmt: skip
        if not data:
            return None
        request = self._decode_request(data)
        request.meta[LEASE] = lease
        return request

    def ack(self, meta: dict) -> None:
        """The request whose `meta` this is has been handled: its lease goes."""
        lease = meta.pop(LEASE, None)
        if lease is not None:
            self.server.hdel(self.keys.leases(self.worker_id), lease)

    def ack_all(self) -> None:
        """Everything this worker popped has been handled (its engine is idle)."""
        self.server.delete(self.keys.leases(self.worker_id))

    def reclaim(self, worker_id: str) -> int:
        """Put the leases of `worker_id` (dead, or this worker closing) back into the queue; how many."""
        keys = [self.key, self.keys.leases(worker_id), self.keys.workers]
        return int(self.reclaim_script(keys=keys, args=[worker_id]))

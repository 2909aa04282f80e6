"""The Redis seen-store: the SQLite store's guarantees, shared by every worker of a distributed crawl.

Each change is one Lua script, so it is atomic as SQLite's `BEGIN
IMMEDIATE` transaction is: two workers never both read "not seen" and then
both claim. Keys, under `newsroom:state:` in the URL's database:

- `article:<id>` (hash): content_hash, url, etag, last_modified, first_seen,
  last_exported, last_checked, as the SQLite `articles` row;
- `urls` (hash): url key -> article id, every URL that led to an article;
- `pending:<run>` (hash): id -> the claim as JSON, a run writing this line now;
- `claimers:<id>` (set): the runs holding a claim on the article;
- `runs` (hash): run id -> the run record (started, pid, feeds, host, worker).

A run is alive while its process is (`distributed/workers.py`: the
kernel on the same host). Its claims are settled by recovery reading its
feed files, which only its own host can do: `runs()` lists the runs of
this host, and a run killed on another machine is settled by the next
run there. Durability is Redis': use `appendonly yes` (an article whose
commit Redis lost is exported again, never lost: its claim is gone too).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict

import redis

from ..distributed.connection import connect, redacted
from ..distributed.workers import Worker, process_start
from .store import Claim, FeedFile, KnownArticle, Outcome, RunRecord, StoreUnavailable

PREFIX = "newsroom:state:"
ARTICLE_FIELDS = ("content_hash", "url", "etag", "last_modified", "first_seen", "last_exported", "last_checked")

# KEYS: article, claimers, pending(run). ARGV: run id, article id, content hash, again (0/1), claim JSON.
CLAIM = """
local stored = redis.call('HGET', KEYS[1], 'content_hash')
local outcome = 'new'
if stored then outcome = (stored == ARGV[3]) and 'unchanged' or 'changed' end
if ARGV[4] ~= '1' then
  if outcome == 'unchanged' then return outcome end
  for _, run in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    if run ~= ARGV[1] then return 'taken' end
  end
end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[2], ARGV[5])
return outcome
"""

# KEYS: pending(run), urls. ARGV: prefix, run id, at, ids...
COMMIT = """
local committed = 0
for i = 4, #ARGV do
  local id = ARGV[i]
  local raw = redis.call('HGET', KEYS[1], id)
  if raw then
    local claim = cjson.decode(raw)
    local article = ARGV[1] .. 'article:' .. id
    redis.call('HSETNX', article, 'first_seen', ARGV[3])
    redis.call('HSET', article, 'content_hash', claim.content_hash, 'url', claim.url,
               'last_exported', ARGV[3], 'last_checked', claim.fetched_at > 0 and claim.fetched_at or ARGV[3])
    for _, field in ipairs({'etag', 'last_modified'}) do
      if claim[field] == cjson.null then redis.call('HDEL', article, field)
      else redis.call('HSET', article, field, claim[field]) end
    end
    for _, key in ipairs(claim.url_keys) do redis.call('HSET', KEYS[2], key, id) end
    redis.call('HDEL', KEYS[1], id)
    redis.call('SREM', ARGV[1] .. 'claimers:' .. id, ARGV[2])
    committed = committed + 1
  end
end
return committed
"""

# KEYS: pending(run). ARGV: prefix, run id, ids... (none: all of the run's claims).
RELEASE = """
local ids = {}
for i = 3, #ARGV do ids[#ids + 1] = ARGV[i] end
if #ARGV == 2 then ids = redis.call('HKEYS', KEYS[1]) end
local released = 0
for _, id in ipairs(ids) do
  released = released + redis.call('HDEL', KEYS[1], id)
  redis.call('SREM', ARGV[1] .. 'claimers:' .. id, ARGV[2])
end
return released
"""

# KEYS: article, urls. ARGV: article id, at, etag, last_modified ('' = keep), url keys...
CHECKED = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'last_checked', ARGV[2])
  if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'etag', ARGV[3]) end
  if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'last_modified', ARGV[4]) end
end
for i = 5, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], ARGV[1]) end
"""


class RedisSeenStore:
    """`SeenStore` and `RunJournal` on Redis; run liveness from the kernel of the run's own host."""

    def __init__(self, client: redis.Redis, url: str = "") -> None:
        self.db = client
        self.path = redacted(url)  # what the logs name
        self.worker = Worker.this_process()
        self.scripts = {name: client.register_script(source) for name, source in
                        (("claim", CLAIM), ("commit", COMMIT), ("release", RELEASE), ("checked", CHECKED))}  # fmt: skip

    @classmethod
    def open(cls, url: str) -> RedisSeenStore:
        return cls(connect(url, setting="NEWSROOM_STATE"), url)

    # --- SeenStore ------------------------------------------------------------------------

    def known_url(self, url_key: str) -> KnownArticle | None:
        article_id = self.db.hget(PREFIX + "urls", url_key)
        return self.article(article_id.decode()) if article_id else None

    def article(self, article_id: str) -> KnownArticle | None:
        values = self.db.hmget(PREFIX + "article:" + article_id, ARTICLE_FIELDS)
        if values[0] is None:
            return None
        content_hash, url, etag, last_modified, first_seen, last_exported, last_checked = (
            v.decode() if v is not None else None for v in values
        )
        return KnownArticle(article_id, content_hash, url, etag, last_modified,
                            float(first_seen), float(last_exported), float(last_checked))  # fmt: skip

    def claim(self, run_id: str, claim: Claim, *, again: bool = False) -> Outcome:
        keys = [PREFIX + "article:" + claim.id, PREFIX + "claimers:" + claim.id, PREFIX + "pending:" + run_id]
        value = json.dumps({**asdict(claim), "url_keys": list(claim.url_keys)})
        outcome = self.scripts["claim"](keys=keys, args=[run_id, claim.id, claim.content_hash, int(again), value])
        return Outcome(outcome.decode())

    def commit(self, run_id: str, ids: Iterable[str], at: float) -> int:
        ids = list(ids)
        if not ids:
            return 0
        keys = [PREFIX + "pending:" + run_id, PREFIX + "urls"]
        return int(self.scripts["commit"](keys=keys, args=[PREFIX, run_id, repr(at), *ids]))

    def release(self, run_id: str, ids: Iterable[str] | None = None) -> int:
        args = [PREFIX, run_id]
        if ids is not None:
            ids = list(ids)
            if not ids:
                return 0
            args += ids
        return int(self.scripts["release"](keys=[PREFIX + "pending:" + run_id], args=args))

    def checked(
        self,
        article_id: str,
        at: float,
        etag: str | None = None,
        last_modified: str | None = None,
        url_keys: Iterable[str] = (),
    ) -> None:
        keys = [PREFIX + "article:" + article_id, PREFIX + "urls"]
        self.scripts["checked"](keys=keys, args=[article_id, repr(at), etag or "", last_modified or "", *url_keys])

    def close(self) -> None:
        self.db.close()

    # --- RunJournal -------------------------------------------------------------------------

    def begin_run(self, run: RunRecord) -> None:
        record = {**asdict(run), "worker": self.worker.id}
        self.db.hset(PREFIX + "runs", run.run_id, json.dumps(record))

    def set_feeds(self, run_id: str, feeds: list[FeedFile]) -> None:
        raw = self.db.hget(PREFIX + "runs", run_id)
        if raw is None:
            return
        record = json.loads(raw)
        record["feeds"] = [asdict(feed) for feed in feeds]
        self.db.hset(PREFIX + "runs", run_id, json.dumps(record))

    def end_run(self, run_id: str) -> None:
        self.release(run_id)
        self.db.hdel(PREFIX + "runs", run_id)

    def runs(self) -> list[RunRecord]:
        """The runs this host can settle (it can read their feed files), oldest first."""
        records = []
        for raw in self.db.hvals(PREFIX + "runs"):
            record = json.loads(raw)
            if Worker.parse(record["worker"]).on_this_host():
                feeds = [FeedFile(**feed) for feed in record["feeds"]]
                records.append(RunRecord(record["run_id"], record["started"], record["pid"], feeds))
        return sorted(records, key=lambda run: run.started)

    def pending(self, run_id: str) -> dict[str, str]:
        claims = self.db.hgetall(PREFIX + "pending:" + run_id)
        return {key.decode(): json.loads(value)["content_hash"] for key, value in claims.items()}

    def is_running(self, run_id: str) -> bool:
        raw = self.db.hget(PREFIX + "runs", run_id)
        if raw is None:
            return False
        worker = Worker.parse(json.loads(raw)["worker"])
        if not worker.on_this_host():
            return True  # settled by its own host (see runs())
        return worker.pid == self.worker.pid or process_start(worker.pid) == worker.started


def unavailable_on_redis_errors(method: Callable) -> Callable:
    """A lost Redis is the store being unavailable: one exception the seen pipeline knows, in one line."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except redis.RedisError as error:
            raise StoreUnavailable(f"seen-store at {self.path} unavailable ({error})") from None

    return wrapper


for _name in ("known_url", "article", "claim", "commit", "release", "checked", "begin_run", "set_feeds", "end_run",
              "runs", "pending", "is_running"):  # fmt: skip
    setattr(RedisSeenStore, _name, unavailable_on_redis_errors(getattr(RedisSeenStore, _name)))

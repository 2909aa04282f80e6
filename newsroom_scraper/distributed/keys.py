"""The Redis keys of one distributed crawl, all under `newsroom:<crawl id>:`, named in one place.

A crawl id names the processes that work together (`NEWSROOM_CRAWL_ID`,
default the spider's name); two crawls with different ids share nothing
but the seen-store, whose keys live under `newsroom:state:` (state/redis.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CrawlKeys:
    crawl_id: str

    @property
    def prefix(self) -> str:
        return f"newsroom:{self.crawl_id}:"

    @property
    def requests(self) -> str:
        """The shared frontier: scrapy-redis' priority queue (a sorted set of encoded requests)."""
        return self.prefix + "requests"

    @property
    def dupefilter(self) -> str:
        """Fingerprints of every request made in the current pass of the crawl."""
        return self.prefix + "dupefilter"

    @property
    def status(self) -> str:
        """Hash: `state` (seeding, running, finished), `pass` (a counter), `seeded_at`."""
        return self.prefix + "status"

    @property
    def seed_lock(self) -> str:
        return self.prefix + "seed-lock"

    @property
    def workers(self) -> str:
        """Set of the ids of workers that have joined the current pass."""
        return self.prefix + "workers"

    def leases(self, worker_id: str) -> str:
        """Hash: lease id -> "<score> <encoded request>" of the requests a worker popped and has not handled."""
        return f"{self.prefix}leases:{worker_id}"

    def alive(self, worker_id: str) -> str:
        """A worker's heartbeat: exists while the worker lives (refreshed well within its TTL)."""
        return f"{self.prefix}alive:{worker_id}"

    @property
    def robots(self) -> str:
        """Hash: netloc -> "<status> <robots.txt body>", fetched once per site per pass."""
        return self.prefix + "robots"

    def robots_lock(self, netloc: str) -> str:
        return f"{self.prefix}robots-lock:{netloc}"

    def site(self, slot: str) -> str:
        """Hash of a site's budget: `next` (earliest time of its next request, ms)."""
        return f"{self.prefix}site:{slot}"

    def site_holders(self, slot: str) -> str:
        """Sorted set: tokens of the requests in flight to a site, scored by when they expire (ms)."""
        return f"{self.prefix}site-holders:{slot}"

    def frontier(self, part: str) -> str:
        """The shared frontier's memory (distributed/frontier.py): `index`, `seen` (sets of URL keys),
        `pages` (set of "<listing root> <page key>"), `page-counts`, `budgets` (hashes of counts)."""
        return f"{self.prefix}frontier:{part}"

    def index_read(self, pass_number: int) -> str:
        """Counter of the listings, sitemaps and feeds all workers read in one pass (distributed/stats.py).

        Named by the pass, not cleared with it: workers still closing read it after the pass is finished.
        """
        return f"{self.prefix}index-read:{pass_number}"

    def pass_keys(self) -> list[str]:
        """What a finished pass leaves that the next must not inherit (per-site keys expire by themselves)."""
        frontier = [self.frontier(part) for part in ("index", "seen", "pages", "page-counts", "budgets")]
        return [self.dupefilter, self.robots, self.workers, *frontier]

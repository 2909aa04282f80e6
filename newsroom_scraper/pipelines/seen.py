"""SeenPipeline: a scheduled run exports only what is new or changed, exactly once, and the store learns it then.

Each record is compared with the seen-store: a new id or a new content hash
is exported; the same hash is counted (`newsroom/unchanged/same_hash`) and
dropped; with `-a mode=full` everything is exported again (and the store
refreshed). Counted when written: `newsroom/exported/{new,changed,unchanged}`.

"Marked seen only once its line is in the feed file", without losing or
duplicating anything when the process is killed at any instant, takes two
steps, because the store and the feed file cannot be written atomically
together:

1. `process_item` *claims* the article in the store (a pending row naming
   this run), after recording the run's feed files and the offsets where
   its lines will start: all before the line exists;
2. the feed storage writes the line whole, unbuffered, and tells us in the
   same step (`LineFileFeedStorage.listeners`): the claim is *committed*,
   the article is seen. Nothing but the write itself stands between the two,
   so an exporter error cannot mark an unwritten article seen.

A kill before the write leaves a claim whose line is not in the file; a kill
between the write and the commit, one whose line is. The next run tells the
two apart by reading the dead run's feed files (`state/recovery.py`) and
commits or drops each claim before it exports anything: together, the two
runs export each article exactly once.

Feeds whose lines are not on disk when they are exported (gzip
post-processing, remote storage, other formats) are settled when the feed
exporter has closed them: from the files themselves when they can be read
back, else from what was handed to the exporter if it stored every feed.
A killed run's gzip file is read as far as its stream goes. Without any
feed, nothing is marked seen.

A claim held by another live run (two crawls at once) is not taken over:
that run is exporting the article (`newsroom/not_exported/exported_by_other_run`).

A store that fails for good (its disk full or failing: sqlite3 errors) stops
the crawl with one error line and exit status 5, like an output that cannot
be written: the items still in flight are dropped (`newsroom/failed/state_error`)
without a traceback each, and what this run claimed or wrote is settled by
the next run from its feed files, which then exports what is left.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time

from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.extensions.feedexport import FeedExporter
from scrapy.utils.defer import deferred_from_coro

from ..extensions.runsummary import STATE_ERROR_STAT
from ..feedstorage import LineFileFeedStorage, feed_file, writes_whole_lines
from ..state.crawl import CrawlState, crawl_state
from ..state.recovery import settle_interrupted_runs, written_records
from ..state.store import Claim, FeedFile, Outcome, RunRecord, StoreUnavailable
from ..urls import url_key

logger = logging.getLogger(__name__)

# Errors of a store that will not pass by retrying the next item: a full or failing disk, a file gone bad.
STORE_FAILURES = (sqlite3.Error,)


def url_keys(*urls: str | None) -> tuple[str, ...]:
    keys: list[str] = []
    for url in filter(None, urls):
        try:
            key = url_key(url)
        except ValueError:
            continue
        if key not in keys:
            keys.append(key)
    return tuple(keys)


class SeenPipeline:
    def __init__(self, state: CrawlState, stats, crawler=None) -> None:
        self.state = state
        self.store = state.store
        self.stats = stats
        self.crawler = crawler
        self.exporter: FeedExporter | None = None
        self.feeds: dict[str, FeedFile] = {}  # path -> the feed file as this run first saw it
        self.listening: set[int] = set()  # ids of the storages we listen to
        self.remote_feed = False  # a feed that cannot be read back (not a local file)
        self.claims: dict[str, tuple[Outcome, str, int]] = {}  # id -> outcome, content hash, lines still to write
        self.handed_over: list[str] = []  # ids given to a feed that is settled when it closes
        self.finished = False
        self.state_lost_because: str | None = None  # set when the store failed for good: the crawl is stopping

    @classmethod
    def from_crawler(cls, crawler):
        state = crawl_state(crawler)
        if state is None:
            raise NotConfigured("NEWSROOM_STATE is empty: no seen-store, every run exports everything")
        pipeline = cls(state, crawler.stats, crawler)
        crawler.signals.connect(pipeline.item_exported, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_not_exported, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.item_not_exported, signal=signals.item_error)
        crawler.signals.connect(pipeline.feeds_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        """Settle runs that were killed, then start this one (before it claims anything)."""
        if self.crawler is not None:
            self.exporter = self.crawler.get_extension(FeedExporter)
        settle_interrupted_runs(self.store, self.store)
        self.store.begin_run(RunRecord(self.state.run_id, time.time(), os.getpid(), []))
        if self.exporter is None:
            logger.warning("No feed (-o, -O or FEEDS): nothing is marked seen, the next run exports all again")
        mode = "full" if self.state.full else "incremental"
        logger.info("Run %s, %s mode, state in %s", self.state.run_id, mode, self.store.path)

    # --- Before the line: compare and claim -------------------------------------------------------

    def process_item(self, item):
        if not isinstance(item, dict) or "content_hash" not in item:
            return item
        fetch = self.state.pop_fetch(item["url"])
        claim = Claim(
            id=item["id"],
            content_hash=item["content_hash"],
            url=item["url"],
            url_keys=url_keys(fetch.requested_url if fetch else None, item["url"], item.get("canonical_url")),
            etag=fetch.etag if fetch else None,
            last_modified=fetch.last_modified if fetch else None,
            fetched_at=time.time(),
        )
        if self.state_lost_because:
            self.stats.inc_value("newsroom/failed/state_error")
            raise DropItem(f"Not exported, the state is lost; the next run will: {item['url']}", log_level="DEBUG")
        try:
            outcome = self.claim(claim)
        except StoreUnavailable as error:
            self.stats.inc_value("newsroom/not_exported/store_unavailable")
            raise DropItem(f"Not exported, the next run will: {error}", log_level="WARNING") from None
        except STORE_FAILURES as error:
            self.state_lost(error)
            self.stats.inc_value("newsroom/failed/state_error")
            raise DropItem(f"Not exported, the state is lost; the next run will: {item['url']}") from None
        if outcome is Outcome.TAKEN:
            self.stats.inc_value("newsroom/not_exported/exported_by_other_run")
            raise DropItem(f"Being exported by another run: {item['url']}")
        if outcome is Outcome.UNCHANGED and not self.state.full:
            self.stats.inc_value("newsroom/unchanged/same_hash")
            raise DropItem(f"Unchanged since it was exported: {item['url']}")
        slots = self.exporter.slots if self.exporter else []
        lines = sum(1 for slot in slots if writes_whole_lines(slot) and slot.filter.accepts(item))
        self.claims[claim.id] = (outcome, claim.content_hash, lines)
        return item

    def claim(self, claim: Claim) -> Outcome:
        """Claim the article in the store (an unchanged one is only marked checked)."""
        self.note_feeds()
        outcome = self.store.claim(self.state.run_id, claim, again=self.state.full)
        if outcome is Outcome.UNCHANGED and not self.state.full:
            self.store.checked(claim.id, claim.fetched_at, claim.etag, claim.last_modified, claim.url_keys)
        return outcome

    def state_lost(self, error: Exception) -> None:
        """Say once that the store failed, and stop the crawl: the next run settles this one and exports the rest."""
        if self.state_lost_because:
            return
        why = self.state_lost_because = f"{self.store.path}: {type(error).__name__}: {error}"
        self.stats.set_value(STATE_ERROR_STAT, why)
        logger.error("Cannot keep the state (%s); stopping the crawl: the next run exports what is left", why)
        if self.crawler is not None and self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="state_error"))

    def note_feeds(self) -> None:
        """Journal the run's feed files, and listen to their lines, before a line is written to them."""
        if self.exporter is None:
            return
        new = {}
        for slot in self.exporter.slots:
            if isinstance(slot.storage, LineFileFeedStorage) and id(slot.storage) not in self.listening:
                self.listening.add(id(slot.storage))
                slot.storage.listeners.append(self.line_written)
            feed = feed_file(slot)
            self.remote_feed |= feed is None
            if feed is not None and feed.path not in self.feeds:
                new[feed.path] = feed
        if new:
            self.feeds.update(new)
            self.store.set_feeds(self.state.run_id, list(self.feeds.values()))

    # --- The line: commit ------------------------------------------------------------------------

    def line_written(self, line: bytes) -> None:
        """Called by the feed storage once `line` is whole in its file."""
        try:
            record = json.loads(line)
            article_id, content_hash = record["id"], record["content_hash"]
        except (ValueError, TypeError, KeyError):
            return
        claim = self.claims.get(article_id)
        if claim is None or claim[1] != content_hash or claim[2] <= 0:
            return
        outcome, _, lines = claim
        self.claims[article_id] = (outcome, content_hash, lines - 1)
        if lines == 1 and self.all_feeds_are_lines():
            try:
                self.store.commit(self.state.run_id, [article_id], time.time())
            except StoreUnavailable:
                pass  # the claim stays open: the next run finds the line in the feed and commits it
            except STORE_FAILURES as error:
                self.state_lost(error)  # the same: the line is in the feed, the next run commits it

    def all_feeds_are_lines(self) -> bool:
        return self.exporter is not None and all(writes_whole_lines(slot) for slot in self.exporter.slots)

    def item_exported(self, item, response, spider) -> None:
        """After the feed exporter's own handler (it has written the lines): count, and journal a new batch file."""
        if not isinstance(item, dict) or item.get("id") not in self.claims:
            return
        outcome, _, _ = self.claims.pop(item["id"])
        self.stats.inc_value(f"newsroom/exported/{outcome.value}")
        if not self.all_feeds_are_lines():
            self.handed_over.append(item["id"])
        self.note_feeds()

    def item_not_exported(self, item, response, spider, **kwargs) -> None:
        url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
        if url:
            self.state.pop_fetch(url)
        if isinstance(item, dict) and self.claims.pop(item.get("id"), None) is not None:
            try:
                self.store.release(self.state.run_id, [item["id"]])
            except StoreUnavailable:
                pass  # the claim stays open: the next run finds no line for it and drops it
            except STORE_FAILURES as error:
                self.state_lost(error)  # the same

    # --- End of run --------------------------------------------------------------------------------

    def feeds_closed(self) -> None:
        """Every feed is closed and stored: settle what waited for that, from the files when they can be read."""
        try:
            self.settle_feeds()
            self.finish()
        except (StoreUnavailable, *STORE_FAILURES) as error:
            logger.warning("%s: the next run settles this run's open claims from its feed files", error)
            self.finished = True

    def settle_feeds(self) -> None:
        open_claims = self.store.pending(self.state.run_id)
        if open_claims:
            readable = [written_records(feed) for feed in self.feeds.values()]
            if self.remote_feed or not self.feeds or any(records is None for records in readable):
                failed = [k for k in self.stats.get_stats() if k.startswith("feedexport/failed_count/")]
                done = [] if failed else [i for i in self.handed_over if i in open_claims]
            else:
                found = set().union(*readable)
                done = [i for i, content_hash in open_claims.items() if (i, content_hash) in found]
            if done:
                self.store.commit(self.state.run_id, done, time.time())
            if len(done) < len(open_claims):
                logger.warning("%d article(s) were not written to every feed: the next run exports them again",
                               len(open_claims) - len(done))  # fmt: skip

    def spider_closed(self, spider, reason) -> None:
        if self.exporter is None:
            try:
                self.finish()
            except STORE_FAILURES as error:
                logger.warning("%s: the next run settles this run's open claims", error)

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        self.store.end_run(self.state.run_id)  # releases the claims that are still open
        self.store.close()

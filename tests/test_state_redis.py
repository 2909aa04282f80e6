"""The Redis seen-store keeps the SQLite store's promises: claims, commits, rechecks, and settling killed runs.

Against a real redis-server. A run is "killed" by recording it under a
child process that has exited, which is what a SIGKILLed crawl leaves:
its run record and claims stay, its process is gone.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsroom_scraper.distributed.workers import Worker, process_start
from newsroom_scraper.state import FeedFile, Outcome, RunRecord, open_store
from newsroom_scraper.state.recovery import settle_interrupted_runs

# The SQLite store's tests that hold for any store, collected here again with the Redis `store` fixture below.
from .test_incremental_state import (  # noqa: F401
    claim,
    line,
    test_checked_keeps_validators_unless_new_ones_come,
    test_full_mode_claims_unchanged_articles_too,
    test_new_changed_unchanged,
)


@pytest.fixture
def store(redis_server):
    store = open_store(redis_server.url)
    yield store
    store.close()


def begin(store, run_id: str, feeds=()) -> None:
    store.begin_run(RunRecord(run_id, 0.0, 0, list(feeds)))


def kill(store, run_id: str, host: str | None = None) -> None:
    """Make the run's process one that has exited (on this host unless `host` says otherwise)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    started = process_start(child.pid)
    child.wait()
    record = json.loads(store.db.hget("newsroom:state:runs", run_id))
    record["worker"] = Worker(host or Worker.this_process().host, child.pid, started or "1").id
    store.db.hset("newsroom:state:runs", run_id, json.dumps(record))


def test_a_changed_article_keeps_when_it_was_first_seen(store):
    begin(store, "r1")
    store.claim("r1", claim("a"))
    store.commit("r1", ["a"], 200.0)
    assert store.claim("r1", claim("a", "h2")) is Outcome.CHANGED
    assert store.commit("r1", ["a"], 300.0) == 1
    article = store.article("a")
    assert (article.content_hash, article.first_seen, article.last_exported) == ("h2", 200.0, 300.0)


def test_a_claim_of_another_live_run_is_taken_until_released(redis_server):
    first, second = open_store(redis_server.url), open_store(redis_server.url)
    begin(first, "r1")
    begin(second, "r2")
    assert first.claim("r1", claim("a")) is Outcome.NEW
    assert second.claim("r2", claim("a")) is Outcome.TAKEN
    assert first.release("r1", ["a"]) == 1
    assert second.claim("r2", claim("a")) is Outcome.NEW
    assert first.commit("r1", ["a"], 1.0) == 0  # released claims commit nothing


def test_a_recheck_adds_the_urls_that_led_to_the_article(store):
    begin(store, "r1")
    store.claim("r1", claim("a"))
    store.commit("r1", ["a"], 200.0)
    store.checked("a", 300.0, last_modified="Tue, 05 Mar 2024 10:00:00 GMT", url_keys=["https://example.org/a-moved"])
    known = store.known_url("https://example.org/a-moved")
    assert (known.id, known.etag, known.last_modified, known.last_checked) == (
        "a", '"e1"', "Tue, 05 Mar 2024 10:00:00 GMT", 300.0)  # fmt: skip


@pytest.mark.parametrize(("written", "expected_seen"), [((), set()), (("a",), {"a"}), (("a", "b"), {"a", "b"})])
def test_a_killed_runs_claims_are_settled_by_its_feed_file(store, tmp_path, written, expected_seen):
    feed = tmp_path / "out.jsonl"
    feed.write_bytes(b"".join(line(i) for i in written) + b'{"id": "b", "cont')  # a half line is no line
    begin(store, "r1", [FeedFile(str(feed), 0, "jsonlines")])
    for article_id in ("a", "b"):
        store.claim("r1", claim(article_id))
    kill(store, "r1")
    assert store.is_running("r1") is False
    settled = settle_interrupted_runs(store, store)
    counts = [(s.run_id, s.committed, s.released) for s in settled]
    assert counts == [("r1", len(expected_seen), 2 - len(expected_seen))]
    assert {i for i in ("a", "b") if store.article(i)} == expected_seen
    assert store.runs() == []
    begin(store, "r2")
    assert {store.claim("r2", claim(i)) for i in ("a", "b") if i not in expected_seen} <= {Outcome.NEW}


def test_a_live_run_and_a_run_of_another_host_are_left_alone(store, tmp_path):
    begin(store, "live", [FeedFile(str(tmp_path / "live.jsonl"), 0, "jsonlines")])
    store.claim("live", claim("a"))
    begin(store, "elsewhere", [FeedFile(str(tmp_path / "other.jsonl"), 0, "jsonlines")])
    store.claim("elsewhere", claim("b"))
    kill(store, "elsewhere", host="another-machine")
    assert settle_interrupted_runs(store, store) == []
    assert store.pending("live") == {"a": "h1"}
    assert store.pending("elsewhere") == {"b": "h1"}  # its own host reads its feed and settles it
    assert store.is_running("live") and store.is_running("elsewhere")

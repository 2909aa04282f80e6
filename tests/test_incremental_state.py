"""The seen-store and the settling of killed runs, without a crawler: claims, commits, and every kill window.

A run claims an article, its line is written, the claim is committed. These
tests stop a run at each point (its lock released without ending it, as a
SIGKILL does) and check that the next run, reading the dead run's feed
file, commits exactly the claims whose lines are there and drops the rest.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3

import pytest

from newsroom_scraper.state import Claim, FeedFile, Outcome, RunRecord, open_store, store_path
from newsroom_scraper.state.recovery import gunzip_prefix, settle_interrupted_runs, written_records


def claim(article_id: str, content_hash: str = "h1", url: str | None = None) -> Claim:
    url = url or f"https://example.org/{article_id}"
    return Claim(article_id, content_hash, url, (url,), etag='"e1"', last_modified=None, fetched_at=100.0)


def line(article_id: str, content_hash: str = "h1") -> bytes:
    return json.dumps({"id": article_id, "content_hash": content_hash, "title": "T"}).encode() + b"\n"


@pytest.fixture
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    yield store
    store.close()


def kill(store, run_id: str) -> None:
    """What SIGKILL does to a run: its lock goes, its rows stay."""
    store.locks.pop(run_id).release()


def begin(store, run_id: str, feeds: list[FeedFile] = ()) -> None:
    store.begin_run(RunRecord(run_id, 0.0, os.getpid(), list(feeds)))


def test_state_urls():
    assert str(store_path("sqlite:///.newsroom/state.db")) == ".newsroom/state.db"
    assert str(store_path("sqlite:////var/lib/newsroom/state.db")) == "/var/lib/newsroom/state.db"
    assert str(store_path("state.db")) == "state.db"
    with pytest.raises(ValueError, match="redis"):
        store_path("redis://localhost/0")


def test_new_changed_unchanged(store):
    begin(store, "r1")
    assert store.claim("r1", claim("a")) is Outcome.NEW
    assert store.commit("r1", ["a"], 200.0) == 1
    known = store.known_url("https://example.org/a")
    assert (known.id, known.content_hash, known.etag, known.last_checked) == ("a", "h1", '"e1"', 100.0)
    assert store.claim("r1", claim("a")) is Outcome.UNCHANGED
    assert store.pending("r1") == {}, "an unchanged article is not claimed"
    assert store.claim("r1", claim("a", "h2")) is Outcome.CHANGED
    assert store.pending("r1") == {"a": "h2"}


def test_full_mode_claims_unchanged_articles_too(store):
    begin(store, "r1")
    store.claim("r1", claim("a"))
    store.commit("r1", ["a"], 200.0)
    assert store.claim("r1", claim("a"), again=True) is Outcome.UNCHANGED
    assert store.pending("r1") == {"a": "h1"}


def test_a_claim_of_another_live_run_is_not_taken(tmp_path):
    first = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    second = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        begin(first, "r1")
        begin(second, "r2")
        assert first.claim("r1", claim("a")) is Outcome.NEW
        assert second.claim("r2", claim("a")) is Outcome.TAKEN
        assert second.is_running("r1"), "the other store's run holds its lock"
        assert settle_interrupted_runs(second, second) == [], "a live run is left alone"
        assert first.pending("r1") == {"a": "h1"}
    finally:
        first.close()
        second.close()


def test_checked_keeps_validators_unless_new_ones_come(store):
    begin(store, "r1")
    store.claim("r1", claim("a"))
    store.commit("r1", ["a"], 200.0)
    store.checked("a", 300.0)
    assert (store.article("a").etag, store.article("a").last_checked) == ('"e1"', 300.0)
    store.checked("a", 400.0, etag='"e2"')
    assert store.article("a").etag == '"e2"'


@pytest.mark.parametrize(
    "written, expected_seen",
    [
        (b"", False),  # killed after the claim, before the line
        (line("a"), True),  # killed after the line, before the commit
        (line("a")[:-9], False),  # killed inside the write: half a line is no line
        (line("b") + line("a", "other-hash"), False),  # a line of another version is not this claim's
    ],
    ids=["before-line", "after-line", "half-line", "other-version"],
)
def test_a_killed_runs_claims_are_settled_by_its_feed_file(store, tmp_path, written, expected_seen):
    feed = tmp_path / "out.jsonl"
    feed.write_bytes(written)
    begin(store, "dead", [FeedFile(str(feed), 0, "jsonlines")])
    store.claim("dead", claim("a"))
    kill(store, "dead")
    [settled] = settle_interrupted_runs(store, store)
    assert (settled.committed, settled.released) == ((1, 0) if expected_seen else (0, 1))
    assert (store.article("a") is not None) is expected_seen
    assert store.runs() == []
    begin(store, "next")
    assert store.claim("next", claim("a")) is (Outcome.UNCHANGED if expected_seen else Outcome.NEW)


def test_only_lines_after_the_runs_offset_count(store, tmp_path):
    """With -o, the file holds older runs' lines: the same id and hash there do not prove this run wrote it."""
    feed = tmp_path / "out.jsonl"
    feed.write_bytes(line("a"))
    begin(store, "dead", [FeedFile(str(feed), feed.stat().st_size, "jsonlines")])
    store.claim("dead", claim("a"))
    kill(store, "dead")
    [settled] = settle_interrupted_runs(store, store)
    assert settled.committed == 0


def test_a_truncated_gzip_feed_gives_back_its_complete_lines(store, tmp_path):
    data = gzip.compress(line("a") + line("b") + line("c"))
    assert gunzip_prefix(data[: len(data) // 2]) != b""
    feed = tmp_path / "out.jsonl.gz"
    feed.write_bytes(gzip.compress(line("a")) + data[:-12])  # two members, the second cut before its trailer
    assert written_records(FeedFile(str(feed), 0, "jsonlines", "gzip")) >= {("a", "h1"), ("b", "h1")}
    begin(store, "dead", [FeedFile(str(feed), 0, "jsonlines", "gzip")])
    for article_id in "abz":
        store.claim("dead", claim(article_id))
    kill(store, "dead")
    [settled] = settle_interrupted_runs(store, store)
    assert settled.committed == 2 and store.article("z") is None


def test_unreadable_feeds_settle_as_not_written(store, tmp_path):
    assert written_records(FeedFile(str(tmp_path / "out.csv"), 0, "csv")) is None
    assert written_records(FeedFile(str(tmp_path / "never-opened.jsonl"), 0, "jsonlines")) == set()
    begin(store, "dead", [FeedFile(str(tmp_path / "out.csv"), 0, "csv")])
    store.claim("dead", claim("a"))
    kill(store, "dead")
    assert settle_interrupted_runs(store, store)[0].released == 1


def test_the_store_file_is_wal_and_versioned(store):
    db = sqlite3.connect(store.path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA user_version").fetchone() == (1,)
    finally:
        db.close()

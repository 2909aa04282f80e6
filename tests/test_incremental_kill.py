"""No loss, no duplicate: a crawl killed with SIGKILL in its middle, then a normal run, export each article once.

The server answers slowly, so the kill lands while articles are still being
written; the killed run's file must hold only complete lines, and the next
run (same seen-store) must export exactly the articles the killed one did
not. Two crawls at once on one state file must leave it intact, and between
them export each article once.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from collections import Counter

import pytest

from .incremental_site import Crawls, read_records

ARTICLES = 14
SLOW = 0.15  # seconds per answer: the crawl takes a few seconds, the kill lands in it


def wait_for_lines(path, count: int, process, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        if process.poll() is not None:
            return
        time.sleep(0.01)


@pytest.fixture(scope="module")
def killed_then_resumed(tmp_path_factory):
    crawls = Crawls(tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("kill"), count=ARTICLES)
    try:
        crawls.server.delay = SLOW
        killed_output = crawls.next_output()
        process = crawls.start(killed_output)
        wait_for_lines(killed_output, 3, process)
        process.send_signal(signal.SIGKILL)
        killed_code = process.wait(30)
        process.log_file.close()
        killed_bytes = killed_output.read_bytes() if killed_output.exists() else b""
        crawls.server.delay = 0
        after = crawls.crawl()
    finally:
        crawls.close()
    return crawls, killed_code, killed_bytes, after


def test_the_kill_landed_mid_crawl(killed_then_resumed):
    _, killed_code, killed_bytes, _ = killed_then_resumed
    assert killed_code == -signal.SIGKILL
    assert 0 < killed_bytes.count(b"\n") < ARTICLES


def test_the_killed_runs_file_holds_only_complete_lines(killed_then_resumed):
    _, _, killed_bytes, _ = killed_then_resumed
    assert killed_bytes.endswith(b"\n")
    for line in killed_bytes.splitlines():
        assert json.loads(line)["id"]


def test_together_they_export_each_article_exactly_once(killed_then_resumed):
    crawls, _, killed_bytes, after = killed_then_resumed
    assert after.returncode == 0, after.log[-3000:]
    killed = [json.loads(line) for line in killed_bytes.splitlines()]
    ids = Counter(record["id"] for record in killed + after.records)
    assert len(ids) == ARTICLES
    assert set(ids.values()) == {1}
    assert sorted(record["url"] for record in killed + after.records) == sorted(
        crawls.server.base_url + path for path in crawls.site.articles
    )


def test_two_crawls_at_once_do_not_corrupt_the_state(tmp_path):
    crawls = Crawls(tmp_path / "site", tmp_path, count=8)
    try:
        crawls.server.delay = 0.05
        outputs = [crawls.next_output(), crawls.next_output()]
        processes = [crawls.start(output) for output in outputs]
        codes = [process.wait(120) for process in processes]
        for process in processes:
            process.log_file.seek(0)
            log = process.log_file.read()
            process.log_file.close()
            assert "Traceback" not in log, log[-3000:]
    finally:
        crawls.close()
    assert codes == [0, 0]
    records = read_records(outputs[0]) + read_records(outputs[1])
    assert sorted(Counter(record["id"] for record in records).values()) == [1] * 8
    db = sqlite3.connect(crawls.state)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (8,)
        assert db.execute("SELECT count(*) FROM pending").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (0,)
    finally:
        db.close()

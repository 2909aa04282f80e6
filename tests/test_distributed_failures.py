"""Distributed crawls when something dies: a worker (SIGKILL), Redis before the start, Redis in the middle.

Real processes, real HTTP on loopback, a real redis-server with an
append-only file written before each answer (so that a killed server
comes back with what it acknowledged, as a durable deployment does).
"""

from __future__ import annotations

import signal
import subprocess
from collections import Counter

import pytest

from .cluster_crawls import article_ids, finish, start_workers, wait_for_lines
from .conftest import CRAWL_TIMEOUT, REPO
from .incremental_site import Crawls, read_records
from .redis_server import free_port

ARTICLES = 24
SLOW = 0.12  # seconds per answer: a kill lands while articles are still being written


def exported_ids(*record_lists) -> Counter:
    return Counter(record["id"] for records in record_lists for record in records)


@pytest.fixture
def crawls(tmp_path):
    crawls = Crawls(tmp_path / "site", tmp_path / "work", count=ARTICLES)
    crawls.workdir.mkdir()
    yield crawls
    crawls.close()


def test_a_killed_worker_loses_nothing(crawls, redis_server):
    crawls.server.delay = SLOW
    (killed, killed_output), (survivor, survivor_output) = start_workers(crawls, redis_server.url, 2)
    wait_for_lines(killed_output, 2, killed)
    killed.send_signal(signal.SIGKILL)
    assert killed.wait(30) == -signal.SIGKILL
    killed.log_file.close()
    (survived,) = finish(crawls, [(survivor, survivor_output)])
    assert survived.returncode == 0, survived.log[-3000:]
    crawls.server.delay = 0
    (rerun,) = finish(crawls, start_workers(crawls, redis_server.url, 1))
    assert rerun.returncode == 0, rerun.log[-3000:]
    killed_records = read_records(killed_output)
    assert 0 < len(killed_records) < ARTICLES
    exported = exported_ids(killed_records, survived.records, rerun.records)
    assert set(exported) == article_ids(crawls, range(1, ARTICLES + 1))
    assert set(exported.values()) == {1}
    assert survived.records
    # The requests the killed worker held were put back and done by the survivor.
    assert survived.stats().get("newsroom/cluster/reclaimed", 0) >= 1


def test_redis_unreachable_at_start_is_one_line_and_status_1(crawls, tmp_path):
    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    output = tmp_path / "out.jsonl"
    command = crawls.command(output, {"NEWSROOM_REDIS_URL": url, "NEWSROOM_STATE": url})
    env = {"SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if "Redis" in line]
    assert errors == [f"error: NEWSROOM_REDIS_URL: cannot reach Redis at {url} " + errors[0].split(" ", 7)[7]]
    assert "start redis-server there or fix the URL" in errors[0]
    assert "Traceback" not in done.stderr
    assert not output.exists()
    assert crawls.server.requests == []


def test_redis_lost_mid_crawl_stops_the_crawl_and_loses_nothing(crawls, redis_server):
    crawls.server.delay = SLOW
    ((process, output),) = start_workers(crawls, redis_server.url, 1)
    wait_for_lines(output, 3, process)
    redis_server.kill()
    (stopped,) = finish(crawls, [(process, output)])
    assert "Lost Redis at" in stopped.log
    assert stopped.stats().get("finish_reason") == "redis_lost"
    assert output.read_bytes().endswith(b"\n")  # whole lines only
    assert 0 < len(stopped.records) < ARTICLES
    redis_server.start()  # back, with what it had acknowledged
    crawls.server.delay = 0
    (rerun,) = finish(crawls, start_workers(crawls, redis_server.url, 1))
    assert rerun.returncode == 0, rerun.log[-3000:]
    exported = exported_ids(stopped.records, rerun.records)
    assert set(exported) == article_ids(crawls, range(1, ARTICLES + 1))
    assert set(exported.values()) == {1}

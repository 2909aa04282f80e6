"""Helpers for tests of distributed crawls: workers of one crawl started as real processes over one site.

Each worker is `scrapy crawl newsroom -s NEWSROOM_REDIS_URL=...` with its
own output file, all sharing a real redis-server (frontier and seen-store)
and one `NewsroomSite` served on 127.0.0.1. `TimedRequests` makes the
server note when each request arrived, for the politeness test.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from .conftest import CRAWL_TIMEOUT
from .incremental_site import Crawls, Run


class TimedRequests(list):
    """The server's request log, with the arrival time of each request beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []
        self.lock = threading.Lock()

    def append(self, path) -> None:
        with self.lock:
            self.times.append(time.monotonic())
            super().append(path)


def start_workers(crawls: Crawls, redis_url: str, count: int, settings: dict | None = None, stagger: float = 0.2):
    """`count` workers of one crawl, started `stagger` seconds apart; [(process, output)]."""
    values = {"NEWSROOM_REDIS_URL": redis_url, "NEWSROOM_STATE": redis_url, **(settings or {})}
    workers = []
    for _ in range(count):
        output = crawls.next_output()
        workers.append((crawls.start(output, values), output))
        time.sleep(stagger)
    return workers


def finish(crawls: Crawls, workers, first_answer: int = 0) -> list[Run]:
    return [crawls.finished(process, output, first_answer, process.wait(CRAWL_TIMEOUT)) for process, output in workers]


def article_ids(crawls: Crawls, numbers) -> set[str]:
    return {crawls.site.expected_record(n, crawls.server.base_url)["id"] for n in numbers}


def requested_paths(crawls: Crawls) -> Counter:
    return Counter(urlsplit(path).path for path in crawls.server.requests)


def wait_for_lines(path: Path, count: int, process, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.01)

"""Resume: a crawl paused with JOBDIR (one SIGINT, as Ctrl-C) goes on where it stopped when started again.

The seen-store is turned off here (NEWSROOM_STATE empty), so only Scrapy's
job directory (pending requests on disk, fingerprints of those already
made) can keep the second run from fetching and exporting again what the
first did.
"""

from __future__ import annotations

import signal
from collections import Counter

import pytest

from .incremental_site import Crawls, read_records
from .test_incremental_kill import wait_for_lines

ARTICLES = 12


@pytest.fixture(scope="module")
def paused_then_resumed(tmp_path_factory):
    work = tmp_path_factory.mktemp("jobdir")
    crawls = Crawls(tmp_path_factory.mktemp("site"), work, count=ARTICLES)
    # Two requests in flight at most: the others wait in the job's queue when the pause comes.
    settings = {"JOBDIR": str(work / "job"), "NEWSROOM_STATE": "", "CONCURRENT_REQUESTS": "2"}
    try:
        crawls.server.delay = 0.15
        first_output = crawls.next_output()
        process = crawls.start(first_output, settings)
        wait_for_lines(first_output, 3, process)
        process.send_signal(signal.SIGINT)
        first = crawls.finished(process, first_output, 0, process.wait(60))
        first_requests = list(crawls.server.requests)
        crawls.server.delay = 0
        second = crawls.crawl(settings)
        second_requests = crawls.server.requests[len(first_requests) :]
    finally:
        crawls.close()
    return crawls, first, second, first_requests, second_requests


def test_the_first_run_was_paused_mid_crawl(paused_then_resumed):
    _, first, _, _, _ = paused_then_resumed
    assert first.returncode == 0, first.log[-3000:]
    assert "shutting down gracefully" in first.log
    assert "Run summary (shutdown)" in first.log
    assert 0 < len(first.records) < ARTICLES


def test_the_second_run_resumes_the_job(paused_then_resumed):
    _, _, second, _, _ = paused_then_resumed
    assert second.returncode == 0, second.log[-3000:]
    assert "Resuming crawl" in second.log


def test_together_they_export_every_article_once(paused_then_resumed):
    crawls, first, second, _, _ = paused_then_resumed
    ids = Counter(record["id"] for record in read_records(first.output) + second.records)
    assert len(ids) == ARTICLES and set(ids.values()) == {1}


def test_no_article_page_is_fetched_twice(paused_then_resumed):
    crawls, _, _, first_requests, second_requests = paused_then_resumed
    articles = set(crawls.site.articles)
    fetched = Counter(path for path in first_requests + second_requests if path in articles)
    assert set(fetched) == articles and set(fetched.values()) == {1}

"""The log of a real crawl of the demo newsroom, as a person reads it.

Two runs over one seen-store, both logging at DEBUG so the drop lines are
there to read: a default (incremental) run, then `-a mode=full`. A healthy
run logs nothing at WARNING or above; a dropped page is one DEBUG line
with its reason and URL, never the item's repr; the progress line comes
every NEWSROOM_PROGRESS_INTERVAL (shortened here, the server slowed down,
so the crawl outlasts a few intervals); the run summary agrees with itself
in both modes.
"""

from __future__ import annotations

import re

import pytest

from newsroom_scraper.localserver import serve

from .conftest import FIXTURES, run_crawl

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[(?P<logger>[^\]]+)\] (?P<level>[A-Z]+): (?P<message>.*)$")
PROGRESS = re.compile(
    r"^Progress after \d+m\d\ds: (?P<pages>\d+) pages \(\d+/min\), (?P<articles>\d+) articles, "
    r"(?P<not_articles>\d+) not articles, (?P<failed>\d+) failed$"
)
DROPPED = re.compile(r"^Dropped: (?P<reason>.+): (?P<url>http://127\.0\.0\.1:\d+/\S*)$")
SETTINGS = {"LOG_LEVEL": "DEBUG", "NEWSROOM_PROGRESS_INTERVAL": "0.4"}


def records(log: str) -> list[re.Match]:
    return [match for line in log.splitlines() if (match := LOG_LINE.match(line))]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    server = serve(FIXTURES / "site")
    server.delay = 0.1  # about 2 s of crawling: several progress intervals
    workdir = tmp_path_factory.mktemp("logs")
    try:
        first = run_crawl(f"{server.base_url}/news/", workdir, SETTINGS)
        full = run_crawl(f"{server.base_url}/news/", workdir, SETTINGS, args=["-a", "mode=full"])
    finally:
        server.shutdown()
    assert first.returncode == 0, first.log[-3000:]
    assert full.returncode == 0, full.log[-3000:]
    return first, full


def test_a_healthy_run_logs_nothing_at_warning(runs):
    for run in runs:
        loud = [m.group(0) for m in records(run.log) if m["level"] in ("WARNING", "ERROR", "CRITICAL")]
        assert loud == []
        assert "Disabled newsroom_scraper" not in run.log


def test_a_dropped_page_is_one_debug_line_with_reason_and_url(runs):
    first, _ = runs
    lines = first.log.splitlines()
    dropped = [(i, m) for i, line in enumerate(lines) if (m := LOG_LINE.match(line)) and "Dropped" in m["message"]]
    assert len(dropped) == first.stats["newsroom/not_article"] == 3
    for index, match in dropped:
        assert match["level"] == "DEBUG"
        line = DROPPED.match(match["message"])
        assert line is not None, match["message"]
        assert line["reason"].startswith("Not an article (no_date")
        assert LOG_LINE.match(lines[index + 1]), "the next line is a new log record, not the item"
    assert "Page(" not in first.log


def test_progress_lines_count_pages_articles_not_articles_and_failures(runs):
    first, _ = runs
    progress = [(m["level"], PROGRESS.match(m["message"])) for m in records(first.log) if "Progress" in m["message"]]
    assert len(progress) >= 2
    assert all(level == "INFO" and match is not None for level, match in progress)
    last = progress[-1][1]
    assert 0 < int(last["pages"]) <= first.stats["response_received_count"]
    assert int(last["articles"]) <= first.stats["newsroom/articles_extracted"]
    assert int(last["failed"]) == 0
    assert "Crawled 0 pages" not in first.log  # Scrapy's own LogStats line is replaced


def test_the_summary_agrees_with_itself_in_both_modes(runs):
    first, full = runs
    assert "Run summary (finished): 13 articles written (13 new); 0 unchanged;" in first.log
    assert "Run summary (finished): 13 articles written (13 again in full mode); 0 unchanged;" in full.log
    assert len(full.records) == 13

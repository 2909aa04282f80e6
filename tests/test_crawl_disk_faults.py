"""A disk that fills up mid-crawl, without mounting one: the crawl's files may not grow past a size (RLIMIT_FSIZE).

The tmpfs test in test_crawl_exit.py needs root and `mount`. Here the real
`scrapy crawl newsroom` runs in a child process whose regular files may not
grow past a few kilobytes (SIGXFSZ ignored), so a write that reaches the
limit is cut short and the next fails with EFBIG ("File too large"), as a
write on a full disk fails with ENOSPC: the same OSError, mid-crawl, wherever
the file is. Its log goes to a pipe, which the limit does not touch.

- The output fills up (the seen-store on a real redis-server, so that only
  the feed file grows): exit status 4, one error line, only whole lines in
  the file, and the next run exports the rest.
- The SQLite seen-store fills up (its write-ahead log grows far faster than
  the feed): exit status 5, one error line and no traceback per item, only
  whole lines in the feed, and the next run settles what this one wrote and
  exports the rest.
Either way, the two runs together export every article exactly once.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess

from .conftest import CRAWL_TIMEOUT, REPO
from .incremental_site import Crawls, read_records

ARTICLES = 14
# Room for about four of the site's records (about 1,150 bytes each): the fifth is cut mid-line.
OUTPUT_LIMIT = 5_000
# The state's write-ahead log takes about 45 KB per article: it fills up after a few, the feed (16 KB) never does.
STATE_LIMIT = 150_000


def crawl_with_file_limit(crawls: Crawls, output, settings: dict, max_bytes: int) -> subprocess.CompletedProcess:
    """The crawl appending to `output`, its files unable to grow past `max_bytes`."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    command = crawls.command(output, {"NEWSROOM_STATS_FILE": "", **settings}, flag="-o")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT,
                          preexec_fn=limit_files)  # fmt: skip


def assert_whole_lines(path) -> list[str]:
    """Every line of the feed is a whole record; their URLs."""
    data = path.read_bytes()
    assert data.endswith(b"\n"), data[-200:]
    records = read_records(path)  # raises on a cut line
    assert 0 < len(records) < ARTICLES, len(records)
    return [record["url"] for record in records]


def assert_exported_once(first: list[str], rest) -> None:
    assert rest.returncode == 0, rest.log[-3000:]
    urls = first + [record["url"] for record in rest.records]
    assert len(urls) == len(set(urls)) == ARTICLES


def test_an_output_that_fills_up_mid_crawl_stops_it_and_the_next_run_exports_the_rest(tmp_path, redis_server):
    crawls = Crawls(tmp_path / "site", tmp_path, count=ARTICLES)
    state = {"NEWSROOM_STATE": f"redis://127.0.0.1:{redis_server.port}/0"}
    output = tmp_path / "out.jsonl"
    try:
        full = crawl_with_file_limit(crawls, output, state, OUTPUT_LIMIT)
        written = assert_whole_lines(output)
        rest = crawls.crawl(state)
    finally:
        crawls.close()
    assert full.returncode == 4, full.stderr[-3000:]
    assert f"Cannot write the output ({output}: File too large)" in full.stderr
    assert "exit status 4: the output could not be written" in full.stderr
    assert "Traceback" not in full.stderr
    assert_exported_once(written, rest)


def test_a_state_that_fills_up_mid_crawl_stops_it_with_status_5_and_the_next_run_exports_the_rest(tmp_path):
    crawls = Crawls(tmp_path / "site", tmp_path, count=ARTICLES)
    output = tmp_path / "out.jsonl"
    try:
        lost = crawl_with_file_limit(crawls, output, {}, STATE_LIMIT)
        written = assert_whole_lines(output)
        rest = crawls.crawl()
    finally:
        crawls.close()
    assert lost.returncode == 5, lost.stderr[-3000:]
    errors = [line for line in lost.stderr.splitlines() if "Cannot keep the state" in line]
    assert len(errors) == 1 and str(crawls.state) in errors[0], lost.stderr[-3000:]
    assert "exit status 5: the state could not be kept" in lost.stderr
    assert "state_error: " in lost.stderr  # the items in flight, counted in the summary
    assert "Traceback" not in lost.stderr
    assert_exported_once(written, rest)

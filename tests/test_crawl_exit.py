"""Honest exits: a mistake is one line and status 2; a run that read nothing, or lost its output, is not a success.

Every case runs the real `scrapy crawl newsroom` in a child process, as cron
or systemd would, and reads its exit status and its stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from . import faultserver as fs
from .conftest import REPO, run_crawl
from .incremental_site import Crawls, read_records

ERROR_PREFIX = "newsroom_scraper: error: "


def crawl(args: list[str], workdir: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scrapy", "crawl", "newsroom", *args,
               "-s", f"NEWSROOM_STATE=sqlite:///{workdir / 'state.db'}"]  # fmt: skip
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


MISTAKES = [
    (["-a", "start_url=http://127.0.0.1:9/news/"], "-a start_url: unknown argument; did you mean -a start_urls"),
    (["-a", "start_urls=http://127.0.0.1:9/", "-a", "since=last week"], "since: 'last week'"),
    (["-a", "start_urls=http://127.0.0.1:9/", "-a", "max_pages=abc"], "-a max_pages: 'abc' is not a whole number"),
    (["-a", "start_urls=http://127.0.0.1:9/", "-a", "mode=fast"], "-a mode: 'fast' is not a mode"),
    (["-a", "source=no-such-source"], "no source named 'no-such-source'"),
    (["-s", "NEWSROOM_SOURCES=/nonexistent/sources.toml"], "/nonexistent/sources.toml: cannot read"),
    (["-a", "start_urls=ftp://example.com/"], "is not an http(s) URL"),
    (
        ["-a", "start_urls=http://127.0.0.1:9/", "-s", "NEWSROOM_EXTRACT_WORKERS=all"],
        "NEWSROOM_EXTRACT_WORKERS='all' is neither 'auto' nor a whole number",
    ),
]


@pytest.mark.parametrize("args, message", MISTAKES, ids=[m for _, m in MISTAKES])
def test_a_mistake_is_one_line_and_status_2(tmp_path, args, message):
    done = crawl(args, tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    errors = [line for line in done.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
    assert len(errors) == 1 and message in errors[0], done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "never retrieved" not in done.stderr


def test_a_corrupt_state_file_is_reported_and_left_alone(tmp_path):
    state = tmp_path / "state.db"
    state.write_bytes(b"this is not a database" * 100)
    done = crawl(["-a", "start_urls=http://127.0.0.1:9/"], tmp_path)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
    assert len(errors) == 1 and str(state) in errors[0] and "move it aside" in errors[0], done.stderr[-2000:]
    assert state.read_bytes() == b"this is not a database" * 100
    assert "Traceback" not in done.stderr


def test_a_crawl_whose_every_request_failed_exits_3(tmp_path):
    # Port 9 on the loopback: nothing listens there.
    result = run_crawl("http://127.0.0.1:9/news/", tmp_path, {"RETRY_TIMES": "0"})
    assert result.returncode == 3
    summary = next(line for line in result.log.splitlines() if "Run summary" in line)
    assert "exit status 3: no listing, sitemap or feed was read (1 failed" in summary
    assert "connection_refused: 1" in summary


def test_a_start_url_that_is_a_pdf_is_not_a_listing(tmp_path):
    server = fs.start({"/robots.txt": fs.status(404), "/report.pdf": fs.page(b"%PDF-1.4\n", "application/pdf")})
    try:
        result = run_crawl(server.url("/report.pdf"), tmp_path)
    finally:
        server.shutdown()
    assert result.returncode == 3
    assert result.stats["newsroom/skipped/not_a_listing"] == 1
    assert "Not a listing (application/pdf)" in result.log
    assert "0 not a listing" not in result.log and "1 not a listing" in result.log


def test_a_run_with_nothing_new_exits_0_and_says_so(tmp_path):
    crawls = Crawls(tmp_path / "site", tmp_path / "work", count=3)
    (tmp_path / "work").mkdir()
    try:
        first = crawls.crawl()
        second = crawls.crawl()
    finally:
        crawls.close()
    assert first.returncode == 0 and len(first.records) == 3
    assert second.returncode == 0 and second.records == []
    summary = next(line for line in second.log.splitlines() if "Run summary" in line)
    assert summary.endswith("nothing new since the last run (3 rechecks not due)"), summary


@pytest.fixture
def tiny_disk(tmp_path):
    """A 12 KiB tmpfs: room for a few records, then 'No space left on device'. Needs root to mount."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_stops_the_crawl_cleanly_and_the_next_run_exports_the_rest(tmp_path, tiny_disk):
    work = tmp_path / "work"
    work.mkdir()
    crawls = Crawls(tmp_path / "site", work, count=14)
    try:
        full = crawls.crawl(output=tiny_disk / "out.jsonl", flag="-o")
        lines = (tiny_disk / "out.jsonl").read_bytes()
        rest = crawls.crawl()
    finally:
        crawls.close()
    assert full.returncode == 4, full.log[-3000:]
    assert "Cannot write the output" in full.log and "No space left on device" in full.log
    assert "Traceback" not in full.log
    assert lines.endswith(b"\n") and 0 < lines.count(b"\n") < 14  # whole lines only, and not all of them
    written = [record["url"] for record in read_records(tiny_disk / "out.jsonl")]
    assert rest.returncode == 0
    urls = written + [record["url"] for record in rest.records]
    assert len(urls) == len(set(urls)) == 14


def test_an_output_that_cannot_be_opened_stops_the_crawl_with_status_4(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    crawls = Crawls(tmp_path / "site", tmp_path, count=3)
    try:
        run = crawls.crawl(output=tmp_path / "a-file" / "out.jsonl", settings={"NEWSROOM_STATS_FILE": ""})
        rest = crawls.crawl()
    finally:
        crawls.close()
    assert run.returncode == 4, run.log[-3000:]
    folder = tmp_path / "a-file"
    assert f"Cannot write the output ({folder / 'out.jsonl'}: File exists ({folder}))" in run.log
    assert "Traceback" not in run.log
    assert rest.returncode == 0 and len(rest.records) == 3  # nothing was marked seen: all exported now

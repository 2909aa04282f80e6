"""Deploying to a real Scrapyd and scheduling crawls there, on loopback, as the README tells a user to.

A copy of the project (scrapy.cfg, pyproject.toml, the package) gets a
`[deploy:loopback]` target naming a Scrapyd started in a temporary folder
on a free port; `scrapyd-deploy loopback` builds the egg and uploads it
(Scrapyd refuses an egg without the `scrapy` entry point, and says so only
in the response). Two jobs crawl the demo newsroom with an absolute
NEWSROOM_STATE, the feed going to Scrapyd's items_dir: the first writes
every article, the second none (the store is shared by jobs). Scrapyd runs
in this interpreter's environment, where the project's dependencies are
installed: the README's step for a Scrapyd of its own. Skipped only when
scrapyd or scrapyd-client is not installed (the dev extra has them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

import pytest

from newsroom_scraper.localserver import free_port, serve

from .conftest import FIXTURES, REPO

pytest.importorskip("scrapyd")
pytest.importorskip("scrapyd_client")

BIN = Path(sys.executable).parent
EXPECTED = json.loads((FIXTURES / "site" / "EXPECTED.json").read_text("utf-8"))
PROJECT = "newsroom_scraper"
PROJECT_FILES = ("scrapy.cfg", "pyproject.toml", "README.md")
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_START_DELAY": "0.05", "AUTOTHROTTLE_MAX_DELAY": "1"}
TIMEOUT = 180


def clean_env() -> dict[str, str]:
    """Our environment without a settings module: Scrapyd must find it in the egg."""
    return {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "SCRAPY_PROJECT")}


def start_scrapyd(home: Path, port: int) -> subprocess.Popen:
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.2\nitems_dir = items\n"
    )
    command = [str(BIN / "scrapyd"), "--nodaemon", "--logfile", "scrapyd.log", "--pidfile="]
    process = subprocess.Popen(command, cwd=home, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"scrapyd exited: {(home / 'scrapyd.log').read_text(errors='replace')[-3000:]}")
        try:
            with urlopen(f"http://127.0.0.1:{port}/daemonstatus.json", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("scrapyd did not answer within 60 s")


def copy_project(target: Path, port: int) -> Path:
    """The project as a fresh clone has it, plus a deploy target for our Scrapyd."""
    shutil.copytree(REPO / PROJECT, target / PROJECT, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in PROJECT_FILES:
        shutil.copy(REPO / name, target / name)
    with (target / "scrapy.cfg").open("a", encoding="utf-8") as config:
        config.write(f"\n[deploy:loopback]\nurl = http://127.0.0.1:{port}/\nproject = {PROJECT}\n")
    return target


def api(port: int, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    url = f"http://127.0.0.1:{port}/{endpoint}"
    body = urlencode(data).encode() if data is not None else None
    with urlopen(url, body, timeout=30) as response:
        answer = json.loads(response.read())
    assert answer["status"] == "ok", answer
    return answer


def run_job(port: int, home: Path, start_url: str, settings: dict[str, str]) -> tuple[list[dict], str]:
    """Schedule one crawl, wait for it to finish, return its records and its log."""
    data = [("project", PROJECT), ("spider", "newsroom"), ("start_urls", start_url)]
    data += [("setting", f"{name}={value}") for name, value in settings.items()]
    job = api(port, "schedule.json", data)["jobid"]
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        jobs = api(port, f"listjobs.json?project={PROJECT}")
        if any(finished["id"] == job for finished in jobs["finished"]):
            break
        time.sleep(0.3)
    else:
        pytest.fail(f"job {job} did not finish within {TIMEOUT} s")
    items = home / "items" / PROJECT / "newsroom" / f"{job}.jl"
    log = (home / "logs" / PROJECT / "newsroom" / f"{job}.log").read_text("utf-8")
    lines = items.read_text("utf-8").splitlines() if items.exists() else []
    return [json.loads(line) for line in lines if line.strip()], log


@pytest.fixture(scope="module")
def scrapyd_round(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    scrapyd = start_scrapyd(tmp / "scrapyd", port)
    site = serve(FIXTURES / "site")
    try:
        project = copy_project(tmp / "project", port)
        deploy = subprocess.run(
            [str(BIN / "scrapyd-deploy"), "loopback"],
            cwd=project, env=clean_env(), capture_output=True, text=True, timeout=TIMEOUT,
        )  # fmt: skip
        state = tmp / "state" / "state.db"
        settings = {**FAST, "NEWSROOM_STATE": f"sqlite:///{state}"}
        first = run_job(port, tmp / "scrapyd", f"{site.base_url}/news/", settings)
        second = run_job(port, tmp / "scrapyd", f"{site.base_url}/news/", settings)
    finally:
        site.shutdown()
        scrapyd.terminate()
        scrapyd.wait(timeout=30)
    return deploy, state, first, second


def test_the_egg_is_deployed_with_its_settings_and_spider(scrapyd_round):
    deploy, *_ = scrapyd_round
    output = deploy.stdout + deploy.stderr
    assert deploy.returncode == 0, output
    assert '"status": "ok"' in output and '"spiders": 1' in output, output


def test_a_scheduled_crawl_writes_the_demo_articles_to_its_feed(scrapyd_round):
    _, _, (records, log), _ = scrapyd_round
    assert sorted(urlsplit(record["url"]).path for record in records) == sorted(EXPECTED["articles"])
    assert "Run summary (finished): 13 articles written (13 new); 0 unchanged;" in log
    assert not [line for line in log.splitlines() if "] WARNING: " in line or "] ERROR: " in line]


def test_jobs_share_the_absolute_state(scrapyd_round):
    _, state, (_, first_log), (records, log) = scrapyd_round
    assert state.is_file()
    assert f"state in {state}" in first_log
    assert records == []
    assert "Run summary (finished): 0 articles written; 0 unchanged;" in log
    assert "13 skipped {" in log or "recheck_not_due: 13" in log

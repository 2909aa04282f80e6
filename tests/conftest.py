"""Shared test helpers: the fixture directories, the schema, local servers and real crawls."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from newsroom_scraper.demo import crawl_command
from newsroom_scraper.localserver import serve
from newsroom_scraper.record import load_schema

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
CRAWL_TIMEOUT = 180


@pytest.fixture(scope="session")
def validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


# Test crawls are a few dozen pages: spawning one extraction worker per core (the default, "auto") costs
# them more than it saves (62 crawl tests took 60.7 s with it, 37.9 s without). They extract in process;
# the default itself is crawled by test_crawl_demo.py, and the pool is tested in test_extract_pool.py.
IN_PROCESS = {"NEWSROOM_EXTRACT_WORKERS": "0"}


@dataclass
class CrawlResult:
    records: list[dict]
    stats: dict
    returncode: int
    log: str


def run_crawl(start_urls: str | None, workdir: Path, settings: dict | None = None, args: list[str] = ()) -> CrawlResult:
    """Run the real `scrapy crawl newsroom` in a child process and collect its output."""
    output = workdir / "out.jsonl"
    stats_file = workdir / "stats.json"
    # Each work directory has its own seen-store: crawls in different tests never see each other's articles.
    state = f"sqlite:///{workdir / 'state.db'}"
    defaults = {**IN_PROCESS, "NEWSROOM_STATS_FILE": str(stats_file), "NEWSROOM_STATE": state}
    command = crawl_command(start_urls or "", output, {**defaults, **(settings or {})})
    if start_urls is None:
        index = command.index("-a")
        del command[index : index + 2]
    command += list(args)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT)
    records = []
    if output.exists():
        records = [json.loads(line) for line in output.read_text("utf-8").splitlines() if line.strip()]
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    return CrawlResult(records, stats, done.returncode, done.stderr)


@pytest.fixture
def site_server():
    """The bundled demo newsroom on 127.0.0.1."""
    server = serve(FIXTURES / "site")
    yield server
    server.shutdown()


@pytest.fixture
def make_server(tmp_path):
    """A server over a fresh directory of pages the test writes."""
    servers = []

    def factory(files: dict[str, bytes | str]):
        root = tmp_path / "site"
        for name, content in files.items():
            path = root / name.lstrip("/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        root.mkdir(exist_ok=True)
        server = serve(root)
        servers.append(server)
        return server

    yield factory
    for server in servers:
        server.shutdown()


@pytest.fixture
def redis_server(tmp_path):
    """A fresh redis-server on a free loopback port, killed after the test."""
    from .redis_server import RedisServer, redis_installed

    if not redis_installed():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path / "redis", durable=True).start()
    yield server
    server.kill()

"""The discovery fixture site (fixtures/discovery): its expectations, and real crawls of it with their request logs.

Each crawl gets its own server, so its request log holds exactly what that
crawl asked for. Independent crawls run a few at a time (each is a child
process mostly waiting on politeness delays), which keeps the suite fast.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsroom_scraper.localserver import serve

from .conftest import FIXTURES, CrawlResult, run_crawl

SITE = FIXTURES / "discovery"
EXPECTED = json.loads((SITE / "EXPECTED.json").read_text("utf-8"))
PARALLEL_CRAWLS = 3


class TimedRequests(list):
    """A server request log that also notes when each request arrived (monotonic seconds)."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, path: str) -> None:
        self.times.append(time.monotonic())
        super().append(path)


@dataclass
class SiteCrawl:
    result: CrawlResult
    requests: list[str]
    times: list[float] = field(default_factory=list)

    @property
    def exported(self) -> list[str]:
        return sorted(urlsplit(record["url"]).path for record in self.result.records)

    @property
    def paths(self) -> list[str]:
        """Requested paths without their query strings."""
        return [urlsplit(request).path for request in self.requests]

    def count(self, path: str) -> int:
        return self.paths.count(path)


def spider_args(args: dict[str, str], base_url: str) -> list[str]:
    """`-a name=value` pairs; comma-separated values starting with "/" become URLs of the server."""
    result = []
    for name, value in args.items():
        parts = [f"{base_url}{part}" if part.startswith("/") else part for part in value.split(",")]
        result += ["-a", f"{name}={','.join(parts)}"]
    return result


def crawl_site(
    workdir: Path,
    args: dict[str, str],
    settings: dict[str, str] | None = None,
    routes: dict | None = None,
    site: Path = SITE,
    sources_toml: str | None = None,
) -> SiteCrawl:
    """Serve `site`, crawl it with `args` (and `sources_toml`, "{base}" replaced by the server's URL)."""
    server = serve(site)
    server.requests = TimedRequests()
    server.routes.update(routes or {})
    settings = dict(settings or {})
    extra = spider_args(args, server.base_url)
    if sources_toml is not None:
        path = workdir / "sources.toml"
        path.write_text(sources_toml.replace("{base}", server.base_url), "utf-8")
        settings["NEWSROOM_SOURCES"] = str(path)
    try:
        result = run_crawl(None, workdir, settings, extra)
    finally:
        server.shutdown()
    return SiteCrawl(result, list(server.requests), list(server.requests.times))


def crawl_cases(tmp_path_factory, cases: dict[str, dict]) -> dict[str, SiteCrawl]:
    """Crawl each case ({"args": ..., "settings": ..., "routes": ...}) on its own server, a few at a time."""
    # Work directories first, in this thread: pytest creates its base temp directory lazily, not thread-safely.
    workdirs = {name: tmp_path_factory.mktemp(name) for name in cases}

    def one(name: str) -> tuple[str, SiteCrawl]:
        case = cases[name]
        return name, crawl_site(workdirs[name], case.get("args", {}), case.get("settings"), case.get("routes"))

    with ThreadPoolExecutor(PARALLEL_CRAWLS) as pool:
        return dict(pool.map(one, cases))

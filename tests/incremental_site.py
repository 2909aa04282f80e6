"""A newsroom the tests can change between runs, and scheduled-style crawls of it sharing one seen-store.

`NewsroomSite` writes a listing of articles (plus a contact page and a
broken link) into a directory served on 127.0.0.1; a test edits an article,
adds one, or changes only its markup, then crawls again. `Crawls` runs the
real `scrapy crawl newsroom` against it with one state file for all runs,
each run with its own output file, and keeps the server's answers per run.
`start()` returns the running process, for tests that kill or pause it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsroom_scraper.demo import LOCAL_CRAWL_SETTINGS
from newsroom_scraper.extract import extract_article
from newsroom_scraper.localserver import serve

from .conftest import CRAWL_TIMEOUT, IN_PROCESS, REPO
from .pagemaker import PARAGRAPHS, article_page, listing_page

TOPICS = (
    "harbour tram library school bridge park museum ferry market stadium clinic airport theatre hospital railway "
    "canal reservoir orchard observatory zoo"
).split()


def article_path(n: int) -> str:
    return f"/news/2024/story-{n}.html"


@dataclass
class NewsroomSite:
    root: Path
    count: int
    edits: dict[int, int] = field(default_factory=dict)  # article -> how many times its text was changed
    markup: dict[int, int] = field(default_factory=dict)  # article -> how many times only its markup changed

    def __post_init__(self) -> None:
        self.write_file("robots.txt", "User-agent: *\nDisallow: /private/\n")
        self.write_file("contact/index.html", "<html><body><h1>Contact</h1><p>Call us.</p></body></html>")
        for n in range(1, self.count + 1):
            self.write_article(n)
        self.write_listing()

    @property
    def articles(self) -> list[str]:
        return [article_path(n) for n in range(1, self.count + 1)]

    def write_file(self, name: str, text: str) -> None:
        path = self.root / name.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")

    def write_listing(self) -> None:
        self.write_file("news/index.html", listing_page([*self.articles, "/contact/", "/news/2024/missing.html"]))

    def write_article(self, n: int) -> None:
        topic = TOPICS[(n - 1) % len(TOPICS)]
        opening = f"The city opened its new {topic} on Monday, story {n}, after three years of planning and building."
        if self.edits.get(n):
            opening += f" Correction {self.edits[n]}: an earlier version gave the wrong opening date."
        extra = "".join(f"<!-- rebuilt {i} -->" for i in range(self.markup.get(n, 0)))
        title = f"City opens the new {topic} in story number {n}"
        self.write_file(
            article_path(n), article_page(title, f"March {n % 28 + 1}, 2024", (opening, *PARAGRAPHS), extra=extra)
        )

    def change_text(self, n: int) -> None:
        self.edits[n] = self.edits.get(n, 0) + 1
        self.write_article(n)

    def change_markup_only(self, n: int) -> None:
        self.markup[n] = self.markup.get(n, 0) + 1
        self.write_article(n)

    def add_article(self) -> int:
        self.count += 1
        self.write_article(self.count)
        self.write_listing()
        return self.count

    def expected_record(self, n: int, base_url: str) -> dict:
        """The record the extraction gives the article as it is now (id and content_hash are what matter)."""
        path = self.root / article_path(n).lstrip("/")
        return extract_article(path.read_bytes(), base_url + article_path(n)).as_record()


@dataclass
class Run:
    records: list[dict]
    returncode: int
    log: str
    output: Path
    answers: list[tuple[str, int]]  # (path, status) the server sent during this run

    def paths(self) -> list[str]:
        return sorted(urlsplit(record["url"]).path for record in self.records)

    def statuses(self, path: str) -> list[int]:
        return [status for answered, status in self.answers if urlsplit(answered).path == path]

    def stats(self) -> dict:
        stats_file = self.output.with_suffix(".stats.json")
        return json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}


def read_records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


class Crawls:
    """Runs of `scrapy crawl newsroom` over one site, sharing one state file."""

    def __init__(self, site_root: Path, workdir: Path, count: int = 6) -> None:
        self.site = NewsroomSite(site_root, count)
        self.server = serve(site_root)
        self.workdir = workdir
        self.state = workdir / "state.db"
        self.runs = 0
        self.processes = 0

    @property
    def start_url(self) -> str:
        return f"{self.server.base_url}/news/"

    def command(self, output: Path, settings: dict | None = None, args: tuple = (), flag: str | None = "-O"):
        """The crawl writing to `output` with `flag` (-O, -o), or with no flag only to the FEEDS in `settings`."""
        command = [sys.executable, "-m", "scrapy", "crawl", "newsroom", "-a", f"start_urls={self.start_url}", *args]
        if flag is not None:
            command += [flag, str(output)]
        values = {**LOCAL_CRAWL_SETTINGS, **IN_PROCESS, "NEWSROOM_STATE": f"sqlite:///{self.state}", **(settings or {})}
        values.setdefault("NEWSROOM_STATS_FILE", str(output.with_suffix(".stats.json")))
        for name, value in values.items():
            command += ["-s", f"{name}={value}"]
        return command

    def next_output(self, suffix: str = ".jsonl") -> Path:
        self.runs += 1
        return self.workdir / f"run{self.runs}{suffix}"

    def start(self, output: Path, settings: dict | None = None, args: tuple = (), flag: str | None = "-O"):
        """The crawl as a running process (stdout and stderr to a log file beside the output)."""
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
        self.processes += 1
        log = open(self.workdir / f"crawl-{self.processes}.log", "w+")
        process = subprocess.Popen(self.command(output, settings, args, flag), cwd=REPO, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)  # fmt: skip
        process.log_file = log
        return process

    def crawl(
        self, settings: dict | None = None, args: tuple = (), output: Path | None = None, flag: str = "-O"
    ) -> Run:
        output = output or self.next_output()
        first_answer = len(self.server.responses)
        process = self.start(output, settings, args, flag)
        returncode = process.wait(CRAWL_TIMEOUT)
        return self.finished(process, output, first_answer, returncode)

    def finished(self, process, output: Path, first_answer: int, returncode: int) -> Run:
        process.log_file.seek(0)
        log = process.log_file.read()
        process.log_file.close()
        return Run(read_records(output), returncode, log, output, list(self.server.responses[first_answer:]))

    def close(self) -> None:
        self.server.shutdown()

"""Crawl pages/s out of the box beside a hand-written Scrapy + trafilatura spider, and memory over a long crawl.

    python benchmarks/crawl_throughput.py --corpus ../shared/corpora            # every real page, once each
    python benchmarks/crawl_throughput.py                                        # 2,000 generated pages
    python benchmarks/crawl_throughput.py --corpus ../shared/corpora --pages 20000 --runs auto   # flat memory

A loopback newsroom (loopsite.py: listings of 100 links with "Next"; the
corpus repeated under new URLs when --pages asks for more than it has) is
crawled with no politeness delay and 32 requests in flight by:
- the spider a user would write by hand (handwritten_spider.py: trafilatura's
  bare_extraction in the callback), and
- the real `scrapy crawl newsroom` with the seen-store on, once per
  NEWSROOM_EXTRACT_WORKERS value in --runs (default 0, 1, auto).
Prints each run's article pages/s and its ratio to the hand-written spider,
and the cores' limit: usable cores x the pages/s of extract_article in this
process over a sample of the same pages, measured in the same run (the
machine may be shared: the load average is printed too). Each process's
peak RSS (crawl, extraction workers) comes from /proc, and its RSS every
--every article pages, with the growth after warm-up (the first sample
past 20 % of the pages). The loopback server runs in this process and takes
its CPU from the same cores as the crawl: its CPU per article page is printed
beside each run's (`server_cpu_ms_per_page`, with the sampling's, which is
small). For the last newsroom run, the pages that gave no record are
extracted again here to say why, with a few examples per reason. With
CRAWL_THROUGHPUT_PROFILE=DIR in the environment, each crawl process writes
its cProfile stats to DIR/<run>.prof (Scrapy's --profile).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from loopsite import build_site, corpus_files, cpu_seconds, family, memory_kib, role

from newsroom_scraper.demo import crawl_command
from newsroom_scraper.extract import NotAnArticle, extract_article
from newsroom_scraper.localserver import serve

HERE = Path(__file__).resolve().parent
# No politeness delay, 32 in flight; and no depth limit: the site's "Next" chain is pages/100 listings long, so the
# crawl's DEPTH_LIMIT (100) would stop a 20,000-page run at 10,000 articles.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "32",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "32", "LOG_LEVEL": "INFO", "DEPTH_LIMIT": "0"}  # fmt: skip
PER_LISTING = 100
SAMPLE_S = 0.25
WARM_UP = 0.2  # the share of the pages after which memory must stay flat
PROFILE_DIR = "CRAWL_THROUGHPUT_PROFILE"


class Watch:
    """A crawl process and its children, sampled while the loopback server counts article requests."""

    def __init__(self, process: subprocess.Popen, server, every: int) -> None:
        self.process, self.server, self.every = process, server, every
        self.seen = len(server.requests)
        self.articles = 0
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.roles: dict[int, str] = {}
        self.samples: list[dict] = []
        self.started = time.monotonic()

    def run(self) -> float:
        """Sample until the crawl ends; returns its wall time."""
        started = self.started = time.monotonic()
        while self.process.poll() is None:
            self.sample()
            time.sleep(SAMPLE_S)
        self.sample()
        return time.monotonic() - started

    def sample(self) -> None:
        requests = self.server.requests
        new, self.seen = requests[self.seen :], len(requests)
        self.articles += sum(1 for path in new if path.startswith("/a/"))
        current = {}
        for pid in family(self.process.pid):
            self.roles.setdefault(pid, role(pid, self.process.pid))
            kib = memory_kib(pid)
            cpu = cpu_seconds(pid)
            if cpu is not None:
                self.cpu[pid] = cpu
            if kib:
                self.peaks[pid] = max(self.peaks.get(pid, 0), kib["VmHWM"])
                current[pid] = kib["VmRSS"]
        if self.articles >= (len(self.samples) + 1) * self.every and current:
            self.samples.append({"pages": self.articles, **self.by_role(current)})
            # As it is taken too: a long crawl cut short still leaves its memory curve.
            print(json.dumps({"rss_mib": self.samples[-1], "s": round(time.monotonic() - self.started, 1)}),
                  file=sys.stderr, flush=True)  # fmt: skip

    def by_role(self, kib: dict[int, int]) -> dict[str, list[int]]:
        """MiB per role ("crawl", "worker"), in pid order."""
        grouped = defaultdict(list)
        for pid in sorted(kib):
            if self.roles.get(pid) in ("crawl", "worker"):
                grouped[self.roles[pid]].append(round(kib[pid] / 1024))
        return dict(grouped)


def growth(samples: list[dict], pages: int) -> dict[str, float]:
    """Per role, the largest RSS at the end over the largest at the first sample past warm-up, as a %."""
    settled = [s for s in samples if s["pages"] >= WARM_UP * pages]
    if len(settled) < 2:
        return {}
    first, last = settled[0], settled[-1]
    return {name: round(100 * (max(last[name]) / max(first[name]) - 1), 1)
            for name in ("crawl", "worker") if first.get(name) and last.get(name)}  # fmt: skip


def run_crawl(name: str, command: list[str], env: dict, server, work: Path, every: int, cwd: Path) -> dict:
    output = work / f"{name}.jsonl"
    if PROFILE_DIR in env:
        command = [*command, "--profile", str(Path(env[PROFILE_DIR]).resolve() / f"{name}.prof")]
    with open(work / f"{name}.log", "w") as log:
        process = subprocess.Popen([*command, "-O", str(output)], env=env, stderr=log, cwd=cwd)
        watch = Watch(process, server, every)
        served = time.process_time()  # this process: the loopback server's threads and the sampling
        elapsed = watch.run()
        served = time.process_time() - served
    if process.returncode not in (0, 1):  # 1: the run summary's "finished with failures", still measured
        sys.exit(f"the {name} crawl failed with status {process.returncode}; its log: {work / (name + '.log')}")
    records = [json.loads(line) for line in output.open(encoding="utf-8")] if output.exists() else []
    peaks = watch.by_role(watch.peaks)
    cpu: Counter = Counter()
    for pid, seconds in watch.cpu.items():
        cpu[watch.roles.get(pid, "gone")] += seconds
    pages = max(watch.articles, 1)
    return {"name": name, "seconds": round(elapsed, 1), "article_pages": watch.articles, "records": len(records),
            "pages_per_s": round(watch.articles / elapsed, 2), "peak_rss_mib": peaks,
            "cpu_ms_per_page": {name: round(1000 * cpu[name] / pages, 1) for name in ("crawl", "worker")},
            "server_cpu_ms_per_page": round(1000 * served / pages, 1),
            "rss_every": watch.samples, "growth_after_warm_up_pct": growth(watch.samples, watch.articles),
            "_urls": {record["url"] for record in records}}  # fmt: skip


def handwritten(start_url: str, server, work: Path, every: int) -> dict:
    command = [sys.executable, "-m", "scrapy", "runspider", str(HERE / "handwritten_spider.py"),
               "-a", f"start_url={start_url}", *(f"-s{k}={v}" for k, v in FAST.items())]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    # From the work directory: no scrapy.cfg there, so plain Scrapy, none of the project's settings.
    return run_crawl("handwritten", command, env, server, work, every, cwd=work)


def newsroom(workers: str, start_url: str, server, work: Path, every: int, extra: dict[str, str]) -> dict:
    settings = {**FAST, **extra, "NEWSROOM_EXTRACT_WORKERS": workers, "NEWSROOM_MAX_PAGES": "1000000",
                "NEWSROOM_STATE": f"sqlite:///{work / f'state-{workers}.db'}",
                "NEWSROOM_STATS_FILE": str(work / f"stats-{workers}.json")}  # fmt: skip
    command = crawl_command(start_url, work / "unused.jsonl", settings)
    command = command[: command.index("-O")] + command[command.index("-O") + 2 :]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    result = run_crawl(f"newsroom-workers-{workers}", command, env, server, work, every, cwd=HERE.parent)
    stats = json.loads((work / f"stats-{workers}.json").read_text("utf-8"))
    kept = ("newsroom/not_article", "newsroom/extract", "newsroom/duplicate")
    result["stats"] = {key: value for key, value in stats.items() if key.startswith(kept)}
    return result


def core_limit(site: Path, sample: int) -> dict:
    """Usable cores x extract_article pages/s in this process, over `sample` pages spread evenly over the site.

    Evenly, not the first ones: the corpora's pages differ in size and language
    by set, and the crawl extracts them all.
    """
    paths = sorted((site / "a").glob("*.html"), key=lambda path: int(path.stem))
    step = max(1, len(paths) // sample)
    pages = [(path, path.read_bytes()) for path in paths[::step][:sample]]
    for path, body in pages[:20]:  # warm-up: models and per-language data
        extract_article(body, f"http://127.0.0.1/a/{path.name}")
    started = time.perf_counter()
    for path, body in pages:
        extract_article(body, f"http://127.0.0.1/a/{path.name}")
    rate = len(pages) / (time.perf_counter() - started)
    cores = len(os.sched_getaffinity(0))
    return {"cores": cores, "extract_pages_per_s": round(rate, 2), "cores_limit_pages_per_s": round(cores * rate, 2)}


def no_record_reasons(run: dict, base_url: str, origins: list[str], site: Path) -> dict:
    """Why the pages without a record gave none: extracted again here, counted, a few examples each."""
    reasons: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for n, origin in enumerate(origins):
        url = f"{base_url}/a/{n}.html"
        if url in run["_urls"]:
            continue
        result = extract_article((site / "a" / f"{n}.html").read_bytes(), url)
        reason = result.reason if isinstance(result, NotAnArticle) else "record_dropped_later (duplicate or seen)"
        reasons[reason] += 1
        if len(examples[reason]) < 4:
            examples[reason].append(origin or url)
    return {"count": sum(reasons.values()), "by_reason": dict(reasons.most_common()), "examples": dict(examples)}


def report(runs: list[dict], limit: dict | None) -> dict:
    base = next((run for run in runs if run["name"] == "handwritten"), None)
    for run in runs:
        if base is not None and run is not base:
            run["x_handwritten"] = round(run["pages_per_s"] / base["pages_per_s"], 2)
        if limit is not None:
            run["share_of_cores_limit"] = round(run["pages_per_s"] / limit["cores_limit_pages_per_s"], 2)
    return {"runs": [{k: v for k, v in run.items() if not k.startswith("_")} for run in runs], "cores": limit}


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of gzipped real pages (all *.gz below it)")
    parser.add_argument("--pages", type=int, help="article URLs (default: the corpus' pages, or 2,000)")
    parser.add_argument("--runs", default="handwritten,0,1,auto", help="comma-separated: handwritten and worker counts")
    parser.add_argument("--every", type=int, default=1000, help="sample RSS every this many article pages")
    parser.add_argument("--sample", type=int, default=300, help="pages timed for the cores' limit (0: skip)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a setting for newsroom")
    parser.add_argument("--keep", type=Path, help="work in this (empty) directory and keep outputs and logs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    distinct = len(corpus_files(args.corpus))
    pages = args.pages or distinct or 2000
    with tempfile.TemporaryDirectory(prefix="crawl-throughput-") as tmp:
        work = args.keep or Path(tmp)
        site = work / "site"
        origin, origins = build_site(site, pages, args.corpus, PER_LISTING)
        server = serve(site)
        start_url = f"{server.base_url}/news/"
        runs = []
        try:
            for name in args.runs.split(","):
                print(f"crawling: {name}", file=sys.stderr, flush=True)
                if name == "handwritten":
                    runs.append(handwritten(start_url, server, work, args.every))
                else:
                    extra = dict(setting.split("=", 1) for setting in args.set)
                    runs.append(newsroom(name, start_url, server, work, args.every, extra))
        finally:
            server.shutdown()
        limit = core_limit(site, args.sample) if args.sample else None
        result = {"pages": pages, "site": origin, **report(runs, limit), "load_average_after": os.getloadavg()}
        last = next((run for run in reversed(runs) if run["name"] != "handwritten"), None)
        if last is not None:
            kept = origins[: distinct or pages]
            result["no_record_" + last["name"]] = no_record_reasons(last, server.base_url, kept, site)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Crawl speed-up from one worker to two on one Redis, Redis memory per 100,000 URLs, each worker's peak RSS.

    python benchmarks/crawl_scale.py                                  # 2,000 pages
    python benchmarks/crawl_scale.py --pages 3000 --corpus DIR        # real pages (*.html.gz / *.gz) from DIR

A loopback site of `--pages` article pages (real news pages from `--corpus`,
default ../shared/corpora/fundus-dev/pages, each served under several URLs;
generated pages when the corpus is absent) and one listing linking them all
is crawled twice by the real `scrapy crawl newsroom`, each time on a fresh
redis-server database: once by 1 worker, once by 2 workers at once, each
worker with one extraction process (NEWSROOM_EXTRACT_WORKERS=1). No per-site
delay: the site is ours, and the point is how the crawl's CPU work spreads.
Prints both wall times, the ratio, the core count and load average (the
machine may be shared: the ratio is only as good as the idle cores), each
worker's peak RSS (its own and its extraction process's, read from /proc),
and Redis' memory for 100,000 seen-store articles and 100,000 dupefilter
fingerprints, measured by filling an empty database.

It also prints the CPU seconds of each run (crawl processes, extraction
processes, redis-server) and the speed-up the cores allow: the two-worker
run cannot end before its CPU seconds / the cores, however well its
processes share the work, so the speed-up is at most the one-worker wall
time over that (with 2 cores, and crawl processes that spend a quarter of
the extraction's CPU, about 1.6x).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis
from loopsite import build_site, cpu_seconds, family_peak_kib

from newsroom_scraper.demo import crawl_command
from newsroom_scraper.distributed.demo import start_redis
from newsroom_scraper.localserver import serve
from newsroom_scraper.state.redis import RedisSeenStore
from newsroom_scraper.state.store import Claim, RunRecord

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "fundus-dev" / "pages"
CRAWL_SETTINGS = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "16",
                  "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "NEWSROOM_EXTRACT_WORKERS": "1", "LOG_LEVEL": "INFO",
                  "NEWSROOM_CRAWL_ID": "bench"}  # fmt: skip
SAMPLE_S = 0.2
MEMORY_SAMPLE = 100_000


@dataclass(slots=True)
class Run:
    seconds: float
    records: list[int]  # per crawl process
    peak_kib: list[int]  # per crawl process: its own peak RSS + its extraction process's
    cpu_seconds: dict[str, float]  # "crawl", "extraction", "redis"


def crawl(start_url: str, redis_url: str, redis_pid: int, workers: int, work: Path) -> Run:
    """`workers` crawl processes at once on one Redis frontier, watched until they end."""
    redis.Redis.from_url(redis_url).flushall()
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    settings = {**CRAWL_SETTINGS, "NEWSROOM_REDIS_URL": redis_url}
    outputs = [work / f"w{workers}-{n}.jsonl" for n in range(workers)]
    redis_cpu = cpu_seconds(redis_pid) or 0.0
    started = time.monotonic()
    logs = [open(output.with_suffix(".log"), "w") for output in outputs]
    processes = [subprocess.Popen(crawl_command(start_url, output, settings), env=env, stderr=log)
                 for output, log in zip(outputs, logs, strict=True)]  # fmt: skip
    peaks: list[dict[int, int]] = [{} for _ in processes]
    cpu: dict[int, float] = {}
    while any(process.poll() is None for process in processes):
        for process, peak in zip(processes, peaks, strict=True):
            family_peak_kib(process.pid, peak, cpu)
        time.sleep(SAMPLE_S)
    elapsed = time.monotonic() - started
    crawl_pids = {process.pid for process in processes}
    by_role = {"crawl": sum(s for pid, s in cpu.items() if pid in crawl_pids),
               "extraction": sum(s for pid, s in cpu.items() if pid not in crawl_pids),
               "redis": (cpu_seconds(redis_pid) or 0.0) - redis_cpu}  # fmt: skip
    for log in logs:
        log.close()
    if any(process.returncode for process in processes):
        sys.exit(f"a crawl failed: exit statuses {[process.returncode for process in processes]}; logs in {work}")
    counts = [sum(1 for _ in output.open(encoding="utf-8")) for output in outputs]
    return Run(elapsed, counts, [sum(peak.values()) for peak in peaks], {k: round(v, 1) for k, v in by_role.items()})


def cores_bound(one: Run, many: Run, cores: int) -> float:
    """The most `many` can gain over `one` on `cores` cores: it cannot end before its CPU time / cores."""
    return round(one.seconds / (sum(many.cpu_seconds.values()) / cores), 2)


def used_memory(client: redis.Redis) -> int:
    return int(client.info("memory")["used_memory"])


def memory_per_sample(redis_url: str) -> tuple[int, int]:
    """Bytes of Redis memory for MEMORY_SAMPLE seen-store articles, and for as many dupefilter fingerprints."""
    client = redis.Redis.from_url(redis_url)
    client.flushall()
    before = used_memory(client)
    store = RedisSeenStore(client, redis_url)
    store.begin_run(RunRecord("bench", 0.0, os.getpid(), []))
    for start in range(0, MEMORY_SAMPLE, 1000):
        ids = []
        for n in range(start, start + 1000):
            url = f"https://www.example-newsroom.org/news/2024/05/{n}-a-headline-of-usual-length.html"
            article_id = hashlib.sha256(url.encode()).hexdigest()
            store.claim("bench", Claim(article_id, hashlib.sha256(url.encode() * 2).hexdigest(), url, (url,),
                                       etag=f'"{n:020x}"', fetched_at=time.time()))  # fmt: skip
            ids.append(article_id)
        store.commit("bench", ids, time.time())
    store.end_run("bench")
    seen = used_memory(client) - before
    before = used_memory(client)
    for start in range(0, MEMORY_SAMPLE, 10_000):
        fingerprints = [hashlib.sha1(str(n).encode()).hexdigest() for n in range(start, start + 10_000)]
        client.sadd("bench:dupefilter", *fingerprints)
    return seen, used_memory(client) - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=Path, help="work in this (empty) directory and keep the outputs and logs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crawl-scale-") as tmp:
        work = args.keep or Path(tmp)
        (work / "site").mkdir()
        origin, _ = build_site(work / "site", args.pages, args.corpus)
        server = serve(work / "site")
        redis_server, redis_url = start_redis(work)
        try:
            start_url = f"{server.base_url}/news/"
            one = crawl(start_url, redis_url, redis_server.pid, 1, work)
            two = crawl(start_url, redis_url, redis_server.pid, 2, work)
            seen_bytes, dupefilter_bytes = memory_per_sample(redis_url)
        finally:
            redis_server.kill()
            server.shutdown()
    cores = len(os.sched_getaffinity(0))
    report = {
        "pages": args.pages, "site": origin, "cores": cores, "load_average_after": os.getloadavg(),
        "one_worker_s": round(one.seconds, 1), "one_worker_records": one.records,
        "two_workers_s": round(two.seconds, 1), "two_workers_records": two.records,
        "speedup": round(one.seconds / two.seconds, 2),
        "cpu_s_one_worker": one.cpu_seconds, "cpu_s_two_workers": two.cpu_seconds,
        "cores_busy_one_worker": round(sum(one.cpu_seconds.values()) / one.seconds, 2),
        "speedup_the_cores_allow": cores_bound(one, two, cores),
        "peak_rss_mib_one_worker": [round(kib / 1024) for kib in one.peak_kib],
        "peak_rss_mib_two_workers": [round(kib / 1024) for kib in two.peak_kib],
        "redis_mib_per_100k_seen_articles": round(seen_bytes / 2**20, 1),
        "redis_mib_per_100k_dupefilter_fingerprints": round(dupefilter_bytes / 2**20, 1),
    }  # fmt: skip
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

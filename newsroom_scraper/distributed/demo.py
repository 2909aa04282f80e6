"""`python -m newsroom_scraper.distributed.demo` (`make demo-cluster`): two workers of one crawl, one Redis, offline.

Starts a throwaway `redis-server` on a free loopback port, serves the demo
newsroom (fixtures/site) on 127.0.0.1, runs two `scrapy crawl newsroom -s
NEWSROOM_REDIS_URL=...` processes at once, and prints each one's share and
the union's count (the 13 articles of a one-process `make demo`, each once).
The server answers a little slowly, as a real newsroom does, so that both
workers take part in a crawl this small.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..demo import crawl_command
from ..localserver import free_port, serve

ANSWER_DELAY_S = 0.2


def start_redis(directory: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory), "--save", ""]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


def run_workers(start_url: str, redis_url: str, outputs: list[Path]) -> list[int]:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
    settings = {"NEWSROOM_REDIS_URL": redis_url, "NEWSROOM_CRAWL_ID": "demo-cluster", "LOG_LEVEL": "WARNING"}
    workers = [subprocess.Popen(crawl_command(start_url, output, settings), env=env) for output in outputs]
    return [worker.wait() for worker in workers]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("fixtures/site"), help="directory to serve")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if shutil.which("redis-server") is None:
        print("error: redis-server not found; install it (apt-get install redis-server)", file=sys.stderr)
        return 2
    server = serve(args.site)
    server.delay = ANSWER_DELAY_S
    with tempfile.TemporaryDirectory(prefix="newsroom-cluster-") as work:
        redis, redis_url = start_redis(Path(work))
        try:
            outputs = [Path(work) / f"worker-{n}.jsonl" for n in range(1, args.workers + 1)]
            print(f"Redis at {redis_url}; {args.workers} workers crawling {server.base_url}/news/", flush=True)
            statuses = run_workers(f"{server.base_url}/news/", redis_url, outputs)
            shares = [[json.loads(line)["id"] for line in output.open(encoding="utf-8")] for output in outputs]
        finally:
            redis.kill()
            server.shutdown()
    for n, (status, ids) in enumerate(zip(statuses, shares, strict=True), start=1):
        print(f"worker {n}: {len(ids)} articles (exit status {status})")
    union = [article_id for ids in shares for article_id in ids]
    print(f"union: {len(set(union))} articles, {len(union) - len(set(union))} exported twice")
    return 0 if not any(statuses) and len(union) == len(set(union)) else 1


if __name__ == "__main__":
    sys.exit(main())

"""`python -m newsroom_scraper.demo`: crawl the bundled demo newsroom, offline, into out.jsonl.

Serves fixtures/site/ on 127.0.0.1, runs the real `scrapy crawl newsroom`
against it in a child process, then says where the records are and how many
there are. Politeness delays are shortened for this one local server only,
and the crawl keeps its seen-store in a temporary directory: the demo shows
every article every time, and leaves nothing in the real `.newsroom/` state.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .localserver import serve

LOCAL_CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_START_DELAY": "0.05",
    "AUTOTHROTTLE_MAX_DELAY": "1",
}


def crawl_command(start_url: str, output: Path, extra: dict[str, str] | None = None) -> list[str]:
    """The `scrapy crawl newsroom` command line for a crawl of one local start URL."""
    command = [sys.executable, "-m", "scrapy", "crawl", "newsroom", "-a", f"start_urls={start_url}", "-O", str(output)]
    for name, value in {**LOCAL_CRAWL_SETTINGS, **(extra or {})}.items():
        command += ["-s", f"{name}={value}"]
    return command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("fixtures/site"), help="directory to serve")
    parser.add_argument("--output", type=Path, default=Path("out.jsonl"))
    args = parser.parse_args(argv)
    if not (args.site / "news" / "index.html").is_file():
        print(f"error: {args.site}/news/index.html not found; run from the repository root", file=sys.stderr)
        return 2
    server = serve(args.site)
    try:
        start_url = f"{server.base_url}/news/"
        print(f"Serving {args.site} at {server.base_url}/ ; crawling {start_url}", flush=True)
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsroom_scraper.settings"}
        with tempfile.TemporaryDirectory(prefix="newsroom-demo-") as state_dir:
            state = {"NEWSROOM_STATE": f"sqlite:///{Path(state_dir) / 'state.db'}"}
            status = subprocess.call(crawl_command(start_url, args.output, state), env=env)
    finally:
        server.shutdown()
    if status != 0 or not args.output.exists():
        print(f"error: the crawl failed (exit status {status})", file=sys.stderr)
        return status or 1
    with args.output.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    print(f"Wrote {len(records)} articles to {args.output.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extraction speed and memory beside plain trafilatura, measured in one process on the same pages.

    python benchmarks/extract_speed.py                       # gold pages (fixtures/pages)
    python benchmarks/extract_speed.py --corpus DIR [--limit N]   # ../shared/corpora/trafilatura-eval, fundus-dev

Both systems get the raw bytes of every page; the baseline is trafilatura's
bare_extraction with metadata and favor_precision (what issue #3 compares
with). A warm-up pass over all pages loads models and per-language data
first; then pages are timed interleaved (ours, baseline, ours, ...), so that
machine noise hits both alike. Prints pages per second, the ratio, and the
peak Python memory of one extraction.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from newsroom_scraper.evaluation.baseline import baseline_fields
from newsroom_scraper.extract import extract_article

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def load_pages(args) -> list[tuple[str, bytes]]:
    if args.corpus:
        meta = args.corpus / "evaldata.json"
        entries = json.loads(meta.read_text("utf-8")) if meta.exists() else {}
        if not entries:
            for path in sorted(args.corpus.glob("eval_*.json")):
                entries.update(json.loads(path.read_text("utf-8")))
        gold = args.corpus / "gold.jsonl"  # fundus-dev: one page a line, its file named in full
        if not entries and gold.exists():
            for line in gold.read_text("utf-8").splitlines():
                entry = json.loads(line)
                entries[entry["url"]] = {"file": entry["file"].removesuffix(".gz")}
        pages = []
        for url, entry in list(entries.items())[: args.limit]:
            data = (args.corpus / "pages" / f"{entry['file']}.gz").read_bytes()
            pages.append((url, gzip.decompress(data)))
        return pages
    pages = []
    for path in sorted(args.pages.glob("*.html"))[: args.limit]:
        url = json.loads(path.with_suffix(".json").read_text("utf-8"))["url"]
        pages.append((url, path.read_bytes()))
    return pages


def ours(url: str, html: bytes):
    return extract_article(html, url, fetched_at=NOW)


def baseline(url: str, html: bytes):
    return baseline_fields(html, url)


def peak_memory(function, pages) -> int:
    """Largest Python allocation peak over single extractions, in bytes."""
    peak = 0
    for url, html in pages:
        tracemalloc.start()
        function(url, html)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=Path("fixtures/pages"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = load_pages(args)
    if not pages:
        print("no pages found", file=sys.stderr)
        return 2
    for url, html in pages:  # warm-up: models, caches, per-language data
        ours(url, html)
        baseline(url, html)
    totals = {"newsroom_scraper": [], "trafilatura": []}
    for _ in range(args.rounds):
        spent = dict.fromkeys(totals, 0.0)
        for url, html in pages:
            for name, function in (("newsroom_scraper", ours), ("trafilatura", baseline)):
                start = time.perf_counter()
                function(url, html)
                spent[name] += time.perf_counter() - start
        for name in totals:
            totals[name].append(len(pages) / spent[name])
    speed = {name: statistics.median(values) for name, values in totals.items()}
    memory = {"newsroom_scraper": peak_memory(ours, pages), "trafilatura": peak_memory(baseline, pages)}
    source = args.corpus or args.pages
    print(f"{len(pages)} pages from {source}, median of {args.rounds} rounds")
    for name in totals:
        print(f"  {name:17} {speed[name]:8.1f} pages/s   peak Python memory per page {memory[name] / 2**20:6.1f} MiB")
    print(f"  speed ratio newsroom_scraper / trafilatura: {speed['newsroom_scraper'] / speed['trafilatura']:.2f}")
    print(f"  process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fuzz campaign: mutated real pages through extract_article and through plain trafilatura, side by side.

    python benchmarks/fuzz.py --count 2000                    # ../shared/corpora from the repo root
    python benchmarks/fuzz.py --count 2000 --corpus DIR --seed 7
    python benchmarks/fuzz.py --systems ours --start 40000 --count 2000 --log-dir /tmp/fuzz
    python benchmarks/fuzz.py --summarize /tmp/fuzz/*.jsonl   # the report over every chunk run

The inputs are the pages of every `*/pages/*.gz` under the corpus, damaged by
tests/mutations.py (one mutator in turn per input, and every 20th input an
HTML edge case). Input number n is drawn from a random.Random seeded with the
seed and n alone, so any input can be made on its own: a campaign of 100,000
inputs (CPU-hours) runs as chunks (`--start/--count`), in any order and on any
machine, and an input named "<mutator>#<n> <page>" replays. Each system runs
in a child process of its own over the same inputs, both at the same time:
each one's peak RSS is its own, and the machine's load hits both alike. Ours
runs under the crawl's worker memory limit (NEWSROOM_EXTRACT_MEMORY_MB, as an
address-space limit), so a page over it must come back as a counted reason.

With `--log-dir`, every input appends one JSON line to `<system>-<start>.jsonl`
(system, input number and name, wall and CPU seconds, answer, the process's
peak RSS so far, pid, budget); a chunk run again skips the inputs already in
its log, so a killed chunk resumes. `--summarize` reads any logs and prints
the report (benchmarks/fuzz_report.py): per system, exceptions escaping,
answers over the time budget without a reason, time percentiles
(p50/p90/p99/max), peak RSS per worker, answers by reason and the slowest
inputs. Time is given twice: wall-clock (what the budget counts) and the
process's CPU time, which a busy machine does not inflate. The baseline is
trafilatura's bare_extraction with metadata and favor_precision on the raw
bytes; it runs under the same time budget (a timer interrupts it) so that one
hang does not stall the campaign. On a loaded machine, `--baseline-clock cpu`
makes that timer count trafilatura's own CPU time, so that waiting for a core
does not end its inputs as timeouts (ours keeps the crawl's wall-clock budget).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import multiprocessing
import os
import random
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.fuzz_report import read_logs, report, summarize  # noqa: E402
from newsroom_scraper.settings import NEWSROOM_EXTRACT_MEMORY_MB  # noqa: E402
from tests.mutations import EDGE_CASES, MUTATORS  # noqa: E402

NOW = datetime(2026, 1, 1, tzinfo=UTC)
EDGE_EVERY = 20
PROGRESS_EVERY = 500
MAX_DETAIL_CHARS = 200


def page_paths(corpus: Path) -> list[Path]:
    paths = sorted(corpus.glob("*/pages/*.gz"))
    if not paths:
        sys.exit(f"fuzz.py: error: no */pages/*.gz under {corpus}; give --corpus DIR")
    return paths


def input_at(paths: list[Path], n: int, seed: int) -> tuple[str, bytes]:
    """Fuzzed input number `n`: (name, bytes), made from the seed and `n` alone.

    Pages are read as they are drawn: the corpus in memory would be most of the peak RSS measured.
    """
    rng = random.Random(f"fuzz {seed} {n}")
    path = rng.choice(paths)
    page_name, page = path.name, gzip.decompress(path.read_bytes())
    if n % EDGE_EVERY == EDGE_EVERY - 1:
        name = sorted(EDGE_CASES)[(n // EDGE_EVERY) % len(EDGE_CASES)]
        return f"{name}#{n} {page_name}", EDGE_CASES[name](page)
    name = sorted(MUTATORS)[n % len(MUTATORS)]
    return f"{name}#{n} {page_name}", MUTATORS[name](page, rng)


def run_ours(body: bytes, timeout: float) -> tuple[str, str]:
    from newsroom_scraper.extract import NotAnArticle, extract_article

    result = extract_article(body, "https://news.example.org/2024/03/05/story.html", fetched_at=NOW, timeout=timeout)
    return (result.reason, result.detail) if isinstance(result, NotAnArticle) else ("article", "")


def run_trafilatura(body: bytes, timeout: float, clock: str = "wall") -> tuple[str, str]:
    import trafilatura

    from newsroom_scraper.evaluation.baseline import BASELINE_OPTIONS
    from newsroom_scraper.extract.budget import OverBudget
    from newsroom_scraper.extract.guard import interrupt_after

    try:
        with interrupt_after(timeout, clock):
            document = trafilatura.bare_extraction(body, url="https://news.example.org/x", **BASELINE_OPTIONS)
    except OverBudget:
        return "extraction_timeout", ""
    return ("article" if document is not None and document.text else "nothing"), ""


def measure(system: str, extract, name: str, n: int, body: bytes, timeout: float, clock: str) -> dict:
    """One input through one system: the record the log and the report keep."""
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        outcome, detail = extract(body, timeout)
    except Exception as error:  # noqa: BLE001 - what the campaign counts
        outcome, detail = f"raised {type(error).__name__}", str(error)
    return {
        "system": system,
        "n": n,
        "input": name,
        "wall": time.perf_counter() - started,
        "cpu": time.process_time() - cpu_started,
        "outcome": outcome,
        "detail": detail[:MAX_DETAIL_CHARS] if outcome not in ("article", "nothing") else "",
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "pid": os.getpid(),
        "budget": timeout,
        "clock": clock,
    }


def campaign(system: str, options: dict) -> list[dict]:
    """One system over inputs start..start+count, in this (child) process; appended to the log if there is one."""
    if system == "ours" and options["memory_mb"]:
        limit = options["memory_mb"] * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    clock = options["baseline_clock"] if system == "trafilatura" else "wall"
    extract = run_ours if system == "ours" else functools.partial(run_trafilatura, clock=clock)
    extract(b"<html><title>warm</title><p>up</p></html>", options["timeout"])
    paths, start, log = page_paths(options["corpus"]), options["start"], options["log"]
    done = read_logs([log]).get(system, {}) if log and log.exists() else {}
    records = list(done.values())
    for n in range(start, start + options["count"]):
        if n in done:
            continue
        name, body = input_at(paths, n, options["seed"])
        record = measure(system, extract, name, n, body, options["timeout"], clock)
        del body
        records.append(record)
        if log:
            with log.open("a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")
        if len(records) % PROGRESS_EVERY == 0:
            print(f"  {system}: {len(records)} inputs, up to #{n}", file=sys.stderr, flush=True)
    return records


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="fuzzed inputs (default 1000)")
    parser.add_argument("--start", type=int, default=0, help="number of the first input (default 0)")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="per-input budget in seconds (default 20)")
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=NEWSROOM_EXTRACT_MEMORY_MB,
        help=f"address-space limit of our process, as a crawl worker's (default {NEWSROOM_EXTRACT_MEMORY_MB}; 0: none)",
    )
    parser.add_argument(
        "--baseline-clock",
        choices=("wall", "cpu"),
        default="wall",
        help="what trafilatura's budget counts (default wall; cpu: on a loaded machine, its own CPU time)",
    )
    parser.add_argument("--systems", default="ours,trafilatura", help="comma-separated: ours, trafilatura")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain trafilatura (same as --systems ours)")
    parser.add_argument("--log-dir", type=Path, help="append one JSON line per input to DIR/<system>-<start>.jsonl")
    parser.add_argument("--summarize", type=Path, nargs="+", metavar="LOG", help="print the report over these logs")
    args = parser.parse_args(argv)
    args.systems = ["ours"] if args.no_baseline else args.systems.split(",")
    unknown = set(args.systems) - {"ours", "trafilatura"}
    if unknown:
        parser.error(f"unknown system {', '.join(sorted(unknown))}: give ours, trafilatura or both")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.summarize:
        summarize(args.summarize)
        return
    print(f"fuzz: inputs {args.start}..{args.start + args.count - 1} from {args.corpus}, seed {args.seed}, ", end="")
    print(f"budget {args.timeout:g} s, our memory limit {args.memory_mb or 'none'} MiB")
    if args.log_dir:
        args.log_dir.mkdir(parents=True, exist_ok=True)
    names = ("corpus", "start", "count", "seed", "timeout", "memory_mb", "baseline_clock")
    options = {name: getattr(args, name) for name in names}
    context = multiprocessing.get_context("spawn")
    pools = [context.Pool(1) for _ in args.systems]
    jobs = []
    for pool, system in zip(pools, args.systems, strict=True):
        log = args.log_dir / f"{system}-{args.start:07d}.jsonl" if args.log_dir else None
        jobs.append(pool.apply_async(campaign, (system, {**options, "log": log})))
    for system, job, pool in zip(args.systems, jobs, pools, strict=True):
        report(system, job.get())
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()

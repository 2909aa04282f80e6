"""Fuzz campaign: mutated real pages through extract_article and through plain trafilatura, side by side.

    python benchmarks/fuzz.py --count 100000                  # ../shared/corpora from the repo root
    python benchmarks/fuzz.py --count 2000 --corpus DIR --seed 7

The inputs are the pages of every `*/pages/*.gz` under the corpus, damaged by
tests/mutations.py (one mutator in turn per input, and every 20th input an
HTML edge case), seeded: the same seed gives the same inputs, and an input is
named "<mutator>#<n> <page>" so it replays. Each system runs in a child
process of its own over the same inputs, both at the same time: each one's
peak RSS is its own, and the machine's load hits both alike.
Prints, per system: exceptions escaping, answers over the time budget
without a reason, time percentiles (p50/p90/p99/max), the slowest inputs and
peak RSS. Time is given twice: wall-clock (what the budget counts) and the
process's CPU time, which a busy machine does not inflate. The baseline is
trafilatura's bare_extraction with metadata and favor_precision on the raw
bytes; it runs under the same time budget (a timer interrupts it) so that one
hang does not stall the campaign.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import random
import resource
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.mutations import EDGE_CASES, MUTATORS  # noqa: E402

NOW = datetime(2026, 1, 1, tzinfo=UTC)
EDGE_EVERY = 20
SLOWEST = 10
PROGRESS_EVERY = 500


def page_paths(corpus: Path) -> list[Path]:
    paths = sorted(corpus.glob("*/pages/*.gz"))
    if not paths:
        sys.exit(f"fuzz.py: error: no */pages/*.gz under {corpus}; give --corpus DIR")
    return paths


def inputs(paths: list[Path], count: int, seed: int):
    """(name, bytes) of each fuzzed input, the same for every process given the same seed.

    Pages are read as they are drawn: the corpus in memory would be most of the peak RSS measured.
    """
    rng = random.Random(seed)
    mutators, edges = sorted(MUTATORS), sorted(EDGE_CASES)
    for n in range(count):
        path = rng.choice(paths)
        page_name, page = path.name, gzip.decompress(path.read_bytes())
        if n % EDGE_EVERY == EDGE_EVERY - 1:
            name = edges[(n // EDGE_EVERY) % len(edges)]
            yield f"{name}#{n} {page_name}", EDGE_CASES[name](page)
        else:
            name = mutators[n % len(mutators)]
            yield f"{name}#{n} {page_name}", MUTATORS[name](page, rng)


def run_ours(body: bytes, timeout: float) -> str:
    from newsroom_scraper.extract import NotAnArticle, extract_article

    result = extract_article(body, "https://news.example.org/2024/03/05/story.html", fetched_at=NOW, timeout=timeout)
    return result.reason if isinstance(result, NotAnArticle) else "article"


def run_trafilatura(body: bytes, timeout: float) -> str:
    import trafilatura

    from newsroom_scraper.evaluation.baseline import BASELINE_OPTIONS
    from newsroom_scraper.extract.budget import OverBudget
    from newsroom_scraper.extract.guard import interrupt_after

    try:
        with interrupt_after(timeout):
            document = trafilatura.bare_extraction(body, url="https://news.example.org/x", **BASELINE_OPTIONS)
    except OverBudget:
        return "extraction_timeout"
    return "article" if document is not None and document.text else "nothing"


def campaign(system: str, corpus: Path, count: int, seed: int, timeout: float) -> dict:
    """One system over all inputs, in this (child) process."""
    extract = run_ours if system == "ours" else run_trafilatura
    extract(b"<html><title>warm</title><p>up</p></html>", timeout)
    paths = page_paths(corpus)
    times, cpu_times, outcomes, slow = [], [], Counter(), []
    unexplained = 0
    for name, body in inputs(paths, count, seed):
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            outcome = extract(body, timeout)
        except Exception as error:  # noqa: BLE001 - what the campaign counts
            outcome = f"raised {type(error).__name__}"
        seconds = time.perf_counter() - started
        cpu_times.append(time.process_time() - cpu_started)
        times.append(seconds)
        outcomes[outcome] += 1
        unexplained += seconds > timeout and outcome != "extraction_timeout"
        slow = sorted([*slow, (seconds, name, outcome)], reverse=True)[:SLOWEST]
        if len(times) % PROGRESS_EVERY == 0:
            print(f"  {system}: {len(times)} inputs, {sum(times):.0f} s", file=sys.stderr, flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "times": times,
        "cpu_times": cpu_times,
        "outcomes": outcomes,
        "slow": slow,
        "peak_mb": peak,
        "unexplained": unexplained,
    }


def percentiles(seconds: list[float]) -> str:
    times = sorted(seconds)
    cut = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
    return f"p50 {cut[49]:.3f}  p90 {cut[89]:.3f}  p99 {cut[98]:.3f}  max {times[-1]:.3f}"


def report(system: str, result: dict) -> None:
    times = result["times"]
    raised = {k: v for k, v in result["outcomes"].items() if k.startswith("raised")}
    print(f"\n== {system}: {len(times)} inputs")
    print(f"exceptions escaping: {sum(raised.values())} {dict(raised) if raised else ''}")
    print(f"over the time budget without a reason: {result['unexplained']}")
    print(f"time per input (s, wall): {percentiles(times)}")
    print(f"time per input (s, CPU):  {percentiles(result['cpu_times'])}")
    print(f"peak RSS: {result['peak_mb']:.0f} MiB")
    print("answers:", ", ".join(f"{k} {v}" for k, v in result["outcomes"].most_common()))
    print("slowest:")
    for seconds, name, outcome in result["slow"]:
        print(f"  {seconds:7.2f} s  {name}  -> {outcome}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="fuzzed inputs (default 1000)")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="per-input budget in seconds (default 20)")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain trafilatura")
    args = parser.parse_args(argv)
    systems = ["ours"] if args.no_baseline else ["ours", "trafilatura"]
    print(f"fuzz: {args.count} inputs from {args.corpus}, seed {args.seed}, budget {args.timeout:g} s")
    context = multiprocessing.get_context("spawn")
    pools = [context.Pool(1) for _ in systems]
    jobs = [
        pool.apply_async(campaign, (system, args.corpus, args.count, args.seed, args.timeout))
        for pool, system in zip(pools, systems, strict=True)
    ]
    for system, job, pool in zip(systems, jobs, pools, strict=True):
        report(system, job.get())
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()

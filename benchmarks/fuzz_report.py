"""The report of a fuzz campaign, from its per-input records: what benchmarks/fuzz.py prints.

A campaign of 100,000 inputs takes CPU-hours, so it runs in chunks (each a
process of its own, `--start/--count`) that append one JSON line per input
to a log. This module reads any number of such logs, keeps one record per
(system, input number) and prints the figures per system: exceptions
escaping, answers over the time budget without a reason, wall and CPU time
percentiles, peak RSS per worker process, answers by reason and the slowest
inputs. When both systems ran, ours is also given on exactly the inputs
trafilatura ran, so the two are compared on the same pages.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SLOWEST = 10
TIMEOUT_REASON = "extraction_timeout"


def read_logs(paths: Iterable[Path]) -> dict[str, dict[int, dict]]:
    """{system: {input number: record}}; a line cut off by a killed chunk is skipped, a rerun input counted once."""
    systems: dict[str, dict[int, dict]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                systems.setdefault(record["system"], {})[record["n"]] = record
    return systems


def percentiles(seconds: list[float]) -> str:
    times = sorted(seconds)
    cut = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
    return f"p50 {cut[49]:.3f}  p90 {cut[89]:.3f}  p99 {cut[98]:.3f}  max {times[-1]:.3f}"


def over_budget_without_reason(record: dict) -> bool:
    """Past the budget by the clock it counted (wall, or CPU for a baseline timed so) with no reason given."""
    seconds = record["cpu"] if record.get("clock") == "cpu" else record["wall"]
    return seconds > record["budget"] and record["outcome"] != TIMEOUT_REASON


def peak_rss(records: list[dict]) -> str:
    """The highest peak RSS of any worker process, and the spread over processes."""
    per_worker: dict[int, float] = {}
    for record in records:
        per_worker[record["pid"]] = max(per_worker.get(record["pid"], 0.0), record["peak_mb"])
    peaks = sorted(per_worker.values())
    return f"max {peaks[-1]:.0f} MiB, median {statistics.median(peaks):.0f} MiB over {len(peaks)} worker processes"


def report(system: str, records: list[dict]) -> None:
    if not records:
        print(f"\n== {system}: no inputs")
        return
    outcomes = Counter(record["outcome"] for record in records)
    raised = {k: v for k, v in outcomes.items() if k.startswith("raised")}
    numbers = sorted(record["n"] for record in records)
    print(f"\n== {system}: {len(records)} inputs (numbers {numbers[0]}..{numbers[-1]})")
    print(f"exceptions escaping: {sum(raised.values())} {dict(raised) if raised else ''}")
    print(f"over the time budget without a reason: {sum(map(over_budget_without_reason, records))}")
    print(f"time per input (s, wall): {percentiles([r['wall'] for r in records])}")
    print(f"time per input (s, CPU):  {percentiles([r['cpu'] for r in records])}")
    print(f"peak RSS per worker: {peak_rss(records)}")
    over_memory = sum(r["outcome"] == "too_complex" and "MemoryError" in r.get("detail", "") for r in records)
    print(f"over the memory limit, counted as too_complex: {over_memory}")
    print("answers:", ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print("slowest (wall):")
    for record in sorted(records, key=lambda r: r["wall"], reverse=True)[:SLOWEST]:
        detail = f" ({record['detail']})" if record.get("detail") else ""
        seconds = f"{record['wall']:7.2f} s  cpu {record['cpu']:6.2f} s"
        print(f"  {seconds}  {record['input']}  -> {record['outcome']}{detail}")


def summarize(paths: Iterable[Path]) -> None:
    systems = read_logs(paths)
    for system in sorted(systems):
        report(system, list(systems[system].values()))
    if "ours" in systems and "trafilatura" in systems:
        shared = systems["ours"].keys() & systems["trafilatura"].keys()
        if shared and len(shared) < len(systems["ours"]):
            report("ours, on the inputs trafilatura ran", [systems["ours"][n] for n in sorted(shared)])

"""Where extraction's time goes: ms per page of each stage, from cProfile over real pages.

    python benchmarks/extract_profile.py --corpus ../shared/corpora/trafilatura-eval
    python benchmarks/extract_profile.py --corpus ../shared/corpora/fundus-dev [--limit N] [--top 15]

Every page is extracted once to warm up (models, per-language data), then
once under cProfile. A stage is a function that a phase of extract_fields
(parse_page, read_header, read_body, resolve_fields) calls directly: its
time is counted only for calls from that phase, so nested stages are not
counted twice. Prints ms/page per phase and per stage, dearest first, and
the functions with the most time of their own. cProfile slows Python code
more than C code: the shares guide the plan, extract_speed.py gives speeds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

from extract_speed import load_pages, ours

PHASES = ("extract_fields", "parse_page", "read_header", "read_body", "resolve_fields")


def callees(stats: dict, caller: str) -> dict[str, float]:
    """Seconds spent in each function when called from the function named `caller` (any module)."""
    spent: dict[str, float] = {}
    for (file, line, name), (_, _, _, _, callers) in stats.items():
        for (caller_file, _, caller_name), (_, _, _, cumulative) in callers.items():
            if caller_name == caller and "newsroom_scraper" in caller_file:
                label = f"{name} ({Path(file).stem}:{line})"
                spent[label] = spent.get(label, 0.0) + cumulative
    return spent


def own_time(stats: dict, top: int) -> list[tuple[str, float]]:
    rows = [(f"{name} ({Path(file).stem}:{line})", own) for (file, line, name), (_, _, own, _, _) in stats.items()]
    return sorted(rows, key=lambda row: -row[1])[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--pages", type=Path, default=Path("fixtures/pages"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--phases", default=",".join(PHASES), help="comma-separated functions whose callees to list")
    args = parser.parse_args(argv)
    pages = load_pages(args)
    for url, html in pages:
        ours(url, html)
    profile = cProfile.Profile()
    profile.enable()
    for url, html in pages:
        ours(url, html)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    per_page = 1000 / len(pages)
    total = sum(own for _, _, own, _, _ in stats.values())
    print(f"{len(pages)} pages from {args.corpus}: {total * per_page:.1f} ms/page under cProfile")
    for phase in args.phases.split(","):
        rows = sorted(callees(stats, phase).items(), key=lambda row: -row[1])[: args.top]
        print(f"\n{phase}: its stages, ms/page")
        for label, seconds in rows:
            print(f"  {seconds * per_page:8.2f}  {label}")
    print("\nmost time of their own, ms/page")
    for label, seconds in own_time(stats, args.top):
        print(f"  {seconds * per_page:8.2f}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

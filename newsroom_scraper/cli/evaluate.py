"""`newsroom-eval`: score the extraction on the gold pages (and optionally the public sets) beside trafilatura.

newsroom-eval                          gold pages in fixtures/pages, table + per-page differences
newsroom-eval --json                   the same as JSON
newsroom-eval --trafilatura-set DIR    also trafilatura's evaluation set (evaldata.json + pages/)
newsroom-eval --htmldate-set DIR       also htmldate's evaluation set (eval_*.json + pages/)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..evaluation.corpora import evaluate_htmldate_set, evaluate_trafilatura_set
from ..evaluation.gold import evaluate_gold


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="newsroom-eval", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=Path("fixtures/pages"), help="gold pages directory")
    parser.add_argument("--trafilatura-set", type=Path, help="trafilatura's evaluation set directory")
    parser.add_argument("--htmldate-set", type=Path, help="htmldate's evaluation set directory")
    parser.add_argument("--limit", type=int, help="score only the first N pages of each public set")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    return parser.parse_args(argv)


def table(rows: dict[str, dict]) -> str:
    """Metrics down, systems across."""
    names = list(rows)
    metrics = list(next(iter(rows.values())))
    width = max(len(m) for m in metrics) + 2
    lines = ["".ljust(width) + "".join(name.rjust(18) for name in names)]
    for metric in metrics:
        lines.append(metric.ljust(width) + "".join(str(rows[name][metric]).rjust(18) for name in names))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report: dict = {}
    ours, baseline = evaluate_gold(args.pages)
    report["gold"] = {"newsroom_scraper": ours.summary(), "trafilatura": baseline.summary()}
    report["gold_differences"] = ours.differences
    if args.trafilatura_set:
        result = evaluate_trafilatura_set(args.trafilatura_set, args.limit)
        report["trafilatura_set"] = {
            "newsroom_scraper": result.ours.summary(),
            "trafilatura": result.baseline.summary(),
        }
    if args.htmldate_set:
        report["htmldate_set"] = evaluate_htmldate_set(args.htmldate_set, args.limit)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"Gold pages ({ours.pages}, {args.pages})")
    print(table(report["gold"]))
    if ours.differences:
        print("\nWhat differs (ours):")
        for name, problems in ours.differences.items():
            print(f"  {name}: " + "; ".join(problems))
    if "trafilatura_set" in report:
        print(f"\ntrafilatura's evaluation set ({args.trafilatura_set})")
        print(table(report["trafilatura_set"]))
    if "htmldate_set" in report:
        print(f"\nhtmldate's evaluation set, date accuracy ({args.htmldate_set})")
        print(json.dumps(report["htmldate_set"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`newsroom-eval`: score the extraction on the gold pages and on evaluation sets, beside trafilatura.

newsroom-eval                          gold pages in fixtures/pages, table + per-page differences;
                                       the real captured pages in fixtures/pages/real apart
newsroom-eval --json                   the same as JSON
newsroom-eval --fields-set DIR         a set with field answers (gold.jsonl + pages/, e.g. fundus-dev)
newsroom-eval --trafilatura-set DIR    trafilatura's evaluation set (evaldata.json + pages/)
newsroom-eval --htmldate-set DIR       htmldate's evaluation set (eval_*.json + pages/)

The gold pages are scored when no set is named, or when --pages is given.
A directory with no page to score is refused (exit status 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..evaluation.corpora import UnusableSet, evaluate_htmldate_set, evaluate_trafilatura_set
from ..evaluation.fields_set import evaluate_fields_set, page_differences, page_rows
from ..evaluation.gold import REAL_PAGES, evaluate_gold

DEFAULT_PAGES = Path("fixtures/pages")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="newsroom-eval", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help=f"gold pages directory (default {DEFAULT_PAGES})")
    parser.add_argument("--fields-set", type=Path, help="a set with field answers: gold.jsonl + pages/")
    parser.add_argument("--trafilatura-set", type=Path, help="trafilatura's evaluation set directory")
    parser.add_argument("--htmldate-set", type=Path, help="htmldate's evaluation set directory")
    parser.add_argument("--limit", type=int, help="score only the first N pages of each set")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    if args.pages is None and not (args.fields_set or args.trafilatura_set or args.htmldate_set):
        args.pages = DEFAULT_PAGES
    return args


def table(rows: dict[str, dict]) -> str:
    """Metrics down, systems across."""
    names = list(rows)
    metrics = list(next(iter(rows.values())))
    width = max(len(m) for m in metrics) + 2
    lines = ["".ljust(width) + "".join(name.rjust(18) for name in names)]
    for metric in metrics:
        lines.append(metric.ljust(width) + "".join(str(rows[name][metric]).rjust(18) for name in names))
    return "\n".join(lines)


def measure_gold(directory: Path, key: str, report: dict) -> None:
    """Gold pages of one directory into `report[key]`, with what differs and each page's body F1."""
    ours, baseline = evaluate_gold(directory)
    report[key] = {"newsroom_scraper": ours.summary(), "trafilatura": baseline.summary()}
    report[f"{key}_differences"] = ours.differences
    report[f"{key}_body_f1"] = {
        name: {"newsroom_scraper": round(f1, 4), "trafilatura": round(baseline.page_f1[name], 4)}
        for name, f1 in ours.page_f1.items()
    }


def measure(args) -> dict:
    """Every requested evaluation, as one report; UnusableSet when a set has nothing to score."""
    report: dict = {}
    if args.pages:
        measure_gold(args.pages, "gold", report)
        if (args.pages / REAL_PAGES).is_dir():
            measure_gold(args.pages / REAL_PAGES, "gold_real", report)
    if args.fields_set:
        ours, baseline = evaluate_fields_set(args.fields_set, args.limit)
        report["fields_set"] = {"newsroom_scraper": ours.summary(), "trafilatura": baseline.summary()}
        report["fields_set_differences"] = page_differences(ours, baseline)
        report["fields_set_pages"] = page_rows(ours, baseline)
    if args.trafilatura_set:
        result = evaluate_trafilatura_set(args.trafilatura_set, args.limit)
        report["trafilatura_set"] = {
            "newsroom_scraper": result.ours.summary(),
            "trafilatura": result.baseline.summary(),
        }
    if args.htmldate_set:
        report["htmldate_set"] = evaluate_htmldate_set(args.htmldate_set, args.limit)
    return report


def print_fields_differences(differences: dict[str, dict[str, list]]) -> None:
    print("\nPages that differ from trafilatura (lost: trafilatura right, ours wrong; gained: the reverse):")
    for name, sides in differences.items():
        for side, pages in sides.items():
            if name == "body":
                pages = [f"{file} ({ours:.2f} vs {theirs:.2f})" for file, ours, theirs in pages]
            print(f"  {name} {side} ({len(pages)}): " + " ".join(pages))


def print_gold(report: dict, key: str, heading: str, directory: Path) -> None:
    print(f"{heading} ({report[key]['newsroom_scraper']['pages']}, {directory})")
    print(table(report[key]))
    if key == "gold_real":
        print("\nBody F1 per page (ours / trafilatura):")
        for name, scores in report[f"{key}_body_f1"].items():
            print(f"  {name}: {scores['newsroom_scraper']:.3f} / {scores['trafilatura']:.3f}")
    if report[f"{key}_differences"]:
        print("\nWhat differs (ours):")
        for name, problems in report[f"{key}_differences"].items():
            print(f"  {name}: " + "; ".join(problems))


def print_report(report: dict, args) -> None:
    if "gold" in report:
        print_gold(report, "gold", "Gold pages", args.pages)
    if "gold_real" in report:
        print_gold(report, "gold_real", "\nReal captured pages", args.pages / REAL_PAGES)
    if "fields_set" in report:
        print(f"\nField answers ({report['fields_set']['newsroom_scraper']['pages']} pages, {args.fields_set})")
        print(table(report["fields_set"]))
        print_fields_differences(report["fields_set_differences"])
    if "trafilatura_set" in report:
        print(f"\ntrafilatura's evaluation set ({args.trafilatura_set})")
        print(table(report["trafilatura_set"]))
    if "htmldate_set" in report:
        print(f"\nhtmldate's evaluation set, date accuracy ({args.htmldate_set})")
        print(json.dumps(report["htmldate_set"]))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = measure(args)
    except UnusableSet as error:
        print(f"newsroom-eval: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_report(report, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure the real gold pages (fixtures/pages/real) and write their floors to tests/real_page_floors.json.

    python benchmarks/real_page_floors.py            # print each page's result
    python benchmarks/real_page_floors.py --write    # and pin them as the floors

tests/test_extract_gold_real.py fails when a page falls below its floors: a
field that was right turns wrong, the body token F1 drops, or a boilerplate
string leaks that is not listed as known. Rewriting the file is a deliberate
step, reviewed with the change that needs it (a gain locks in; a loss must be
explained). Body F1 floors are rounded down to three decimals.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from newsroom_scraper.evaluation.gold import REAL_PAGES, load_gold_pages, our_record, page_result

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "tests" / "real_page_floors.json"


def measure() -> dict:
    floors = {}
    for page in load_gold_pages(REPO / "fixtures" / "pages" / REAL_PAGES):
        result = page_result(page, our_record(page))
        floors[page.name] = {
            "body_f1": math.floor(result.body_f1 * 1000) / 1000,
            "fields": result.right,
            "failing": result.wrong,
            "known_leaks": result.leaks,
        }
        print(f"{page.name:28s} body F1 {result.body_f1:.3f}  wrong: {', '.join(result.wrong) or '-'}"
              f"  leaks: {len(result.leaks)}")  # fmt: skip
    return floors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write the floors to {FLOORS.relative_to(REPO)}")
    floors = measure()
    if parser.parse_args().write:
        FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {FLOORS}")


if __name__ == "__main__":
    main()

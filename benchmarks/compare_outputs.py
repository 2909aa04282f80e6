"""Same output before and after a change: dump every field and record over all pages, then compare two dumps.

    python benchmarks/compare_outputs.py dump before.json            # on the old code (a worktree of main)
    python benchmarks/compare_outputs.py dump after.json             # on the new code
    python benchmarks/compare_outputs.py diff before.json after.json # exit 1 when a page differs

A refactor or a speed change must leave the records alone, to the character,
on pages nobody here wrote: this walks trafilatura-eval, htmldate-eval and
fundus-dev (--corpora, default ../shared/corpora) and the gold pages, and
keeps for each page what `extract_fields` found (every field, with the
whole-page date search) and what `extract_article` made of the raw bytes
(the record, or the reason there is none). The fetch time is fixed, so two
runs of the same code give the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime
from pathlib import Path

from newsroom_scraper.evaluation.corpora import UnusableSet, listed_pages, read_page
from newsroom_scraper.evaluation.fields_set import load_fields_set
from newsroom_scraper.evaluation.gold import load_gold_pages
from newsroom_scraper.extract import extract_article
from newsroom_scraper.extract.article import extract_fields
from newsroom_scraper.extract.decode import UndecodableError, decode_html

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 1, 1, tzinfo=UTC)
# Differences printed in full before the count; the rest are only counted.
SHOWN_DIFFERENCES = 15


def corpus_pages(corpora: Path) -> Iterator[tuple[str, str, bytes]]:
    """(key, url, raw bytes) of every page of the three public sets found under `corpora`."""
    for name, listings in (("trafilatura-eval", ["evaldata.json"]), ("htmldate-eval", ["eval_*.json"])):
        directory = corpora / name
        paths = sorted(path for pattern in listings for path in directory.glob(pattern))
        try:
            entries = listed_pages(directory, paths, None)
        except UnusableSet as error:
            print(f"skipping {name}: {error}", file=sys.stderr)
            continue
        for url, entry in entries.items():
            yield f"{name}/{entry['file']}", url, read_page(directory, entry["file"])
    try:
        for page in load_fields_set(corpora / "fundus-dev"):
            yield f"fundus-dev/{page.file}", page.url, page.html
    except UnusableSet as error:
        print(f"skipping fundus-dev: {error}", file=sys.stderr)


def all_pages(corpora: Path) -> Iterator[tuple[str, str, bytes]]:
    yield from corpus_pages(corpora)
    for page in load_gold_pages(REPO / "fixtures" / "pages"):
        yield f"gold/{page.name}", page.url, page.html


def page_output(url: str, html: bytes) -> dict:
    """The fields found on the page and the record (or reason) made of it."""
    try:
        found = extract_fields(decode_html(html).text, url, now=NOW)
        fields = None if found is None else {f.name: _plain(getattr(found, f.name)) for f in dataclass_fields(found)}
    except UndecodableError as error:
        fields = f"undecodable: {error}"
    except RecursionError:
        fields = "recursion"
    result = extract_article(html, url, fetched_at=NOW)
    return {"fields": fields, "article": result.as_record() if hasattr(result, "as_record") else str(result)}


def _plain(value):
    """A JSON-comparable form: floats rounded (link shares), enums and tuples as their values."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value if value is None or isinstance(value, bool | int | str | dict) else str(value)


def dump(output: Path, corpora: Path) -> None:
    started, results = time.monotonic(), {}
    for key, url, html in all_pages(corpora):
        results[key] = page_output(url, html)
    output.write_text(json.dumps(results, ensure_ascii=False, sort_keys=True, indent=0), "utf-8")
    print(f"{len(results)} pages in {time.monotonic() - started:.0f} s -> {output}")


def diff(before: Path, after: Path) -> int:
    """Print what differs, page by page and field by field; return how many pages differ."""
    old, new = json.loads(before.read_text("utf-8")), json.loads(after.read_text("utf-8"))
    differing = [key for key in sorted(old.keys() | new.keys()) if old.get(key) != new.get(key)]
    for key in differing[:SHOWN_DIFFERENCES]:
        for part in ("fields", "article"):
            was, now = (old.get(key) or {}).get(part), (new.get(key) or {}).get(part)
            if was == now:
                continue
            if isinstance(was, dict) and isinstance(now, dict):
                for name in sorted(was.keys() | now.keys()):
                    if was.get(name) != now.get(name):
                        print(f"{key} {part}.{name}: {str(was.get(name))[:160]!r} -> {str(now.get(name))[:160]!r}")
            else:
                print(f"{key} {part}: {str(was)[:160]!r} -> {str(now)[:160]!r}")
    print(f"{len(old.keys() | new.keys())} pages compared, {len(differing)} differ")
    return len(differing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write every page's fields and record to a JSON file")
    dumping.add_argument("output", type=Path)
    dumping.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    comparing = commands.add_parser("diff", help="compare two dumps; exit status 1 when a page differs")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    arguments = parser.parse_args()
    if arguments.command == "dump":
        dump(arguments.output, arguments.corpora)
    else:
        sys.exit(1 if diff(arguments.before, arguments.after) else 0)


if __name__ == "__main__":
    main()

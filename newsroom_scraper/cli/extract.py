"""`newsroom-extract [--url URL] PATH...`: the crawl's extraction on saved HTML files and WARC archives.

One JSON record per HTML file, and per HTML response of a `.warc` or
`.warc.gz` file (with the record's URL and date), on stdout in order, all in
one process. A page that is not an article gets a line with its reason on
stderr; the others are still processed and the exit status is 1 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from ..extract import NotAnArticle, extract_article
from ..warc import is_warc, iter_warc_pages


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsroom-extract", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="URL to record for the page(s) (default: each file's file:// URI)")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="saved HTML file(s), .warc or .warc.gz")
    return parser.parse_args(argv)


def extract_file(path: Path, url: str | None) -> dict | NotAnArticle:
    try:
        body = path.read_bytes()
    except OSError as error:
        return NotAnArticle("unreadable", error.strerror or str(error))
    fetched_at = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    result = extract_article(body, url or path.resolve().as_uri(), fetched_at=fetched_at)
    return result if isinstance(result, NotAnArticle) else result.as_record()


def extract_warc(path: Path):
    """(where, record or reason) for each HTML response in a WARC file."""
    try:
        for page in iter_warc_pages(path):
            result = extract_article(
                page.body,
                page.url,
                content_type=page.content_type,
                content_language=page.content_language,
                fetched_at=page.fetched_at,
            )
            yield f"{path} {page.url}", result if isinstance(result, NotAnArticle) else result.as_record()
    except (OSError, ValueError) as error:  # warcio raises ValueError-like errors on a damaged archive
        yield str(path), NotAnArticle("unreadable", str(error))


def results(paths: list[Path], url: str | None):
    for path in paths:
        if is_warc(path):
            yield from extract_warc(path)
        else:
            yield str(path), extract_file(path, url)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    status = 0
    out = sys.stdout
    for where, result in results(args.paths, args.url):
        if isinstance(result, NotAnArticle):
            print(f"{where}: not an article ({result})", file=sys.stderr)
            status = 1
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())

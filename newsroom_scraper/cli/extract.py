"""`newsroom-extract [--url URL] [--explain] PATH...`: the crawl's extraction on saved HTML files and WARC archives.

One JSON record per HTML file, and per HTML response of a `.warc` or
`.warc.gz` file (with the record's URL and date), on stdout in order, all in
one process. A page that is not an article gets a line with its reason on
stderr; the others are still processed and the exit status is 1 at the end.
`--explain` prints instead, per page, each field's value and where it came
from (JSON-LD, meta tags, the headline, a dateline, the URL ...), then
whether the page is an article: a wrong field is traced to its evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..extract import Fields, NotAnArticle, extract_article, read_fields
from ..extract.article import decide
from ..extract.resolve import FIELDS
from ..urls import url_error
from ..warc import is_warc, iter_warc_pages

# Values are shown on one line each, cut to this many characters.
EXPLAIN_WIDTH = 100


def page_url(value: str) -> str:
    """--url as given, when it can be a page's address: a mistyped one is said in one line, before any page is
    read, rather than becoming every page's extraction error."""
    error = url_error(value.strip())
    if error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a URL ({error}); give one like https://example.org/news/1")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s) URL; give one like https://example.org/news/1")
    return value.strip()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsroom-extract", description=__doc__.splitlines()[0])
    parser.add_argument("--url", type=page_url, help="URL to record for the page(s) (default: each file's file:// URI)")
    parser.add_argument("--explain", action="store_true", help="print each field's value and source, not records")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="saved HTML file(s), .warc or .warc.gz")
    return parser.parse_args(argv)


def file_page(path: Path, url: str | None) -> dict | NotAnArticle:
    """extract_article's arguments for a saved file, or why it cannot be read."""
    try:
        body = path.read_bytes()
        fetched_at = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except OSError as error:
        return NotAnArticle("unreadable", error.strerror or str(error))
    return {"body": body, "url": url or path.resolve().as_uri(), "fetched_at": fetched_at}


def warc_pages(path: Path) -> Iterator[tuple[str, dict | NotAnArticle]]:
    """(where, extract_article's arguments) for each HTML response in a WARC file."""
    try:
        for page in iter_warc_pages(path):
            yield (
                f"{path} {page.url}",
                {
                    "body": page.body,
                    "url": page.url,
                    "content_type": page.content_type,
                    "content_language": page.content_language,
                    "fetched_at": page.fetched_at,
                },
            )
    except (OSError, ValueError) as error:  # warcio raises ValueError-like errors on a damaged archive
        yield str(path), NotAnArticle("unreadable", str(error))


def pages(paths: list[Path], url: str | None) -> Iterator[tuple[str, dict | NotAnArticle]]:
    for path in paths:
        if is_warc(path):
            yield from warc_pages(path)
        else:
            yield str(path), file_page(path, url)


def explanation(where: str, page: dict) -> tuple[str, NotAnArticle | None]:
    """Each field's value and source, then the decision: the text --explain prints for one page, and the reason
    it is not an article (None when it is one)."""
    fetched_at = page.get("fetched_at") or datetime.now(UTC)
    args = {key: value for key, value in page.items() if key != "fetched_at"}
    fields = read_fields(**args, now=fetched_at)
    if isinstance(fields, NotAnArticle):
        return f"{where}\n  not an article ({fields})\n", fields
    lines = [where]
    for name in FIELDS:
        value = json.dumps(getattr(fields, name), ensure_ascii=False)
        shown = value if len(value) <= EXPLAIN_WIDTH else value[: EXPLAIN_WIDTH - 1] + "…"
        lines.append(f"  {name:<12} {fields.sources[name] or '-':<10} {shown}")
    lines.append(f"  {'body':<12} {'':<10} {_body_summary(fields)}")
    removed = ", ".join(f"{name} {count}" for name, count in sorted(fields.removed.items()) if count)
    lines.append(f"  {'removed':<12} {'':<10} {removed or 'nothing'}")
    reason = decide(fields)
    lines.append(f"  {'decision':<12} {'':<10} {'article' if reason is None else f'not an article ({reason})'}")
    return "\n".join(lines) + "\n", reason


def _body_summary(fields: Fields) -> str:
    paragraphs = fields.body.count("\n\n") + 1 if fields.body else 0
    return f"{len(fields.body)} characters in {paragraphs} paragraphs"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    status = 0
    out = sys.stdout
    for where, page in pages(args.paths, args.url):
        if isinstance(page, NotAnArticle):
            result = page
        elif args.explain:
            text, reason = explanation(where, page)
            out.write(text)
            out.flush()
            status = 1 if reason is not None else status
            continue
        else:
            result = extract_article(**page)
        if isinstance(result, NotAnArticle):
            print(f"{where}: not an article ({result})", file=sys.stderr)
            status = 1
            continue
        out.write(json.dumps(result.as_record(), ensure_ascii=False) + "\n")
        out.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())

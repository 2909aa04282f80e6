"""`newsroom-sources [--file PATH] [--json]`: list the configured newsrooms, after checking the sources file.

The file is the one a crawl would use: --file, else the project's
NEWSROOM_SOURCES setting (when run inside the project), else the one shipped
in the package. It is validated exactly as at the start of a crawl, so this
is also the way to check an edited file: a mistake is printed (naming the
source and the field) and the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from ..sources import Source, SourcesError, load_sources


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsroom-sources", description=__doc__.splitlines()[0])
    parser.add_argument("--file", help="sources file (default: NEWSROOM_SOURCES, else the packaged sources.toml)")
    parser.add_argument("--json", action="store_true", help="one JSON object per source, every field")
    return parser.parse_args(argv)


def configured_path() -> str | None:
    """NEWSROOM_SOURCES from the project's settings, when this runs inside a Scrapy project."""
    from scrapy.utils.project import get_project_settings

    return get_project_settings().get("NEWSROOM_SOURCES")


def describe(source: Source) -> str:
    """One source in a few lines: what a person checks before a crawl."""
    lines = [f"{source.name}  ({source.profile.language or 'language from pages'})"]
    for label, values in (
        ("start", source.start_urls),
        ("sitemaps", source.sitemaps),
        ("feeds", source.feeds),
        ("domains", source.allowed_domains),
        ("allow", source.allow),
        ("deny", source.deny),
    ):
        if values:
            lines.append(f"  {label:<9}{' '.join(values)}")
    pace = []
    if source.download_delay is not None:
        pace.append(f"delay {source.download_delay:g} s")
    if source.concurrency is not None:
        pace.append(f"concurrency {source.concurrency}")
    if pace:
        lines.append(f"  {'pace':<9}{', '.join(pace)}")
    selectors = [key for key in ("title", "date", "body", "attribution") if getattr(source.profile, key)]
    if selectors or source.profile.drop:
        drops = f" drop x{len(source.profile.drop)}" if source.profile.drop else ""
        lines.append(f"  {'profile':<9}{' '.join(selectors)}{drops}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    path = args.file or configured_path()
    try:
        sources = load_sources(path)
    except SourcesError as error:
        print(f"newsroom-sources: {error}", file=sys.stderr)
        return 2
    for source in sources:
        if args.json:
            print(json.dumps(asdict(source), ensure_ascii=False))
        else:
            print(describe(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())

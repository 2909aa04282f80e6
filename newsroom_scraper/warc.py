"""Reading archived pages from WARC files (warcio), so saved crawls can be extracted again.

Only `response` records whose HTTP Content-Type is HTML count as pages;
requests, metadata and images are skipped. A WARC's own record URL and date
become the page's URL and fetch time, so a re-extraction gives the same `id`
and `fetched_at` as the crawl that captured it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(slots=True)
class ArchivedPage:
    url: str
    body: bytes = field(repr=False)
    content_type: str | None
    fetched_at: datetime
    record_id: str | None = None


def is_warc(path: Path) -> bool:
    return path.name.endswith((".warc", ".warc.gz"))


def _warc_date(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def iter_warc_pages(path: Path) -> Iterator[ArchivedPage]:
    """The HTML responses of a .warc or .warc.gz file, in file order."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            yield ArchivedPage(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                body=record.content_stream().read(),
                content_type=content_type,
                fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
                record_id=record.rec_headers.get_header("WARC-Record-ID"),
            )

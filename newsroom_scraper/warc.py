"""WARC files (warcio): article responses written by a crawl, and pages read back so they can be extracted again.

Writing: `WarcFile` appends one gzip member per record (the way .warc.gz
files are meant to grow), each record built in memory and written with a
single unbuffered write(), so a killed crawl leaves complete records only.
Each article response carries the record's `id` and `content_hash` in
headers of their own (`Newsroom-Article-Id`, `Newsroom-Content-Hash`), and
the record's `url` and `fetched_at` as WARC-Target-URI and WARC-Date. The
payload is the body as the crawler decoded it (Content-Encoding undone, so
that header is left out and Content-Length is the body's).

Reading: only `response` records whose HTTP Content-Type is HTML count as
pages; requests, metadata and images are skipped. A WARC's own record URL
and date become the page's URL and fetch time, so a re-extraction gives the
same `id` and `fetched_at` as the crawl that captured it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARTICLE_ID_HEADER = "Newsroom-Article-Id"
CONTENT_HASH_HEADER = "Newsroom-Content-Hash"
# Hop-by-hop or describing an encoding the body no longer has.
DROPPED_HTTP_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length", "connection"})


@dataclass(slots=True)
class ArchivedPage:
    url: str
    body: bytes = field(repr=False)
    content_type: str | None
    fetched_at: datetime
    record_id: str | None = None
    article_id: str | None = None
    content_language: str | None = None


@dataclass(slots=True)
class CapturedResponse:
    """An HTTP response as the crawler received it, to be archived."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes = field(repr=False)
    protocol: str = "HTTP/1.1"


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
                article_id=record.rec_headers.get_header(ARTICLE_ID_HEADER),
                content_language=record.http_headers.get_header("Content-Language"),
            )


class WarcFile:
    """A .warc.gz being written: a warcinfo record when it is created, then one response record per article."""

    def __init__(self, path: Path, mode: str = "ab", software: str = "newsroom_scraper") -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = mode == "wb" or not self.path.exists() or self.path.stat().st_size == 0
        self.file = self.path.open(mode, buffering=0)
        if new:
            info = {"software": software, "format": "WARC File Format 1.0"}
            self._write(lambda writer: writer.create_warcinfo_record(self.path.name, info))

    def _write(self, build) -> None:
        """Build the record in memory, then write it whole: one gzip member, one write()."""
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        writer.write_record(build(writer))
        data = memoryview(buffer.getvalue())
        while data:
            data = data[self.file.write(data) :]

    def write_response(self, response: CapturedResponse, date: str, article_id: str, content_hash: str) -> None:
        headers = [(name, value) for name, value in response.headers if name.lower() not in DROPPED_HTTP_HEADERS]
        headers.append(("Content-Length", str(len(response.body))))
        try:
            phrase = HTTPStatus(response.status).phrase
        except ValueError:
            phrase = ""
        http_headers = StatusAndHeaders(f"{response.status} {phrase}".strip(), headers, protocol=response.protocol)
        warc_headers = {"WARC-Date": date, ARTICLE_ID_HEADER: article_id, CONTENT_HASH_HEADER: content_hash}
        self._write(
            lambda writer: writer.create_warc_record(
                response.url,
                "response",
                payload=io.BytesIO(response.body),
                http_headers=http_headers,
                warc_headers_dict=warc_headers,
            )
        )

    def close(self) -> None:
        self.file.close()

"""IntegrityMiddleware: a page cut short never becomes a record; it is retried, then counted as `truncated`.

Scrapy decompresses what it can of a gzip, deflate or brotli body and keeps
it without a word when the stream stops early (a dropped connection behind
a CDN, a proxy timing out): the first 60 % of an article then goes on as if
it were the whole page, and an archive keeps it forever. So before
Scrapy's HttpCompressionMiddleware (590) sees a response, this one reads
the compressed stream to its end marker, throwing the output away, and
checks that the body met its `Content-Length` and carries no `dataloss`
flag (DOWNLOAD_FAIL_ON_DATALOSS off). A body that ended early is retried
(RETRY_TIMES), then given up as `newsroom/failed/truncated`; a stream that
is not what its `Content-Encoding` says as `bad_encoding`; one that
inflates past DOWNLOAD_MAXSIZE (a gzip bomb) as `too_large`, before Scrapy
would build it in memory.
"""

from __future__ import annotations

import zlib

from scrapy.downloadermiddlewares.retry import get_retry_request

from ..failures import Failed

try:
    import brotli
except ImportError:  # Scrapy's own fallback
    import brotlicffi as brotli  # type: ignore[no-redef]

CHUNK = 64 * 1024


class TooLarge(ValueError):
    pass


def _inflate(decompressor, data: bytes, max_size: int) -> bool:
    """Feed `data` to a zlib decompressor in bounded steps; True when the stream reached its end."""
    total = 0
    pending = data
    while not decompressor.eof:
        chunk = decompressor.decompress(pending, CHUNK)
        total += len(chunk)
        if max_size and total > max_size:
            raise TooLarge(total)
        pending = decompressor.unconsumed_tail
        if not chunk and not pending:
            break
    return decompressor.eof


def _unbrotli(data: bytes, max_size: int) -> bool:
    decompressor = brotli.Decompressor()
    total = len(decompressor.process(data, output_buffer_limit=CHUNK))
    while not decompressor.is_finished():
        chunk = decompressor.process(b"", output_buffer_limit=CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if max_size and total > max_size:
            raise TooLarge(total)
    if max_size and total > max_size:
        raise TooLarge(total)
    return decompressor.is_finished()


def stream_complete(body: bytes, encoding: str, max_size: int = 0) -> bool | None:
    """Whether a `Content-Encoding` stream is whole (None: an encoding not checked here).

    Raises TooLarge past `max_size` decompressed bytes, and zlib.error or brotli.error on a corrupt stream.
    """
    if encoding in ("gzip", "x-gzip"):
        return _inflate(zlib.decompressobj(wbits=31), body, max_size)
    if encoding == "deflate":
        try:
            return _inflate(zlib.decompressobj(), body, max_size)
        except zlib.error:  # raw deflate, as some servers send it
            return _inflate(zlib.decompressobj(wbits=-15), body, max_size)
    if encoding == "br":
        return _unbrotli(body, max_size)
    return None


def body_problem(response, max_size: int) -> str | None:
    """`truncated`, `bad_encoding` or `too_large` when the body cannot be trusted whole, else None."""
    if "dataloss" in response.flags:
        return "truncated"
    length = response.headers.get(b"Content-Length")
    if length and length.isdigit() and len(response.body) < int(length):
        return "truncated"
    encodings = [e.strip().lower() for e in b",".join(response.headers.getlist(b"Content-Encoding")).split(b",")]
    encodings = [e.decode("latin-1") for e in encodings if e and e != b"identity"]
    if len(encodings) != 1 or not response.body:
        return None
    try:
        complete = stream_complete(response.body, encodings[0], max_size)
    except TooLarge:
        return "too_large"
    except (zlib.error, brotli.error):
        return "bad_encoding"
    return "truncated" if complete is False else None


class IntegrityMiddleware:
    def __init__(self, crawler, max_size: int) -> None:
        self.crawler = crawler
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    def process_response(self, request, response):
        if request.method == "HEAD" or not 200 <= response.status < 300:
            return response
        problem = body_problem(response, request.meta.get("download_maxsize", self.max_size))
        if problem is None:
            return response
        if problem == "truncated":
            retry = get_retry_request(request, spider=self.crawler.spider, reason="truncated")
            if retry is not None:
                return retry
        raise Failed(problem, f"{problem.replace('_', ' ').capitalize()} body ({len(response.body)} B): {response.url}")

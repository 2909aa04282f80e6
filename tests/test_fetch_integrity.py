"""The checks behind complete bodies and Retry-After, on bytes and header values (the crawls are in test_crawl_*)."""

from __future__ import annotations

import gzip
import zlib
from email.utils import formatdate

import brotli
import pytest

from newsroom_scraper.downloadermiddlewares.integrity import TooLarge, stream_complete
from newsroom_scraper.downloadermiddlewares.retryafter import retry_after_seconds

PAGE = b"<html><body>" + b"<p>The harbour plan was approved on Tuesday.</p>" * 400 + b"</body></html>"
COMPRESS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
}


@pytest.mark.parametrize("encoding", sorted(COMPRESS))
def test_a_whole_stream_is_complete(encoding):
    assert stream_complete(COMPRESS[encoding](PAGE), encoding) is True


@pytest.mark.parametrize("encoding", sorted(COMPRESS))
@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_a_stream_cut_short_is_not(encoding, fraction):
    data = COMPRESS[encoding](PAGE)
    assert stream_complete(data[: int(len(data) * fraction)], encoding) is False


def test_raw_deflate_is_read_too():
    compressor = zlib.compressobj(wbits=-15)
    data = compressor.compress(PAGE) + compressor.flush()
    assert stream_complete(data, "deflate") is True
    assert stream_complete(data[: len(data) // 2], "deflate") is False


def test_a_bomb_stops_at_the_size_limit():
    bomb = gzip.compress(b"\0" * (32 * 1024 * 1024))
    with pytest.raises(TooLarge):
        stream_complete(bomb, "gzip", max_size=1024 * 1024)


def test_a_corrupt_stream_raises():
    data = gzip.compress(PAGE)
    with pytest.raises(zlib.error):
        stream_complete(data[:10] + bytes(b ^ 0x5A for b in data[10:]), "gzip")


def test_an_encoding_not_checked_is_none():
    assert stream_complete(b"abc", "compress") is None


@pytest.mark.parametrize(
    "value, seconds",
    [("3", 3.0), (" 120 ", 120.0), (formatdate(1_000_010, usegmt=True), 10.0), (formatdate(999_000, usegmt=True), 0.0),
     ("soon", None), ("", None), ("-5", None)],
)  # fmt: skip
def test_retry_after_in_seconds_or_as_a_date(value, seconds):
    assert retry_after_seconds(value, now=1_000_000) == seconds

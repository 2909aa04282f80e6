"""What checking that a compressed body is whole costs, beside the decompression Scrapy does anyway.

    python benchmarks/integrity.py --corpus ../shared/corpora/trafilatura-eval [--limit N]
    python benchmarks/integrity.py                    # gold pages (fixtures/pages)

Each page is compressed with gzip, deflate and brotli; then, interleaved on
the same bodies, `stream_complete` (IntegrityMiddleware's check, output
thrown away) and Scrapy's own decoder (HttpCompressionMiddleware's, which
keeps the output) are timed. Prints the time per page of each and the
ratio: the check's share of what a compressed response already costs.
"""

from __future__ import annotations

import argparse
import gzip
import time
import zlib
from pathlib import Path

import brotli
from scrapy.utils._compression import _inflate, _unbrotli
from scrapy.utils.gz import gunzip

from newsroom_scraper.downloadermiddlewares.integrity import stream_complete

MAX_SIZE = 16 * 1024 * 1024
ENCODERS = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}
SCRAPY_DECODERS = {"gzip": gunzip, "deflate": _inflate, "br": _unbrotli}


def pages(corpus: Path | None, limit: int) -> list[bytes]:
    if corpus is None:
        files = sorted(Path("fixtures/pages").glob("*.html"))
        return [path.read_bytes() for path in files[:limit]]
    files = sorted((corpus / "pages").glob("*.gz"))[:limit]
    return [gzip.decompress(path.read_bytes()) for path in files]


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    bodies = pages(args.corpus, args.limit)
    print(f"{len(bodies)} pages, {sum(map(len, bodies)) / len(bodies) / 1024:.0f} KiB of HTML on average")
    for encoding, encode in ENCODERS.items():
        encoded = [encode(body) for body in bodies]
        check = scrapy = 0.0
        for data in encoded:
            check += timed(stream_complete, data, encoding, MAX_SIZE)
            scrapy += timed(SCRAPY_DECODERS[encoding], data, max_size=MAX_SIZE)
        per_page = 1000 / len(encoded)
        print(f"{encoding:8} check {check * per_page:.3f} ms/page, Scrapy's decoding {scrapy * per_page:.3f} ms/page,"
              f" ratio {check / scrapy:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()

"""Hostile variants of real pages, for the fuzz tests and benchmarks/fuzz.py: seeded, so a failure replays.

Each mutator takes a page's bytes and a random.Random and returns new bytes.
`MUTATORS` are the random damage a crawl meets (flipped bytes, truncation,
spans lost or doubled, NULs, invalid UTF-8, other encodings, charsets that
lie, binary blocks); `EDGE_CASES` are the markup a hostile or broken page
can hold (unclosed comments and CDATA, "</script>" inside a string, a 20 MB
paragraph, 1 MB attributes, 50k links, 50k nested inline tags, a 700-part
title, control characters, a canonical URL that does not parse).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

Mutator = Callable[[bytes, random.Random], bytes]
MAX_SPAN = 4096


def _position(page: bytes, rng: random.Random) -> int:
    return rng.randrange(len(page) + 1)


def _insert(page: bytes, rng: random.Random, chunk: bytes) -> bytes:
    at = _position(page, rng)
    return page[:at] + chunk + page[at:]


def _before(page: bytes, marker: bytes, chunk: bytes) -> bytes:
    """`chunk` before the first `marker` (case-insensitive), or at the end when there is none."""
    found = re.search(re.escape(marker), page, re.IGNORECASE)
    at = found.start() if found else len(page)
    return page[:at] + chunk + page[at:]


def flip_bytes(page: bytes, rng: random.Random) -> bytes:
    data = bytearray(page)
    for _ in range(rng.randint(1, 64)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def truncate(page: bytes, rng: random.Random) -> bytes:
    return page[: _position(page, rng)]


def delete_span(page: bytes, rng: random.Random) -> bytes:
    at = _position(page, rng)
    return page[:at] + page[at + rng.randint(1, MAX_SPAN) :]


def duplicate_span(page: bytes, rng: random.Random) -> bytes:
    at = _position(page, rng)
    span = page[at : at + rng.randint(1, MAX_SPAN)]
    return page[:at] + span * rng.randint(2, 50) + page[at:]


def nuls(page: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 20)):
        page = _insert(page, rng, b"\x00" * rng.randint(1, 8))
    return page


def control_chars(page: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 40)):
        page = _insert(page, rng, bytes([rng.choice([*range(1, 9), 11, 12, *range(14, 32)])]))
    return page


def invalid_utf8(page: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 40)):
        page = _insert(page, rng, rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80"]))
    return page


def other_encoding(page: bytes, rng: random.Random) -> bytes:
    text = page.decode("utf-8", errors="replace")
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
    return text.encode(encoding)


def charset_lie(page: bytes, rng: random.Random) -> bytes:
    lie = rng.choice([b"shift_jis", b"utf-16", b"iso-8859-1", b"big5", b"koi8-r", b"no-such-charset"])
    page = re.sub(rb"charset=[\"']?[\w-]+", b"charset=" + lie, page, flags=re.IGNORECASE)
    return _before(page, b"</head>", b'<meta charset="' + lie + b'">')


def binary_block(page: bytes, rng: random.Random) -> bytes:
    return _insert(page, rng, rng.randbytes(rng.randint(16, 65536)))


def huge_attribute(page: bytes, rng: random.Random) -> bytes:
    value = b"x" * rng.randint(100_000, 1_000_000)
    return _before(page, b"<p", b'<div data-blob="' + value + b'"></div>')


def many_links(page: bytes, rng: random.Random) -> bytes:
    links = b"".join(b'<a href="/l/%d">link %d</a> ' % (n, n) for n in range(rng.choice([5_000, 50_000])))
    return _before(page, b"</body>", links)


def deep_nesting(page: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([300, 5_000, 50_000])
    tag = rng.choice([b"div", b"b", b"span", b"table><tr><td"])
    close = b"</" + tag.split(b">")[0] + b">"
    return _before(page, b"<p", b"<" + tag + b">" * depth + b"x" + close * depth)


MUTATORS: dict[str, Mutator] = {
    "flip_bytes": flip_bytes,
    "truncate": truncate,
    "delete_span": delete_span,
    "duplicate_span": duplicate_span,
    "nuls": nuls,
    "control_chars": control_chars,
    "invalid_utf8": invalid_utf8,
    "other_encoding": other_encoding,
    "charset_lie": charset_lie,
    "binary_block": binary_block,
    "huge_attribute": huge_attribute,
    "many_links": many_links,
    "deep_nesting": deep_nesting,
}

EDGE_CASES: dict[str, Callable[[bytes], bytes]] = {
    "unclosed_comment": lambda page: _before(page, b"<p", b"<!-- never closed <p>hidden</p>"),
    "unclosed_cdata": lambda page: _before(page, b"<p", b"<![CDATA[ never closed <p>x</p>"),
    "script_end_in_string": lambda page: _before(page, b"</head>", b'<script>var s = "</script><p>out</p>";</script>'),
    "paragraph_20mb": lambda page: _before(page, b"</body>", b"<p>" + b"word " * 4_000_000 + b"</p>"),
    "attribute_1mb": lambda page: _before(page, b"<p", b'<p title="' + b"a" * 1_000_000 + b'">t</p>'),
    "links_50k": lambda page: _before(page, b"</body>", b'<a href="/x">x</a>' * 50_000),
    "nested_inline_50k": lambda page: _before(page, b"<p", b"<b>" * 50_000 + b"deep" + b"</b>" * 50_000),
    "title_700_parts": lambda page: _before(page, b"</head>", b"<title>" + b" - ".join([b"part"] * 700) + b"</title>"),
    "control_chars_everywhere": lambda page: page.replace(b"<p>", b"<p>\x01\x0b").replace(b'class="', b'class="\x02'),
    "canonical_bad_ipv6": lambda page: _before(page, b"</head>", b'<link rel="canonical" href="http://[::1/news/x">'),
    "only_binary": lambda page: random.Random(len(page)).randbytes(200_000),
    "doctype_only": lambda page: b"<!DOCTYPE html>",
}


def mutated(pages: list[bytes], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """`count` mutants of `pages`, each named "<mutator>#<n>"; the same seed gives the same mutants."""
    rng = random.Random(seed)
    names = sorted(MUTATORS)
    for n in range(count):
        name = names[n % len(names)]
        yield f"{name}#{n}", MUTATORS[name](rng.choice(pages), rng)

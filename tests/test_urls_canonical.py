"""The canonical link read from a page's bytes (the spider's) is the one its parsed tree gives (the extraction's).

The spider reads `<link rel="canonical">` with a byte scan so the crawl
process never parses an article; each case below is a way a scan could
read a link a parser does not (in a comment, in a script), or miss one it
does (attribute order, quoting, case, entities, a ">" in a value). Every
case is checked against `canonical_links` over the tree Scrapy's selector
builds, as the spider read it before.
"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from newsroom_scraper.urls import canonical_links, first_canonical_link

BASE = "https://news.example.org/a/story.html?from=home"
STORY = "https://news.example.org/a/story.html"


def page(head: str, body: str = "<h1>Story</h1>", charset: str = "utf-8") -> bytes:
    return f'<!DOCTYPE html><html><head><meta charset="{charset}">{head}</head><body>{body}</body></html>'.encode(
        charset
    )


CASES = {
    "plain": (page('<link rel="canonical" href="/a/story.html">'), STORY),
    "attributes reversed, self-closed": (page('<link href="/a/story.html" rel="canonical" />'), STORY),
    "single quotes, upper case": (page("<LINK REL='Canonical' HREF='/a/story.html'>"), STORY),
    "unquoted": (page("<link rel=canonical href=https://news.example.org/a/story.html>"), STORY),
    "several rel tokens": (page('<link rel="alternate canonical" href="/a/story.html">'), STORY),
    "entities in the href": (page('<link rel="canonical" href="/a/story.html?x=1&amp;y=2">'), STORY + "?x=1&y=2"),
    "a > in another value": (page('<link title="a > b" rel="canonical" href="/a/story.html">'), STORY),
    "in a comment first": (
        page('<!-- <link rel="canonical" href="/old/"> --><link rel="canonical" href="/a/story.html">'),
        STORY,
    ),  # fmt: skip
    "in a conditional comment": (page('<!--[if IE]><link rel="canonical" href="/ie/"><![endif]-->'), None),
    "in a script": (page('<script>document.write(\'<link rel="canonical" href="/js/">\')</script>'), None),
    "in a style": (page('<style>/* <link rel="canonical" href="/css/"> */</style>'), None),
    "blank first": (page('<link rel="canonical" href=" "><link rel="canonical" href="/a/story.html">'), STORY),
    "no href first": (page('<link rel="canonical"><link rel="canonical" href="/a/story.html">'), STORY),
    "broken IPv6 first": (
        page('<link rel="canonical" href="http://[::1/x"><link rel="canonical" href="/a/story.html">'),
        STORY,
    ),  # fmt: skip
    "in the body": (page("", '<p>x</p><link rel="canonical" href="/a/story.html">'), STORY),
    "other links only": (page('<link rel="stylesheet" href="/s.css"><link rel="alternate" href="/feed/">'), None),
    "non-ASCII, UTF-8": (page('<link rel="canonical" href="/a/café.html">'), "https://news.example.org/a/café.html"),
    "non-ASCII, Windows-1252": (
        page('<link rel="canonical" href="/a/café.html">', charset="cp1252"),
        "https://news.example.org/a/café.html",
    ),
}


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_the_byte_scan_reads_the_link_the_parsed_page_has(body, expected):
    parsed = canonical_links(HtmlResponse(BASE, body=body).selector.root, BASE)
    assert (parsed[0] if parsed else None) == expected
    assert first_canonical_link(body, BASE) == expected


def test_a_page_is_not_scanned_past_the_limit():
    body = page('<script>var x = "' + "x" * 5000 + '";</script><link rel="canonical" href="/a/story.html">')
    assert first_canonical_link(body, BASE) == STORY
    assert first_canonical_link(body, BASE, limit=4000) is None


def test_an_unclosed_tag_script_or_comment_hides_what_follows():
    assert first_canonical_link(b'<head><link rel="canonical" href="/a/"' + b" x" * 100_000, BASE) is None
    assert first_canonical_link(b'<head><script>x = 1;<link rel="canonical" href="/a/">', BASE) is None
    assert first_canonical_link(b'<head><!-- <link rel="canonical" href="/a/">', BASE) is None

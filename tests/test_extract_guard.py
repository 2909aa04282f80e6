"""Pruning's guard judges elements against a floor read from the page's lines, and decides as the full length does.

The guard compares an element's text with the page's; most elements are far
shorter than the page, and for them the floor (mainbody.text_floor) answers
without the page's text being read. That is only right if the floor is never
more than the length it stands in for: these tests hold it to that, on the
gold pages and on random markup made to break it (words split by block
edges, Unicode spaces, scripts, a dropped breadcrumb).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom_scraper.extract.article import parse_page
from newsroom_scraper.extract.decode import decode_html
from newsroom_scraper.extract.header import read_header
from newsroom_scraper.extract.mainbody import text_floor
from newsroom_scraper.extract.prune import Guard
from newsroom_scraper.extract.text import element_text, raw_length

PAGES = sorted(Path(__file__).parent.parent.joinpath("fixtures", "pages").glob("*.html"))
URL = "https://news.example.org/2024/05/story.html"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
# Pieces of text that meet at element edges with and without white space between them.
PIECES = ["", "", "word", "Wort", "долг", "新闻", "a", " ", "  ", "\n", "\t", "\xa0", "\u200b", "\u3000", " two words "]
TAGS = ["div", "p", "span", "b", "a", "li", "td", "h2", "br", "script", "em"]


def random_markup(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(0, 4)):
        parts.append(rng.choice(PIECES))
        if depth < 4 and rng.random() < 0.6:
            tag = rng.choice(TAGS)
            parts.append(f"<{tag}>{random_markup(rng, depth + 1)}</{tag}>" if tag != "br" else "<br>")
    return "".join(parts)


@pytest.mark.parametrize("path", PAGES[::2], ids=lambda path: path.stem)
def test_the_floor_is_at_most_the_text_pruning_finds(path):
    page = parse_page(decode_html(path.read_bytes()).text, URL, now=NOW)
    header = read_header(page)  # reads the header, then drops the breadcrumb
    total = len(element_text(page.tree.find("body")))
    assert 0 < text_floor(page.lines, header.crumb_chars) <= total


def test_the_floor_holds_on_markup_made_to_break_it():
    rng = random.Random(20261127)
    tight = 0
    for _ in range(3000):
        page = parse_page(f"<html><body>{random_markup(rng)}</body></html>", URL, now=NOW)
        if page is None:
            continue
        body = page.tree.find("body")
        crumb_chars = 0
        inside = list(body.iter())[1:]
        if inside and rng.random() < 0.5:
            crumb = rng.choice(inside)
            crumb_chars = raw_length(crumb)
            crumb.drop_tree()
        total = len(element_text(body))
        floor = text_floor(page.lines, crumb_chars)
        assert floor <= total, (page.html_text, crumb_chars)
        tight += floor == total
    assert tight > 1000  # mostly exact: a floor that said 0 everywhere would pass the line above


@pytest.mark.parametrize("path", PAGES[::3], ids=lambda path: path.stem)
def test_a_guard_with_the_floor_allows_what_one_without_it_allows(path):
    page = parse_page(decode_html(path.read_bytes()).text, URL, now=NOW)
    header = read_header(page)
    floor = text_floor(page.lines, header.crumb_chars)
    with_floor, without = Guard(page.tree, header.headline, floor), Guard(page.tree, header.headline)
    for element in page.tree.find("body").iter():
        length = len(element_text(element))
        assert with_floor.allows(element) == without.allows(element)
        assert with_floor.allows(element, length) == without.allows(element, length)
    assert with_floor.total == without.total


def test_the_page_text_is_read_as_pruning_starts():
    page = parse_page("<html><body><p>" + "Story text. " * 50 + "</p><div>Box</div></body></html>", URL, now=NOW)
    guard = Guard(page.tree, None)
    page.tree.find("body").clear()  # what later pruning removes does not change the page it was judged against
    assert guard.total == len("Story text. " * 50 + "Box")

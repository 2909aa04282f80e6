"""Line splitting: libxslt's pass and the Python walk it stands in for give the same lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from newsroom_scraper.extract.decode import decode_html
from newsroom_scraper.extract.parse import parse_html
from newsroom_scraper.extract.text import _walked_text, block_lines, element_text, short_text, squash, text_bytes

PAGES = sorted(Path(__file__).parent.parent.joinpath("fixtures", "pages").glob("*.html"))


def walked_lines(element) -> list[str]:
    return [line for line in (squash(part) for part in _walked_text(element).split("\n")) if line]


@pytest.mark.parametrize("path", PAGES[::6], ids=lambda path: path.stem)
def test_same_lines_as_the_walk(path):
    tree = parse_html(decode_html(path.read_bytes()).text)
    for element in [tree.find("body"), *tree.iter("div", "td", "ul")][:200]:
        assert block_lines(element) == walked_lines(element)


@pytest.mark.parametrize("path", PAGES[::6], ids=lambda path: path.stem)
def test_text_bytes_are_the_text_content(path):
    tree = parse_html(decode_html(path.read_bytes()).text)
    for element in [tree, *tree.iter("body", "div", "p")][:100]:
        assert text_bytes(element).decode("utf-8") == element.text_content()


def test_text_bytes_leave_out_the_tail_and_comments():
    element = html.fromstring("<div><p>caf&eacute;<!-- note --> &amp; more</p>tail</div>")[0]
    assert text_bytes(element).decode("utf-8") == "café & more" == element.text_content()


def test_blocks_break_lines_and_inline_elements_do_not():
    element = html.fromstring("<div>Posted <b>by</b> Jane<p>First\u200b  line</p>tail<br>next</div>")
    assert block_lines(element) == ["Posted by Jane", "First line", "tail", "next"]


def test_nesting_past_the_stylesheet_depth_falls_back_to_the_walk():
    root = html.Element("body")
    node = root
    for _ in range(4000):
        node = etree.SubElement(node, "div")
    node.text = "deep text"
    assert block_lines(root) == ["deep text"]


def test_short_text_reads_only_as_far_as_it_must():
    caption = html.fromstring("<p>Graduation  ceremony,\n June 2024</p>")
    assert short_text(caption, 60) == "Graduation ceremony, June 2024"
    assert short_text(html.fromstring("<div><p>" + "word " * 30 + "</p></div>"), 60) is None
    spaced = html.fromstring("<p>" + " \n ".join(["ab"] * 15) + "</p>")  # 44 characters squashed, 72 raw
    assert short_text(spaced, 60) == " ".join(["ab"] * 15)
    assert short_text(html.fromstring("<p> </p>"), 60) == ""


def test_element_text_reads_a_leaf_without_xpath_and_the_same_text():
    root = html.fromstring("<div>Lead <a href='/x'> Home\u200b </a>tail<a></a><a><b>Two</b>  words</a></div>")
    for element in root.iter():
        assert element_text(element) == squash(element.text_content())
    assert [element_text(link) for link in root.iter("a")] == ["Home", "", "Two words"]

"""maincontent runs trafilatura's own cascade by hand: it must find bare_extraction's body, to the byte.

It calls trafilatura internals (their order, arguments and xpaths) and forks
its main pass, so a trafilatura release that reshapes them fails here, loudly,
before any record changes: compare the new release's core.trafilatura_sequence,
external.compare_extraction and main_extractor.extract_content with
maincontent.py and mainpass.py, then widen the pin in pyproject.toml.
"""

from __future__ import annotations

from copy import copy

import pytest
import trafilatura
from lxml import etree
from trafilatura import xpaths
from trafilatura.external import try_readability
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.utils import trim

from newsroom_scraper.extract.body import TRAFILATURA_OPTIONS
from newsroom_scraper.extract.maincontent import OVERALL_DISCARD, _raw_tree, main_content, readable_length
from newsroom_scraper.extract.parse import parse_html
from newsroom_scraper.extract.sweeps import OVERALL_DISCARD_SHAPES, cheaper, overall_discard, shape
from newsroom_scraper.extract.vocabulary import Vocabulary

from .goldpages import gold_pages

STORY = "<p>The harbour board met on Tuesday and approved the new quay, after two years of objections.</p>"
# Too little text for trafilatura's main pass: jusText is asked too.
SHORT_PAGE = f"<html><body><div class='story'>{STORY}</div><div class='footer'>Contact us</div></body></html>"
# A thread forum: trafilatura keeps the comment containers, which are the posts.
FORUM_PAGE = (
    '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script></head><body>'
    + f"<div class='comments'>{STORY * 4}</div><div class='post'>{STORY * 5}</div></body></html>"
)
# An ASP.NET page is one <form>: readability's article lies inside it and keeps its text.
FORM_PAGE = f"<html><body><form><div class='story'>{STORY * 3}</div><script>var x = 1;</script></form></body></html>"
# A video frame readability keeps gets the text "VIDEO"; an <xmp> it would reparse as raw text.
VIDEO_PAGE = f"<html><body><div>{STORY * 3}<iframe src='https://www.youtube.com/embed/x'></iframe></div></body></html>"
SWEEPS = (
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "OVERALL_DISCARD_XPATH",
    "TEASER_DISCARD_XPATH",
    "PRECISION_DISCARD_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
    "BODY_XPATH",  # one of its tests has flags: re:test(@class, 'fulltext', 'i')
    "AUTHOR_XPATHS",
    "AUTHOR_DISCARD_XPATHS",
)


def trees():
    for page in gold_pages():
        yield page.name, parse_html(page.html.decode("utf-8", "replace")), page.url
    yield "short", parse_html(SHORT_PAGE), "https://example.org/short"
    yield "forum", parse_html(FORUM_PAGE), "https://example.org/forum"
    yield "form", parse_html(FORM_PAGE), "https://example.org/form"
    yield "video", parse_html(VIDEO_PAGE), "https://example.org/video"


def options(url: str):
    chosen = copy(TRAFILATURA_OPTIONS)
    chosen.url = chosen.source = url
    return chosen


def serialised(element) -> bytes | None:
    return None if element is None else etree.tostring(element)


@pytest.mark.parametrize("name,tree,url", list(trees()), ids=lambda value: value if isinstance(value, str) else "")
def test_same_body_as_bare_extraction(name, tree, url):
    intact = etree.tostring(tree)
    document = trafilatura.bare_extraction(tree, url=url, options=options(url))
    assert serialised(main_content(tree, options(url))) == serialised(document and document.body)
    assert etree.tostring(tree) == intact  # later stages read the tree: it is left as it came


def test_short_and_forum_pages_keep_their_text():
    for page, url in ((SHORT_PAGE, "https://example.org/short"), (FORUM_PAGE, "https://example.org/forum")):
        body = main_content(parse_html(page), options(url))
        assert "approved the new quay" in "".join(body.itertext())


def test_faster_sweeps_select_the_same_elements():
    faster = {name: cheaper(getattr(xpaths, name)) for name in SWEEPS} | {"walks": overall_discard()}
    for _, tree, _ in trees():
        for name, ours in faster.items():
            theirs = getattr(xpaths, name if name in SWEEPS else "OVERALL_DISCARD_XPATH")
            for expression, mine in zip(theirs, ours, strict=True):
                assert mine(tree) == expression(tree), name


def test_overall_discard_is_walked_in_python():
    # Another shape falls back to XPath, correct but slower: sweeps.py should learn the new shape.
    assert tuple(map(shape, xpaths.OVERALL_DISCARD_XPATH)) == OVERALL_DISCARD_SHAPES


def readability_body(raw) -> etree._Element:
    return try_readability(prune_unwanted_nodes(copy(raw), OVERALL_DISCARD))


def readability_text(raw) -> str:
    return trim(etree.tostring(readability_body(raw), method="text", encoding="utf-8").decode("utf-8"))


def test_readability_text_is_never_longer_than_its_bound():
    # main_content skips readability where this bound shows trafilatura would keep its own text.
    bounded = 0
    for name, tree, _ in trees():
        raw = _raw_tree(tree, Vocabulary(tree))
        intact = copy(raw)
        most = readable_length(raw)  # drops the scripts and styles readability drops first
        assert etree.tostring(readability_body(raw)) == etree.tostring(readability_body(intact)), name
        if most is not None:
            bounded += 1
            assert len(readability_text(raw)) <= most, name
    assert bounded > 50  # every gold page
    video = parse_html(VIDEO_PAGE)
    assert readability_text(_raw_tree(video, Vocabulary(video))).endswith("VIDEO")
    assert readable_length(parse_html(f"<html><body><xmp>a &amp; b</xmp>{STORY}</body></html>")) is None

"""A sweep is passed over only where it selects nothing: vocabulary.py must never say no to a sweep that selects."""

from __future__ import annotations

from trafilatura import xpaths

from newsroom_scraper.extract.parse import parse_html
from newsroom_scraper.extract.sweeps import cheaper
from newsroom_scraper.extract.vocabulary import Vocabulary

from .goldpages import gold_pages

# Every sweep main_content, mark_main_container and markup_authors ask only where the page may hold a match.
ASKED = (
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
    "TEASER_DISCARD_XPATH",
    "PRECISION_DISCARD_XPATH",
    "BODY_XPATH",
    "AUTHOR_DISCARD_XPATHS",
    "AUTHOR_XPATHS",
)
PLAIN = "<html><body><div class='story' id='main-text'><p>The harbour board met on Tuesday.</p></div></body></html>"


def test_a_sweep_that_selects_is_always_run():
    skipped = 0
    for page in gold_pages():
        tree = parse_html(page.html.decode("utf-8", "replace"))
        words = Vocabulary(tree)
        for name in ASKED:
            for expression in [*getattr(xpaths, name), *cheaper(getattr(xpaths, name))]:
                if expression(tree):
                    assert words.may_select(expression), (page.name, name, expression.path)
                else:
                    skipped += not words.may_select(expression)
    assert skipped > 500  # and most that select nothing are passed over


def test_sweeps_for_words_the_page_lacks_are_passed_over():
    words = Vocabulary(parse_html(PLAIN))
    for name in ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_XPATH", "DISCARD_IMAGE_ELEMENTS", "TEASER_DISCARD_XPATH"):
        assert words.able(cheaper(getattr(xpaths, name))) == [], name
    commented = Vocabulary(parse_html(PLAIN.replace("story", "article-comments")))
    assert commented.able(cheaper(xpaths.REMOVE_COMMENTS_XPATH))


def test_line_breaks_between_values_match_as_the_values_do():
    # ^ and $ hold at each value; "comment(?!ary)" still refuses "commentary" when it ends a value.
    tree = parse_html("<html><body><div id='commentary'>x</div><div class='nocomments'>y</div></body></html>")
    words = Vocabulary(tree)
    expression = cheaper(xpaths.REMOVE_COMMENTS_XPATH)[0]
    assert expression(tree) == [] and not words.may_select(expression)
    assert Vocabulary(parse_html(PLAIN.replace("main-text", "comments"))).may_select(expression)

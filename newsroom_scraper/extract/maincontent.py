"""trafilatura's choice of main content, made as bare_extraction makes it, with less work.

For the options body.py always passes (XML body, favor_precision, no comments,
no metadata, no language or duplicate filter), bare_extraction runs a fixed
cascade: prune the raw tree, clean and convert a copy, extract, then compare
with readability (and jusText on short or unclean results). This module runs
those same steps of trafilatura, in the same order, on the same inputs, and
leaves out work whose result nobody reads:

- it copies our tree once; trafilatura copies it again for readability, which
  is the copy's last reader, so readability gets it;
- jusText's input (the cleaned tree before tag conversion, a third copy) is made
  only on the pages that reach jusText, from our tree, which is left intact;
- its XPath sweeps select the same elements for less (sweeps.py), and its
  main pass copies the cleaned tree only where it needs a second (mainpass.py);
- readability runs only where its text could be preferred: it keeps, moves or
  drops the page's text but writes none, so where the text it could reach is
  at most twice what the main pass found (and that is well formed), trafilatura
  keeps its own whatever readability returns (`_readability_may_win`).

These are trafilatura internals: pyproject.toml pins the releases for which
tests/test_extract_maincontent.py finds the body bare_extraction finds.
"""

from __future__ import annotations

from copy import copy

from lxml import etree, html
from trafilatura import xpaths
from trafilatura.core import _forum_thread_page
from trafilatura.external import (
    JUSTEXT_OVERRIDE_RATIO,
    SANITIZED_XPATH,
    _prefer_readability,
    justext_rescue,
    sanitize_tree,
    try_readability,
)
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.settings import Extractor
from trafilatura.utils import trim

from .mainpass import OVERALL_DISCARD, extract_content
from .sweeps import cheaper
from .vocabulary import Vocabulary

# Readability drops these whole, first thing. (Forms too, but only those inside the article it chose.)
# readable_length drops them first, and only then counts the page's text.
UNREAD_TAGS = ("script", "style", "fencedframe")
# A video <iframe> it keeps gets the text "VIDEO": at most five characters more, and one space.
VIDEO_TEXT = len("VIDEO") + 1
# Reparsed as raw text, these would read their escaped characters (&amp;) as several: no bound is drawn there.
RAW_TEXT_TAGS = ("xmp", "noembed", "noframes", "plaintext")
RAW_TREE_PRUNE = cheaper(xpaths.RAW_TREE_PRUNE_XPATH)
REMOVE_COMMENTS_AND_LISTS = cheaper(xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH)
REMOVE_COMMENTS = cheaper(xpaths.REMOVE_COMMENTS_XPATH)


def _raw_tree(tree: html.HtmlElement, words: Vocabulary) -> html.HtmlElement:
    """A copy of the tree, pruned as trafilatura prunes the raw tree when comments are off."""
    raw = prune_unwanted_nodes(copy(tree), words.able(RAW_TREE_PRUNE))
    return prune_unwanted_nodes(raw, words.able(REMOVE_COMMENTS_AND_LISTS))


def _cleaned(raw: html.HtmlElement, is_forum: bool, options: Extractor, words: Vocabulary) -> html.HtmlElement:
    """A copy of the raw tree, cleaned and converted as trafilatura's main pass reads it."""
    cleaned = convert_tags(tree_cleaning(copy(raw), options), options, options.url)
    return cleaned if is_forum else prune_unwanted_nodes(cleaned, words.able(REMOVE_COMMENTS))


def main_content(tree: html.HtmlElement, options: Extractor) -> etree._Element | None:
    """trafilatura's XML body for `tree`, or None where bare_extraction finds none; `tree` is not changed.

    `options` must be precision without comments (what body.py passes): other options take other paths.
    """
    words = Vocabulary(tree)  # the sweeps run on copies of `tree` and its frames: they have no other values
    try:
        is_forum = _forum_thread_page(tree)
        raw = _raw_tree(tree, words)
        cleaned = _cleaned(raw, is_forum, options, words)
        body, text = extract_content(
            cleaned, options, lambda: _cleaned(_raw_tree(tree, words), is_forum, options, words), words
        )
        body, text = _compare(tree, raw, body, text, options, words)
    except (TypeError, ValueError):  # bare_extraction's "discarding data"
        return None
    return body if len(text) >= options.min_output_size else None


def _compare(
    tree: html.HtmlElement,
    raw: html.HtmlElement,
    body: etree._Element,
    text: str,
    options: Extractor,
    words: Vocabulary,
) -> tuple[etree._Element, str]:
    """trafilatura's compare_extraction in precision mode: readability, then jusText on short or unclean text."""
    use_readability = False
    if _readability_may_win(raw, body, text, options):
        algorithm = try_readability(prune_unwanted_nodes(raw, OVERALL_DISCARD))
        algorithm_text = trim(etree.tostring(algorithm, method="text", encoding="utf-8").decode("utf-8"))
        use_readability = _prefer_readability(body, algorithm, algorithm_text, len(text), len(algorithm_text), options)
        if use_readability:
            body, text = algorithm, algorithm_text
    unclean = bool(body.xpath(SANITIZED_XPATH))
    if unclean or len(text) < options.min_extracted_size:
        body2, text2 = justext_rescue(tree_cleaning(_raw_tree(tree, words), options), options)
        if unclean:
            accept = len(text) <= JUSTEXT_OVERRIDE_RATIO * len(text2) and (
                len(text2) > len(text) or not options.images or body.find(".//graphic") is None
            )
        else:
            accept = len(text) < len(text2)
        if text2 and accept:
            body, text = body2, text2
            use_readability = False
    if use_readability:
        body, text = sanitize_tree(body, options)
    return body, text


def readable_length(raw: html.HtmlElement) -> int | None:
    """At most the length of readability's text for `raw`, trimmed as trafilatura trims it; None when unbounded.

    `raw` loses its scripts, styles and fenced frames here, as readability
    drops them first thing (removals that keep the tail text, in any order,
    leave the same tree, so its pruning before finds the same). Then it keeps,
    moves or drops the text of `raw` and writes none but "VIDEO"; dropping
    text never adds a space between words, so the trimmed page bounds it.
    """
    frames, unbounded = 0, False
    for element in list(raw.iter(*UNREAD_TAGS, *RAW_TEXT_TAGS, "iframe")):
        if element.tag in RAW_TEXT_TAGS:
            unbounded = True
        elif element.tag == "iframe":
            frames += 1
        else:
            element.drop_tree()
    return None if unbounded else len(trim(raw.text_content() + (raw.tail or ""))) + VIDEO_TEXT * frames


def _readability_may_win(raw: html.HtmlElement, body: etree._Element, text: str, options: Extractor) -> bool:
    """Whether _prefer_readability (precision mode) could take readability's text over `text`, whatever it is.

    It takes it only when ours is empty, when readability's is over twice as
    long, or when readability's is over twice min_extracted_size and ours has
    no paragraph text or more tables than paragraphs.
    """
    if not text:
        return True
    most = readable_length(raw)
    if most is None or most > 2 * len(text):
        return True
    deficient = not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p"))
    return deficient and most > 2 * options.min_extracted_size

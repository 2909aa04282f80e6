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
  main pass copies the cleaned tree only where it needs a second (mainpass.py).

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

RAW_TREE_PRUNE = cheaper(xpaths.RAW_TREE_PRUNE_XPATH)
REMOVE_COMMENTS_AND_LISTS = cheaper(xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH)
REMOVE_COMMENTS = cheaper(xpaths.REMOVE_COMMENTS_XPATH)


def _raw_tree(tree: html.HtmlElement) -> html.HtmlElement:
    """A copy of the tree, pruned as trafilatura prunes the raw tree when comments are off."""
    raw = prune_unwanted_nodes(copy(tree), RAW_TREE_PRUNE)
    return prune_unwanted_nodes(raw, REMOVE_COMMENTS_AND_LISTS)


def _cleaned(raw: html.HtmlElement, is_forum: bool, options: Extractor) -> html.HtmlElement:
    """A copy of the raw tree, cleaned and converted as trafilatura's main pass reads it."""
    cleaned = convert_tags(tree_cleaning(copy(raw), options), options, options.url)
    return cleaned if is_forum else prune_unwanted_nodes(cleaned, REMOVE_COMMENTS)


def main_content(tree: html.HtmlElement, options: Extractor) -> etree._Element | None:
    """trafilatura's XML body for `tree`, or None where bare_extraction finds none; `tree` is not changed.

    `options` must be precision without comments (what body.py passes): other options take other paths.
    """
    try:
        is_forum = _forum_thread_page(tree)
        raw = _raw_tree(tree)
        cleaned = _cleaned(raw, is_forum, options)
        body, text = extract_content(cleaned, options, lambda: _cleaned(_raw_tree(tree), is_forum, options))
        body, text = _compare(tree, raw, body, text, options)
    except (TypeError, ValueError):  # bare_extraction's "discarding data"
        return None
    return body if len(text) >= options.min_output_size else None


def _compare(
    tree: html.HtmlElement, raw: html.HtmlElement, body: etree._Element, text: str, options: Extractor
) -> tuple[etree._Element, str]:
    """trafilatura's compare_extraction in precision mode: readability, then jusText on short or unclean text."""
    algorithm = try_readability(prune_unwanted_nodes(raw, OVERALL_DISCARD))
    algorithm_text = trim(etree.tostring(algorithm, method="text", encoding="utf-8").decode("utf-8"))
    use_readability = _prefer_readability(body, algorithm, algorithm_text, len(text), len(algorithm_text), options)
    if use_readability:
        body, text = algorithm, algorithm_text
    unclean = bool(body.xpath(SANITIZED_XPATH))
    if unclean or len(text) < options.min_extracted_size:
        body2, text2 = justext_rescue(tree_cleaning(_raw_tree(tree), options), options)
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

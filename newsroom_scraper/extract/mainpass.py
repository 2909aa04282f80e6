"""trafilatura's main extraction pass (main_extractor.extract_content), forked at its two dear spots.

extract_content deep-copies the cleaned tree on every page for a recovery
pass that runs on few (when the text found is short), and prunes each
candidate frame with prune_unwanted_sections, whose over-pruning guard finds
the outermost of its matches by walking every match's ancestors, and whose
sweeps are regex XPaths. Here the recovery pass reads a tree rebuilt the way
the first one was (`rebuild`, from maincontent), only when it runs; the
guard's outermost matches come from one walk of the frame; the sweeps are
sweeps.py's. The rest is trafilatura 2.3's code, step for step, and
tests/test_extract_maincontent.py holds the result to bare_extraction's body.

Derived from trafilatura 2.3.1 (main_extractor.py), Copyright Adrien Barbaresi and contributors, licensed under
the Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0); changed as said above. See NOTICE.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree, html
from trafilatura import xpaths
from trafilatura.htmlprocessing import (
    delete_by_link_density,
    link_density_test_tables,
    process_node,
    prune_unwanted_nodes,
)
from trafilatura.main_extractor import (
    NOT_AT_THE_END,
    REBUILT_BLOCKS,
    _elem_text,
    handle_textelem,
    recover_wild_text,
)
from trafilatura.settings import INLINE_FORMATTABLE, MIN_DUPLICATE_LENGTH, TAG_CATALOG, Extractor
from trafilatura.utils import SPACING_PROTECTED, text_chars_test
from trafilatura.xml import delete_element

from .sweeps import BODY, cheaper, overall_discard
from .vocabulary import Vocabulary

OVERALL_DISCARD = overall_discard()
DISCARD_IMAGE_ELEMENTS = cheaper(xpaths.DISCARD_IMAGE_ELEMENTS)
TEASER_DISCARD = cheaper(xpaths.TEASER_DISCARD_XPATH)
PRECISION_DISCARD = cheaper(xpaths.PRECISION_DISCARD_XPATH)


def extract_content(
    cleaned: html.HtmlElement, options: Extractor, rebuild: Callable[[], html.HtmlElement], words: Vocabulary
) -> tuple[etree._Element, str]:
    """trafilatura's extract_content(cleaned, options); `rebuild()` makes a new tree equal to `cleaned` as given.

    `words` holds attribute values of a tree `cleaned` was made from: sweeps that can select nothing are not run.
    """
    order = list(cleaned.iter())
    body, text, potential_tags = _extract(cleaned, options, words)
    if len(body) == 0 or len(text) < options.min_extracted_size:
        backup = rebuild()
        consumed = {twin for element, twin in zip(order, backup.iter(), strict=True) if element.tag == "done"}
        body = recover_wild_text(backup, body, options, potential_tags, consumed)
        text = " ".join(body.itertext()).strip()
    previous = None
    for element in list(body):
        current = _elem_text(element)
        if current and current == previous and len(current) > MIN_DUPLICATE_LENGTH:
            delete_element(element, keep_tail=False)
        else:
            previous = current
    etree.strip_elements(body, "done")
    etree.strip_tags(body, "div")
    for linebreak in body.iter("lb"):
        if (
            linebreak.tail
            and not text_chars_test(linebreak.tail)
            and not any(ancestor.tag in SPACING_PROTECTED for ancestor in linebreak.iterancestors())
        ):
            linebreak.tail = None
    return body, text


def _extract(tree: html.HtmlElement, options: Extractor, words: Vocabulary) -> tuple[etree._Element, str, set[str]]:
    """main_extractor._extract: the first BODY_XPATH frame that gives content, pruned and converted."""
    potential_tags = set(TAG_CATALOG)
    if options.tables is True:
        potential_tags.update(["table", "td", "th", "tr"])
    if options.images is True:
        potential_tags.add("graphic")
    if options.links is True:
        potential_tags.add("ref")
    body = etree.Element("body")
    for expression in words.able(BODY):
        subtree = next((found for found in expression(tree) if found is not None), None)
        if subtree is None:
            continue
        subtree = prune_sections(subtree, potential_tags, options, words)
        if len(subtree) == 0:
            continue
        in_paragraphs = subtree.xpath("//p//text()")
        factor = 1 if options.focus == "precision" else 3
        if not in_paragraphs or len("".join(in_paragraphs)) < options.min_extracted_size * factor:
            potential_tags.add("div")
        start = len(body)
        lead = _frame_content(subtree, body, potential_tags, options)
        while len(body) > 0 and (body[-1].tag in NOT_AT_THE_END):
            delete_element(body[-1], keep_tail=False)
        if sum(element.tag != "graphic" for element in body) > 1:
            if lead is not None:
                body.insert(start, lead)
            break
    return body, " ".join(body.itertext()).strip(), potential_tags


def _frame_content(
    subtree: html.HtmlElement, body: etree._Element, potential_tags: set[str], options: Extractor
) -> etree._Element | None:
    """_extract's loop over one frame: its elements converted into `body`; the frame's lead text, if any."""
    elements = subtree.xpath(".//*")
    tags = {element.tag for element in elements}
    if tags == {"lb"} or (subtree.tag == "div" and "div" in potential_tags and tags <= INLINE_FORMATTABLE | {"lb"}):
        elements = [subtree]
    lead = None
    if elements != [subtree] and text_chars_test(subtree.text):
        lead = etree.Element("p")
        lead.text = subtree.text
        lead = process_node(lead, options)
    for element in elements:
        if element.getroottree().getroot() is body:
            continue
        tag, tail = element.tag, element.tail
        processed = handle_textelem(element, potential_tags, options)
        if processed is not None:
            body.append(processed)
            if element.getroottree().getroot() is not body:
                element.tag = "done"
        if tag in REBUILT_BLOCKS and text_chars_test(tail) and (processed is None or processed.tail is None):
            after = etree.Element("p")
            after.text = tail
            if process_node(after, options) is not None:
                body.append(after)
    return lead


def prune_sections(
    tree: html.HtmlElement, potential_tags: set[str], options: Extractor, words: Vocabulary
) -> html.HtmlElement:
    """main_extractor.prune_unwanted_sections (teasers discarded), with the sweeps above."""
    precision = options.focus == "precision"
    tree = _prune_guarded(tree, OVERALL_DISCARD)
    if "graphic" not in potential_tags:
        tree = prune_unwanted_nodes(tree, words.able(DISCARD_IMAGE_ELEMENTS))
    if options.focus != "recall":
        tree = prune_unwanted_nodes(tree, words.able(TEASER_DISCARD))
        if precision:
            tree = prune_unwanted_nodes(tree, words.able(PRECISION_DISCARD))
    for _ in range(2):
        tree = delete_by_link_density(tree, "div", backtracking=True, favor_precision=precision)
        tree = delete_by_link_density(tree, "list", backtracking=False, favor_precision=precision)
        tree = delete_by_link_density(tree, "p", backtracking=False, favor_precision=precision)
    if "table" in potential_tags or precision:
        for table in [table for table in tree.iter("table") if link_density_test_tables(table) is True]:
            delete_element(table, keep_tail=False)
    if precision:
        while len(tree) > 0 and (tree[-1].tag == "head"):
            delete_element(tree[-1], keep_tail=False)
        tree = delete_by_link_density(tree, "head", backtracking=False, favor_precision=True)
        tree = delete_by_link_density(tree, "quote", backtracking=False, favor_precision=True)
    etree.strip_tags(tree, "span", *(() if "ref" in potential_tags else ("ref",)))
    return tree


def _prune_guarded(tree: html.HtmlElement, sweeps: list) -> html.HtmlElement:
    """prune_unwanted_nodes(tree, sweeps, with_backup=True): nothing pruned when it would take over 6/7 of the text.

    The outermost matches are found in one walk of the tree, not by walking each match's ancestors.
    """
    matches = dict.fromkeys(element for sweep in sweeps for element in sweep(tree))
    inner: set = set()
    open_matches = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if element in matches:
            if event == "start":
                if open_matches:
                    inner.add(element)
                open_matches += 1
            else:
                open_matches -= 1
    outer = [element for element in matches if element not in inner]
    old_len = len(tree.text_content())
    if old_len - sum(len(element.text_content()) for element in outer) > old_len / 7:
        for element in outer:
            delete_element(element)
    return tree

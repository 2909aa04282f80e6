"""The body phase: the article's paragraphs, and the credits found among them.

On the tree the header phase left: remove the <head>, keep a profile's body
elements, prune the boilerplate, reshape the layout, let trafilatura choose
the main content, clean its paragraphs (collecting credits); complete a
fragment from the JSON-LD articleBody and put the standfirst first. Each tree edit
names its step (page.TreeEdit), in the one order they may happen. When
pruning left too little, trafilatura reads the page as it came instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import html

from .body import Block, extract_blocks
from .byline import credited_byline, markup_authors
from .clean import Credits, clean_blocks
from .header import Header
from .layout import mark_main_container, paragraphize, unwrap_layout_tables
from .page import ParsedPage, TreeEdit
from .parse import parse_html
from .prune import prune_boilerplate
from .rules.page import MIN_BODY_LENGTH
from .selectors import compile_selector, select_elements
from .standfirst import with_standfirst
from .structured_body import complete_body
from .text import text_length


@dataclass(slots=True, frozen=True)
class Body:
    """The article's paragraphs and what its cleaning and author search found."""

    blocks: tuple[Block, ...]
    text: str  # the record's body: paragraphs separated by a blank line
    credits: Credits  # source and agency credits, reporters, a closing date line
    marked_byline: str | None  # the byline marked up in the page, when it names someone
    link_share: float  # share of the text that is the page's own link texts
    removed: dict[str, int]  # "prune.<stage>": elements pruned; "clean.<rule or stage>": paragraphs dropped


def read_body(page: ParsedPage, header: Header) -> Body:
    """The article's paragraphs: prune, reshape the layout, let trafilatura choose, clean."""
    tree, profile = page.tree, page.profile
    head = tree.find("head")
    if head is not None:
        page.edit(TreeEdit.REMOVE_HEAD).remove(head)
    if profile.body:
        keep_only(page.edit(TreeEdit.KEEP_PROFILE_BODY), select_elements(tree, profile.body))
    drops = [compile_selector(selector) for selector in profile.drop]
    # The lines were read from the intact <body>; a profile's body elements, or a page without one, have others.
    intact = not profile.body and tree.find("body") is not None
    floor = text_floor(page.lines, header.crumb_chars) if intact else 0
    pruned = prune_boilerplate(page.edit(TreeEdit.PRUNE_BOILERPLATE), header.headline, drops, floor)
    unwrap_layout_tables(page.edit(TreeEdit.UNWRAP_LAYOUT_TABLES))
    paragraphize(page.edit(TreeEdit.PARAGRAPHIZE))
    mark_main_container(page.edit(TreeEdit.MARK_MAIN_CONTAINER))
    title = header.title.value or ""
    credits = Credits()
    removed: Counter[str] = Counter()
    blocks = extract_blocks(tree, page.url, header.headline, header.header_lines)
    cleaned = clean_blocks(blocks, title, credits, header.header_lines, header.link_texts, removed)
    if text_length(" ".join(block.text for block in cleaned)) < MIN_BODY_LENGTH and not profile.body:
        unpruned = _unpruned_body(page, header, credits)
        removed["unpruned_body"] += bool(unpruned)  # the body was read again from the page as it came
        cleaned = unpruned or cleaned
    declared = None if profile.body else complete_body(cleaned, page.meta.article_value("articleBody"))
    if declared:
        removed["declared_body"] += 1  # the JSON-LD articleBody replaced a fragment the markup showed
        cleaned = clean_blocks(declared, title, credits, header.header_lines, header.link_texts) or cleaned
    cleaned = with_standfirst(cleaned, page.lines, header.headline_index, page.meta)
    text = "\n\n".join(block.text for block in cleaned)
    marked = header.marked_byline
    if header.search_marked_author:
        marked = markup_authors(page.edit(TreeEdit.SEARCH_MARKED_AUTHORS))
    link_share = _link_share(header.link_texts, text) if text else 0.0
    removed = {f"prune.{name}": count for name, count in pruned.items()} | {
        f"clean.{name}": n for name, n in removed.items()
    }
    return Body(tuple(cleaned), text, credits, credited_byline(marked), link_share, removed)


def text_floor(lines: list[str], crumb_chars: int) -> int:
    """At most the length of the squashed text of a <body> whose lines are `lines`, once its breadcrumb
    (`crumb_chars` long) is dropped: what pruning's guard compares elements with before it reads that text.

    The lines hold every word of the body's text, and each space within a line
    stands for white space between two words there: their lengths add up to at
    most the text's squashed length. Dropping the breadcrumb took away its
    characters (R, at most R words) and may have joined the two words around
    it: the squashed length fell by at most 2R + 1.
    """
    shown = sum(map(len, lines))
    return max(0, shown - 2 * crumb_chars - 1) if crumb_chars else shown


def keep_only(tree: html.HtmlElement, elements: list[html.HtmlElement]) -> None:
    """Make the profile's body elements the whole <body>; nothing else on the page is a candidate."""
    body = tree.find("body")
    if body is None or not elements:
        return
    kept = [element for element in elements if not any(a in elements for a in element.iterancestors())]
    for element in kept:
        element.getparent().remove(element)
        element.tail = None
    for child in list(body):
        body.remove(child)
    body.text = None
    body.extend(kept)


def _unpruned_body(page: ParsedPage, header: Header, credits: Credits) -> list[Block]:
    """The body trafilatura finds on the page as it came, when pruning left too little.

    Pruning is guarded, but a template can still label the story's own
    container like a box (a "sidebar" layout, a form around everything).
    Parsing again costs a millisecond and only happens for these pages.
    """
    tree = parse_html(page.html_text)
    if tree is None:
        return []
    found = Credits()
    title = header.title.value or ""
    fallback = clean_blocks(extract_blocks(tree, page.url), title, found, header.header_lines, header.link_texts)
    if text_length(" ".join(block.text for block in fallback)) < MIN_BODY_LENGTH:
        return []
    credits.merge(found)
    return fallback


def _link_share(links: frozenset[str], body: str) -> float:
    """Share of the body's paragraphs (by length) that are the text of a link on the page."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    total = sum(len(p) for p in paragraphs) or 1
    linked = sum(len(p) for p in paragraphs if p.lstrip("- ") in links)
    return linked / total

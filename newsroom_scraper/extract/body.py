"""Main content: trafilatura on the pruned tree, turned into our paragraph blocks.

Trafilatura returns its own XML (p, head, list/item, quote, table, lb). We
keep its choice of content and render it ourselves, so that the record's body
format (blank line between paragraphs, "- " list items, headings as their own
paragraph) does not depend on trafilatura's text serialiser.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

from lxml import html
from trafilatura.settings import Extractor

from .maincontent import main_content
from .text import element_text, link_density, short_text, squash

# favor_precision: our own pruning and cleaning recover recall cheaply, while
# boilerplate that trafilatura lets through is what costs records their
# exactness. Comments are never the article.
# Built once: an Extractor reads its limits from a ConfigParser, a millisecond a page.
# The "xml" format leaves trafilatura's body as XML: its plain-text rendering is not made,
# since render_blocks renders the body itself. Each call gets a copy carrying its URL.
TRAFILATURA_OPTIONS = Extractor(
    output_format="xml", precision=True, comments=False, tables=True, images=False, with_metadata=False
)
# A standfirst is a real paragraph, not a caption or a date line.
MIN_LEAD_CHARS = 60
MAX_LEAD_LINK_DENSITY = 0.3


@dataclass(slots=True)
class Block:
    """One paragraph of the body; `kind` is p, head, list, quote or table."""

    kind: str
    text: str


def _inline_text(element) -> list[str]:
    """Text of a trafilatura element, split at its <lb/> line breaks."""
    lines = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            lines.append("")
        else:
            lines[-1] += "".join(_inline_text(child)) if child.tag != "graphic" else ""
        lines[-1] += child.tail or ""
    return lines


def _lines(element) -> list[str]:
    return [line for line in (squash(x) for x in _inline_text(element)) if line]


def render_blocks(body) -> list[Block]:
    """trafilatura's XML body as a list of blocks; each <lb/> starts a new paragraph."""
    blocks: list[Block] = []
    for child in body:
        tag = child.tag
        if tag == "list":
            items = [" ".join(_lines(item)) for item in child.iter("item")]
            items = [f"- {item}" for item in items if item]
            if items:
                blocks.append(Block("list", "\n".join(items)))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [" ".join(_lines(cell)) for cell in row.iter("cell")]
                line = " ".join(cell for cell in cells if cell)
                if line:
                    blocks.append(Block("table", line))
        elif tag in ("graphic", "lb"):
            continue
        else:
            kind = tag if tag in ("head", "quote") else "p"
            blocks.extend(Block(kind, line) for line in _lines(child))
    return blocks


def recover_lead(
    tree: html.HtmlElement, headline: html.HtmlElement | None, blocks: list[Block], header_lines: set[str] = frozenset()
) -> list[Block]:
    """Paragraphs between the headline's header lines and the first extracted paragraph.

    CMSes put the standfirst ("chapo", "lead") in a container of its own
    beside the story's, and trafilatura picks only the story's. A paragraph
    is recovered only when it stands after the headline and its byline and
    date lines and before the first paragraph trafilatura kept, in document
    order; a deck between the headline and the byline is a subtitle, not body.
    """
    if headline is None or not blocks:
        return blocks
    first = blocks[0].text[:60]
    longest = max(map(len, header_lines), default=0)
    leads: list[str] = []
    after_headline = False
    for element in tree.iter():
        if element is headline:
            after_headline = True
            continue
        if not after_headline or not isinstance(element.tag, str):
            continue
        if element.tag != "p":
            # A container is a header line only when it is short: its text is read no further.
            if header_lines and short_text(element, longest) in header_lines:
                leads = []
            continue
        text = element_text(element)
        if text.startswith(first):
            known = {block.text for block in blocks}
            return [Block("p", lead) for lead in leads if lead not in known] + blocks
        if text in header_lines:
            leads = []
        elif len(text) >= MIN_LEAD_CHARS and link_density(element) < MAX_LEAD_LINK_DENSITY:
            leads.append(text)
    return blocks


def extract_blocks(
    tree: html.HtmlElement, url: str | None, headline: html.HtmlElement | None = None, header_lines=frozenset()
) -> list[Block]:
    """The main-content blocks of the (already pruned) tree; [] when there is none."""
    options = copy(TRAFILATURA_OPTIONS)
    options.url = options.source = url
    body = main_content(tree, options)
    if body is None:
        return []
    return recover_lead(tree, headline, render_blocks(body), header_lines)

"""Small text helpers shared by the extraction stages."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree, html

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main "
    "nav ol p pre section table tbody td tfoot th thead tr ul br".split()
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
WORD = re.compile(r"\w+", re.UNICODE)
NON_WORD = re.compile(r"\W+")


def squash(text: str | None) -> str:
    """One line, single spaces, no surrounding white space (str.split knows the Unicode spaces)."""
    if not text:
        return ""
    return " ".join(text.replace("\u200b", " ").split())


def comparable(text: str) -> str:
    """The letters and digits of a text, lower-cased: how titles, lines and names are compared."""
    return NON_WORD.sub("", text).lower()


def normalise_text(text: str) -> str:
    """NFC, single spaces within lines, no blank lines: the form tests compare."""
    text = unicodedata.normalize("NFC", text)
    return "\n".join(squash(line) for line in text.splitlines() if line.strip())


def element_text(element: html.HtmlElement) -> str:
    """The element's text, squashed: text_content(), an XPath call, only when it has children to join."""
    return squash(element.text if len(element) == 0 else element.text_content())


# len(element.text_content()) counted by libxml2: the text of a page-wide wrapper is not made a Python string
# (decoded and copied) only to learn its length. Both count code points.
RAW_LENGTH = etree.XPath("string-length()")


def raw_length(element: html.HtmlElement) -> int:
    """len(element.text_content()), without building the text."""
    return int(RAW_LENGTH(element))


def text_bytes(element: html.HtmlElement) -> bytes:
    """element.text_content() as UTF-8, serialised in C: half the cost, for a text that may never be read."""
    return etree.tostring(element, method="text", encoding="utf-8", with_tail=False)


def short_text(element: html.HtmlElement, limit: int) -> str | None:
    """element_text(element) when it is at most `limit` characters long, else None.

    Reading stops once more than `limit` characters that are not white space
    have been seen, so asking whether the whole article is short costs a line.
    """
    pieces: list[str] = []
    letters = 0
    for piece in element.itertext():
        pieces.append(piece)
        letters += sum(len(word) for word in piece.replace("\u200b", " ").split())
        if letters > limit:
            return None
    text = squash("".join(pieces))
    return text if len(text) <= limit else None


# The element's text with a line break at each block element's start and end, in libxslt's C loop:
# three times faster than walking the tree from Python, line for line the same (_walked_text).
BLOCK_TEXT = etree.XSLT(
    etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="{"|".join(sorted(BLOCK_TAGS))}">'
        "<xsl:text>&#10;</xsl:text><xsl:apply-templates/><xsl:text>&#10;</xsl:text></xsl:template>"
        "</xsl:stylesheet>"
    )
)


def block_lines(element: html.HtmlElement) -> list[str]:
    """The element's text split where a browser would start a new line."""
    try:
        text = str(BLOCK_TEXT(element))
    except etree.XSLTApplyError:  # nesting past libxslt's template depth
        text = _walked_text(element)
    lines = (squash(line) for line in text.split("\n") if line and not line.isspace())
    return [line for line in lines if line]


def _walked_text(element: html.HtmlElement) -> str:
    """What BLOCK_TEXT gives, from an iterative walk: pages nest thousands of elements deep."""
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if not isinstance(node.tag, str):
            if event == "end" and node.tail and node is not element:
                parts.append(node.tail)
            continue
        block = node.tag in BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
        else:
            if block:
                parts.append("\n")
            if node.tail and node is not element:
                parts.append(node.tail)
    return "".join(parts)


def walked_lines(element: html.HtmlElement) -> list[str]:
    """block_lines without libxslt, for an element of a tree that later XPath searches still read: libxslt
    numbers the nodes it walks for document order, and a search after it may then find another first match."""
    lines = (squash(line) for line in _walked_text(element).split("\n") if line and not line.isspace())
    return [line for line in lines if line]


def text_length(text: str) -> int:
    """Length that weighs a CJK character like a short word, so thresholds work across scripts."""
    return len(text) + 2 * len(CJK.findall(text))


class LinkTexts(dict):
    """Each link's squashed text, read once: the pruning rules ask for it box after box.

    Valid while the tree is not changed; a pass builds its own.
    """

    def __missing__(self, link) -> str:
        text = self[link] = element_text(link)
        return text

    def density(self, element, text: str, anchors: list | None = None) -> float:
        """Share of the element's squashed text (`text`) that is link text (`anchors`: its links, where read)."""
        if not text:
            return 0.0
        links = element.iter("a") if anchors is None else anchors
        return min(1.0, sum(len(self[a]) for a in links) / len(text))


def link_density(element: html.HtmlElement) -> float:
    return LinkTexts().density(element, element_text(element))


def text_lengths(root: html.HtmlElement) -> dict:
    """Length of every element's text (as text_content() would give it), in one pass from the leaves up.

    Checking each element's size with text_content() costs the whole subtree
    every time; this costs one visit per element.
    """
    lengths: dict = {}
    for element in reversed(list(root.iter())):
        total = len(element.text or "") if isinstance(element.tag, str) else 0
        for child in element:
            total += lengths.get(child, 0) + len(child.tail or "")
        lengths[element] = total
    return lengths

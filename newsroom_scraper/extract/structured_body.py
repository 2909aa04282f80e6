"""The article text a page declares in JSON-LD (`articleBody`), for pages whose markup shows only part of it.

Paywalled and script-rendered pages put the first paragraphs in the markup
and the whole story in their JSON-LD. When what the markup gave is a small
part of that declared text and is itself found in it, the declared text is
the better body: it is the same story, complete.
"""

from __future__ import annotations

import re
from html import unescape

from lxml import etree, html

from .body import Block
from .rules.page import FRAGMENT_SHARE, SAME_STORY_SHARE
from .text import block_lines, squash, text_length

# HTML stored as text, sometimes escaped twice ("&amp;lt;p&amp;gt;").
MAX_ESCAPES = 2
WORDS = re.compile(r"\w+")
TAG = re.compile(r"<(p|br|div|h[1-6]|strong|em|a|ul|li)\b", re.IGNORECASE)


def declared_paragraphs(text: str) -> list[str]:
    """articleBody as paragraphs: its HTML blocks when it is HTML (escaped once or twice by some CMSes), else lines."""
    for _ in range(MAX_ESCAPES):
        if "&lt;" not in text and "&amp;" not in text:
            break
        text = unescape(text)
    if TAG.search(text):
        try:
            return block_lines(html.fragment_fromstring(text, create_parent="div"))
        except etree.ParserError:
            pass
    return [line for line in (squash(part) for part in text.splitlines()) if line]


def _share_found(words: list[str], declared: str) -> float:
    if not words:
        return 0.0
    vocabulary = set(WORDS.findall(declared.lower()))
    return sum(word in vocabulary for word in words) / len(words)


def complete_body(blocks: list[Block], declared: str | None) -> list[Block] | None:
    """The declared text as blocks when `blocks` are a fragment of it; None when they stand."""
    if not declared or not isinstance(declared, str):
        return None
    paragraphs = declared_paragraphs(declared)
    declared_text = " ".join(paragraphs)
    ours = " ".join(block.text for block in blocks)
    if text_length(ours) >= FRAGMENT_SHARE * text_length(declared_text):
        return None
    if _share_found(WORDS.findall(ours.lower()), declared_text) < SAME_STORY_SHARE:
        return None
    return [Block("p", paragraph) for paragraph in paragraphs]

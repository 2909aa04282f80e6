"""Words of an element's class and id, as the markup rules match them.

A token matches a whole word of a class or id split on "-", "_", ".", ":",
"/" and camelCase, or a whole class name with its separators removed: "share"
hits "post-share-bar" and "postShareBar", "readmore" hits "read-more".
Class names recur within a page and across a site, so each name is split
once while it is in a bounded cache, not once per element.
"""

from __future__ import annotations

import re

from lxml import html

CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
SPLIT = re.compile(r"[\s_\-:/.]+")
# Names kept split; when full, the cache starts afresh (the crawl has moved on to other sites'
# templates). Measured over the 2,159 pages of ../shared/corpora (1.49 M lookups, 199 k distinct
# names): starting afresh at 8,192 hits 76 % of lookups in about 5 MiB, where keeping the first
# 65,536 names and no others hit 31 % in 38 MiB (unbounded: 87 %, some 115 MiB for these pages alone).
MAX_CACHED_NAMES = 8192
_NAME_WORDS: dict[str, frozenset[str]] = {}


def remember(cache: dict, key: str, value):
    """Keep `value` for `key` in one of the per-name caches (here, prune's): when the cache is
    full it starts afresh, so it stays bounded at MAX_CACHED_NAMES and warm for the site being crawled."""
    if len(cache) >= MAX_CACHED_NAMES:
        cache.clear()
    cache[key] = value
    return value


def name_words(name: str) -> frozenset[str]:
    """The words of one class name (or id), plus the name with its separators removed."""
    words = _NAME_WORDS.get(name)
    if words is None:
        parts = [part.lower() for part in SPLIT.split(CAMEL.sub(" ", name)) if part]
        words = remember(_NAME_WORDS, name, frozenset((*parts, "".join(parts))))
    return words


def names_of(element: html.HtmlElement) -> list[str]:
    return f"{element.get('class') or ''} {element.get('id') or ''}".split()


def class_words(element: html.HtmlElement) -> frozenset[str]:
    """All words of the element's class and id."""
    return frozenset().union(*(name_words(name) for name in names_of(element)))


def has_class_word(element: html.HtmlElement, tokens: frozenset[str]) -> bool:
    """Whether a word of the element's class or id is one of `tokens`."""
    return any(not name_words(name).isdisjoint(tokens) for name in names_of(element))

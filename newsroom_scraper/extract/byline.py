"""Authors and attribution.

Authors are people: names from JSON-LD, author meta tags and the visible
byline, never "Staff", an agency, a photographer or the site itself.
Attribution follows DESIGN.md: an explicit "Source:" credit first, then the
agency of a dateline or trailing credit, then the byline's names as written.
"""

from __future__ import annotations

import re

from lxml import html

from . import rules
from .clean import Credits
from .prune import class_words
from .structured import PageMetadata
from .text import element_text, squash

AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
               "byl", "citation_author")  # fmt: skip
NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|、|，|/)\s*", re.IGNORECASE)
MAX_NAME_WORDS = 5


def _clean_name(name: str) -> str:
    name = squash(re.sub(r"^(by|von|par|por|door)\s+", "", squash(name), flags=re.IGNORECASE))
    return rules.JOB_TITLE.sub("", name).strip(" ,;|:")


def is_person(name: str, site_keys: set[str]) -> bool:
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name) or "@" in name or "://" in name:
        return False
    words = name.lower().replace(".", " ").split()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    if any(word in rules.NOT_AUTHOR_WORDS for word in words):
        return False
    key = re.sub(r"\W+", "", name).lower()
    return key not in site_keys and key not in rules.AGENCIES


def split_names(text: str) -> list[str]:
    """'Jane Doe and John Smith, Staff Writers' -> ['Jane Doe', 'John Smith']."""
    text = rules.JOB_TITLE.sub("", squash(text))
    return [_clean_name(part) for part in NAME_SPLIT.split(text) if _clean_name(part)]


def _jsonld_authors(meta: PageMetadata) -> list[str]:
    value = meta.article_value("author")
    items = value if isinstance(value, list) else [value] if value else []
    names = []
    for item in items:
        if isinstance(item, dict):
            if "Organization" in str(item.get("@type", "")):
                continue
            item = item.get("name")
        if isinstance(item, str):
            names.extend(split_names(item))
    return names


def find_byline(lines: list[str], headline_index: int | None) -> str | None:
    """The byline text near the headline ("By Jane Doe, Science Writer | March 5, 2024")."""
    if headline_index is None:
        return None
    for line in lines[max(0, headline_index - 2) : headline_index + 10]:
        match = rules.BYLINE.match(line)
        if match:
            names = re.split(r"\s*\|\s*|\s{2,}", match.group("names"))[0]
            names = re.sub(r"\s*(on|am|le|el)?\s*\d.*$", "", names)  # a date glued after the names
            return rules.JOB_TITLE.sub("", names).strip(" ,;|:") or None
    return None


BYLINE_CLASS_WORDS = frozenset({"author", "byline", "autor", "auteur", "writer", "reporter", "authors", "creator"})


def byline_from_markup(tree: html.HtmlElement) -> str | None:
    """The text of an element marked as the author (rel, itemprop, or a class word such as "news-author")."""
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("meta", "link", "script", "style"):
            continue
        marked = (
            element.get("rel") == "author"
            or (element.get("itemprop") or "").lower() == "author"
            or class_words(element) & BYLINE_CLASS_WORDS
        )
        if marked:
            text = _clean_name(element_text(element))
            if 2 < len(text) < 80 and not any(ch.isdigit() for ch in text):
                return text
    return None


def find_authors(meta: PageMetadata, byline: str | None, credits: Credits, site_keys: set[str]) -> list[str]:
    candidates = _jsonld_authors(meta)
    if not candidates:
        for key in AUTHOR_META:
            for value in meta.meta.get(key, ()):
                candidates.extend(split_names(value))
    if not candidates and byline:
        candidates = split_names(byline)
    candidates += credits.reporters
    authors: list[str] = []
    for name in candidates:
        if is_person(name, site_keys) and name not in authors:
            authors.append(name)
    return authors


def find_attribution(credits: Credits, byline: str | None, authors: list[str], site_keys: set[str]) -> str | None:
    if credits.source:
        return credits.source
    if credits.agency:
        return credits.agency
    return byline or None


SOURCE_INLINE = re.compile(
    r"(?:来源|來源|稿源|出处|source|quelle|fuente|fonte|источник|المصدر)\s*[:：]\s*"
    r"(?P<name>[^|【\[\]】\s]+(?:\s(?![\d【\[|]|作者|编辑|责任编辑|时间|发布|点击|浏览|字号)[^|【\[\]】\s]+){0,3})",
    re.IGNORECASE,
)


def header_source(lines: list[str], headline_index: int | None) -> str | None:
    """A "来源：新华社" / "Source: China Daily" credit written in the header lines."""
    if headline_index is None:
        return None
    for line in lines[headline_index + 1 : headline_index + 8]:
        if len(line) > 200:
            continue
        match = SOURCE_INLINE.search(line)
        if match:
            return match.group("name").strip(" ,;") or None
    return None

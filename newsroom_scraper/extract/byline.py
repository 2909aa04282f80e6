"""Authors and attribution.

Authors are people: names from JSON-LD, author meta tags and the visible
byline, never "Staff", an agency, a photographer or the site itself.
Attribution follows DESIGN.md: an explicit "Source:" credit first, then the
agency of a dateline or trailing credit, then the byline's names as written.
"""

from __future__ import annotations

import re

from lxml import html
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_author as trafilatura_extract_author

from . import rules
from .clean import Credits
from .structured import PageMetadata
from .text import squash

AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
               "byl", "citation_author")  # fmt: skip
NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|、|，|/)\s*", re.IGNORECASE)
MAX_NAME_WORDS = 5


NAME_LABEL = re.compile(
    r"^(view all posts by|all posts by|posted by|written by|author|autor|autorin|auteur|geschrieben von|"
    r"veröffentlicht von|eingestellt von|verfasst von|publié par|publicado por|escrito por|by|von|par|por|door|"
    r"di|af|av)\b\s*[:：]?\s*",
    re.IGNORECASE,
)


def _clean_name(name: str) -> str:
    name = squash(NAME_LABEL.sub("", squash(name)))
    return rules.JOB_TITLE.sub("", name).strip(" ,;|:·•–—-")


def display_name(name: str) -> str:
    """"ZHANG YU" -> "Zhang Yu": bylines shout, records do not."""
    return name.title() if name.isupper() and len(name) > 3 and name.isascii() else name


def _organisation(value: str) -> bool:
    words = re.findall(r"[\w-]+", value.lower())
    return any(word in rules.NOT_AUTHOR_WORDS for word in words) and len(words) > 2


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


def markup_authors(tree: html.HtmlElement) -> str | None:
    """Author names marked up in the page (rel/itemprop author, "byline" and "author" classes), as written.

    trafilatura's author search knows many templates and already discards
    comment forms and "Posted on" labels; it works on a copy of the tree.
    """
    try:
        found = trafilatura_extract_author(tree)
    except Exception:  # noqa: BLE001 - a failing heuristic must not cost the page
        return None
    return found.replace("; ", " and ") if found else None


def _meta_names(meta: PageMetadata) -> list[str]:
    """Names from author meta tags; URLs (Facebook profiles in article:author) and e-mails are not names."""
    names: list[str] = []
    for key in AUTHOR_META:
        for value in meta.meta.get(key, ()):
            if _organisation(value):
                continue
            normalised = normalize_authors(None, value)
            if normalised:
                names.extend(name.strip() for name in normalised.split(";") if name.strip())
    return names


def find_authors(
    meta: PageMetadata, byline: str | None, credits: Credits, site_keys: set[str], marked: str | None = None
) -> list[str]:
    """People credited, from the first source that names one: JSON-LD, author meta tags, the visible byline,
    the marked-up author; plus reporters named in a "(Reporting by ...)" tail."""
    sources = (
        lambda: _jsonld_authors(meta),
        lambda: _meta_names(meta),
        lambda: split_names(byline) if byline else [],
        lambda: split_names(marked) if marked else [],
    )
    authors: list[str] = []
    for source in sources:
        authors = [display_name(name) for name in dict.fromkeys(source()) if is_person(name, site_keys)]
        if authors:
            break
    for name in credits.reporters:
        if is_person(name, site_keys) and display_name(name) not in authors:
            authors.append(display_name(name))
    return authors


def metadata_names(meta: PageMetadata) -> list[str]:
    return _jsonld_authors(meta) or _meta_names(meta)


def find_attribution(credits: Credits, byline: str | None, authors: list[str]) -> str | None:
    """DESIGN.md's order: an explicit source credit, the agency of a dateline or trailing credit, the byline."""
    if credits.source:
        return credits.source
    if credits.agency:
        return credits.agency
    if byline:
        return byline
    if authors:
        return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return None


SOURCE_INLINE = re.compile(
    r"(?:来源|來源|稿源|出处|出典|source|quelle|fuente|fonte|источник|المصدر|^from)\s*[:：]\s*"
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

"""Authors and attribution.

Authors are people: names from JSON-LD, author meta tags and the visible
byline, never "Staff", an agency, a photographer or the site itself.
Attribution follows DESIGN.md: an explicit "Source:" credit first, then the
agency of a dateline or trailing credit, then the byline's names as written.
"""

from __future__ import annotations

import re

from lxml import html
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_metainfo
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from . import rules
from .classnames import has_class_word
from .structured import PageMetadata
from .text import element_text, squash

MAX_BYLINE_CHARS = 80
PLAIN_NAME = re.compile(r"[^\W\d_][\w .'’-]{2,40}")
COMMENT_WORDS = frozenset(rules.COMMENT_TOKENS)
AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
               "byl", "citation_author")  # fmt: skip
NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|、|，|/)\s*", re.IGNORECASE)
MAX_NAME_WORDS = 5


NAME_LABEL = re.compile(
    r"^(view all posts by|all posts by|posted by|written by|author|autor|autorin|auteur|geschrieben von|بقلم|"
    r"veröffentlicht von|eingestellt von|verfasst von|publié par|publicado por|escrito por|by|von|par|por|door|"
    r"di|af|av)\b\s*[:：]?\s*",
    re.IGNORECASE,
)


def _clean_name(name: str) -> str:
    name = squash(NAME_LABEL.sub("", squash(name)))
    return rules.JOB_TITLE.sub("", name).strip(" ,;|:·•–—-")


def display_name(name: str) -> str:
    """ "ZHANG YU" -> "Zhang Yu": bylines shout, records do not."""
    return name.title() if name.isupper() and len(name) > 3 and name.isascii() else name


def _organisation(value: str) -> bool:
    words = re.findall(r"[\w-]+", value.lower())
    return any(word in rules.NOT_AUTHOR_WORDS for word in words) and len(words) > 2


def is_person(name: str) -> bool:
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name) or "@" in name or "://" in name:
        return False
    words = name.lower().replace(".", " ").split()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    if all(len(word) <= 3 for word in words) and name.isupper():
        return False  # initials ("KH", "JA") sign agency copy; they are not names
    if any(word in rules.NOT_AUTHOR_WORDS for word in words):
        return False
    if any(word in name for word in rules.CJK_ORGANISATION_WORDS):
        return False
    # A personal blog's site name is its author's name, so the site name alone does not disqualify.
    return re.sub(r"\W+", "", name).lower() not in rules.AGENCIES


def split_names(text: str) -> list[str]:
    """'Jane Doe and John Smith, Staff Writers' -> ['Jane Doe', 'John Smith']."""
    text = rules.JOB_TITLE.sub("", squash(text))
    return [_clean_name(part) for part in NAME_SPLIT.split(text) if _clean_name(part)]


def jsonld_authors(meta: PageMetadata) -> list[str]:
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
        inline = rules.CJK_BYLINE.search(line) if len(line) <= 200 else None
        if inline:
            return inline.group("names")
        match = rules.BYLINE.match(line)
        if match:
            names = re.split(r"\s*\|\s*|\s{2,}", match.group("names"))[0]
            names = re.sub(r"\s*(on|am|le|el)?\s*\d.*$", "", names)  # a date glued after the names
            return _clean_name(names) or None
    return None


# Class words templates give the byline, in the languages we meet ("autor", "muhabir", "auteur").
BYLINE_CLASS_WORDS = frozenset(
    {"byline", "author", "authors", "autor", "autores", "auteur", "autore", "muhabir", "yazar", "reporter",
     "writer", "journalist", "verfasser", "articleauthor", "postauthor", "entryauthor", "authorname"}
)  # fmt: skip


def byline_from_markup(tree: html.HtmlElement) -> str | None:
    """The text of a short element whose class names it the byline; a name inside it ("nome") wins."""
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("meta", "link", "script", "style", "form", "a"):
            continue
        if not has_class_word(element, BYLINE_CLASS_WORDS) or element.xpath("ancestor::form"):
            continue
        if any(has_class_word(ancestor, COMMENT_WORDS) for ancestor in element.iterancestors()):
            continue  # a commenter, not the author
        text = _clean_name(element_text(element))
        if 2 < len(text) < MAX_BYLINE_CHARS and not any(ch.isdigit() for ch in text):
            return text
    return None


def markup_authors(tree: html.HtmlElement) -> str | None:
    """Author names marked up in the page (rel/itemprop author, "byline" and "author" classes), as written.

    trafilatura's author search knows many templates; it first discards
    comments, quotes, figures and dates, here in place: call it only once
    the tree has served every other stage.
    """
    try:
        found = extract_metainfo(prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS), AUTHOR_XPATHS, len_limit=120)
    except Exception:  # noqa: BLE001 - a failing heuristic must not cost the page
        return None
    found = normalize_authors(None, found) if found else None
    return found.replace("; ", " and ") if found else None


def meta_names(meta: PageMetadata) -> list[str]:
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


def metadata_names(meta: PageMetadata) -> list[str]:
    return jsonld_authors(meta) or meta_names(meta)


def credited_byline(text: str | None) -> str | None:
    """A marked-up byline fit to be the attribution: it names a person, or it is a plain name
    ("Пресс-служба"), not initials or codes ("KH/JA")."""
    if not text:
        return None
    names = split_names(text)
    if names and all(name.isupper() and len(name) <= 3 for name in names):
        return None
    if any(is_person(name) for name in names):
        return text
    return text if PLAIN_NAME.fullmatch(text) and not text.isupper() else None


SOURCE_LABEL = re.compile(r"^\s*(from|source|quelle|fuente|fonte|来源|來源|出典)\s*[:：]\s*$", re.IGNORECASE)
# How far below the headline a standalone source line is looked for.
CLOSING_SOURCE_LINES = 120
SOURCE_INLINE = re.compile(
    r"(?:来源|來源|稿源|出处|出典|source|quelle|fuente|fonte|источник|المصدر|^from)\s*[:：]\s*"
    r"(?P<name>[^|【\[\]】\s]+(?:\s(?![\d【\[|]|作者|编辑|责任编辑|时间|发布|点击|浏览|字号)[^|【\[\]】\s]+){0,3})",
    re.IGNORECASE,
)


def header_source(lines: list[str], headline_index: int | None) -> str | None:
    """A "来源：新华社" / "Source: China Daily" / "From: Department for Transport" credit in the header lines."""
    if headline_index is None:
        return None
    window = lines[headline_index + 1 : headline_index + 8]
    for position, line in enumerate(window):
        if len(line) > 200:
            continue
        match = SOURCE_INLINE.search(line)
        if match:
            return match.group("name").strip(" ,;") or None
        label = SOURCE_LABEL.match(line)
        if label and position + 1 < len(window) and len(window[position + 1]) <= 80:
            return window[position + 1]  # "From:" and the name in two cells (<dt>/<dd>)
    return None


def closing_source(lines: list[str], headline_index: int | None) -> str | None:
    """A "Source: ..." line standing alone below the story ("出典：共同通信")."""
    start = headline_index + 1 if headline_index is not None else 0
    for line in lines[start : start + CLOSING_SOURCE_LINES]:
        match = rules.SOURCE_LINE.match(line)
        if match and len(line) < 120:
            return match.group("name").strip() or None
    return None

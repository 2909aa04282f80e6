"""The header phase: everything read from the intact tree before the body is touched.

The headline is found first, since every other header reading is anchored on
it: the dates and byline are looked for in the lines near it, the section in
the breadcrumb above it, and the header lines (deck, byline, date line)
between it and the story are what the body phase must not keep. The phase
ends by dropping the breadcrumb, the first tree edit (page.TreeEdit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html

from . import resolve
from .byline import (
    byline_from_markup,
    closing_signature,
    closing_source,
    header_source,
    metadata_names,
    names_person,
    site_credit,
)
from .dates import DatesSeen, read_dates
from .evidence import NOTHING, Resolved, Source
from .language import declared_language, language_of
from .page import ParsedPage, TreeEdit
from .rules import page as rules
from .section import find_section
from .selectors import select_text
from .structured import PageMetadata
from .text import LinkTexts, comparable, element_text, raw_length
from .title import find_title, site_names
from .urls import canonical_url
from .visible_byline import find_byline_lines

# What comparable() keeps first: a letter, digit or underscore (what its \W+ does not remove).
FIRST_WORD_CHARACTER = re.compile(r"\w")


@dataclass(slots=True, frozen=True)
class Header:
    """What the intact page says around its headline; the resolvers choose from it."""

    title: Resolved[str | None]
    headline: html.HtmlElement | None  # the element showing the title, when one does
    headline_index: int | None  # the title's line among the page's lines
    declared_language: str | None  # html lang, Content-Language ...: read once, for every language decision
    reading_language: str | None  # the language the header's dates are read in
    section: Resolved[str | None]
    link_texts: frozenset[str]  # texts of the page's links, the title excepted
    dates: DatesSeen
    byline: str | None  # the visible byline near the headline
    marked_byline: str | None  # a short element whose class names it the byline
    signature: str | None  # a reporter's name signing the story in a right-aligned last paragraph
    search_marked_author: bool  # nothing names the author: trafilatura's author search runs after the body
    profile_attribution: str | None  # what the profile's attribution selector found on the intact tree
    source_line: Resolved[str | None]  # a "Source:" credit under the headline or below the story
    header_lines: frozenset[str]  # deck, byline, date line: not body
    declared_article: bool  # JSON-LD article or og:type article
    canonical_url: str  # read here: the <head> holding it is gone after this phase
    crumb_chars: int  # the length of the breadcrumb's text, dropped from the tree after this phase (0: none)


def read_header(page: ParsedPage) -> Header:
    """Read the intact page's header, then drop its breadcrumb (the first tree edit)."""
    if page.last_edit is not TreeEdit.NONE:
        raise RuntimeError(f"the header is read from the intact tree, not after {page.last_edit.name}")
    tree, meta, lines = page.tree, page.meta, page.lines
    title, headline = resolve.resolve_title(page, *find_title(tree, meta, page.url))
    link_texts = page_link_texts(tree)
    all_links = set(link_texts.values()) - {""}
    index = headline_index(lines, title.value, all_links)
    declared = declared_language(tree, meta, page.content_language)
    reading = resolve.profile_language(page) or language_of(" ".join(lines[: rules.READING_LINES]), declared)
    section, crumbs, section_source = find_section(tree, meta, title.value, page.url, link_texts)
    links = frozenset(all_links - {title.value})
    declared_article = declares_article(meta)
    dates = read_dates(page, index, reading.value, links, page.guess_dates or declared_article)
    byline, byline_lines = find_byline_lines(lines, index)
    named = bool(byline) or names_person(metadata_names(meta, resolve.site_keys(page)), site_names(meta, page.url))
    marked = None if named else byline_from_markup(tree)
    signature = None if named or marked else closing_signature(tree)
    header_lines = header_zone(lines, index, set(dates.lines), byline_lines)
    shown = element_text(headline) if headline is not None else None
    if shown and shown != title.value:
        header_lines.add(shown)  # the heading with the kicker the title leaves out: header, not body
    profile_attribution = select_text(tree, page.profile.attribution)[0] if page.profile.attribution else None
    source_line = _source_line(page, index, links)
    canonical = canonical_url(tree, meta, page.url)
    page.edit(TreeEdit.DROP_BREADCRUMB)
    crumb_chars = 0
    if crumbs is not None and crumbs.getparent() is not None:
        crumb_chars = raw_length(crumbs)
        crumbs.drop_tree()
    return Header(
        title=title,
        headline=headline,
        headline_index=index,
        declared_language=declared,
        reading_language=reading.value,
        section=Resolved(section, section_source) if section else NOTHING,
        link_texts=links,
        dates=dates,
        byline=byline,
        marked_byline=marked,
        signature=signature,
        # trafilatura's marked-up author search prunes the tree: it runs last, when nothing better names the author.
        search_marked_author=not named and marked is None,
        profile_attribution=profile_attribution,
        source_line=source_line,
        header_lines=frozenset(header_lines),
        declared_article=declared_article,
        canonical_url=canonical,
        crumb_chars=crumb_chars,
    )


def _source_line(page: ParsedPage, index: int | None, links: frozenset[str]) -> Resolved[str | None]:
    """A "Source:" credit under the headline, else one standing alone below the story, else the sources
    a line of the site's name credits ("Wochenblatt / Última Hora")."""
    found = header_source(page.lines, index)
    if found:
        return Resolved(found, Source.HEADER)
    found = closing_source(page.lines, index) or site_credit(page.lines, index, site_names(page.meta, page.url), links)
    return Resolved(found, Source.CLOSING) if found else NOTHING


def headline_index(lines: list[str], title: str | None, links: set[str] | frozenset[str] = frozenset()) -> int | None:
    """The line of the page that is the headline: the same text, else one that starts the other.

    The same text between two link texts is the story's own teaser in a list
    of latest news above the article; the headline is a later occurrence.
    """
    if not title:
        return None
    key = comparable(title)
    keys = _line_keys(lines, key)
    first = None
    for index, line_key in keys.items():
        # The breadcrumb often ends with the headline: the line before it then ends in "›" or ">".
        after_crumb = index > 0 and lines[index - 1].rstrip()[-1:] in rules.CRUMB_ENDS
        if line_key == key and not after_crumb:
            if not _among_links(lines, index, links):
                return index
            first = index if first is None else first
    if first is not None:
        return first
    for index, line_key in keys.items():
        if len(line_key) >= rules.MIN_HEADLINE_PREFIX and (key.startswith(line_key) or line_key.startswith(key)):
            return index
    return None


def _line_keys(lines: list[str], key: str) -> dict[int, str]:
    """comparable() of the lines whose key can be `key`, start it or start with it, by index in page order.

    A page's lines hold some 100,000 characters and comparable() reads each
    one; a line's key starts with its first letter or digit lower-cased, so
    only lines whose first one fits `key` need it (one in twenty or so).
    """
    if not key:
        return {index: comparable(line) for index, line in enumerate(lines)}
    keys, opening = {}, key[0]
    for index, line in enumerate(lines):
        first = line[:1]
        if not (first.isalnum() or first == "_"):  # \w, as the regex reads it
            found = FIRST_WORD_CHARACTER.search(line)
            if found is None:
                continue
            first = found.group()
        start = first.lower()  # "İ" lower-cases to two characters: either may be the shorter
        if start[0] == opening and (len(start) == 1 or key.startswith(start) or start.startswith(key)):
            keys[index] = comparable(line)
    return keys


def _among_links(lines: list[str], index: int, links: set[str] | frozenset[str]) -> bool:
    return 0 < index < len(lines) - 1 and lines[index - 1] in links and lines[index + 1] in links


def header_zone(lines: list[str], index: int | None, date_lines: set[str], byline_lines: range) -> set[str]:
    """Lines from the headline down to its last date or byline line: byline, date, labels, reading time.

    They are the article's header, not its body, even when trafilatura keeps them. `byline_lines`: the
    indexes of the lines the byline stands on (visible_byline.find_byline_lines).
    """
    if index is None:
        return set(date_lines)
    window = lines[index + 1 : index + 1 + rules.HEADER_WINDOW]
    marks = [i for i, line in enumerate(window) if line in date_lines or index + 1 + i in byline_lines]
    if not marks:
        return set(date_lines)
    zone = window[: max(marks) + 1]
    unmarked = [line for i, line in enumerate(zone) if i not in marks and len(line) > rules.MAX_LABEL_CHARS]
    if len(unmarked) > rules.MAX_DECK_LINES or any(len(line) > rules.MAX_DECK_CHARS for line in unmarked):
        # Paragraphs stand before the date line: it closes the story, it does not head it.
        return {window[i] for i in marks} | date_lines
    # The deck (a longer unmarked line) is the standfirst: the body's first paragraph, not header.
    return (set(zone) - set(unmarked)) | date_lines


def declares_article(meta: PageMetadata) -> bool:
    og_type = (meta.first("og:type") or "").lower()
    return bool(meta.articles()) or og_type in rules.ARTICLE_OG_TYPES


def page_link_texts(tree: html.HtmlElement) -> LinkTexts:
    """Each link's text, read once: the header wants the set of them, the breadcrumb search each link's."""
    texts = LinkTexts()
    for link in tree.iter("a"):
        texts[link] = element_text(link)
    return texts

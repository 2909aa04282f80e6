"""One page in, one record or one reason out: the extraction pipeline's entry point.

Stages, in order, all on one parsed tree: decode; parse; read metadata, title,
section, dates and byline from the intact tree; prune boilerplate; let
trafilatura choose the main content; clean its paragraphs (collecting
credits); decide whether the page is an article. Pure: no Scrapy, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..record import Article
from .body import extract_blocks
from .byline import (
    byline_from_markup,
    closing_source,
    credited_byline,
    find_attribution,
    find_authors,
    find_byline,
    header_source,
    is_person,
    markup_authors,
    metadata_names,
)
from .clean import Credits, clean_blocks
from .dates import find_dates
from .datetext import date_order_for, parse_closing_date, parse_iso, parse_text
from .decode import UndecodableError, decode_html
from .guard import guarded
from .language import find_language
from .layout import mark_main_container, paragraphize, unwrap_layout_tables
from .parse import parse_html
from .prune import prune_boilerplate
from .section import find_section
from .selectors import compile_selector, select_elements, select_text
from .structured import read_metadata
from .text import block_lines, squash, text_length
from .title import find_title
from .urls import canonical_url, normalise_url, site_of

# Larger than any article page: the crawl refuses such responses (DOWNLOAD_MAXSIZE) and so does a direct call.
MAX_PAGE_BYTES = 16 * 1024 * 1024
HTML_TYPES = re.compile(r"^\s*(text/html|application/xhtml\+xml|text/xml|application/xml|text/plain)?\s*(;|$)", re.I)
# Below this (CJK characters count triple) a page is a stub, a teaser or an error page.
MIN_BODY_LENGTH = 250
# A body whose text is mostly the page's own link texts is a list of headlines.
LISTING_LINK_SHARE = 0.5
CRUMB_ENDS = frozenset("›>»/")
# The header (deck, byline, date line) fits in this many lines under the headline.
HEADER_WINDOW = 8
# A deck (subtitle) above the byline is a line or two of moderate length.
MAX_DECK_LINES = 2
MAX_DECK_CHARS = 250
# Shorter lines in the header are labels and names ("From:", "Department for Transport"), not a deck.
MAX_LABEL_CHARS = 40
ARTICLE_OG_TYPES = ("article", "news", "newsarticle", "blogposting", "press_release")


@dataclass(slots=True, frozen=True)
class NotAnArticle:
    """Why a page yields no record: a short stable code for stats, and a detail for logs."""

    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


@dataclass(slots=True)
class Extraction:
    """Every field found on a page, before the is-it-an-article decision."""

    title: str | None = None
    date: str | None = None
    modified: str | None = None
    body: str = ""
    attribution: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    date_source: str | None = None
    declared_article: bool = False
    link_share: float = 0.0


@dataclass(slots=True, frozen=True)
class SiteRules:
    """Per-site additions from a source profile; the generic path needs none.

    Selectors are CSS, or XPath written "xpath:...". Each one that finds
    something overrides the generic result for its field.
    """

    title: str | None = None
    date: str | None = None
    body: str | None = None
    attribution: str | None = None
    drop: tuple[str, ...] = ()
    date_order: str | None = None
    language: str | None = None


def _headline_index(lines: list[str], title: str | None) -> int | None:
    if not title:
        return None
    key = re.sub(r"\W+", "", title).lower()
    for index, line in enumerate(lines):
        # The breadcrumb often ends with the headline: the line before it then ends in "›" or ">".
        after_crumb = index > 0 and lines[index - 1].rstrip()[-1:] in CRUMB_ENDS
        if re.sub(r"\W+", "", line).lower() == key and not after_crumb:
            return index
    for index, line in enumerate(lines):
        line_key = re.sub(r"\W+", "", line).lower()
        if len(line_key) > 10 and (key.startswith(line_key) or line_key.startswith(key)):
            return index
    return None


def header_zone(lines: list[str], index: int | None, date_lines: set[str], byline: str | None) -> set[str]:
    """Lines from the headline down to its last date or byline line: deck, byline, date, reading time.

    They are the article's header, not its body, even when trafilatura keeps them.
    """
    if index is None:
        return set(date_lines)
    window = lines[index + 1 : index + 1 + HEADER_WINDOW]
    marks = [i for i, line in enumerate(window) if line in date_lines or (byline and byline in line)]
    if not marks:
        return set(date_lines)
    zone = window[: max(marks) + 1]
    unmarked = [line for i, line in enumerate(zone) if i not in marks and len(line) > MAX_LABEL_CHARS]
    if len(unmarked) > MAX_DECK_LINES or any(len(line) > MAX_DECK_CHARS for line in unmarked):
        # Paragraphs stand before the date line: it closes the story, it does not head it.
        return {window[i] for i in marks} | date_lines
    return set(zone) | date_lines


def keep_only(tree, elements: list) -> None:
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


def _declares_article(meta) -> bool:
    og_type = (meta.first("og:type") or "").lower()
    return bool(meta.articles()) or og_type in ARTICLE_OG_TYPES


def page_link_texts(tree) -> set[str]:
    texts = {squash(a.text_content()) for a in tree.iter("a")}
    texts.discard("")
    return texts


def _link_share(links: set[str], body: str) -> float:
    """Share of the body's paragraphs (by length) that are the text of a link on the page."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    total = sum(len(p) for p in paragraphs) or 1
    linked = sum(len(p) for p in paragraphs if p.lstrip("- ") in links)
    return linked / total


@dataclass(slots=True)
class _Page:
    """What every stage reads: the tree and what was learnt from it before pruning."""

    html_text: str
    url: str
    now: datetime
    rules: SiteRules
    tree: object
    meta: object
    lines: list[str]
    index: int | None = None
    language: str | None = None
    headline: object = None
    header_lines: set[str] = field(default_factory=set)
    link_texts: set[str] = field(default_factory=set)
    search_marked_author: bool = False
    guess_dates: bool = True


def _read_header(page: _Page, result: Extraction, content_language) -> tuple[str | None, str | None, Credits]:
    """Title, section, dates, byline and credits, from the intact tree. Returns (byline, marked byline, credits)."""
    tree, meta, rules, now = page.tree, page.meta, page.rules, page.now
    result.title, page.headline = find_title(tree, meta, page.url)
    if rules.title:
        title, element = select_text(tree, rules.title)
        result.title, page.headline = (title, element) if title else (result.title, page.headline)
    page.index = _headline_index(page.lines, result.title)
    page.language = rules.language or find_language(tree, meta, " ".join(page.lines[:400]), content_language)
    result.section, crumbs = find_section(tree, meta, result.title)
    page.link_texts = page_link_texts(tree) - {result.title}
    date_order = rules.date_order or date_order_for(tree.get("lang"))
    guess = page.guess_dates or result.declared_article
    result.date, result.modified, date_lines, result.date_source = find_dates(
        tree, meta, page.url, page.lines, page.index, page.language, now, date_order, page.link_texts, guess
    )
    if rules.date:
        value, _ = select_text(tree, rules.date)
        chosen = (parse_iso(value, now) or parse_text(value, page.language, now, date_order)) if value else None
        result.date, result.date_source = (chosen, "profile") if chosen else (result.date, result.date_source)
    byline = find_byline(page.lines, page.index)
    named = byline or any(is_person(name) for name in metadata_names(meta))
    marked = None if named else byline_from_markup(tree)
    # trafilatura's marked-up author search prunes the tree: it runs last, when nothing better names the author.
    page.search_marked_author = not named and marked is None
    credits = Credits(source=header_source(page.lines, page.index) or closing_source(page.lines, page.index))
    if rules.attribution:
        credits.source = select_text(tree, rules.attribution)[0] or credits.source
    page.header_lines = header_zone(page.lines, page.index, set(date_lines), byline)
    if crumbs is not None and crumbs.getparent() is not None:
        crumbs.drop_tree()
    return byline, marked, credits


def _read_body(page: _Page, title: str, credits: Credits) -> list:
    """The article's paragraphs: prune, reshape the layout, let trafilatura choose, clean."""
    tree, rules = page.tree, page.rules
    head = tree.find("head")
    if head is not None:
        tree.remove(head)  # read by the header stages; the pruning and trafilatura would only walk it
    if rules.body:
        keep_only(tree, select_elements(tree, rules.body))
    prune_boilerplate(tree, page.headline, [compile_selector(selector) for selector in rules.drop])
    unwrap_layout_tables(tree)
    paragraphize(tree)
    mark_main_container(tree)
    blocks = extract_blocks(tree, page.url, page.headline, page.header_lines)
    cleaned = clean_blocks(blocks, title, credits, page.header_lines, page.link_texts)
    if text_length(" ".join(block.text for block in cleaned)) < MIN_BODY_LENGTH and not rules.body:
        unpruned = _unpruned_body(page.html_text, page.url, title, credits, page.header_lines, page.link_texts)
        cleaned = unpruned or cleaned
    return cleaned


def extract_fields(
    html_text: str,
    url: str,
    *,
    now: datetime,
    content_language=None,
    rules: SiteRules | None = None,
    guess_dates: bool = True,
):
    """All fields of a decoded page; None when it has no HTML structure at all.

    guess_dates=False skips htmldate's whole-page date search on pages that do
    not declare themselves articles: decide() refuses such a date anyway, and
    the search is the dearest stage of all, so records are made without it.
    """
    tree = parse_html(html_text)
    if tree is None:
        return None
    meta = read_metadata(tree)
    body_element = tree.find("body")
    lines = block_lines(body_element if body_element is not None else tree)
    page = _Page(html_text, url, now, rules or SiteRules(), tree, meta, lines, guess_dates=guess_dates)
    result = Extraction(canonical_url=canonical_url(tree, meta, url), declared_article=_declares_article(meta))
    byline, marked, credits = _read_header(page, result, content_language)
    result.body = "\n\n".join(block.text for block in _read_body(page, result.title or "", credits))
    if credits.closing_date and result.date_source in (None, "url", "htmldate"):
        closing = parse_closing_date(credits.closing_date, page.language, now)
        if closing:
            result.date, result.date_source = closing, "closing"
    result.link_share = _link_share(page.link_texts, result.body) if result.body else 0.0
    if page.search_marked_author:
        marked = markup_authors(tree)
    marked = credited_byline(marked)
    result.authors = find_authors(meta, byline, credits, marked)
    result.attribution = find_attribution(credits, byline or marked, result.authors)
    language_text = result.body or " ".join(lines)
    result.language = page.rules.language or find_language(tree, meta, language_text, content_language)
    return result


def _unpruned_body(html_text, url, title, credits, header_lines, link_texts):
    """The body trafilatura finds on the page as it came, when pruning left too little.

    Pruning is guarded, but a template can still label the story's own
    container like a box (a "sidebar" layout, a form around everything).
    Parsing again costs a millisecond and only happens for these pages.
    """
    tree = parse_html(html_text)
    if tree is None:
        return []
    found = Credits()
    fallback = clean_blocks(extract_blocks(tree, url), title, found, header_lines, link_texts)
    if text_length(" ".join(block.text for block in fallback)) < MIN_BODY_LENGTH:
        return []
    credits.source = credits.source or found.source
    credits.agency = credits.agency or found.agency
    credits.closing_date = credits.closing_date or found.closing_date
    credits.reporters.extend(name for name in found.reporters if name not in credits.reporters)
    return fallback


def decide(fields: Extraction | None) -> NotAnArticle | None:
    """The reason this page is not an article, or None when it is one."""
    if fields is None:
        return NotAnArticle("empty_page", "no HTML elements")
    if not fields.body:
        return NotAnArticle("empty_body", "no main content found")
    if not fields.title:
        return NotAnArticle("no_title")
    if not fields.declared_article and fields.link_share >= LISTING_LINK_SHARE:
        return NotAnArticle("listing", f"{fields.link_share:.0%} of the text is link text")
    if text_length(fields.body) < MIN_BODY_LENGTH:
        return NotAnArticle("body_too_short", f"{len(fields.body)} characters")
    if not fields.date or (fields.date_source == "htmldate" and not fields.declared_article):
        # A date found only somewhere on the page ("Page last reviewed: ...",
        # a copyright year) does not make an about or contact page an article.
        return NotAnArticle("no_date", "no publication date in metadata, near the headline or in the URL")
    return None


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@guarded(NotAnArticle)
def extract_article(
    body: bytes | str,
    url: str,
    *,
    content_type: str | None = None,
    content_language: str | None = None,
    fetched_at: datetime | None = None,
    rules: SiteRules | None = None,
) -> Article | NotAnArticle:
    """Extract the article record of one page, or say why there is none."""
    if content_type and not HTML_TYPES.match(content_type):
        return NotAnArticle("not_html", content_type.split(";")[0].strip())
    if len(body) > MAX_PAGE_BYTES:
        return NotAnArticle("too_large", f"{len(body)} bytes, over {MAX_PAGE_BYTES}")
    fetched_at = fetched_at or datetime.now(UTC)
    if isinstance(body, bytes):
        try:
            text = decode_html(body, content_type).text
        except UndecodableError as error:
            return NotAnArticle("undecodable", str(error))
    else:
        text = body
    if not text.strip():
        return NotAnArticle("empty_page", "no content")
    try:
        fields = extract_fields(
            text, url, now=fetched_at, content_language=content_language, rules=rules, guess_dates=False
        )
    except RecursionError:
        # Some stages (trafilatura's among them) walk the tree recursively.
        return NotAnArticle("too_deeply_nested", "markup nested beyond what the extractors walk")
    reason = decide(fields)
    if reason is not None:
        return reason
    return Article(
        url=normalise_url(url),
        canonical_url=fields.canonical_url or url,
        site=site_of(url),
        title=fields.title,
        date=fields.date,
        modified=fields.modified,
        body=fields.body,
        attribution=fields.attribution,
        authors=fields.authors,
        section=fields.section,
        language=fields.language,
        fetched_at=_iso_utc(fetched_at),
    )

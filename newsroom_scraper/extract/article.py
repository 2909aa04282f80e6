"""One page in, one record or one reason out: the extraction pipeline's entry point.

Phases, in order, all on one parsed tree: decode; parse (page.py); read the
header from the intact tree (header.py); read the body: prune, reshape, let
trafilatura choose, clean (mainbody.py); decide each field once, with where
it came from (resolve.py); decide whether the page is an article. Pure: no
Scrapy, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from ..record import Article, utc_timestamp
from ..urls import record_url, site_of, url_error
from .budget import check_deadline
from .decode import UndecodableError, decode_html
from .evidence import Source
from .guard import guarded
from .header import read_header
from .mainbody import read_body
from .page import Listed, ParsedPage
from .parse import parse_html
from .profile import NO_PROFILE, SiteProfile
from .resolve import Fields, resolve_fields
from .rules.page import LISTING_LINK_SHARE, MIN_BODY_LENGTH
from .structured import read_metadata
from .text import block_lines, text_length

# Larger than any article page: the crawl refuses such responses (DOWNLOAD_MAXSIZE) and so does a direct call.
MAX_PAGE_BYTES = 16 * 1024 * 1024
HTML_TYPES = re.compile(r"^\s*(text/html|application/xhtml\+xml|text/xml|application/xml|text/plain)?\s*(;|$)", re.I)


@dataclass(slots=True, frozen=True)
class NotAnArticle:
    """Why a page yields no record: a short stable code for stats, and a detail for logs."""

    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


def parse_page(
    html_text: str, url: str, *, now: datetime, content_language=None, profile=None, listed=None, guess_dates=True,
    utf8: bytes | None = None,
) -> ParsedPage | None:  # fmt: skip
    """The page every phase reads; None when the text has no HTML structure at all.

    `utf8`: the text's UTF-8 exactly, where the response was (decode.DecodedPage.utf8).
    """
    tree = parse_html(html_text, utf8)
    if tree is None:
        return None
    body_element = tree.find("body")
    lines = block_lines(body_element if body_element is not None else tree)
    return ParsedPage(
        html_text, url, now, profile or NO_PROFILE, tree, read_metadata(tree), lines, content_language, listed,
        guess_dates,
    )  # fmt: skip


def extract_fields(
    html_text: str,
    url: str,
    *,
    now: datetime,
    content_language: str | None = None,
    profile: SiteProfile | None = None,
    guess_dates: bool = True,
    listed: Listed | None = None,
    utf8: bytes | None = None,
) -> Fields | None:
    """All fields of a decoded page; None when it has no HTML structure at all.

    guess_dates=False skips htmldate's whole-page date search on pages that do
    not declare themselves articles: decide() refuses such a date anyway, and
    the search is the dearest stage of all, so records are made without it.
    """
    page = parse_page(
        html_text, url, now=now, content_language=content_language, profile=profile, listed=listed,
        guess_dates=guess_dates, utf8=utf8,
    )  # fmt: skip
    if page is None:
        return None
    header = read_header(page)
    check_deadline("header")
    body = read_body(page, header)
    check_deadline("body")
    return resolve_fields(page, header, body)


def decide(fields: Fields | None) -> NotAnArticle | None:
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
    if not fields.date or (fields.date_source == Source.HTMLDATE and not fields.declared_article):
        # A date found only somewhere on the page ("Page last reviewed: ...", a copyright year) does
        # not make an about or contact page an article; a guess that a date line of the page shows
        # (Source.SHOWN_GUESS, resolve_date's step 6) does.
        return NotAnArticle("no_date", "no publication date in metadata, near the headline or in the URL")
    return None


def read_fields(
    body: bytes | str,
    url: str,
    *,
    content_type: str | None = None,
    content_language: str | None = None,
    now: datetime,
    profile: SiteProfile | None = None,
    listed: Listed | None = None,
) -> Fields | NotAnArticle:
    """The fields of one response as the crawl reads it (no whole-page date guessing), or why there are none.

    Whether the fields make an article is decide()'s question, asked by extract_article.
    """
    if error := url_error(url):
        return NotAnArticle("bad_url", error)
    if content_type and not HTML_TYPES.match(content_type):
        return NotAnArticle("not_html", content_type.split(";")[0].strip())
    if len(body) > MAX_PAGE_BYTES:
        return NotAnArticle("too_large", f"{len(body)} bytes, over {MAX_PAGE_BYTES}")
    utf8 = None
    if isinstance(body, bytes):
        try:
            decoded = decode_html(body, content_type)
        except UndecodableError as error:
            return NotAnArticle("undecodable", str(error))
        text, utf8 = decoded.text, decoded.utf8
    else:
        text = body
    if not text.strip():
        return NotAnArticle("empty_page", "no content")
    try:
        fields = extract_fields(
            text, url, now=now, content_language=content_language, profile=profile, guess_dates=False, listed=listed,
            utf8=utf8,
        )  # fmt: skip
    except RecursionError:
        # Some stages (trafilatura's among them) walk the tree recursively.
        return NotAnArticle("too_deeply_nested", "markup nested beyond what the extractors walk")
    return fields if fields is not None else NotAnArticle("empty_page", "no HTML elements")


@guarded(NotAnArticle)
def extract_article(
    body: bytes | str,
    url: str,
    *,
    content_type: str | None = None,
    content_language: str | None = None,
    fetched_at: datetime | None = None,
    profile: SiteProfile | None = None,
    listed_date: Listed | None = None,
) -> Article | NotAnArticle:
    """Extract the article record of one page, or say why there is none.

    `listed_date`: the date a feed or sitemap gave for the URL, used when the page shows none.
    """
    fetched_at = fetched_at or datetime.now(UTC)
    fields = read_fields(
        body, url, content_type=content_type, content_language=content_language, now=fetched_at, profile=profile,
        listed=listed_date,
    )  # fmt: skip
    if isinstance(fields, NotAnArticle):
        return fields
    reason = decide(fields)
    if reason is not None:
        return reason
    return Article(
        url=record_url(url),
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
        fetched_at=utc_timestamp(fetched_at),
    )

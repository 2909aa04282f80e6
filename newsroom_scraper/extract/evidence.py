"""Where a field's value came from: each resolver returns its value with one of these.

`newsroom-extract --explain` prints them, so a wrong field can be traced to
the evidence that decided it rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Source(StrEnum):
    """Kinds of evidence, named as a reader of the page would point at them."""

    PROFILE = "profile"  # the site profile's selector or setting
    JSONLD = "jsonld"  # a JSON-LD object (the article's first)
    META = "meta"  # <meta> tags (og:, article:, DC., author ...)
    TITLE_TAG = "title"  # the <title> element, its site name removed
    HEADING = "heading"  # an h1-h3 whose text the page's metadata confirms
    SHOWN = "shown"  # an element of its own showing (part of) the metadata title
    H1 = "h1"  # the page's only h1
    MARKUP = "markup"  # an element marked up for the field (<time pubdate>, itemprop, class "byline")
    HEADLINE = "headline"  # a line near the headline (date line, byline)
    HEADER = "header"  # a credit line among the header lines under the headline
    BYLINE = "byline"  # the visible byline near the headline
    UPDATED = "updated"  # a page-level "Last updated:" line
    URL = "url"  # a date in the URL path
    HTMLDATE = "htmldate"  # htmldate's search of the whole page
    SHOWN_GUESS = "shown_guess"  # htmldate's search, its day written on a date line of the page (dates.shown_days)
    CLOSING = "closing"  # a line closing the story (a date line, a "Source:" line, a signature)
    BODY = "body"  # a credit line the body's cleaning removed ("Source: ...", "(Reporting by ...)")
    DATELINE = "dateline"  # the agency of a wire dateline ("BEIJING, June 27 (Xinhua) --")
    CREDIT = "credit"  # a trailing agency credit ("... by 2020. (Xinhua)", "(APA)")
    AUTHORS = "authors"  # the record's own authors, joined
    BREADCRUMB = "breadcrumb"  # the page's breadcrumb trail
    DECLARED = "declared"  # html lang, Content-Language, og:locale, not contradicted by the text
    SCRIPT = "script"  # the script most of the text is written in
    LANGID = "langid"  # py3langid's classification of the text
    FEED = "feed"  # the date an RSS/Atom feed gave for the URL
    SITEMAP = "sitemap"  # the date a sitemap gave for the URL


@dataclass(slots=True, frozen=True)
class Resolved(Generic[T]):
    """A field's value and where it came from; `source` is None when nothing gave a value."""

    value: T
    source: Source | None = None


NOTHING: Resolved = Resolved(None)

"""Dates a page declares in its markup: JSON-LD and meta tags, and elements marked as the publication.

Pages often declare several: a UTC timestamp and its local-time twin, the
item's creation beside the story's publication, a template's stamp in a
meta tag named plain "date". `published_metadata` chooses among them with
what the reader sees (the URL's day, the day a firm date line shows), and
says whether only such a plain "date" tag gave the choice, which a shown
date then outweighs (dates.shown_wins). `time_elements` reads <time> and
friends marked up as the publication or the update.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from lxml import html

from .classnames import class_words
from .datetext import find_date_strings, parse_iso, parse_text
from .evidence import NOTHING, Resolved, Source
from .rules import dates as rules
from .structured import PageMetadata
from .text import squash


def published_metadata(
    meta: PageMetadata, url_day: str | None, shown_day: str | None, now: datetime
) -> tuple[Resolved[str | None], bool]:
    """(the metadata's publication date, whether only a plain "date" meta tag gives it)."""
    published = _structured(_candidates(meta, rules.PUBLISHED_META, "datePublished", now), url_day, shown_day)
    return published, _named_only_date(meta, published, now)


def modified_metadata(meta: PageMetadata, now: datetime) -> Resolved[str | None]:
    return _structured(_candidates(meta, rules.MODIFIED_META, "dateModified", now), None, None)


def _candidates(meta: PageMetadata, keys: tuple[str, ...], jsonld_key: str, now: datetime) -> dict[str, Source]:
    """Every parseable value the metadata gives for a date, JSON-LD of the article first, with its kind."""
    values = [(meta.article_value(jsonld_key), Source.JSONLD)]
    values += [(obj.get(jsonld_key), Source.JSONLD) for obj in meta.jsonld if obj.get(jsonld_key)]
    values += [(meta.first(key), Source.META) for key in keys]
    found: dict[str, Source] = {}
    read: dict[str, str | None] = {}  # the article's JSON-LD value comes twice, and dateparser costs milliseconds
    for value, source in values:
        parsed = _parsed(value, now, read)
        if parsed and parsed not in found:
            found[parsed] = source
    return found


def _parsed(value, now: datetime, read: dict[str, str | None] | None = None) -> str | None:
    """The date a metadata value gives; `read` keeps what each text gave, for values read again."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not value:
        return None
    text = str(value)
    if read is None:
        return parse_iso(text, now)
    if text not in read:
        read[text] = parse_iso(text, now)
    return read[text]


def _named_only_date(meta: PageMetadata, chosen: Resolved[str | None], now: datetime) -> bool:
    """Whether the chosen publication date is one that only a meta tag named plain "date" gives
    (rules.GENERIC_DATE_META), no tag or JSON-LD key naming the publication."""
    if chosen.source != Source.META:
        return False
    return not any(
        _parsed(meta.first(key), now) == chosen.value
        for key in rules.PUBLISHED_META
        if key not in rules.GENERIC_DATE_META
    )


def _structured(candidates: dict[str, Source], url_day: str | None, shown_day: str | None) -> Resolved[str | None]:
    chosen = choose_structured(list(candidates), url_day, shown_day)
    return Resolved(chosen, candidates[chosen]) if chosen else NOTHING


def _instant(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def choose_structured(candidates: list[str], url_day: str | None, shown_day: str | None = None) -> str | None:
    """The metadata date to trust among several.

    CMSes often give one value in UTC (JSON-LD "...Z") and another in local
    time; the local one carries the day readers and the URL see. Where they
    name different days, one is often the item's creation or a template's
    date and another the story's. A candidate on the URL's day wins; else one
    on the day a firm date line under the headline shows (`shown_day`); else
    a local-time twin of a UTC value.
    """
    if not candidates:
        return None
    for day in (url_day, shown_day):
        for candidate in candidates if day else ():
            if candidate[:10] == day:
                return candidate
    first = candidates[0]
    moment = _instant(first)
    if moment is not None and moment.utcoffset() == timedelta(0):
        for candidate in candidates[1:]:
            other = _instant(candidate)
            if other is not None and other.utcoffset() != timedelta(0) and abs(other - moment) <= timedelta(minutes=1):
                return candidate
    return first


def time_elements(tree: html.HtmlElement, now: datetime) -> tuple[str | None, str | None]:
    """<time> and friends marked as the publication (itemprop, or a lone pubdate/"published" element).

    A page listing other stories carries a <time pubdate> per teaser: such
    markers count only when there is exactly one.
    """
    itemprop_published = modified = None
    marked: list[tuple[html.HtmlElement, str]] = []
    for element in tree.iter("time", "meta", "span", "abbr"):
        prop = (element.get("itemprop") or "").lower()
        value = element.get("datetime") or element.get("content") or element.get("title")
        if not value:
            continue
        words = class_words(element)
        if prop == "datepublished":
            itemprop_published = itemprop_published or parse_iso(value, now)
        elif element.get("pubdate") is not None or words & rules.PUBLISHED_CLASSES:
            marked.append((element, value))
        elif prop == "datemodified" or words & rules.UPDATED_CLASSES:
            modified = modified or parse_iso(value, now)
    published = itemprop_published or (_marked_date(*marked[0], now) if len(marked) == 1 else None)
    return published, modified


def _marked_date(element: html.HtmlElement, value: str, now: datetime) -> str | None:
    """The date of an element marked as the publication: its machine value, unless that is all-numeric day or
    month first ("06-08-2009T14:12:32": which?) and the element shows another day, which is read instead."""
    machine = parse_iso(value, now)
    if rules.NUMERIC_MACHINE_DATE.match(value):
        shown = find_date_strings(squash(element.text_content()))
        parsed = parse_text(shown[0], None, now) if shown else None
        if parsed and parsed[:10] != (machine or "")[:10]:
            return parsed
    return machine

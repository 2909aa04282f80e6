"""One decision per record field: each resolver applies its evidence in a numbered order.

The header and body phases collect evidence (header.Header, mainbody.Body);
here each field is decided once, and returned with where its value came from
(evidence.Source), so `newsroom-extract --explain` can say why a field is
what it is. Step 1 is always the site profile's, for every field that a
profile can set; a field without a profile setting says so in its step 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import html

from .byline import (
    display_name,
    is_person,
    is_site_name,
    jsonld_authors,
    meta_names,
    metadata_agency,
    spelled_out,
    split_names,
    unlabelled_name,
)
from .dates import most_precise, page_date
from .datetext import parse_closing_date, parse_iso
from .evidence import NOTHING, Resolved, Source
from .language import language_of
from .page import ParsedPage
from .selectors import select_text
from .text import comparable
from .title import site_names

if TYPE_CHECKING:
    from .header import Header
    from .mainbody import Body

FIELDS = ("title", "date", "modified", "attribution", "authors", "section", "language")


@dataclass(slots=True, frozen=True)
class Fields:
    """Every field of a page, each decided once, before the is-it-an-article decision."""

    title: str | None
    date: str | None
    modified: str | None
    body: str
    attribution: str | None
    authors: list[str]
    section: str | None
    language: str | None
    canonical_url: str
    declared_article: bool
    link_share: float
    sources: dict[str, Source | None]  # FIELDS -> where each value came from
    removed: dict[str, int]  # what the body phase removed, by stage and rule (mainbody.Body.removed)

    @property
    def date_source(self) -> Source | None:
        return self.sources["date"]


def resolve_fields(page: ParsedPage, header: Header, body: Body) -> Fields:
    date = resolve_date(page, header, body)
    modified = resolve_modified(page, header, body)
    authors = resolve_authors(page, header, body)
    attribution = resolve_attribution(page, header, body, authors)
    section = resolve_section(page, header, body)
    language = resolve_language(page, header, body)
    resolved = (header.title, date, modified, attribution, authors, section, language)
    return Fields(
        *(header.title.value, date.value, modified.value, body.text, attribution.value, authors.value),
        *(section.value, language.value, header.canonical_url, header.declared_article, body.link_share),
        sources={name: found.source for name, found in zip(FIELDS, resolved, strict=True)},
        removed=body.removed,
    )


def resolve_title(
    page: ParsedPage, found: Resolved[str | None], element: html.HtmlElement | None
) -> tuple[Resolved[str | None], html.HtmlElement | None]:
    """The headline (and the element showing it), from the first step that gives one:

    1. the site profile's title selector;
    2. a heading (h1, h2, h3) that the <title>, og:title, twitter:title or
       JSON-LD headline confirms, site names removed: one that is an og:title,
       twitter:title or JSON-LD headline first, then one that is the <title>,
       then one that is only part of a metadata title (title.match_rank); of
       equal ones, h1 before h2 before h3. It takes the separators that
       metadata title writes between the same words ("Kicker: Headline"); a
       kicker or subtitle in an element of its own inside the heading is left
       out when no og:title, twitter:title or JSON-LD headline writes it;
    3. the longest part of a metadata title the page shows as an element of its
       own; when that element is the kicker leading a heading, the heading without it;
    4. the page's only h1, its kicker left out as in 2;
    5. a metadata title (og:title, twitter:title, JSON-LD headline, then <title>) without its site name.

    Steps 2 to 5 are title.find_title's, whose result is `found`. Called by
    the header phase: every other header reading is anchored on the headline.
    """
    if page.profile.title:
        title, shown = select_text(page.tree, page.profile.title)
        if title:
            return Resolved(title, Source.PROFILE), shown
    return found, element


def resolve_date(page: ParsedPage, header: Header, body: Body) -> Resolved[str | None]:
    """The publication date, from the first step that gives one:

    1. the site profile's date selector (ISO 8601, else as written);
    2. metadata: JSON-LD of the article, other JSON-LD, meta tags; among several, the one on the
       URL's day, else the one on the day a firm date line near the headline shows, else the
       local-time twin of a UTC value;
    3. the one element marked as the publication (<time pubdate>, itemprop, class "published"); its
       value written day or month first ("06-08-2009") gives way to the date the element shows;
    4. a date line near the headline ("Published" wins where the header shows several; the ages of
       several lines, "4 minutes ago", are a list's); 2 to 4 take the time of a later one on the same
       day; 4 wins over 2 when the metadata names another day and is a UTC time a day off (the same
       moment, to the minute), a date without time zone within a month, or a date only a meta tag
       named plain "date" gives, the line showing the date written in full (dates.shown_wins,
       dates.firm_date_line);
    5. the URL's day, when it has one and the date so far is a UTC time a day off it (unless a date
       line near the headline shows that time's day), or later than the day after it (a republication),
       or only a date line near the headline dates the page and names another day, or there is none;
    6. htmldate's search of the whole page, when the page is read with guessing, or when it shows
       firm date lines of at most two days (dates.shown_days): its guess is then `shown_guess` if it
       is one of those days (a record even on a page that does not declare itself an article);
       an unconfirmed January 1st is a year found alone (a copyright line), not taken;
    7. a date line closing the story, when the date so far is from 5 or 6 or there is none;
    8. the date the feed or sitemap gave for the URL, when the page shows none.
    """
    seen = header.dates
    if seen.profile:
        return Resolved(seen.profile, Source.PROFILE)
    found = page_date(seen)
    closing_text = body.credits.closing_date
    if closing_text and found.source in (None, Source.URL, Source.HTMLDATE, Source.SHOWN_GUESS):
        closing = parse_closing_date(closing_text, header.reading_language, page.now)
        if closing:
            return Resolved(closing, Source.CLOSING)
    if found.value is None and page.listed is not None:
        listed = parse_iso(page.listed.date, page.now)
        if listed:
            return Resolved(listed, page.listed.by)
    return found


def resolve_modified(page: ParsedPage, header: Header, body: Body) -> Resolved[str | None]:
    """The last update, from the first step that gives one:

    1. (a site profile has no update selector);
    2. metadata: JSON-LD dateModified, then meta tags (article:modified_time ...);
    3. an element marked as the update (itemprop dateModified, class "updated");
    4. a date line near the headline labelled "Updated";
       2 to 4 take the time of a later one on the same day;
    5. a page-level "Last updated:" line anywhere on the page.
    None when it falls before the day of the page's own publication date
    (resolve_date's steps 2 to 6) or equals it.
    """
    seen = header.dates
    modified = seen.metadata_modified.value
    source = seen.metadata_modified.source if modified else Source.MARKUP if seen.marked_modified else Source.HEADLINE
    modified = most_precise(modified or seen.marked_modified or seen.shown_modified, seen.marked_modified,
                            seen.shown_modified)  # fmt: skip
    if not modified:
        modified, source = seen.updated, Source.UPDATED
    published = page_date(seen).value
    if modified and published and (modified[:10] < published[:10] or modified == published):
        return NOTHING
    return Resolved(modified, source) if modified else NOTHING


def resolve_attribution(page: ParsedPage, header: Header, body: Body, authors: Resolved) -> Resolved[str | None]:
    """Who the article is credited to, as written (DESIGN.md's order), from the first step that gives one:

    1. the site profile's attribution selector;
    2. a "Source:" credit line under the headline ("来源：新华社", "From: Department for Transport");
    3. a "Source:" line standing alone below the story, else the sources a line of the site's
       name credits ("Wochenblatt / Última Hora");
    4. a "Source:" line the body's cleaning removed;
    5. the agency of a wire dateline or of a trailing credit ("(Xinhua)"), whichever the cleaning met first,
       as the metadata spells it out when it names that agency as the author ("AP": "Associated Press");
    6. the visible byline, without "By";
    7. the byline marked up in the page, when it names someone;
    8. a news agency the metadata names as the author (article:author "AFP", a JSON-LD Organization "Reuters");
    9. the authors, joined ("A, B and C").
    """
    credits = body.credits
    if header.profile_attribution:
        return Resolved(header.profile_attribution, Source.PROFILE)
    if header.source_line.value:
        return header.source_line
    if credits.source:
        return Resolved(credits.source, Source.BODY)
    if credits.agency:
        return Resolved(spelled_out(credits.agency, page.meta), credits.agency_in)
    if header.byline:
        return Resolved(header.byline, Source.BYLINE)
    if body.marked_byline:
        return Resolved(body.marked_byline, Source.MARKUP)
    agency = metadata_agency(page.meta)
    if agency:
        return Resolved(agency, Source.META)
    names = authors.value
    if names:
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return Resolved(joined, Source.AUTHORS)
    return NOTHING


def resolve_authors(page: ParsedPage, header: Header, body: Body) -> Resolved[list[str]]:
    """People credited (never "Staff", an agency, a desk or the site), from the first step that names one:

    1. (a site profile has no authors selector);
    2. the article's JSON-LD author;
    3. author meta tags (author, article:author, DC.creator ...), but not one naming the site ("mdr.de");
    4. the visible byline;
    5. the byline marked up in the page;
    6. a reporter's name signing the story in its last, right-aligned paragraph;
    7. names from 2 to 6 that are the site's own name ("Badische Zeitung" on badische-zeitung.de), when no
       step names anyone else: a personal blog's name is its author's;
    names from 2 or 3 give way to the visible byline's when it completes them ("Todd" declared, "Todd Bates"
    shown; one more person shown: `completes`);
    then reporters named in the body's credits ("(Reporting by ...)", a Chinese dateline's 记者) are added.
    """
    meta, byline, marked, own = page.meta, header.byline, body.marked_byline, site_names(page.meta, page.url)
    steps = (
        (Source.JSONLD, lambda: jsonld_authors(meta)),
        (Source.META, lambda: meta_names(meta, site_keys(page))),
        (Source.BYLINE, lambda: split_names(byline) if byline else []),
        (Source.MARKUP, lambda: split_names(marked) if marked else []),
        (Source.CLOSING, lambda: [header.signature] if header.signature else []),
    )
    authors: list[str] = []
    source = site_named = None
    for step_source, step in steps:
        named = [display_name(name) for name in dict.fromkeys(step()) if is_person(name)]
        authors = [name for name in named if not is_site_name(name, own)]
        if authors:
            source = step_source
            break
        site_named = site_named or (Resolved(named, step_source) if named else None)
    if not authors and site_named:
        authors, source = site_named.value, site_named.source
    if source in (Source.JSONLD, Source.META) and byline:
        shown = [display_name(name) for name in split_names(byline) if is_person(name)]
        if completes(shown, authors):
            authors, source = shown, Source.BYLINE
    for name in body.credits.reporters:
        if is_person(name) and display_name(name) not in authors:
            authors.append(display_name(name))
            source = source or Source.BODY
    return Resolved(authors, source)


def completes(shown: list[str], declared: list[str]) -> bool:
    """Whether the visible byline completes what the metadata declares: each declared name is a shown one, or
    its first words ("Todd" declared, "Todd Bates" shown), or its letters (the handle "janedoe", "Jane Doe"
    shown); any other name shown is a person's of a few capitalised words ("Jane Doe" declared, "Jane Doe,
    John Roe" shown), not a place or a desk ("Zürich", "Online-Redaktion")."""
    if not shown or not declared or shown == declared:
        return False

    def covers(name: str, own: str) -> bool:
        return comparable(name) == comparable(own) or name.lower().startswith(own.lower() + " ")

    if not all(any(covers(name, own) for name in shown) for own in declared):
        return False
    others = [name for name in shown if not any(covers(name, own) for own in declared)]
    return all(unlabelled_name(name) for name in others)


def site_keys(page: ParsedPage) -> set[str]:
    """Keys of what the site calls itself (title.site_names) and of the page's Twitter handles."""
    handles = [*page.meta.meta.get("twitter:site", ()), *page.meta.meta.get("twitter:creator", ())]
    return site_names(page.meta, page.url) | {comparable(handle.lstrip("@")) for handle in handles}


def resolve_section(page: ParsedPage, header: Header, body: Body) -> Resolved[str | None]:
    """The newsroom section, from the first step that gives one:

    1. (a site profile has no section selector);
    2. a breadcrumb marked by class, id, aria-label or itemtype;
    3. a breadcrumb by its shape ("You are here:", or links from "Home" joined by ">", "/", "»"),
       else links joined by "/" or ">" that go, in order, to the article URL's folders ("National / Crime & Legal");
    4. a JSON-LD BreadcrumbList;
    5. the article:section meta tag;
    6. the JSON-LD article's articleSection (of a list, the first).
    Of a trail, the last item that is none of: the home link, the article (its title, whole, cut short or
    inside the item, or its URL's slug), an archive level ("2022", "Nachrichten Februar 2022") or a
    template label ("Single News"), rules.sections naming each; items lose their "You are here:" labels
    and separators first. A trail naming no section gives way to steps 4-6 (section.find_section).
    """
    return header.section


def profile_language(page: ParsedPage) -> Resolved[str | None] | None:
    return Resolved(page.profile.language, Source.PROFILE) if page.profile.language else None


def resolve_language(page: ParsedPage, header: Header, body: Body) -> Resolved[str | None]:
    """The ISO 639-1 code of the text (the body, else the page's lines), from the first step that gives one:

    1. the site profile's language;
    2. the declaration (html lang, xml:lang, meta tags, Content-Language, og:locale, read once by the
       header phase), unless the text's script contradicts it;
    3. the script of the text, when it is not Latin;
    4. py3langid's classification of the text.
    """
    return profile_language(page) or language_of(body.text or " ".join(page.lines), header.declared_language)

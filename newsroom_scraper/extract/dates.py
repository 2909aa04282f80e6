"""Publication and update dates: every date the page states about itself, read from the intact tree.

`read_dates` collects them (JSON-LD and meta tags, <time> marked as the
publication, both read by declared_dates.py; date lines near the headline,
the URL's day, a "Last updated:" line, htmldate's whole-page search when
nothing else dates the page, and whether a date line elsewhere on the page
shows the day it guessed);
`page_date` is the order in which the page's own evidence is trusted (a firm
date line under the headline can outweigh metadata, `shown_wins`), and
resolve.py's `resolve_date` and `resolve_modified` make the decisions.
"Updated" dates are kept apart and never taken for the publication. Dates
keep their time and offset when the page gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

import htmldate
from lxml import html

from .datetext import (
    add_cjk_time,
    date_order_for,
    find_date_strings,
    is_date_line,
    leading_date,
    parse_iso,
    parse_text,
)
from .declared_dates import modified_metadata, published_metadata, time_elements
from .evidence import NOTHING, Resolved, Source
from .page import ParsedPage
from .rules import dates as rules
from .selectors import select_text
from .text import squash, text_length


def _with_time_line(lines: list[str], index: int) -> str:
    """A date line followed by a line holding only the time ("香港時間15時30分") reads as one."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if following and rules.CJK_TIME.search(following) and is_date_line(following) and not find_date_strings(following):
        return f"{line} {following}"
    return line


def _beside_headline_link(lines: list[str], index: int, headlines: list[str]) -> bool:
    """The date of another story: its line is, or stands next to, the headline of a link.

    `headlines` are the page's link texts of at least rules.MIN_HEADLINE_LINK characters.
    """
    for neighbour in lines[max(0, index - 1) : index + 2]:
        for link in headlines:
            if link in neighbour and len(link) >= len(neighbour) * rules.LINK_SHARE:
                return True
    return False


def visible_dates(lines: list[str], headline_index, language, now, date_order=None, links=frozenset()):
    """(published, modified, the lines they came from, (line, date as written) of the published one)
    from the date lines near the headline.

    `links` are the page's link texts: dates beside linked headlines, more
    than once, date other stories (latest news, related articles), not this one.
    """
    published = modified = written = None
    used: list[str] = []
    if headline_index is None:
        return None, None, used, None
    window = range(headline_index + 1, min(len(lines), headline_index + 1 + rules.LINES_AFTER_HEADLINE))
    before = range(max(0, headline_index - rules.LINES_BEFORE_HEADLINE), headline_index)
    order = [*window, *before]
    # Dated headlines of other stories come in lists: a date beside a link is a decoy only when it repeats.
    found = {index: find_date_strings(lines[index]) for index in order}
    headlines = [link for link in links if len(link) >= rules.MIN_HEADLINE_LINK]
    listed = {i for i in order if found[i] and _beside_headline_link(lines, i, headlines)}
    # Times of several lines given as "4 minutes ago" are a list's (latest news), not the story's.
    ages = {i for i in order if found[i] and rules.RELATIVE.fullmatch(found[i][0])}
    listed |= ages if len(ages) > 1 else set()
    for index in order:
        line = lines[index]
        if index in listed and len(listed) > 1:
            continue
        if _long_line(line):  # only a date opening it can date the story, when nothing has yet
            if published is None and (opening := leading_date(line)) and not rules.NOT_PUBLISHED_LABEL.search(line):
                published = parse_text(opening[0], language, now, date_order)
            continue
        if rules.NOT_PUBLISHED_LABEL.search(line):
            continue
        strings = found[index]
        for position, string in enumerate(strings):
            reach = max(0, line.find(string) - rules.LABEL_REACH)
            labelled = bool(rules.PUBLISHED_LABEL.search(line[reach : line.find(string)]))
            if text_length(line) - text_length(string) > rules.MAX_DATE_LINE_REST and not labelled:
                continue
            parsed = parse_text(string, language, now, date_order)
            if not parsed:
                continue
            if position == 0 and len(parsed) == 10:
                parsed = add_cjk_time(parsed, _with_time_line(lines, index))
            label_start = line.find(strings[position - 1]) + len(strings[position - 1]) if position else 0
            label = line[label_start : line.find(string)][-rules.SECOND_LABEL_REACH :]
            if rules.UPDATED_LABEL.search(label):
                modified = modified or parsed
            elif published is None:
                published, written = parsed, (line, string)
            used.append(line)
        if published and modified:
            break
    return published, modified, used, written


def _long_line(line: str) -> bool:
    """Longer than a date line, unless a "Published:" label allows it more (text_length is never below len)."""
    if len(line) <= rules.MAX_DATE_LINE and text_length(line) <= rules.MAX_DATE_LINE:
        return False
    return not (len(line) <= rules.MAX_LABELLED_LINE and rules.PUBLISHED_LABEL.search(line))


def page_updated(lines: list[str], language, now, date_order=None) -> str | None:
    """A page-level "Last updated: August 23, 2024" line, wherever it stands."""
    for line in lines:
        match = rules.PAGE_UPDATED.match(line)
        if match and len(line) <= rules.MAX_DATE_LINE:
            strings = find_date_strings(line[match.end() :])
            if strings:
                return parse_text(strings[0], language, now, date_order)
    return None


def firm_date_line(line: str, written: str) -> bool:
    """A date line the reader can trust over metadata: an absolute date (not "3 hours ago"),
    standing nearly alone on its line, not in an embedded post."""
    if rules.RELATIVE.search(written) or rules.EMBED_MARK in line:
        return False
    return len(squash(line.replace(written, ""))) <= rules.MAX_FIRM_LINE_REST


def shown_days(lines: list[str], language, now, date_order=None) -> frozenset[str]:
    """The days of the firm date lines anywhere on the page ("Posted 2024-03-05 in City news"), read
    when nothing near the headline dates it; a line labelled as another kind of date does not count."""
    days = set()
    for line in lines:
        strings = find_date_strings(line) if len(line) <= rules.MAX_DATE_LINE else None  # CJK counts more
        if not strings or text_length(line) > rules.MAX_DATE_LINE or rules.NOT_PUBLISHED_LABEL.search(line):
            continue
        if firm_date_line(line, strings[0]) and not rules.UPDATED_LABEL.search(line):
            parsed = parse_text(strings[0], language, now, date_order, fallback=False)  # dateparser is dear
            if parsed:
                days.add(parsed[:10])
        if len(days) > rules.MAX_SHOWN_DAYS:
            break  # too many to confirm a guess: stop reading
    return frozenset(days)


def shown_wins(metadata: str, shown: str, written: str, generic: bool = False) -> bool:
    """The date shown under the headline (`written` so on a firm line) over the metadata's, when their days differ.

    A timestamp falls a day before or after the local day readers see: the
    shown time is then the same moment read in another zone (which also
    settles a "03/05/2022 22:41" that could be read either way), or, shown
    without a time, a day off a UTC timestamp. A metadata date without a time
    zone is often the CMS's record of the item, and an unambiguous shown date
    within rules.NAIVE_METADATA_REACH days of it is the story's own. Further
    apart, the shown date may be another event. A metadata date that only a
    meta tag named plain "date" gives (`generic`) is often the item's creation
    or a template's stamp: a shown date written unambiguously outweighs it.
    """
    days = abs((date.fromisoformat(shown[:10]) - date.fromisoformat(metadata[:10])).days)
    if days == 0:
        return False
    if generic and not rules.AMBIGUOUS_NUMERIC_DATE.search(written):
        return True
    zoned = rules.NAIVE_DATE.fullmatch(metadata) is None
    if zoned and len(shown) > 10:
        return days == 1 and _same_moment(metadata, shown)
    if rules.AMBIGUOUS_NUMERIC_DATE.search(written):
        return False
    if zoned:
        return days == 1 and _is_utc(metadata)
    return days <= rules.NAIVE_METADATA_REACH


def _same_moment(zoned: str, wall_clock: str) -> bool:
    """`wall_clock` can be the moment `zoned` read in some time zone: they differ by a zone offset (to the
    minute: a page shows hours and minutes, its metadata seconds too)."""
    moment = datetime.fromisoformat(zoned).astimezone(UTC).replace(tzinfo=None, second=0)
    gap = datetime.fromisoformat(wall_clock[:19]).replace(second=0) - moment
    return abs(gap) <= rules.MAX_ZONE_OFFSET and gap.total_seconds() % rules.ZONE_STEP.total_seconds() == 0


def _is_utc(value: str) -> bool:
    return value.endswith("+00:00")


def _one_day_apart(a: str, b: str) -> bool:
    return abs((datetime.fromisoformat(a) - datetime.fromisoformat(b)).days) == 1


def _day_after(day: str) -> str:
    return (datetime.fromisoformat(day) + timedelta(days=1)).strftime("%Y-%m-%d")


def url_date(url: str | None) -> str | None:
    """A full date in the URL path ("/2013/06/27/", "t20130627_", "/2017/7/12/")."""
    path = urlsplit(url or "").path
    match = rules.URL_DATE.search(path) or rules.URL_SLASH_DATE.search(path)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return None


def htmldate_guess(tree: html.HtmlElement, url: str | None) -> str | None:
    """htmldate's whole-page search (it copies a tree it is given before pruning it, so no copy here)."""
    try:
        return htmldate.find_date(tree, url=url, original_date=True, extensive_search=True)
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; a missing date is a reason, not a crash
        return None


def most_precise(chosen: str | None, *others: str | None) -> str | None:
    """Metadata often gives the day alone while the page shows the time: same day, keep the time."""
    for other in others:
        if chosen and other and len(other) > len(chosen) and other[:10] == chosen[:10]:
            chosen = other
    return chosen


@dataclass(slots=True, frozen=True)
class DatesSeen:
    """Every date the page states for itself, read before any is chosen (resolve.py chooses)."""

    metadata: Resolved[str | None]  # JSON-LD or meta tags: the one choose_structured trusts
    metadata_modified: Resolved[str | None]
    marked: str | None  # a <time> or element marked as the publication
    marked_modified: str | None
    shown: str | None  # a date line near the headline
    shown_modified: str | None
    lines: tuple[str, ...]  # the lines `shown` and `shown_modified` came from
    in_url: str | None
    updated: str | None = None  # a page-level "Last updated:" line, read when nothing else gives an update
    guessed: str | None = None  # htmldate's whole-page search, run when nothing else dates the page
    profile: str | None = None  # what the site profile's date selector found, parsed
    shown_written: str | None = None  # `shown` as written, when its line is firm (firm_date_line)
    guess_shown: bool = False  # `guessed` is the day of a firm date line of the page, which shows few (shown_days)
    generic_metadata: bool = False  # `metadata` is only a meta tag named "date" (rules.GENERIC_DATE_META)


def read_dates(
    page: ParsedPage, headline_index: int | None, language: str | None, links: frozenset[str], guess: bool
) -> DatesSeen:
    """The dates of the intact page, read in `language`; `links` are the page's link texts.

    `guess` lets htmldate search the whole page when nothing else dates it.
    """
    tree, now, lines = page.tree, page.now, page.lines
    date_order = page.profile.date_order or date_order_for(tree.get("lang") or tree.get("xml:lang"))
    day_in_url = url_date(page.url)
    shown, shown_modified, used, written = visible_dates(lines, headline_index, language, now, date_order, links)
    firm = written if written and firm_date_line(*written) else None
    shown_day = shown[:10] if shown and firm else None
    published, generic = published_metadata(page.meta, day_in_url, shown_day, now)
    modified = modified_metadata(page.meta, now)
    marked, marked_modified = time_elements(tree, now)
    profile = _profile_date(page, language, date_order)
    updated = None
    if not (modified.value or marked_modified or shown_modified):
        updated = page_updated(lines, language, now, date_order)
    guessed, confirmed = None, False
    if not (published.value or marked or shown or day_in_url or profile):
        days = shown_days(lines, language, now, date_order)
        few = 0 < len(days) <= rules.MAX_SHOWN_DAYS
        if guess or few:
            guessed = htmldate_guess(tree, page.url)
        confirmed = few and guessed in days
        if guessed and not confirmed and guessed.endswith(rules.YEAR_ONLY_GUESS):
            guessed = None
    return DatesSeen(
        published, modified, marked, marked_modified, shown, shown_modified, tuple(used), day_in_url, updated,
        guessed, profile, shown_written=firm[1] if firm else None,
        guess_shown=confirmed, generic_metadata=generic,
    )  # fmt: skip


def _profile_date(page: ParsedPage, language: str | None, date_order: str | None) -> str | None:
    if not page.profile.date:
        return None
    value, _ = select_text(page.tree, page.profile.date)
    if not value:
        return None
    return parse_iso(value, page.now) or parse_text(value, language, page.now, date_order)


def page_date(seen: DatesSeen) -> Resolved[str | None]:
    """The publication date the page itself gives: resolve_date's steps 2 to 6."""
    published = seen.metadata.value
    source = seen.metadata.source if published else Source.MARKUP if seen.marked else Source.HEADLINE
    day = seen.in_url
    written = seen.shown_written
    if (
        published
        and seen.shown
        and written
        and day != published[:10]
        and shown_wins(published, seen.shown, written, seen.generic_metadata)
    ):
        published, source = seen.shown, Source.HEADLINE
    published = most_precise(published or seen.marked or seen.shown, seen.marked, seen.shown)
    if published and day and source == Source.HEADLINE and not seen.metadata.value and published[:10] != day:
        # Fixed when the story is first published, the URL's day outweighs a date line alone that names
        # another (an event's, an update's).
        published, source = day, Source.URL
    shown_day = (seen.shown or "")[:10]
    if published and day and _is_utc(published) and _one_day_apart(published[:10], day) and shown_day != published[:10]:
        # A UTC timestamp falls on the day before or after the local one; the URL has the local day
        # (unless the page shows the timestamp's day).
        published, source = day, Source.URL
    if published and day and published[:10] > _day_after(day):
        # A date in the URL is fixed when the story is first published; metadata
        # days later than it belong to a republication or a migration.
        published, source = day, Source.URL
    if not published:
        published, source = day, Source.URL
    if not published:
        published, source = seen.guessed, Source.SHOWN_GUESS if seen.guess_shown else Source.HTMLDATE
    return Resolved(published, source) if published else NOTHING

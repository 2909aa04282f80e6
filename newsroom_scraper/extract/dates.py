"""Publication and update dates, most trustworthy source first.

Order for the published date: JSON-LD datePublished of the article; meta tags
(article:published_time, DC.date, pubdate ...); <time> marked as the
publication; a date written near the headline (labelled "Published" when the
page shows several); htmldate's search of the whole page for an original
date; a date in the URL. "Updated" dates are kept apart as `modified` and are
never taken for the publication. Dates keep their time and offset when the
page gives them.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import dateparser
import htmldate
from lxml import html

from .structured import PageMetadata
from .text import squash

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "published_time", "published-date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "sailthru.date",
    "parsely-pub-date", "article.published", "citation_publication_date", "citation_date", "originalpublicationdate",
    "publication_date", "publicationdate", "releasedate", "release_date", "pub_date", "created", "dc.created",
)  # fmt: skip
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
    "last-modified", "lastmod", "article.updated", "parsely-updated",
)  # fmt: skip

MONTH_WORD = r"[^\W\d_]{3,12}\.?"
TIME = (
    r"(?:,?\s*(?:at|um|à|a las|в)?\s*\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
)
DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"),
    re.compile(r"(?<!\d)\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}" + TIME),
    re.compile(r"(?<!\d)\d{1,2}\.?\s+(?:de\s+)?" + MONTH_WORD + r",?\s+(?:de\s+)?(?:19|20)\d{2}" + TIME),
    re.compile(MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}" + TIME),
    re.compile(r"(?<!\d)(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"),
)
RELATIVE = re.compile(
    r"\b\d{1,2}\s+(minutes?|hours?|days?|mins?|hrs?)\s+ago\b|\bvor\s+\d{1,2}\s+(minuten|stunden|tagen)\b|"
    r"\bil y a\s+\d{1,2}\s+(minutes?|heures?|jours?)\b|\bhace\s+\d{1,2}\s+(minutos?|horas?|días?)\b|"
    r"\d{1,2}\s*(分钟|小时|天)前|\d{1,2}\s*(分|時間|日)前|\d{1,2}\s+(минут[уы]?|час(а|ов)?|дн(я|ей))\s+назад",
    re.IGNORECASE,
)
UPDATED_LABEL = re.compile(
    r"(updated|modified|last (changed|edited)|aktualisiert|geändert|mis à jour|modifié|actualizad[oa]|更新|修改|"
    r"обновлено|تحديث)",
    re.IGNORECASE,
)
PUBLISHED_LABEL = re.compile(
    r"(published|posted|released|veröffentlicht|publié|publicado|发布|發布|发表|公開|опубликовано|نشر)", re.IGNORECASE
)
RFC2822 = re.compile(r"^\s*(\w{3},\s*)?\d{1,2}\s+\w{3}\s+\d{4}\s+\d{1,2}:\d{2}")
URL_SLASH_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)")
TZ_OFFSETS = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "BST": "+01:00", "CET": "+01:00",
    "MEZ": "+01:00", "CEST": "+02:00", "MESZ": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
    "IST": "+05:30", "SGT": "+08:00", "HKT": "+08:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00",
}  # fmt: skip
# A date line sits this close to the headline; further down are related lists.
LINES_AFTER_HEADLINE = 12
LINES_BEFORE_HEADLINE = 3
EARLIEST_YEAR = 1990
# A date line is short ("By Jane Doe | March 5, 2024"); a date inside a
# sentence ("the meeting on 5 February 2020") is not the publication date.
MAX_DATE_LINE = 100
MAX_DATE_LINE_REST = 60
# Link texts this long are headlines of other stories, not author or section links.
MIN_HEADLINE_LINK = 30


def _format(moment: datetime, with_time: bool, offset: str | None = None) -> str:
    if not with_time:
        return moment.strftime("%Y-%m-%d")
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.tzinfo is not None:
        raw = moment.strftime("%z")
        return f"{text}{raw[:3]}:{raw[3:]}"
    return text + (offset or "")


def _plausible(moment: datetime, now: datetime) -> bool:
    naive = moment.replace(tzinfo=None)
    return EARLIEST_YEAR <= naive.year and naive <= now.replace(tzinfo=None) + timedelta(days=2)


def parse_iso(value: str, now: datetime) -> str | None:
    """A machine-readable date (ISO 8601 and the near-ISO forms CMSes emit), kept at its precision."""
    value = squash(str(value))
    if not value:
        return None
    candidate = value.replace("Z", "+00:00").replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2}", value) else value
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    candidate = re.sub(r"\.\d+(?=[+-]|$)", "", candidate)
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        moment = _rfc2822(value)
    if moment is not None:
        if not _plausible(moment, now):
            return None
        has_time = "T" in candidate and not (
            moment.hour == moment.minute == moment.second == 0 and moment.tzinfo is None
        )
        return _format(moment, has_time)
    return parse_text(value, None, now)


def _rfc2822(value: str) -> datetime | None:
    """ "Sat, 19 Oct 2019 00:04:00 +0200", as RSS and some meta tags write dates."""
    if not RFC2822.match(value):
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def date_order_for(lang: str | None) -> str | None:
    """Numeric dates: month first in US English, day first in the other Englishes; others by dateparser's locale."""
    lang = (lang or "").lower().replace("_", "-")
    if not lang.startswith("en"):
        return None
    return "MDY" if lang in ("en", "en-us") else "DMY"


def parse_text(text: str, language: str | None, now: datetime, date_order: str | None = None) -> str | None:
    """A date written for people ("Jun 27, 2013", "27.06.2013", "2013年06月27日 10:35"), via dateparser."""
    text = squash(text)
    zone = re.search(r"\b([A-Z]{2,5})\s*$", text)
    offset = TZ_OFFSETS.get(zone.group(1)) if zone else None
    if zone and offset:
        text = text[: zone.start()].strip()
    has_time = bool(re.search(r"\d{1,2}[:h]\d{2}", text))
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": now.replace(tzinfo=None),
    }
    if date_order:
        settings["DATE_ORDER"] = date_order
    elif re.match(r"\d{1,2}[./]\d{1,2}[./]\d{4}", text):
        settings["DATE_ORDER"] = "MDY" if language == "en" and "/" in text else "DMY"
    if date_order and not re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", text):
        del settings["DATE_ORDER"]  # an order only matters for all-numeric dates
    languages = [language] if language and language in _dateparser_languages() else None
    try:
        moment = dateparser.parse(text, languages=languages, settings=settings)
        if moment is None and languages:
            moment = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if moment is None or not _plausible(moment, now):
        return None
    return _format(moment, has_time, offset)


_LANGUAGES: set[str] = set()


def _dateparser_languages() -> set[str]:
    if not _LANGUAGES:
        from dateparser.languages.loader import default_loader

        _LANGUAGES.update(default_loader.get_locale_map().keys())
    return _LANGUAGES


def find_date_strings(text: str) -> list[str]:
    found = []
    for pattern in DATE_PATTERNS:
        found.extend((m.start(), m.group(0)) for m in pattern.finditer(text))
    found.extend((m.start(), m.group(0)) for m in RELATIVE.finditer(text))
    return [s for _, s in sorted(found)]


def _candidates(meta: PageMetadata, keys: tuple[str, ...], jsonld_key: str, now: datetime) -> list[str]:
    """Every parseable value the metadata gives for a date, JSON-LD of the article first."""
    values = [meta.article_value(jsonld_key)]
    values += [obj.get(jsonld_key) for obj in meta.jsonld if obj.get(jsonld_key)]
    values += [meta.first(key) for key in keys]
    found: list[str] = []
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        parsed = parse_iso(str(value), now) if value else None
        if parsed and parsed not in found:
            found.append(parsed)
    return found


def _instant(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def choose_structured(candidates: list[str], url_day: str | None) -> str | None:
    """The metadata date to trust among several.

    CMSes often give one value in UTC (JSON-LD "...Z") and another in local
    time; the local one carries the day readers and the URL see. A candidate
    on the URL's day wins; else a local-time twin of a UTC value.
    """
    if not candidates:
        return None
    if url_day:
        for candidate in candidates:
            if candidate[:10] == url_day:
                return candidate
    first = candidates[0]
    moment = _instant(first)
    if moment is not None and moment.utcoffset() == timedelta(0):
        for candidate in candidates[1:]:
            other = _instant(candidate)
            if other is not None and other.utcoffset() != timedelta(0) and abs(other - moment) <= timedelta(minutes=1):
                return candidate
    return first


def _time_elements(tree: html.HtmlElement, now: datetime) -> tuple[str | None, str | None]:
    """<time> and friends marked as the publication (itemprop, or a lone pubdate/"published" element).

    A page listing other stories carries a <time pubdate> per teaser: such
    markers count only when there is exactly one.
    """
    itemprop_published = modified = None
    marked: list[str] = []
    for element in tree.iter("time", "meta", "span", "abbr"):
        prop = (element.get("itemprop") or "").lower()
        value = element.get("datetime") or element.get("content") or element.get("title")
        if not value:
            continue
        classes = element.get("class") or ""
        if prop == "datepublished":
            itemprop_published = itemprop_published or parse_iso(value, now)
        elif element.get("pubdate") is not None or "published" in classes:
            marked.append(value)
        elif prop == "datemodified" or "updated" in classes:
            modified = modified or parse_iso(value, now)
    published = itemprop_published or (parse_iso(marked[0], now) if len(marked) == 1 else None)
    return published, modified


def _with_time_line(lines: list[str], index: int) -> str:
    """A date line followed by a line holding only the time ("香港時間15時30分") reads as one."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if following and CJK_TIME.search(following) and is_date_line(following) and not find_date_strings(following):
        return f"{line} {following}"
    return line


def _beside_headline_link(lines: list[str], index: int, links: set[str]) -> bool:
    """The date of another story: its line is, or stands next to, the headline of a link."""
    for neighbour in lines[max(0, index - 1) : index + 2]:
        for link in links:
            if len(link) >= MIN_HEADLINE_LINK and link in neighbour:
                return True
    return False


def visible_dates(lines: list[str], headline_index, language, now, date_order=None, links=frozenset()):
    """(published, modified, the lines they came from) from the date lines near the headline.

    `links` are the page's link texts: a date beside a linked headline dates
    another story (latest news, related articles), not this one.
    """
    published = modified = None
    used: list[str] = []
    if headline_index is None:
        return None, None, used
    window = range(headline_index + 1, min(len(lines), headline_index + 1 + LINES_AFTER_HEADLINE))
    before = range(max(0, headline_index - LINES_BEFORE_HEADLINE), headline_index)
    for index in [*window, *before]:
        line = lines[index]
        if len(line) > MAX_DATE_LINE or _beside_headline_link(lines, index, links):
            continue
        strings = find_date_strings(line)
        for position, string in enumerate(strings):
            if len(line) - len(string) > MAX_DATE_LINE_REST:
                continue
            parsed = parse_text(string, language, now, date_order)
            if not parsed:
                continue
            if position == 0 and len(parsed) == 10:
                parsed = add_cjk_time(parsed, _with_time_line(lines, index))
            label_start = line.find(strings[position - 1]) + len(strings[position - 1]) if position else 0
            label = line[label_start : line.find(string)][-40:]
            if UPDATED_LABEL.search(label):
                modified = modified or parsed
            elif published is None:
                published = parsed
            used.append(line)
        if published and modified:
            break
    return published, modified, used


PAGE_UPDATED = re.compile(
    r"^\s*(page\s+)?(last\s+(updated|modified|changed)|updated\s+on|zuletzt\s+(aktualisiert|geändert)|"
    r"dernière\s+mise\s+à\s+jour|mis\s+à\s+jour\s+le|última\s+actualización|更新日期|更新时间|更新時間|最終更新日?|"
    r"последнее\s+обновление)\s*(on)?\s*[:：]?\s*",
    re.IGNORECASE,
)


def page_updated(lines: list[str], language, now, date_order=None) -> str | None:
    """A page-level "Last updated: August 23, 2024" line, wherever it stands."""
    for line in lines:
        match = PAGE_UPDATED.match(line)
        if match and len(line) <= MAX_DATE_LINE:
            strings = find_date_strings(line[match.end() :])
            if strings:
                return parse_text(strings[0], language, now, date_order)
    return None


def _is_utc(value: str) -> bool:
    return value.endswith("+00:00")


def _one_day_apart(a: str, b: str) -> bool:
    return abs((datetime.fromisoformat(a) - datetime.fromisoformat(b)).days) == 1


def _day_after(day: str) -> str:
    return (datetime.fromisoformat(day) + timedelta(days=1)).strftime("%Y-%m-%d")


def url_date(url: str | None) -> str | None:
    """A full date in the URL path ("/2013/06/27/", "t20130627_", "/2017/7/12/")."""
    path = urlsplit(url or "").path
    match = URL_DATE.search(path) or URL_SLASH_DATE.search(path)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day).strftime("%Y-%m-%d")
    except ValueError:
        return None


def htmldate_guess(tree: html.HtmlElement, url: str | None) -> str | None:
    """htmldate's whole-page search; it edits the tree it is given, so it gets a copy."""
    try:
        return htmldate.find_date(copy.deepcopy(tree), url=url, original_date=True, extensive_search=True)
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; a missing date is a reason, not a crash
        return None


WEEKDAY_OR_ZONE = re.compile(
    r"[（(]?(星期|週|周)[一二三四五六日天][)）]?|[（(]?[月火水木金土日]曜?日?[)）]|(香港|北京|台北|日本|東京)?(時間|时间)|"
    r"(?i:\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|\b(" + "|".join(TZ_OFFSETS) + r")\b|[,，.\s]"
)
CJK_TIME = re.compile(r"(\d{1,2})\s*[時时点點]\s*(\d{1,2})\s*分")
ZONE_WORDS = {"香港": "+08:00", "北京": "+08:00", "台北": "+08:00", "日本": "+09:00", "東京": "+09:00"}


def is_date_line(text: str) -> bool:
    """A line that is a date or a time and nothing else ("2024年7月25日（星期四）", "香港時間15時30分")."""
    if len(text) > 60:
        return False
    rest = text
    for string in find_date_strings(text):
        rest = rest.replace(string, "")
    rest = CJK_TIME.sub("", rest)
    if rest == text:
        return False
    return not WEEKDAY_OR_ZONE.sub("", rest)


def add_cjk_time(date: str, text: str) -> str:
    """Add a time written "15時30分" (and the zone its words name, "香港時間") to a date-only value."""
    time = CJK_TIME.search(text)
    if not time or len(date) != 10:
        return date
    zone = next((offset for word, offset in ZONE_WORDS.items() if word in text), "")
    return f"{date}T{int(time.group(1)):02d}:{int(time.group(2)):02d}:00{zone}"


def parse_closing_date(text: str, language: str | None, now: datetime) -> str | None:
    """The date (and time) of a closing date line."""
    strings = find_date_strings(text)
    parsed = parse_text(strings[0], language, now) if strings else None
    return add_cjk_time(parsed, text) if parsed else None


def _most_precise(chosen: str | None, *others: str | None) -> str | None:
    """Metadata often gives the day alone while the page shows the time: same day, keep the time."""
    for other in others:
        if chosen and other and len(other) > len(chosen) and other[:10] == chosen[:10]:
            chosen = other
    return chosen


def find_dates(tree, meta, url, lines, headline_index, language, now, date_order=None, links=frozenset()):
    """(published, modified, header lines used, where the published date came from)."""
    day_in_url = url_date(url)
    published = choose_structured(_candidates(meta, PUBLISHED_META, "datePublished", now), day_in_url)
    modified = choose_structured(_candidates(meta, MODIFIED_META, "dateModified", now), None)
    time_published, time_modified = _time_elements(tree, now)
    seen_published, seen_modified, used = visible_dates(lines, headline_index, language, now, date_order, links)
    source = "metadata" if published else "time" if time_published else "headline" if seen_published else None
    published = _most_precise(published or time_published or seen_published, time_published, seen_published)
    modified = _most_precise(modified or time_modified or seen_modified, time_modified, seen_modified)
    modified = modified or page_updated(lines, language, now, date_order)
    if published and day_in_url and _is_utc(published) and _one_day_apart(published[:10], day_in_url):
        # A UTC timestamp falls on the day before or after the local one; the URL has the local day.
        published, source = day_in_url, "url"
    if published and day_in_url and published[:10] > _day_after(day_in_url):
        # A date in the URL is fixed when the story is first published; metadata
        # days later than it belong to a republication or a migration.
        published, source = day_in_url, "url"
    if not published:
        published, source = day_in_url, "url"
    if not published:
        published, source = htmldate_guess(tree, url), "htmldate"
    if modified and published and modified[:10] < published[:10]:
        modified = None
    if modified == published:
        modified = None
    return published, modified, used, source if published else None

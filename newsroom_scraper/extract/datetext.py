"""Reading one date: machine formats (ISO 8601, RFC 2822) and dates written for people.

Common written forms ("27.06.2013", "Jun 27, 2013", "27 juin 2013",
"2013年06月27日 10:35") are read by the patterns of rules.dates, which is
exact and fast; whatever they do not cover goes to dateparser, which knows some two
hundred locales but costs milliseconds a call. Values keep their precision:
a date stays a date, a time keeps its offset when one is known.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

import dateparser

from .rules import dates as rules
from .text import squash

DIGIT = re.compile(r"\d")  # every form of rules.DATE_PATTERNS needs one; most lines of a page have none


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
    return rules.EARLIEST_YEAR <= naive.year and naive <= now.replace(tzinfo=None) + rules.FUTURE_TOLERANCE


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
    if not rules.RFC2822.match(value):
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
    return "MDY" if lang in rules.MONTH_FIRST_LANGUAGES else "DMY"


def _fast_parse(text: str, language: str | None, date_order: str | None) -> tuple[datetime, bool] | None:
    """(moment, has time) for the common written forms, or None to leave the text to dateparser."""
    for form in rules.FAST_FORMS:
        match = form.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        if parts.get("mon"):
            month = rules.MONTHS.get(parts["mon"].lower().rstrip("."))
            day = int(parts["d"])
        elif parts.get("a"):
            a, b = int(parts["a"]), int(parts["b"])
            order = date_order or ("MDY" if language == "en" and "/" in text else "DMY")
            day, month = (a, b) if (order != "MDY" or a > 12) and b <= 12 else (b, a)
        else:
            month, day = int(parts["m"]), int(parts["d"])
        if not month:
            return None
        hour = int(parts["h"]) if parts.get("h") else 0
        if parts.get("ap"):
            hour = hour % 12 + (12 if parts["ap"].lower().startswith("p") else 0)
        try:
            moment = datetime(int(parts["y"]), month, day, hour, int(parts.get("mi") or 0), int(parts.get("s") or 0))
        except ValueError:
            return None
        return moment, bool(parts.get("h"))
    return None


def parse_text(
    text: str, language: str | None, now: datetime, date_order: str | None = None, fallback: bool = True
) -> str | None:
    """A date written for people ("Jun 27, 2013", "27.06.2013", "2013年06月27日 10:35").

    fallback=False reads the common forms only, without dateparser (milliseconds a call).
    """
    text = squash(text)
    zone = re.search(r"\b([A-Z]{2,5})\s*$", text)
    offset = rules.TZ_OFFSETS.get(zone.group(1)) if zone else None
    if zone and offset:
        text = text[: zone.start()].strip()
    if re.match(rules.DOTTED_SHORT_DATE, text):
        date_order = "DMY"
    fast = _fast_parse(text, language, date_order)
    if fast is not None:
        moment, with_time = fast
        return _format(moment, with_time, offset) if _plausible(moment, now) else None
    return _dateparser(text, language, now, date_order, offset) if fallback else None


def _dateparser(text: str, language: str | None, now: datetime, date_order: str | None, offset: str | None):
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


def leading_date(text: str) -> tuple[str, int] | None:
    """A date opening a paragraph as its dateline ("27 June 2013 – ", "GENEVA, 27 June 2013 — "):
    (the date string, where the story text starts)."""
    place = rules.LEADING_PLACE.match(text)
    start = place.end() if place else 0
    for candidate_start in (start, 0):
        strings = find_date_strings(text[candidate_start : candidate_start + rules.LEADING_DATE_REACH])
        if strings and text.startswith(strings[0], candidate_start):
            dash = rules.DASH_AFTER_DATE.match(text, candidate_start + len(strings[0]))
            if dash:
                return strings[0], dash.end()
    return None


def find_date_strings(text: str) -> list[str]:
    """Date expressions in reading order; where two overlap, the longer (with its time) wins."""
    if not DIGIT.search(text):
        return []  # every pattern needs a digit; most lines of a page have none
    return list(_date_strings(text))


# The header's lines are read for dates three or four times (date lines, byline, "Updated:", firm date lines):
# each is searched once while cached. A page's header asks some 30 lines with digits; 512 lines, some of them
# paragraphs, stay well under a few MiB of a worker's memory.
@lru_cache(maxsize=512)
def _date_strings(text: str) -> tuple[str, ...]:
    found = []
    for pattern in rules.DATE_PATTERNS:
        found.extend((m.start(), m.end()) for m in pattern.finditer(text))
    found.extend((m.start(), m.end()) for m in rules.RELATIVE.finditer(text))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return tuple(text[start:end] for start, end in kept)


def is_date_line(text: str) -> bool:
    """A line that is a date or a time and nothing else ("2024年7月25日（星期四）", "香港時間15時30分")."""
    if len(text) > rules.MAX_DATE_ONLY_LINE:
        return False
    rest = text
    for string in find_date_strings(text):
        rest = rest.replace(string, "")
    rest = rules.CJK_TIME.sub("", rest)
    if rest == text:
        return False
    return not rules.WEEKDAY_OR_ZONE.sub("", rest)


def add_cjk_time(date: str, text: str) -> str:
    """Add a time written "15時30分" (and the zone its words name, "香港時間") to a date-only value."""
    time = rules.CJK_TIME.search(text)
    if not time or len(date) != 10:
        return date
    zone = next((offset for word, offset in rules.ZONE_WORDS.items() if word in text), "")
    return f"{date}T{int(time.group(1)):02d}:{int(time.group(2)):02d}:00{zone}"


def parse_closing_date(text: str, language: str | None, now: datetime) -> str | None:
    """The date (and time) of a closing date line."""
    strings = find_date_strings(text)
    parsed = parse_text(strings[0], language, now) if strings else None
    return add_cjk_time(parsed, text) if parsed else None

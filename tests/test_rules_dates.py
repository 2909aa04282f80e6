"""Dates (rules.dates), row by row: a written date, a URL or a header line, and the date it gives, or None."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract.dates import (
    DatesSeen,
    firm_date_line,
    page_date,
    page_updated,
    shown_days,
    shown_wins,
    url_date,
    visible_dates,
)
from newsroom_scraper.extract.datetext import (
    add_cjk_time,
    date_order_for,
    find_date_strings,
    is_date_line,
    leading_date,
    parse_iso,
    parse_text,
)
from newsroom_scraper.extract.declared_dates import choose_structured
from newsroom_scraper.extract.evidence import Resolved, Source
from newsroom_scraper.extract.rules.dates import MAX_SHOWN_DAYS

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

DATE_STRINGS = [
    # (a line, the date expressions rules.DATE_PATTERNS and RELATIVE find in it)
    ("发布时间：2013-06-27 10:35", ["2013-06-27 10:35"]),
    ("2013年06月27日", ["2013年06月27日"]),
    ("Posted 27.06.2013, 14:07 Uhr", ["27.06.2013, 14:07 "]),  # the space a zone could follow
    ("Deutscher Tennis Bund 4. 2. 2022.", ["4. 2. 2022"]),
    ("27 juin 2013 à 10h35", ["27 juin 2013 à 10h35"]),
    ("3 de mayo de 2022", ["3 de mayo de 2022"]),
    ("Jun 27th, 2013 at 10:35 PM EDT", ["Jun 27th, 2013 at 10:35 PM EDT"]),
    ("updated 3 hours ago", ["3 hours ago"]),
    ("vor 5 Stunden", ["vor 5 Stunden"]),
    ("3小时前", ["3小时前"]),
    ("Version 1.2.3 released", []),  # not a date: no year
    ("Kapitel 4. 2. 12", []),
    ("Call 0800 27 06 2013", []),  # digits, no date form
    ("in 1850 and 1851", []),  # years alone
    ("27.06.1850", []),  # before the years of the patterns (19xx, 20xx)
]


@pytest.mark.parametrize("line, strings", DATE_STRINGS)
def test_find_date_strings(line, strings):
    assert find_date_strings(line) == strings


WRITTEN_DATES = [
    # (a written date, the page's language, the date it is read as, by rules.FAST_FORMS without dateparser)
    ("27.06.2013", "de", "2013-06-27"),
    ("06/27/2013", "en", "2013-06-27"),  # a month cannot be 27
    ("02/11/2023", "en", "2023-02-11"),  # slashes on an English page: month first
    ("02.11.2023", "en", "2023-11-02"),  # dots: day first
    ("27 juin 2013 à 10h35", "fr", "2013-06-27T10:35:00"),
    ("27. Jänner 2013", "de", "2013-01-27"),  # spellings besides the lists (rules.MONTHS)
    ("5 setiembre 2013", "es", "2013-09-05"),
    ("Jun 27, 2013 10:35 pm", "en", "2013-06-27T22:35:00"),
    ("Jun 27, 2013 10:35 CEST", "en", "2013-06-27T10:35:00+02:00"),  # rules.TZ_OFFSETS
    ("2013年06月27日 10:35", "zh", "2013-06-27T10:35:00"),
    ("27 Blorf 2013", "en", None),  # no such month: left to dateparser
    ("31.02.2013", "de", None),  # no such day
    ("27.06.1989", "de", None),  # before rules.EARLIEST_YEAR
    ("30.11.2026", "de", None),  # beyond rules.FUTURE_TOLERANCE of NOW
    ("25.11.2026", "de", "2026-11-25"),  # within it
]


@pytest.mark.parametrize("text, language, expected", WRITTEN_DATES)
def test_written_dates(text, language, expected):
    assert parse_text(text, language, NOW, fallback=False) == expected


MACHINE_DATES = [
    ("2019-10-19T00:04:00+02:00", "2019-10-19T00:04:00+02:00"),
    ("2019-10-19T00:04:00.123Z", "2019-10-19T00:04:00+00:00"),
    ("2019-10-19 00:04", "2019-10-19T00:04:00"),
    ("2019-10-19T00:00:00", "2019-10-19"),  # midnight without zone: a day
    ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19"),  # rules.RFC2822, read for its day
    ("1970-01-01T00:00:00Z", None),  # an empty timestamp
    ("", None),
]


@pytest.mark.parametrize("value, expected", MACHINE_DATES)
def test_machine_dates(value, expected):
    assert parse_iso(value, NOW) == expected


@pytest.mark.parametrize(
    "lang, order", [("en", "MDY"), ("en-US", "MDY"), ("en_us", "MDY"), ("en-GB", "DMY"), ("de", None), (None, None)]
)
def test_date_order_for(lang, order):
    assert date_order_for(lang) == order


DATE_ONLY_LINES = [
    # (a line, whether it holds a date or a time and nothing else: rules.WEEKDAY_OR_ZONE, MAX_DATE_ONLY_LINE)
    ("2024年7月25日（星期四）", True),
    ("香港時間15時30分", True),
    ("Thursday, 25 July 2024", True),
    ("25 July 2024 10:35 CET", True),
    ("25 July 2024 in Geneva", False),
    ("The council met on 25 July 2024", False),
    ("Thursday " * 6 + "25 July 2024", False),  # too long to be a date line
]


@pytest.mark.parametrize("line, date_only", DATE_ONLY_LINES)
def test_is_date_line(line, date_only):
    assert is_date_line(line) is date_only


LEADING_DATES = [
    # (a paragraph, the date opening it as a dateline, or None: rules.LEADING_PLACE, DASH_AFTER_DATE ...)
    ("27 June 2013 – The council approved the plan.", "27 June 2013"),
    ("GENEVA, 27 June 2013 — The council approved the plan.", "27 June 2013"),
    ("27 June 2013 The council approved the plan.", None),  # no dash after it
    ("The council approved the plan on 27 June 2013 – after years.", None),  # not at the opening
]


@pytest.mark.parametrize("text, date", LEADING_DATES)
def test_leading_date(text, date):
    found = leading_date(text)
    assert (found[0] if found else None) == date


@pytest.mark.parametrize(
    "date, text, expected",
    [
        ("2024-07-25", "香港時間15時30分", "2024-07-25T15:30:00+08:00"),  # rules.ZONE_WORDS
        ("2024-07-25", "15時30分", "2024-07-25T15:30:00"),
        ("2024-07-25T10:00:00", "15時30分", "2024-07-25T10:00:00"),  # a time already
        ("2024-07-25", "15:30", "2024-07-25"),  # not a CJK time
    ],
)
def test_add_cjk_time(date, text, expected):
    assert add_cjk_time(date, text) == expected


URLS = [
    ("https://english.cas.cn/news/ric/201306/t20130627_105222.shtml", "2013-06-27"),
    ("https://example.org/2017/7/12/a-story/", "2017-07-12"),
    ("https://example.org/news/2024-03-05-flood-plan", "2024-03-05"),
    ("https://example.org/news/2024/05/", None),  # a month archive, not a day
    ("https://example.org/item/20241399", None),  # no such month
    ("https://example.org/story/1234567890", None),
]


@pytest.mark.parametrize("url, day", URLS)
def test_url_date(url, day):
    assert url_date(url) == day


HEADER_LINES = [
    # (the line under the headline, published, modified)
    ("March 5, 2024", "2024-03-05", None),
    ("By Jane Doe | March 5, 2024", "2024-03-05", None),
    ("Published: 5 March 2024 Updated: 6 March 2024", "2024-03-05", "2024-03-06"),
    ("发布时间：2013-06-27 10:35", "2013-06-27T10:35:00", None),
    ("Updated March 6, 2024", None, "2024-03-06"),
    ("Uppfært 12.2.2025 7:25", None, "2025-02-12T07:25:00"),  # Icelandic "updated"
    ("Aggiornato il 6 marzo 2024", None, "2024-03-06"),
    ("Do 25.04.24 | 14:07 Uhr | Von Eva Muster", "2024-04-25", None),  # dotted, two-digit year: day first
    ("Deutscher Tennis Bund 4. 2. 2022.", "2022-02-04", None),  # dotted with spaces
    ("Kapitel 4. 2. 12", None, None),  # not a year
    ("Version 1.2.3 released", None, None),  # three numbers, not a date
    ("Registriert: 18.09.2008, 05:56", None, None),  # a forum member's registration
    ("Copyright © 2024-03-05 Harbour News", None, None),
    ("The meeting on 5 February 2020 decided to raise the sea wall by eighty centimetres over four years.", None, None),
]


@pytest.mark.parametrize("line, published, modified", HEADER_LINES)
def test_visible_dates(line, published, modified):
    found, updated, _, _ = visible_dates(["Council approves harbour plan", line], 0, "en", NOW)
    assert (found, updated) == (published, modified)


AGE_LINES = [
    # (the lines under the headline, the published date they give)
    (["By Jane Doe", "4 minutes ago"], "2026-11-24"),  # the story's own age
    (["Latest", "Storm closes ferry", "4 minutes ago", "Bridge reopens", "21 minutes ago"], None),  # a list's
    (["Latest", "Storm closes ferry", "hace 4 minutos", "Bridge reopens", "hace 21 minutos"], None),
]


@pytest.mark.parametrize("lines, published", AGE_LINES)
def test_ages_of_several_lines_are_a_list(lines, published):
    found, _, _, _ = visible_dates(["Council approves harbour plan", *lines], 0, "en", NOW)
    assert found == published


UPDATED_LINES = [
    ("Last updated: August 23, 2024", "2024-08-23"),
    ("Page last reviewed: 23 August 2024", None),
    ("Zuletzt aktualisiert: 23.08.2024", "2024-08-23"),
    ("We last updated the plan in 2024 after the storms of the winter before.", None),
]


@pytest.mark.parametrize("line, day", UPDATED_LINES)
def test_page_updated(line, day):
    assert page_updated([line], "en", NOW) == day


FIRM_LINES = [
    # (a date line, the date as written on it, firm enough to outweigh metadata)
    ("19. Oktober 2019 00:04 Uhr", "19. Oktober 2019 00:04", True),
    ("Stand: 28.04.2020 18:00 Uhr", "28.04.2020 18:00", True),
    ("Mittwoch, 26.01.2022 - 14:30", "26.01.2022 - 14:30", True),
    ("02/11/2023 02:00pm GMT", "02/11/2023 02:00pm GMT", True),  # firm; whether it is read right is shown_wins'
    ("vor 5 Stunden", "vor 5 Stunden", False),  # relative
    ("Published 15 minutes ago", "15 minutes ago", False),
    ("— South Park (@SouthPark) September 27, 2020", "September 27, 2020", False),  # an embedded post
    ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des Jugendwerks)", "05.02.2020", False),  # too much else
]


@pytest.mark.parametrize("line, written, firm", FIRM_LINES)
def test_firm_date_line(line, written, firm):
    assert firm_date_line(line, written) is firm


SHOWN_OVER_METADATA = [
    # (metadata, the firm date shown under the headline, as written, the shown one wins)
    ("2019-10-18T22:04:00+00:00", "2019-10-19T00:04:00", "19. Oktober 2019 00:04", True),  # the same moment
    ("2022-05-05T21:00:00-05:00", "2022-05-06T02:00:00", "6 May 2022 - 2:00 a. m.", True),  # shown in UTC
    ("2022-05-04T02:41:00+00:00", "2022-05-03T22:41:00", "3/5/2022 22:41", True),  # the moment settles the order
    ("2021-11-04T23:00:00+00:00", "2021-11-05", "5. November 2021", True),  # UTC midnight of the local day
    ("2020-04-30", "2020-04-29T12:01:00", "29.04.2020, 12:01", True),  # a day without zone: the CMS's stamp
    ("2022-01-26T14:32:06", "2022-01-21", "21.01.2022", True),
    ("2021-11-01T05:00:14", "2021-01-11", "11/01/2021", False),  # day or month first, and no moment to settle it
    ("2019-10-01", "2017-08-31", "31. August 2017", False),  # years apart: the shown date is another event
    ("2019-10-18T22:04:00+00:00", "2019-10-19T09:31:00", "19.10.2019 09:31", False),  # not a zone offset away
    ("2024-04-19T18:41:37+02:00", "2024-04-20", "20.04.2024", False),  # metadata with its zone, a day alone
    ("2024-04-19T18:41:37+02:00", "2024-04-20T10:00:00", "20.04.2024 10:00", False),  # not the same moment
    ("2023-10-07T09:53:36+02:00", "2024-07-18T11:08:00", "18.07.2024, 11.08", False),  # a live blog's last entry
    ("2020-04-29T11:52:23", "2020-04-29T18:00:00", "29.04.2020 18:00", False),  # same day
    ("2022-05-04T00:25:56+00:00", "2022-05-03T21:25:00", "3 de mayo de 2022 21:25", True),  # to the minute
    ("2022-05-04T00:25:56+00:00", "2022-05-03T21:31:00", "3 de mayo de 2022 21:31", False),  # no zone apart
]


@pytest.mark.parametrize("metadata, shown, written, wins", SHOWN_OVER_METADATA)
def test_shown_wins(metadata, shown, written, wins):
    assert shown_wins(metadata, shown, written) is wins


GENERIC_METADATA = [
    # (a date only a meta tag named "date" gives, the firm date shown under the headline, as written, shown wins)
    ("2021-12-20T11:02:44+01:00", "2022-01-27", "27.01.2022", True),  # the item's creation, weeks before
    ("2020-03-03", "2020-04-07", "7 April 2020", True),  # beyond NAIVE_METADATA_REACH: still the story's
    ("2021-11-01T05:00:14", "2021-01-11", "11/01/2021", False),  # day or month first?
    ("2022-01-27T10:00:00+01:00", "2022-01-27", "27.01.2022", False),  # the same day
]


@pytest.mark.parametrize("metadata, shown, written, wins", GENERIC_METADATA)
def test_shown_wins_over_a_generic_date(metadata, shown, written, wins):
    assert shown_wins(metadata, shown, written, generic=True) is wins
    assert not shown_wins(metadata, shown, written) or wins  # a named publication date is harder to beat


STRUCTURED = [
    # (metadata candidates in order, the URL's day, the day a firm date line shows, the one chosen)
    (["2022-01-04T07:29:00+00:00", "2022-01-06T08:29:34"], None, "2022-01-06", "2022-01-06T08:29:34"),
    (["2022-01-04T07:29:00+00:00", "2022-01-06T08:29:34"], None, None, "2022-01-04T07:29:00+00:00"),
    (["2022-01-04T07:29:00+00:00", "2022-01-06T08:29:34"], "2022-01-04", "2022-01-06", "2022-01-04T07:29:00+00:00"),
    (["2022-01-04T07:29:00+00:00", "2022-01-06T08:29:34"], None, "2022-01-09", "2022-01-04T07:29:00+00:00"),
    (["2020-02-25T02:25:54+00:00", "2020-02-24T21:25:54-05:00"], None, None, "2020-02-24T21:25:54-05:00"),  # twin
]


@pytest.mark.parametrize("candidates, url_day, shown_day, chosen", STRUCTURED)
def test_choose_structured(candidates, url_day, shown_day, chosen):
    assert choose_structured(candidates, url_day, shown_day) == chosen


PAGE_DATE_LINES = [
    # (lines of a page undated near its headline, the days its firm date lines name)
    (["Posted 2024-03-05 in City news"], {"2024-03-05"}),
    (["Some paragraph of text.", "5 March 2024"], {"2024-03-05"}),
    (["Page last reviewed: 5 March 2024"], set()),  # a review date
    (["Copyright © 2024-03-05 Harbour News"], set()),
    (["Termin: 21.02.2020, 19 Uhr"], set()),  # an event
    (["Release: 10.11.2023"], set()),  # a product's release
    (["Released: 5 March 2024"], {"2024-03-05"}),  # a press release's own
    (["Release date 5 March 2024"], {"2024-03-05"}),
    (["We determined on 5 March 2024"], {"2024-03-05"}),  # "determined" is not "Termin"
    (["Last updated: August 23, 2024"], set()),  # an update is not the publication
    (["Uppfært 12.2.2025 7:25"], set()),
    (["VN:F [1.9.22_1171]"], set()),  # a version number, not a dotted date
    (["5 March 2024", "9 March 2024", "11 April 2024", "12 April 2024"], None),  # too many: reading stops
]


@pytest.mark.parametrize("lines, days", PAGE_DATE_LINES)
def test_shown_days(lines, days):
    found = shown_days(lines, "en", NOW)
    if days is None:
        assert len(found) > MAX_SHOWN_DAYS
    else:
        assert found == days


PAGE_DATES = [
    # (metadata, shown under the headline, as written, the URL's day, the page's date and its source)
    (None, "2007-05-19", "19.05.2007", "2007-05-20", ("2007-05-20", "url")),  # a date line alone: an event's
    (None, "2007-05-20", "20.05.2007", "2007-05-20", ("2007-05-20", "headline")),
    (None, "2007-05-19", "19.05.2007", None, ("2007-05-19", "headline")),
    ("2020-07-09T10:04:04+00:00", "2020-07-09", "July 9, 2020", "2020-07-08", ("2020-07-09T10:04:04+00:00", "jsonld")),
    ("2020-02-25T02:25:54+00:00", "2020-02-24", "Feb 24, 2020", "2020-02-24", ("2020-02-24", "headline")),
    ("2020-02-25T02:25:54+00:00", None, None, "2020-02-24", ("2020-02-24", "url")),  # UTC, a day off the URL's
]


@pytest.mark.parametrize("metadata, shown, written, day, expected", PAGE_DATES)
def test_page_date(metadata, shown, written, day, expected):
    seen = DatesSeen(
        Resolved(metadata, Source.JSONLD if metadata else None), Resolved(None), None, None, shown, None, (), day,
        shown_written=written,
    )  # fmt: skip
    found = page_date(seen)
    assert (found.value, found.source) == expected

"""Dates (rules.dates), row by row: a URL or a header line, and the date it gives, or None."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract.dates import page_updated, url_date, visible_dates

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

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
    ("Do 25.04.24 | 14:07 Uhr | Von Eva Muster", "2024-04-25", None),  # dotted, two-digit year: day first
    ("Version 1.2.3 released", None, None),  # three numbers, not a date
    ("The meeting on 5 February 2020 decided to raise the sea wall by eighty centimetres over four years.", None, None),
]


@pytest.mark.parametrize("line, published, modified", HEADER_LINES)
def test_visible_dates(line, published, modified):
    found, updated, _, _ = visible_dates(["Council approves harbour plan", line], 0, "en", NOW)
    assert (found, updated) == (published, modified)


UPDATED_LINES = [
    ("Last updated: August 23, 2024", "2024-08-23"),
    ("Page last reviewed: 23 August 2024", None),
    ("Zuletzt aktualisiert: 23.08.2024", "2024-08-23"),
    ("We last updated the plan in 2024 after the storms of the winter before.", None),
]


@pytest.mark.parametrize("line, day", UPDATED_LINES)
def test_page_updated(line, day):
    assert page_updated([line], "en", NOW) == day

"""Dotted dates with a two-digit year ("Do 25.04.24 | 14:07 Uhr"): found in a date line, read day first."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract.datetext import find_date_strings, parse_text

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Do 25.04.24 | 14:07 Uhr  | Von Eva Muster", ["25.04.24"]),
        ("02.12.19", ["02.12.19"]),
        ("Stand: 3.5.24, 9:15", ["3.5.24, 9:15"]),
        ("Version 1.2.3 released", []),  # three numbers, not a day
        ("IP 10.12.24.1", []),  # more dotted numbers follow
        ("Score 12.05.2024", ["12.05.2024"]),  # a four-digit year keeps its own form
    ],
)
def test_dotted_short_dates_are_found(line, expected):
    assert find_date_strings(line) == expected


@pytest.mark.parametrize(
    ("text", "language", "order", "expected"),
    [
        ("25.04.24", "de", None, "2024-04-25"),
        ("02.12.19", "en", "MDY", "2019-12-02"),  # dots: day first even on a US-English page
        ("3.5.24, 9:15", "de", None, "2024-05-03T09:15:00"),
    ],
)
def test_dotted_short_dates_read_day_first(text, language, order, expected):
    assert parse_text(text, language, NOW, order) == expected

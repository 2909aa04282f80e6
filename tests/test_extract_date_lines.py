"""Date lines near the headline: a long line is read only for the date opening it; lines are searched once."""

from __future__ import annotations

from datetime import UTC, datetime

from newsroom_scraper.extract.dates import visible_dates
from newsroom_scraper.extract.datetext import find_date_strings

NOW = datetime(2026, 11, 26, tzinfo=UTC)
STORY = "the council met on 3 March 2013 and approved the harbour flood defence plan after a long debate."


def test_a_long_line_dates_the_story_by_the_date_opening_it_unless_it_is_labelled_another_kind():
    lines = ["Council approves flood plan", f"27 June 2013 – GENEVA: {STORY}", "Share"]
    assert visible_dates(lines, 0, "en", NOW)[0] == "2013-06-27"
    lines[1] = f"27 June 2013 – {STORY} Copyright the council."
    assert visible_dates(lines, 0, "en", NOW)[0] is None
    lines[1] = f"Published 27 June 2013 – {STORY}"  # a labelled line is a date line up to 200 characters
    assert visible_dates(lines, 0, "en", NOW)[0] == "2013-06-27"
    assert visible_dates([*lines[:1], "March 5, 2024", lines[1]], 0, "en", NOW)[0] == "2024-03-05"


def test_a_line_searched_again_gives_its_dates_afresh():
    found = find_date_strings("Posted 5 March 2024, updated 6 March 2024")
    assert found == ["5 March 2024", "6 March 2024"]
    found.clear()
    assert find_date_strings("Posted 5 March 2024, updated 6 March 2024") == ["5 March 2024", "6 March 2024"]

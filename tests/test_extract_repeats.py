"""A body holds its text once and its own text only: repeated paragraphs, a block that runs the story together
and lists of links to other stories are dropped."""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.body import Block
from newsroom_scraper.extract.clean import drop_repeats, is_link_list

SUMMARY = "An AI summary of this article: the council approved the tram extension on Tuesday."
STORY = [
    "The council approved the tram extension on Tuesday after a two-year consultation with residents of the town.",
    "Construction starts in spring and the first trams should run to Eastfield by the end of 2027, officials said.",
    "Opponents said the money would be better spent on buses serving the outer villages of the whole district.",
]


def texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([SUMMARY, *STORY, SUMMARY], [SUMMARY, *STORY]),  # a box shown twice
        ([" ".join(STORY), "Headline", *STORY], ["Headline", *STORY]),  # the story run together above itself
        (["- Yes", *STORY, "- Yes"], ["- Yes", *STORY, "- Yes"]),  # short repeats stay
        ([STORY[0][:60], *STORY], [STORY[0][:60], *STORY]),  # a quoted part under 200 characters stays
        (STORY, STORY),
    ],
)
def test_drop_repeats(given, expected):
    assert texts(drop_repeats([Block("p", text) for text in given])) == expected


LINKS = {"Santorini volcano wiped out a whole culture", "New app for your phone", "Contact"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Disaster: Santorini volcano wiped out a whole culture\n- New app for your phone", True),
        ("- Santorini volcano wiped out a whole culture\n- Contact", True),
        ("- New app for your phone", False),  # one item may be the story's own pointer
        ("- Disaster: Santorini volcano wiped out a whole culture\n- Eggs, flour and butter", False),
        ("- Three volcanoes erupted on the island of Santorini in the same decade\n- New app for your phone", False),
    ],
)
def test_is_link_list(text, expected):
    assert is_link_list(text, LINKS) is expected

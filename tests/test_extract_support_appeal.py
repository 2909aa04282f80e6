"""A donation, support or membership appeal that closes an article is boilerplate, with its label; earlier it stays."""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.body import Block
from newsroom_scraper.extract.clean import Credits, clean_blocks

STORY = [
    "The council approved the tram extension on Tuesday after a two-year consultation with residents of the town.",
    "Construction starts in spring and the first trams should run to Eastfield by the end of 2027, officials said.",
    "Opponents said the money would be better spent on buses serving the outer villages of the whole district.",
    "The transport chair said both projects would be funded from separate budgets in the coming ten-year plan.",
]
APPEAL_DE = "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende."
APPEAL_EN = "Independent journalism needs you. Support our journalism and become a member today."


def cleaned(texts: list[str], kinds: dict[int, str] | None = None) -> list[str]:
    kinds = kinds or {}
    blocks = [Block(kinds.get(i, "p"), text) for i, text in enumerate(texts)]
    return [block.text for block in clean_blocks(blocks, "Council approves tram extension", Credits(), set())]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ([*STORY, APPEAL_DE], STORY),
        ([*STORY, "Read independent news", APPEAL_EN], STORY),  # the label above the appeal goes with it
        ([*STORY, "It ended the debate.", APPEAL_EN], [*STORY, "It ended the debate."]),  # a sentence is no label
        ([STORY[0], APPEAL_EN, *STORY[1:]], [STORY[0], APPEAL_EN, *STORY[1:]]),  # not closing the article
    ],
)
def test_closing_support_appeal(texts, expected):
    assert cleaned(texts) == expected


def test_an_appeal_in_a_list_stays():
    texts = [*STORY, "- Check the timetable\n- Werden Sie Mitglied im Fahrgastverband"]
    assert cleaned(texts, {4: "list"}) == texts

"""The JSON-LD articleBody completes a body that the markup shows only in part, and nothing else."""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.body import Block
from newsroom_scraper.extract.structured_body import complete_body, declared_paragraphs

STORY = [
    "The council approved the tram extension on Tuesday after a two-year consultation with residents.",
    "Construction starts in spring and the first trams should run to Eastfield by the end of 2027.",
    "Opponents said the money would be better spent on buses serving the outer villages of the district.",
    "The council's transport chair said both projects would be funded from separate budgets in the plan.",
]


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("<p>One <strong>two</strong>.</p><p>Three.</p>", ["One two.", "Three."]),
        (
            "&amp;lt;p&amp;gt;Caf&amp;eacute; one.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Two.&amp;lt;/p&amp;gt;",
            ["Café one.", "Two."],
        ),
        ("First line.\n\n  Second   line.\n", ["First line.", "Second line."]),
        ("No tags & no lines", ["No tags & no lines"]),
    ],
)
def test_declared_paragraphs(declared, expected):
    assert declared_paragraphs(declared) == expected


def test_a_fragment_of_the_declared_story_is_completed():
    blocks = [Block("p", STORY[0])]
    completed = complete_body(blocks, "\n".join(STORY))
    assert [block.text for block in completed] == STORY


@pytest.mark.parametrize(
    ("blocks", "declared"),
    [
        ([Block("p", text) for text in STORY[:3]], "\n".join(STORY)),  # most of the story is there already
        ([Block("p", "A recipe for lemon cake with butter, sugar, flour and eggs.")], "\n".join(STORY)),  # another text
        ([Block("p", STORY[0])], None),
        ([Block("p", STORY[0])], ["not", "a string"]),
        ([Block("p", STORY[0])], ""),
    ],
)
def test_the_markup_body_stands(blocks, declared):
    assert complete_body(blocks, declared) is None

"""The whole-paragraph checks (rules.paragraphs.NOISE), row by row: each row a paragraph and the rule that fires.

A new rule gets its rows here, including paragraphs of real stories it must not fire on.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newsroom_scraper.extract.body import Block
from newsroom_scraper.extract.clean import Credits, clean_blocks
from newsroom_scraper.extract.rules.paragraphs import NOISE, noise_rule

STORY = (
    "The city council approved a new plan on Tuesday to expand the harbour's flood defences, after two winters of "
    "storm surges that damaged homes and businesses along the waterfront."
)

SECOND = "Construction starts in spring, and the first section of the new sea wall should be finished by 2027."

ROWS = [
    ("[Editor: Li Hua]", "editor_tag"),
    ("（责任编辑：王明）", "editor_tag"),
    ("The editor: a profile of the woman who runs the paper, and of the town that reads it every morning.", None),
    ("awr/ mrr/", "editor_initials"),
    ("jk/dpa", "editor_initials"),
    ("-END-", "end_marker"),
    ("（完）", "end_marker"),
    ("It was the end of an era for the harbour.", None),
    ("For immediate release", "release_marker"),
    ("Advertisement", "ad_line"),
    ("Anzeige", "ad_line"),
    ("Advertisement revenue fell by a third last year, the publisher said in its annual report.", None),
    ("Related: Council delays vote on the harbour plan", "related_line"),
    ("Lesen Sie auch: Der Hafen wird ausgebaut", "related_line"),
    ("Related stories", "related_heading"),
    ("Views: 1,234", "counter"),
    ("阅读量：5678", "counter"),
    ("Read more", "more_link"),
    (">> more", "more_link"),
    ("Sign up for our weekly newsletter", "newsletter"),
    ("We use cookies to improve your experience on our site.", "consent"),
    (STORY + " We use cookies, the council's website says, " + STORY + " " + STORY, None),
    ("Copyright © 2024 Harbour City Council. All rights reserved.", "copyright"),
    (STORY + " The copyright of the old photographs lies with the city archive. " + STORY, None),
    ("(Xinhua/Li Gang)", "photo_credit"),
    ("Photo: Jane Doe", "photo_credit"),
    ("Email Print Text Size", "toolbar"),
    ("打印 关闭", "toolbar"),
    ("Print and email are how most residents still receive the council's notices.", None),
    ("【纠错】【责任编辑：李华】", "bracket_tags"),
    ("jane.doe@example.org", "email_only"),
    ("Write to jane.doe@example.org with your questions about the plan.", None),
    ("IP/24/1432", "reference"),
    ("Pressemitteilung Nr. 123/2023", "reference"),
    ("This work is licensed under a Creative Commons Attribution 4.0 licence.", "licence"),
    ("Last updated: August 23, 2024", "page_updated"),
    ("The new plan was first drafted in 2021... more", "teaser_end"),
    (STORY, None),
    ("He said: \u201cWe will build it.\u201d", None),
]


@pytest.mark.parametrize("text, rule", ROWS, ids=[f"{rule}:{text[:30]}" for text, rule in ROWS])
def test_noise_rule(text, rule):
    assert noise_rule(text) == rule


def test_every_rule_has_a_row_that_fires():
    assert {rule.name for rule in NOISE} == {rule for _, rule in ROWS if rule}


def test_the_cleaning_counts_paragraphs_by_the_rule_that_dropped_them():
    texts = ("Advertisement", STORY, "Read more", "Related stories", STORY, SECOND)
    blocks = [Block("p", text) for text in texts]
    removed: Counter = Counter()
    kept = clean_blocks(blocks, "A headline", Credits(), set(), removed=removed)
    assert [block.text for block in kept] == [STORY, SECOND]
    assert {name: count for name, count in removed.items() if count} == {
        "repeats": 1,
        "ad_line": 1,
        "more_link": 1,
        "related_heading": 1,
    }


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        # The headline repeated first, or after headings above it (a page label, a kicker): all header.
        ([("head", "A headline"), ("p", STORY)], [STORY]),
        ([("head", "News"), ("head", "A headline"), ("p", STORY)], [STORY]),
        # Not after a paragraph: the story may quote its own headline, and a heading before it may be the story's.
        ([("p", STORY), ("head", "A headline"), ("p", SECOND)], [STORY, "A headline", SECOND]),
        ([("head", "News"), ("p", STORY)], ["News", STORY]),
    ],
)
def test_headline_and_headings_above_it_are_header(blocks, kept):
    removed: Counter = Counter()
    result = clean_blocks([Block(kind, text) for kind, text in blocks], "A headline", Credits(), set(), removed=removed)
    assert [block.text for block in result] == kept
    assert removed["header"] == len(blocks) - len(kept)

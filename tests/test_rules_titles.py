"""Title rules (rules.titles), row by row: which separator rule splits a title, and the sizes that decide.

Rows that must not fire are the hyphens, colons and dashes inside headlines
themselves ("Covid-19", "10:30", "Halle/Saale").
"""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.evidence import Source
from newsroom_scraper.extract.rules.titles import PART_EDGES, separator_rule
from newsroom_scraper.extract.title import _declared, match_rank, strip_site_name

SEPARATOR_ROWS = [
    ("Kicker: Headline here", "kicker_colon"),
    ("Klimaschutz：Bohren, bis es heiß wird", None),  # a full-width colon glued on both sides: no space after it
    ("Nahost-Ticker: Palästinenser erschossen", "kicker_colon"),
    ("Headline here | Example News", "site_separator"),
    ("Headline here - Example News", "site_separator"),
    ("Headline here – Example News", "site_separator"),
    ("Four Years » Blog Archive » Interning", "site_separator"),
    ("Muffin Grundrezept : Muffin Rezepte", "site_separator"),
    ("促进航天技术更好惠及人民--时政--人民网", "shown_part_separator"),  # two hyphens without spaces: only if shown
    ("Headline----Chinese Academy of Sciences", "site_separator"),
    ("蔡健雅_百度百科", "site_separator"),
    ("Brexit –Deal vertagt", "shown_part_separator"),
    # Not separators: hyphens, colons and slashes inside words and numbers.
    ("Covid-19 cases rise again", None),
    ("Zug um 10:30 Uhr entgleist", None),
    ("Termine in Halle/Saale und Dessau", None),
    ("Peanut Butter Truffles", None),
]


@pytest.mark.parametrize(("title", "rule"), SEPARATOR_ROWS)
def test_separator_rule(title, rule):
    assert separator_rule(title) == rule


@pytest.mark.parametrize(
    ("text", "edges"),
    [(": Headline", True), ("Kicker - ", True), ("\u00a0/ Headline", True), ("Headline", False), ("„Zitat“", False)],
)
def test_part_edges(text, edges):
    assert (text.strip(PART_EDGES) != text) is edges


@pytest.mark.parametrize(
    ("title", "names", "headline"),
    [
        ("Headline here | Example News", {"examplenews"}, "Headline here"),
        ("BBC News - Storm hits the coast", {"bbc"}, "Storm hits the coast"),  # a name with a few letters more
        # The longest part when no part is a known name.
        ("A long headline about the harbour | Unknown Site", set(), "A long headline about the harbour"),
        ("Covid-19 cases rise", {"example"}, "Covid-19 cases rise"),
    ],
)
def test_strip_site_name(title, names, headline):
    assert strip_site_name(title, names) == headline


def rank(heading: str, og: str = "", tag: str = "", names: frozenset = frozenset({"examplenews"})) -> int | None:
    sourced = [(tag, Source.TITLE_TAG)] if tag else []
    sourced += [(og, Source.META)] if og else []
    return match_rank(heading, _declared(sourced, set(names)), set(names))


@pytest.mark.parametrize(
    ("heading", "og", "tag", "expected"),
    [
        # 0: the og:title; 1: the <title> without its site name.
        ("Storm hits the coast", "Storm hits the coast", "", 0),
        ("Storm hits the coast", "", "Storm hits the coast | Example News", 1),
        # The og:title cut short (MIN_CUT_TITLE_KEY letters or more) and the heading going on: 0.
        ("Ultium Cells raises capacity in Tennessee", "Ultium Cells raises capacity", "", 0),
        # ... not when the og:title is too short to be a cut headline, or the heading says much more (a kicker).
        ("Storm hits the coast again today", "Storm hits the coast", "", None),
        ("Diet tricks for Christmas Christmas without the pounds: 10 tips", "Diet tricks for Christmas", "", None),
        # 2: a part of a title (MIN_SHARE_OF_TITLE of it), the headline after "Kicker: ",
        # a whole title with its site name.
        ("Storm hits the coast and the town", "", "Storm hits the coast and the town floods | Example News", 2),
        ("Kaeser fools Neubauer", "Siemens and the coal mine: Kaeser fools Neubauer", "", 2),
        ("Taxonomy: gas | Example News", "", "Taxonomy: gas | Example News", 2),
        # Not a match: a short part (a section; the heading under MIN_SHARE_OF_TITLE), a site name,
        # under MIN_SHOWN_CHARS after a kicker's colon.
        ("Storm hits the coast", "", "Storm hits the coast and floods the old town | Example News", None),
        ("Politics", "", "Politics: Storm hits the coast and floods the old town", None),
        ("Example News", "", "Storm hits the coast | Example News", None),
        ("Short one", "A very long kicker before it all: Short one", "", None),
    ],
)
def test_match_rank(heading, og, tag, expected):
    assert rank(heading, og, tag) == expected

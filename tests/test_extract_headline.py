"""The headline's line, keyed only where a line's first letter fits the title's (found as keying every line finds
it), and the headline's shown text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from newsroom_scraper.extract.header import headline_index
from newsroom_scraper.extract.rules import page as rules
from newsroom_scraper.extract.text import comparable
from newsroom_scraper.extract.title import _key, _keyed_as, heading_text

# Characters where lower-casing is not one letter for one: "İ" becomes two, "Σ" depends on its neighbours.
ALPHABET = st.sampled_from(list("aAbBiIİıΣσς _-:›>»/.,'’1é\u200b\u0307"))
LINES = st.lists(st.text(ALPHABET, max_size=14), max_size=12)


def every_line_keyed(lines: list[str], title: str | None, links=frozenset()) -> int | None:
    """headline_index as it was before keying was cut short: comparable() of every line."""
    if not title:
        return None
    key, first = comparable(title), None
    for index, line in enumerate(lines):
        after_crumb = index > 0 and lines[index - 1].rstrip()[-1:] in rules.CRUMB_ENDS
        if comparable(line) == key and not after_crumb:
            if not (0 < index < len(lines) - 1 and lines[index - 1] in links and lines[index + 1] in links):
                return index
            first = index if first is None else first
    if first is not None:
        return first
    for index, line in enumerate(lines):
        line_key = comparable(line)
        if len(line_key) >= rules.MIN_HEADLINE_PREFIX and (key.startswith(line_key) or line_key.startswith(key)):
            return index
    return None


@settings(max_examples=400, deadline=None)
@given(LINES, st.text(ALPHABET, max_size=16), st.integers(0, 11))
def test_the_same_line_as_keying_every_line(lines, title, copied):
    if lines and copied < len(lines):
        lines[copied] = title.upper() if copied % 2 else title  # the title shown, in capitals or not
    links = frozenset(lines[::3])
    assert headline_index(lines, title, links) == every_line_keyed(lines, title, links)


def test_titles_whose_first_letter_lower_cases_unusually_or_that_have_none():
    lines = ["Home", "İstanbul harbour reopens", "—", "İSTANBUL HARBOUR REOPENS TODAY"]
    assert headline_index(lines, "istanbul harbour reopens") is None  # "İ" is "i̇": another key
    assert headline_index(lines, "İstanbul harbour reopens") == 1
    assert headline_index(lines, "İstanbul harbour reopens today!") == 3
    assert headline_index(lines, "— ") == 2  # a title with no letters is the first line with none
    assert headline_index(["Οδός", "ΣΟΦΙΑΣ"], "Σοφιας") == 1  # a line's first "Σ" lower-cases alone to "σ"


def test_a_heading_shows_its_words_without_ruby_notes_styles_or_scripts():
    page = html.fromstring(
        "<div><h1> Harbour  reopens </h1><h2><a href='/x'>Harbour</a> reopens<script>track()</script></h2>"
        "<h3><ruby>体罰<rt>たいばつ</rt></ruby>を禁止</h3><h3><style>b{}</style></h3></div>"
    )
    assert [heading_text(heading) for heading in page.iter("h1", "h2", "h3")] == [
        "Harbour reopens", "Harbour reopens", "体罰を禁止", ""
    ]  # fmt: skip
    assert heading_text(page.find(".//script")) == "track()"  # the script itself, read as an element


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=400), st.integers(0, 400), st.booleans())
def test_an_element_text_is_keyed_as_the_title_exactly_when_its_whole_key_is(text, cut, upper):
    key = _key(text[:cut].upper() if upper else text[:cut])  # the element's own key when the cut takes it all
    assert _keyed_as(text, key) == (_key(text) == key)
    assert _keyed_as(text * 3, _key(text)) == (_key(text * 3) == _key(text))
    assert _keyed_as("ΑΣ" + " -" * 60 + "Β", "ασβ")  # "Σ" lower-cases to "ς" only at a word's end: read it whole

"""The marked-up byline search tests each class or id value once, splitting only those that hold a byline word:
it finds the elements classnames.has_class_word finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from newsroom_scraper.extract.byline import _classed_as_byline, byline_from_markup
from newsroom_scraper.extract.classnames import has_class_word
from newsroom_scraper.extract.rules import credits as rules

# Pieces of class names: byline words in any case, the separators classnames splits at, camelCase, "İ" (it
# lower-cases to "i" and a combining dot), the Kelvin sign (to "k"), other letters and spaces.
PIECES = st.sampled_from(
    ["author", "AUTHOR", "Author", "auth", "or", "by", "line", "Line", "-", "_", ".", ":", "/", " ", "\u00a0",
     "by-line", "By_Line", "auth-or", "re:porter", "Wri.ter", "autor/", "Writer", "jour", "nalist", "verfasser",
     "\u212a", "YAZAR", "mu", "habir", "İ", "x", "post", "Name"]
)  # fmt: skip
VALUES = st.lists(PIECES, max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(VALUES, VALUES)
def test_the_elements_has_class_word_finds(class_value, id_value):
    span = html.fromstring("<span>Jane Doe</span>")
    span.set("class", class_value)
    span.set("id", id_value)
    assert _classed_as_byline(span) == has_class_word(span, rules.BYLINE_CLASS_WORDS)
    assert _classed_as_byline(span) == has_class_word(span, rules.BYLINE_CLASS_WORDS)  # again, from the cache


def test_the_first_short_element_classed_as_a_byline_outside_comments_gives_it():
    page = html.fromstring(
        "<html><body><div class='Post-AuthorBox'>About the author: Jane Doe writes on science and wrote"
        " many books on the harbour, its ships and the people who work there.</div>"
        "<ol class='comment-list'><li><span class='comment-author'>Max</span></li></ol>"
        "<!-- a comment --><p class='entry-meta'><span class='byLine'>Jane Doe</span></p></body></html>"
    )
    assert byline_from_markup(page) == "Jane Doe"

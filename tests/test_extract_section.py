"""The section from breadcrumbs that templates do not label: found by shape, on small realistic pages.

The shape search is confined to the ancestors of root links unless some text
starts a "You are here:" label; these tests pin both routes.
"""

from __future__ import annotations

from newsroom_scraper.extract.parse import parse_html
from newsroom_scraper.extract.section import find_section
from newsroom_scraper.extract.structured import read_metadata

TITLE = "Council approves harbour flood defence plan"
STORY = f"<h1>{TITLE}</h1><p>The city council approved a new plan on Tuesday to expand the harbour's defences.</p>"


def section_of(body: str) -> str | None:
    tree = parse_html(f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>")
    return find_section(tree, read_metadata(tree), TITLE)[0]


def test_trail_from_home_link_without_markup():
    body = '<div><a href="/">Home</a> &gt; <a href="/news/">Newsroom</a> &gt; <a href="/news/city/">City</a></div>'
    assert section_of(body + STORY) == "City"


def test_trail_opened_by_a_root_link_with_any_label():
    body = '<div><a href="https://www.example.org/">Harbour City</a> / <a href="/press/">Press releases</a></div>'
    assert section_of(body + STORY) == "Press releases"


def test_menu_is_not_a_trail():
    body = '<div><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></div>'
    assert section_of(body + STORY) is None


def test_label_split_by_markup():
    body = (
        '<div class="pfad"><b>Sie</b> sind hier: <a href="/presse/">Presse</a> &gt; '
        '<a href="/presse/mitteilungen/">Mitteilungen</a></div>'
    )
    assert section_of(body + STORY) == "Mitteilungen"


def test_label_in_a_text_node_of_its_own():
    body = '<p><span>当前位置：</span><a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/kyjz/">科研进展</a></p>'
    assert section_of(body + STORY) == "科研进展"


def test_first_trail_in_the_page_wins():
    first = '<div><a href="/">Home</a> &gt; <a href="/news/">News</a></div>'
    second = '<div><a href="/">Home</a> &gt; <a href="/events/">Events</a></div>'
    assert section_of(first + STORY + second) == "News"


def test_labelled_trail_beats_an_earlier_one():
    first = '<div><a href="/">Home</a> &gt; <a href="/news/">News</a></div>'
    labelled = '<div>You are here: <a href="/science/">Science</a> &gt; <a href="/science/ocean/">Ocean</a></div>'
    assert section_of(first + STORY + labelled) == "Ocean"


def test_word_location_in_the_story_does_not_hide_a_trail():
    story = STORY + "<p>The location of the new pumping station is still open.</p>"
    body = '<div><a href="/">Home</a> » <a href="/news/">Newsroom</a></div>'
    assert section_of(body + story) == "Newsroom"

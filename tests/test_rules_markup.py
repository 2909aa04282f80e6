"""Boilerplate by markup (rules.markup), row by row: a class or id, and the group of boxes it names.

Tokens match whole words of a class or id split on "-", "_", spaces and
camelCase; the rows that must not fire are names real story containers carry.
"""

from __future__ import annotations

import pytest
from lxml import html

from newsroom_scraper.extract.prune import last_node, prune_boilerplate
from newsroom_scraper.extract.rules.markup import DROP_TOKEN_GROUPS, drop_group

ROWS = [
    ("main-nav", "navigation"),
    ("navbar", "navigation"),
    ("breadcrumbs", "breadcrumb"),
    ("post-share-bar", "toolbar"),
    ("sidebar-right", "teaser"),
    ("related-posts", "related"),
    ("mostRead", "related"),
    ("contact-box", "contact"),
    ("site-footer", "legal"),
    ("cookieBanner", "consent"),
    ("newsletter-signup", "newsletter"),
    ("ad-slot", "ads"),
    ("wp-caption", "caption"),
    ("comments-area", "comments"),
    ("tagcloud", "tags"),
    ("pagination", "pager"),
    # Names of story containers and words that only contain a token.
    ("shareholders-report", None),
    ("entry-content", None),
    ("article-body", None),
    ("header", None),
    ("teaser", None),
    ("__next", None),
    ("font-bold", None),
    ("adidas", None),
    ("tag-science category-news", None),
]


@pytest.mark.parametrize("name, group", ROWS)
def test_drop_group(name, group):
    assert drop_group(name) == group


def test_every_group_has_a_row():
    assert set(DROP_TOKEN_GROUPS) == {group for _, group in ROWS if group}


PROSE = "<p>" + "A paragraph of the story, long enough to count as prose for the guards of the pruning. " * 2 + "</p>"


@pytest.mark.parametrize(
    "snippet, removed",
    [
        ('<div class="related-links"><a href="/a">One</a> <a href="/b">Two</a></div>', True),
        ('<div class="widget">' + PROSE * 3 + "</div>", False),  # a hint does not remove prose
        ('<div class="comments">' + PROSE * 3 + "</div>", True),  # a sure label does
        ('<div style="display: none">hidden teaser</div>', True),
        ('<div class="story-text">a short paragraph</div>', False),
    ],
)
def test_labels_and_their_guards(snippet, removed):
    page = f"<html><body><article><h1>Headline</h1>{PROSE * 6}{snippet}</article></body></html>"
    tree = html.document_fromstring(page)
    counts = prune_boilerplate(tree, tree.find(".//h1"))
    assert (counts["markup"] == 1) is removed


def test_labelled_boxes_inside_a_removed_box_are_not_counted_again():
    """The walk passes over a doomed box's subtree to its last node, then judges what follows again."""
    nested = '<div class="sidebar"><div class="related"><ul class="menu"><li><a href="/a">A</a></li></ul></div></div>'
    after = '<div class="comments"><p>a comment</p></div>'
    page = f"<html><body><article><h1>Headline</h1>{PROSE * 6}{nested}{after}</article></body></html>"
    tree = html.document_fromstring(page)
    counts = prune_boilerplate(tree, tree.find(".//h1"))
    assert counts["markup"] == 2
    assert tree.find(".//div") is None and len(tree.findall(".//p")) == 6


def test_last_node_is_what_the_walk_yields_last_in_the_subtree():
    tree = html.fromstring("<div><p>a<b>b<i>c</i></b></p><span>d<!-- e --></span></div>")
    assert last_node(tree) is list(tree.iter())[-1]
    assert last_node(tree.find(".//i")) is None

"""A headline keeps the separators its metadata title writes when the markup lost them (kicker in its own element)."""

from __future__ import annotations

import pytest
from lxml import html

from newsroom_scraper.extract.title import as_written, headline_apart


@pytest.mark.parametrize(
    ("heading", "candidates", "expected"),
    [
        # A kicker span glued to the headline, with or without a space: the metadata's colon or slash comes back.
        (
            "Ausschuss zur Flut Zwei Rücktritte",
            ["Ausschuss zur Flut: Zwei Rücktritte"],
            "Ausschuss zur Flut: Zwei Rücktritte",
        ),
        ("Nationale DemoDer 9. Juli naht", ["Nationale Demo / Der 9. Juli naht"], "Nationale Demo / Der 9. Juli naht"),
        # The form that lost the fewest marks wins, whichever metadata title comes first.
        (
            "Nationale DemoDer 9. Juli naht",
            ["Nationale Demo Der 9. Juli naht - Example News", "Nationale Demo / Der 9. Juli naht"],
            "Nationale Demo / Der 9. Juli naht",
        ),
        ("पुलिस ने पकड़ा:दो दिनों", ["पुलिस ने पकड़ा: दो दिनों"], "पुलिस ने पकड़ा: दो दिनों"),
        # A site name after the headline is stripped before comparing.
        ("Kicker Headline here", ["Kicker: Headline here | Example News"], "Kicker: Headline here"),
        # Not taken: other words, quotes swapped for others, fewer marks, a cut separator at the end.
        ("Mexico’s economy grew", ["Mexico's economy grew"], "Mexico’s economy grew"),
        ('"Pink hair" sparks jokes', ["Pink hair sparks jokes"], '"Pink hair" sparks jokes'),
        ("Heizjacken von Bosch", ["Heizjacken von Bosch -"], "Heizjacken von Bosch"),
        ("Tach auch!", ["...: Tach auch!"], "Tach auch!"),
        ("Budget passes", ["Budget passes after long debate"], "Budget passes"),
    ],
)
def test_as_written(heading, candidates, expected):
    assert as_written(heading, candidates, {"examplenews"}) == expected


@pytest.mark.parametrize(
    ("heading", "declared", "expected"),
    [
        # A kicker in its own element, the declared titles give the headline alone: the headline.
        (
            '<h1><span class="overline">Open Progress</span><br><span>Why thinking beats smarts</span></h1>',
            ["Why thinking beats smarts"],
            "Why thinking beats smarts",
        ),
        # ... with a hidden separator between them, and the headline as the heading's own text.
        (
            '<h1><span class="kicker">Premiere</span><span class="hideme"> - </span>Hotel opens again</h1>',
            ["Hotel opens again | Example News"],
            "Hotel opens again",
        ),
        # A subtitle after the headline, in its own element.
        (
            "<h1><span>Dezuka Suisan: Fish Cakes</span> <small>Welcome to the Flavor Capital</small></h1>",
            ["Dezuka Suisan: Fish Cakes"],
            "Dezuka Suisan: Fish Cakes",
        ),
        # Not taken: a declared title writes the kicker too (as_written keeps "Kicker: Headline").
        (
            '<h1><span class="kicker">Klimaschutz</span><span>Bohren, bis es heiß wird</span></h1>',
            ["Klimaschutz: Bohren, bis es heiß wird", "Bohren, bis es heiß wird"],
            None,
        ),
        # Not taken: the heading is the declared title; no element is a kicker of it; nothing declared.
        ("<h1><span>Budget</span> <span>passes</span></h1>", ["Budget passes"], None),
        ("<h1>Storm hits <em>the coast</em> again</h1>", ["Storm hits again"], None),
        ("<h1><span>Kicker</span><span>Headline</span></h1>", [], None),
    ],
)
def test_headline_apart(heading, declared, expected):
    assert headline_apart(html.fromstring(heading), declared, {"examplenews"}) == expected

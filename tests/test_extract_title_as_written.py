"""A headline keeps the separators its metadata title writes when the markup lost them (kicker in its own element)."""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.title import as_written


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

"""The standfirst (the deck under the headline repeating the page's description) opens the body; a kicker does not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract.article import extract_article

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
DECK = "The civic body will build recharge pits in the wards that flooded most often in the last three monsoons."
STORY = [
    "The municipal corporation will dig five thousand rainwater harvesting pits across the city before the monsoon "
    "arrives in June, in an attempt to reduce waterlogging in low-lying areas, officials said on Thursday.",
    "Each pit will be about two metres deep and lined with gravel, so that rain running off roads soaks into the "
    "ground instead of collecting at junctions and underpasses that flood every year.",
    "Work starts next week in the eastern suburbs, where residents have complained for years about water entering "
    "ground-floor homes and shops after a single heavy shower.",
]


def page(description: str, deck: str | None, kicker: str = "Civic affairs") -> str:
    deck_html = f'<p class="standfirst">{deck}</p>' if deck else ""
    story = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f'<html><head><title>City to dig rainwater pits</title><meta name="description" content="{description}">'
        '<meta property="article:published_time" content="2024-05-04T10:00:00Z"></head><body>'
        f'<article><div class="kicker">{kicker}</div><h1>City to dig rainwater pits</h1>{deck_html}'
        f'<div class="byline">By Jane Doe</div><div class="story">{story}</div></article></body></html>'
    )


def body_of(html_text: str) -> list[str]:
    article = extract_article(html_text, "https://news.example.org/city/rain-pits", fetched_at=NOW)
    return article.body.split("\n\n")


def test_the_deck_that_repeats_the_description_opens_the_body():
    paragraphs = body_of(page(DECK, DECK))
    assert paragraphs[0] == DECK
    assert paragraphs[1:] == STORY
    assert "Civic affairs" not in "\n".join(paragraphs)


def test_a_deck_the_extractor_keeps_is_not_dropped_as_header():
    # The description differs, but the deck under the headline is still the body's first paragraph.
    paragraphs = body_of(page("A different summary of the story written only for search engines.", DECK))
    assert paragraphs == [DECK, *STORY]


@pytest.mark.parametrize(
    ("description", "deck"),
    [
        ("Rain pits", "Rain pits"),  # too short to be a summary: a label
        (DECK, None),  # the page declares a summary but does not show it
    ],
)
def test_no_standfirst(description, deck):
    assert body_of(page(description, deck)) == STORY

"""Which heading is the headline when several headings, or none, match the page's metadata titles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract.article import parse_page
from newsroom_scraper.extract.title import find_title

URL = "https://www.example-news.com/2024/05/story"


def page(title: str = "", og: str = "", body: str = "", jsonld: str = "") -> str:
    head = f"<title>{title}</title>" if title else ""
    head += f'<meta property="og:title" content="{og}">' if og else ""
    head += (
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{jsonld}"}}</script>'
        if jsonld
        else ""
    )
    return f"<html><head>{head}</head><body>{body}<p>{'Story text. ' * 30}</p></body></html>"


def title_of(markup: str) -> str | None:
    parsed = parse_page(markup, URL, now=datetime(2026, 1, 1, tzinfo=UTC))
    return find_title(parsed.tree, parsed.meta, parsed.url)[0].value


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # The blog's name in the h1, the post's title in an h2: the <title> without the site name is the h2.
        (
            page(
                "Four Rivers Journal » Blog Archive » Interning of Small Integers",
                body="<h1>Four Rivers Journal</h1><h2>Interning of Small Integers</h2>",
            ),
            "Interning of Small Integers",
        ),
        # A section h1 that is the <title> ("News - Site") loses to the h1 that is the og:title.
        (
            page(
                "News - Eawag", og="The first electron matters", body="<h1>News</h1><h1>The first electron matters</h1>"
            ),
            "The first electron matters",
        ),
        # A heading that is the whole <title>, site name and all, is a share box's text, not the headline.
        (
            page(
                "Taxonomy: gas is not green | Federal Agency",
                og="Taxonomy: gas is not green",
                body="<h1>Taxonomy: gas is not green | Federal Agency</h1><h2>Taxonomy: gas is not green</h2>",
            ),
            "Taxonomy: gas is not green",
        ),
        # The kicker in an element of its own above the heading: the heading after "Kicker: " is the headline.
        (
            page(
                "Siemens and the coal mine: Kaeser fools Neubauer - Example",
                og="Siemens and the coal mine: Kaeser fools Neubauer",
                body="<h4>Siemens and the coal mine</h4><h1>Kaeser fools Neubauer</h1>",
            ),
            "Kaeser fools Neubauer",
        ),
        # The metadata title cut short for search: the heading that goes on is the headline ...
        (
            page(
                og="Ultium Cells raises gigafactory capacity",
                body="<h1>Ultium Cells raises gigafactory capacity in Tennessee</h1>"
                "<h3>Ultium Cells raises gigafactory capacity</h3>",
            ),
            "Ultium Cells raises gigafactory capacity in Tennessee",
        ),
        # ... but not a heading that only begins with a short JSON-LD headline (a kicker) and says much more.
        (
            page(
                "Christmas without the pounds: 10 tips | Women's Magazine",
                jsonld="Diet tricks for Christmas",
                body="<h1>Christmas without the pounds: 10 tips</h1>"
                "<h2>Diet tricks for Christmas Christmas without the pounds: 10 tips for a slim feast</h2>",
            ),
            "Christmas without the pounds: 10 tips",
        ),
        # A kicker leading a heading whose rest no metadata writes: the heading without the kicker.
        (
            page(
                og="Arms deliveries to Israel: complaint filed",
                body='<h1><span class="kicker">Arms deliveries to Israel<span class="hidden">:</span></span>'
                "<span>Palestinian lodges a constitutional complaint</span></h1>",
            ),
            "Palestinian lodges a constitutional complaint",
        ),
        # No heading matches the metadata: the first of two h1s, not the og:title written for search ...
        (
            page(
                og="When trams fail and concrete bursts: the fight against the next heat wave",
                body="<h1>How trams and motorways are prepared for heat waves</h1><h1>More from the region</h1>",
            ),
            "How trams and motorways are prepared for heat waves",
        ),
        # ... but a page with h1s for its sections has none that is the headline: the og:title.
        (
            page(
                og="The most beautiful end of the world: Montauk",
                body="<h1>Why not now...</h1><h1>Downtown Montauk</h1><h1>Where to stay</h1><h1>Where to eat</h1>",
            ),
            "The most beautiful end of the world: Montauk",
        ),
        # The host name as the only heading is the site's name.
        (
            page(
                "Whisky tastings from January to May - example-news.com",
                body="<h1>example-news.com</h1><h2>Whisky tastings from January to May</h2>",
            ),
            "Whisky tastings from January to May",
        ),
        # Ruby notes (the reading over kanji) are not part of the headline.
        (
            page(
                og="子どもへの体罰を禁止する法律ができる",
                body="<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>"
                "<h1>ニュース</h1><h1>天気</h1>",
            ),
            "子どもへの体罰を禁止する法律ができる",
        ),
        # The og:title shown only as a breadcrumb's last item or a link is not the headline: the single h1 is.
        (
            page(
                og="Living sustainably",
                body='<nav class="crumbs"><ol><li>Home</li><li>Living sustainably</li></ol></nav>'
                "<h1>Live sustainably</h1>",
            ),
            "Live sustainably",
        ),
        (
            page(
                og="Strawberry fruit yoghurt",
                body='<h1>Our yoghurts</h1><a href="/y"><span>Strawberry fruit yoghurt</span></a>',
            ),
            "Our yoghurts",
        ),
        # A style sheet inside the heading (CSS-in-JS) is not its text.
        (
            page(
                og="Vaccination remains possible everywhere",
                body="<h1><span><style>.css-a{font-size:16px}</style>Press release</span> "
                "Vaccination remains possible everywhere</h1>",
            ),
            "Vaccination remains possible everywhere",
        ),
    ],
)
def test_headline_chosen(markup, expected):
    assert title_of(markup) == expected

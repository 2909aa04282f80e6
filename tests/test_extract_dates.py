"""A record dated by htmldate's whole-page guess when the header shows no date: on a declared article, or when
a date line of the page shows the guessed day (and few days in all)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract import NotAnArticle, extract_article
from newsroom_scraper.extract.article import extract_fields

from .pagemaker import PARAGRAPHS

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
URL = "https://news.example.org/stories/flood-plan"
TITLE = "Council approves harbour flood defence plan"


def page(declared: bool, footer: str = "Posted 2024-03-05 in City news") -> str:
    og_type = '<meta property="og:type" content="article">' if declared else ""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS * 4)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>{og_type}</head>
<body><main><article><h1>{TITLE}</h1>
{body}
<div class="post-footer">{footer}</div>
</article></main></body></html>"""


def test_declared_article_dated_by_the_whole_page_search():
    record = extract_article(page(declared=True).encode(), URL, fetched_at=NOW)
    assert not isinstance(record, NotAnArticle), record
    assert record.date.startswith("2024-03-05")


def test_undeclared_page_dated_by_a_guess_its_date_line_shows():
    record = extract_article(page(declared=False).encode(), URL, fetched_at=NOW)
    assert not isinstance(record, NotAnArticle), record
    assert record.date.startswith("2024-03-05")


UNCONFIRMED_FOOTERS = [
    "Page last reviewed: 5 March 2024",  # a review date: an about or help page
    "Copyright © 2024-03-05 Harbour News",
    "Comments: 2024-03-05, 2024-03-09, 2024-04-11",  # three days on one line: not a date line
    "<p>5 March 2024</p><p>9 March 2024</p><p>11 April 2024</p>",  # three days: comments or other stories
]


@pytest.mark.parametrize("footer", UNCONFIRMED_FOOTERS)
def test_undeclared_page_is_not_dated_by_an_unconfirmed_guess(footer):
    result = extract_article(page(declared=False, footer=footer).encode(), URL, fetched_at=NOW)
    assert isinstance(result, NotAnArticle)
    assert result.reason == "no_date"


def test_fields_keep_the_guess_for_evaluation():
    fields = extract_fields(page(declared=False, footer="Page last reviewed: 5 March 2024"), URL, now=NOW)
    assert fields.date.startswith("2024-03-05")
    assert fields.date_source == "htmldate"
    assert extract_fields(page(declared=False), URL, now=NOW).date_source == "shown_guess"
    no_guess = page(declared=False, footer="Page last reviewed: 5 March 2024")
    assert extract_fields(no_guess, URL, now=NOW, guess_dates=False).date is None


def test_a_year_alone_is_not_a_day():
    fields = extract_fields(page(declared=True, footer="Copyright 2019 Harbour News"), URL, now=NOW)
    assert fields.date is None
    fields = extract_fields(page(declared=True, footer="Posted 1 January 2019"), URL, now=NOW)
    assert (fields.date, fields.date_source) == ("2019-01-01", "shown_guess")


def test_xml_lang_sets_the_order_of_a_numeric_date():
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS * 2)
    for lang, day in (('xml:lang="en-GB"', "2020-10-02"), ('xml:lang="en-US"', "2020-02-10")):
        html = f"""<html {lang}><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>
<p>02/10/2020</p>{body}</article></body></html>"""
        assert extract_fields(html, URL, now=NOW).date == day


def dated_page(head: str, under_headline: str) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS * 2)
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body><article><h1>{TITLE}</h1><div class="meta">{under_headline}</div>{body}</article></body></html>"""


EVIDENCE = [
    # (head, the line under the headline, the date and where it came from)
    ('<meta name="date" content="2021-12-20T11:02:44+01:00">', "27.01.2022", ("2022-01-27", "headline")),
    ('<meta name="dcterms.date" content="2020-03-03">', "7 April 2020", ("2020-04-07", "headline")),
    ('<meta property="article:published_time" content="2021-12-20T11:02:44+01:00">', "27.01.2022",
     ("2021-12-20T11:02:44+01:00", "meta")),  # a tag naming the publication holds
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-01-04T07:29:00Z"}'
     '</script><meta property="article:published_time" content="2022-01-06T08:29:34">', "06.01.2022",
     ("2022-01-06T08:29:34", "meta")),  # of two metadata dates, the one the page shows
    ("", '<abbr class="published" title="06-08-2009T14:12:32+0200">6. August 2009</abbr>', ("2009-08-06", "markup")),
    ("", '<abbr class="published" title="2009-08-06T14:12:32+02:00">6. August 2009</abbr>',
     ("2009-08-06T14:12:32+02:00", "markup")),  # written year first: read as it is, with its time
]  # fmt: skip


@pytest.mark.parametrize("head, under_headline, expected", EVIDENCE)
def test_date_evidence(head, under_headline, expected):
    fields = extract_fields(dated_page(head, under_headline), URL, now=NOW)
    assert (fields.date, fields.date_source) == expected

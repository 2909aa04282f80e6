"""One decision per field: each resolver says where its value came from, and the profile comes first."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract import Listed, NotAnArticle, SiteProfile, Source, extract_article, extract_fields
from newsroom_scraper.extract.article import parse_page
from newsroom_scraper.extract.header import headline_index, read_header
from newsroom_scraper.extract.mainbody import read_body
from newsroom_scraper.extract.page import TreeEdit, TreeEditOrderError

from .pagemaker import PARAGRAPHS, article_page

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
URL = "https://news.example.org/stories/flood-plan"
TITLE = "Council approves harbour flood defence plan"


def undated_page(head: str = "", byline: str = "") -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS * 3)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Harbour News</title>
{head}</head><body><main><article><h1>{TITLE}</h1>{byline}
{body}
</article></main></body></html>"""


def test_visible_header_fields_name_their_evidence():
    fields = extract_fields(article_page(TITLE, "By Jane Doe | March 5, 2024"), URL, now=NOW)
    assert (fields.title, fields.sources["title"]) == (TITLE, Source.HEADING)
    assert (fields.date, fields.sources["date"]) == ("2024-03-05", Source.HEADLINE)
    assert (fields.authors, fields.sources["authors"]) == (["Jane Doe"], Source.BYLINE)
    assert (fields.attribution, fields.sources["attribution"]) == ("Jane Doe", Source.BYLINE)
    assert fields.sources["language"] in (Source.DECLARED, Source.LANGID)
    assert (fields.modified, fields.sources["modified"]) == (None, None)


def test_metadata_wins_over_the_visible_header_and_says_which_kind():
    jsonld = {"@type": "NewsArticle", "datePublished": "2024-03-04T08:00:00+01:00", "author": {"name": "Ann Lee"}}
    head = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
    head += '<meta property="article:modified_time" content="2024-03-06T10:00:00+01:00">'
    fields = extract_fields(undated_page(head, "<p>By Jane Doe</p>"), URL, now=NOW)
    assert (fields.date, fields.sources["date"]) == ("2024-03-04T08:00:00+01:00", Source.JSONLD)
    assert (fields.modified, fields.sources["modified"]) == ("2024-03-06T10:00:00+01:00", Source.META)
    assert (fields.authors, fields.sources["authors"]) == (["Ann Lee"], Source.JSONLD)


def test_a_date_in_the_url_dates_an_undated_page():
    fields = extract_fields(undated_page(), "https://news.example.org/2024/03/05/flood-plan", now=NOW)
    assert (fields.date, fields.sources["date"]) == ("2024-03-05", Source.URL)


def test_the_profile_is_step_one_for_every_field_it_sets():
    head = '<meta name="dc.date" content="2024-02-01">'
    extra = '<span class="credit-line">Harbour City Press Office</span>'
    page = article_page(TITLE, "March 5, 2024", extra=extra).replace("</head>", head + "</head>")
    profile = SiteProfile(
        title="h1", date="xpath://meta[@name='dc.date']/@content", attribution=".credit-line", language="sv"
    )
    fields = extract_fields(page, URL, now=NOW, profile=profile)
    assert {name: fields.sources[name] for name in ("title", "date", "attribution", "language")} == dict.fromkeys(
        ("title", "date", "attribution", "language"), Source.PROFILE
    )
    assert (fields.date, fields.attribution, fields.language) == ("2024-02-01", "Harbour City Press Office", "sv")


def test_a_listed_date_dates_a_page_that_shows_none():
    page = undated_page().encode()
    assert isinstance(extract_article(page, URL, fetched_at=NOW), NotAnArticle)
    for by in (Source.FEED, Source.SITEMAP):
        fields = extract_fields(page.decode(), URL, now=NOW, listed=Listed("2024-03-05", by), guess_dates=False)
        assert (fields.date, fields.sources["date"]) == ("2024-03-05", by)
    record = extract_article(page, URL, fetched_at=NOW, listed_date=Listed("2024-03-05", Source.SITEMAP))
    assert not isinstance(record, NotAnArticle), record
    assert record.date == "2024-03-05"


def test_a_listed_date_never_overrides_the_pages_own():
    listed = Listed("2020-01-01", Source.FEED)
    record = extract_article(article_page(TITLE, "March 5, 2024").encode(), URL, fetched_at=NOW, listed_date=listed)
    assert record.date == "2024-03-05"


def test_tree_edits_happen_in_one_order():
    page = parse_page(article_page(TITLE, "March 5, 2024"), URL, now=NOW)
    header = read_header(page)
    assert page.last_edit is TreeEdit.DROP_BREADCRUMB
    read_body(page, header)
    assert page.last_edit >= TreeEdit.MARK_MAIN_CONTAINER
    with pytest.raises(TreeEditOrderError, match="PRUNE_BOILERPLATE after"):
        page.edit(TreeEdit.PRUNE_BOILERPLATE)
    with pytest.raises(RuntimeError, match="intact tree"):
        read_header(page)


def test_the_headline_line_is_not_its_teaser_in_a_list_of_latest_news():
    lines = ["Latest", "Storm closes the port", TITLE, "Flood plan approved", "Politics", TITLE, "By Jane Doe"]
    links = frozenset({"Latest", "Storm closes the port", TITLE, "Flood plan approved", "Politics"})
    assert headline_index(lines, TITLE, links) == 5
    assert headline_index(lines, TITLE) == 2


def test_an_author_tag_naming_the_site_gives_way_to_the_byline():
    """resolve_authors step 6: the site's own name as "author" counts only when nothing else names a person."""
    head = '<meta name="author" content="Harbour Courier"><meta property="og:site_name" content="Harbour Courier">'
    fields = extract_fields(undated_page(head, "<p>By Jane Doe</p>"), URL, now=NOW)
    assert (fields.authors, fields.sources["authors"]) == (["Jane Doe"], Source.BYLINE)
    fields = extract_fields(undated_page(head), URL, now=NOW)
    assert (fields.authors, fields.sources["authors"]) == (["Harbour Courier"], Source.META)


def test_a_personal_blogs_name_is_its_authors():
    head = '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Jane Doe">'
    fields = extract_fields(undated_page(head), "https://janedoe.example.org/2024/03/05/flood-plan", now=NOW)
    assert (fields.authors, fields.sources["authors"]) == (["Jane Doe"], Source.META)


def test_a_dateline_agency_is_spelled_out_as_the_metadata_names_it():
    jsonld = {"@type": "NewsArticle", "author": ["Associated Press"]}
    head = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
    page = undated_page(head).replace("<p>", "<p>MEXICO CITY (AP) — ", 1)
    fields = extract_fields(page, URL, now=NOW)
    assert (fields.attribution, fields.sources["attribution"]) == ("Associated Press", Source.DATELINE)
    assert fields.authors == []

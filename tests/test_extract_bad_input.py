"""Bad input to the extraction: a clear reason, never an exception, never a garbage record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract import NotAnArticle, extract_article

from .pagemaker import article_page

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
URL = "https://news.example.org/2024/03/05/flood-plan.html"
GOOD = article_page("Council approves harbour flood defence plan", "March 5, 2024")


def extract(body, content_type=None):
    return extract_article(body, URL, content_type=content_type, fetched_at=NOW)


@pytest.mark.parametrize(
    "body, content_type, reason",
    [
        (b"", None, "empty_page"),
        (b"   \n  ", "text/html", "empty_page"),
        (b"%PDF-1.4 binary", "application/pdf", "not_html"),
        (bytes(range(256)) * 50, "text/html", "undecodable"),
        (b"<html><body><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></body></html>", None, "empty_body"),
        (b"<html><head><title>x</title></head><body></body></html>", None, "empty_body"),
        (b"<p>One short line.</p>", None, "no_title"),
        (
            b"<html><head><title>Note</title></head><body><h1>Note</h1><p>One short line.</p></body></html>",
            None,
            "body_too_short",
        ),
    ],
)
def test_reason_for_bad_pages(body, content_type, reason):
    result = extract(body, content_type)
    assert isinstance(result, NotAnArticle)
    assert result.reason == reason


def test_malformed_html_still_extracts():
    broken = GOOD.replace("</p>", "", 2).replace("</article>", "").replace("<main>", "<main><div><span>")
    record = extract(broken.encode()).as_record()
    assert record["title"] == "Council approves harbour flood defence plan"
    assert "sea wall will be raised" in record["body"]


def test_mixed_encodings_do_not_crash():
    mixed = GOOD.encode("utf-8") + "Grüße aus Zürich".encode("latin-1") * 3
    result = extract(mixed)
    assert not isinstance(result, NotAnArticle) or result.reason in ("undecodable",)
    if not isinstance(result, NotAnArticle):
        assert result.title == "Council approves harbour flood defence plan"


def test_huge_page_is_refused_quickly():
    huge = GOOD.replace("</article>", "<p>" + "word " * 4_500_000 + "</p></article>")
    result = extract(huge.encode())
    assert isinstance(result, NotAnArticle) and result.reason == "too_large"


def test_deeply_nested_markup():
    nested = GOOD.replace("<main>", "<main>" + "<div>" * 5000).replace("</main>", "</div>" * 5000 + "</main>")
    result = extract(nested.encode())
    assert isinstance(result, NotAnArticle) or "sea wall" in result.body

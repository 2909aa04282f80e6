"""Site-profile selectors override the generic extraction field by field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract import SiteProfile, extract_article
from newsroom_scraper.extract.selectors import SelectorError, compile_selector

from .pagemaker import article_page

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
EXTRA = """<div class="kicker">Spotlight</div><p class="promo">Subscribe to the print edition for more stories like
this one every Sunday, delivered to your door with our weekly supplement and puzzles.</p>
<span class="credit-line">Harbour City Press Office</span>
<span class="stamp" data-published="2024-03-04T09:15:00+01:00"></span>"""
PAGE = article_page("Council approves harbour flood defence plan", "March 5, 2024", extra=EXTRA)


def test_generic_result_without_profile():
    record = extract_article(PAGE, "https://news.example.org/a", fetched_at=NOW).as_record()
    assert record["date"] == "2024-03-05"
    assert record["attribution"] is None


def test_each_selector_overrides_its_field():
    profile = SiteProfile(
        date="xpath://span[@class='stamp']/@data-published",
        attribution=".credit-line",
        drop=(".promo",),
        title="h1",
    )
    record = extract_article(PAGE, "https://news.example.org/a", fetched_at=NOW, profile=profile).as_record()
    assert record["date"] == "2024-03-04T09:15:00+01:00"
    assert record["attribution"] == "Harbour City Press Office"
    assert "print edition" not in record["body"]
    assert record["title"] == "Council approves harbour flood defence plan"


def test_an_xpath_string_value_is_read_whole():
    """string(...) and concat(...) give one string, not a list of nodes: the field is that string."""
    profile = SiteProfile(title="xpath:string(//h1)", attribution="xpath:concat('By ', //span[@class='credit-line'])")
    record = extract_article(PAGE, "https://news.example.org/a", fetched_at=NOW, profile=profile).as_record()
    assert record["title"] == "Council approves harbour flood defence plan"
    assert record["attribution"] == "By Harbour City Press Office"


def test_body_selector_limits_the_body():
    profile = SiteProfile(body="article p:not(.dateline):not(.promo)")
    record = extract_article(PAGE, "https://news.example.org/a", fetched_at=NOW, profile=profile).as_record()
    assert record["body"].startswith("The city council approved")
    assert "print edition" not in record["body"]


def test_invalid_selector_is_reported():
    with pytest.raises(SelectorError, match="invalid selector"):
        compile_selector("div[[")

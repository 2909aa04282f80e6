"""Bad input to the extraction: a clear reason, never an exception, never a garbage record."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from newsroom_scraper.extract import NotAnArticle, SiteProfile, extract_article
from newsroom_scraper.extract.budget import check_deadline
from newsroom_scraper.extract.guard import guarded
from newsroom_scraper.record import Article

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


@pytest.mark.parametrize("url", ["http://[::1/x", "https://news.example.org:99999/a"])
def test_an_address_that_cannot_be_read_is_a_reason(url):
    result = extract_article(GOOD, url, fetched_at=NOW)
    assert isinstance(result, NotAnArticle)
    assert result.reason == "bad_url"


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


CLEAN = extract(GOOD.encode())


@pytest.mark.parametrize(
    "damage",
    [
        lambda page: page.replace("<p>", "<p>\x01\x07", 2),
        lambda page: page.replace("<title>", "<title>\x02").replace("<h1>", "<h1>\x03"),
        lambda page: page.replace("<p>", '<p class="\x04lead\x1f">', 2),
        lambda page: page.replace("sea wall", "sea\x00 wall"),
        lambda page: page.replace("<p>", "<p>\ud800", 1),
        # written as references, which the HTML parser decodes into the tree (found by the fuzz campaign)
        lambda page: page.replace("<p>", "<p>&#2;&#x1F", 2).replace("<h1>", "<h1>&#65535;&#xfffe;"),
    ],
    ids=["text", "title", "attribute", "nul", "lone_surrogate", "references"],
)
def test_control_characters_are_dropped_not_fatal(damage):
    damaged = damage(GOOD)
    # A str can hold a lone surrogate; its UTF-8 form is invalid UTF-8, which the decoder's fallback reads.
    bodies = [damaged] if "\ud800" in damaged else [damaged, damaged.encode()]
    for body in bodies:
        record = extract(body)
        assert record.title == CLEAN.title
        assert record.body == CLEAN.body


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_byte_order_mark(encoding):
    record = extract(GOOD.encode(encoding))
    assert (record.title, record.body) == (CLEAN.title, CLEAN.body)


def test_canonical_link_that_does_not_parse_gives_no_canonical():
    page = GOOD.replace("<head>", '<head><link rel="canonical" href="https://[news.example.org/other">')
    assert extract(page.encode()).canonical_url == CLEAN.canonical_url == URL


def test_title_of_700_parts_is_read_in_linear_time():
    long_title = " - ".join(f"part {n}" for n in range(700))
    page = GOOD.replace("<title>Council approves harbour flood defence plan | Harbour City News</title>",
                        f"<title>{long_title}</title>")  # fmt: skip
    assert extract(page.encode()).title == CLEAN.title


@pytest.mark.parametrize(
    "extra, detail",
    [
        ('<a href="/x">x</a>' * 25_000, "25003 links, over 20000"),
        ("<b>" * 50_000 + "deep" + "</b>" * 50_000, "elements nested deeper than 256"),
        ("<i></i>" * 60_000, "elements, over 50000"),
        ("<i>" * 210_000, "'<' characters, over 200000"),
        ("<p>" + "word " * 1_700_000 + "</p>", "characters, over 8000000"),
    ],
    ids=["links", "depth", "elements", "tags", "characters"],
)
def test_pages_over_the_complexity_budget_are_refused(extra, detail):
    result = extract(GOOD.replace("</article>", extra + "</article>").encode())
    assert isinstance(result, NotAnArticle) and result.reason == "too_complex"
    assert detail in result.detail


def test_time_budget():
    result = extract_article(GOOD.encode(), URL, fetched_at=NOW, timeout=0)
    assert isinstance(result, NotAnArticle) and result.reason == "extraction_timeout"
    assert isinstance(extract_article(GOOD.encode(), URL, fetched_at=NOW, timeout=30), Article)


def test_a_stage_stuck_past_the_deadline_is_interrupted():
    def stuck(body, url):
        while True:
            pass

    result = guarded(NotAnArticle)(stuck)(b"<p>x</p>", URL, timeout=0.3)
    assert result == NotAnArticle("extraction_timeout", "interrupted at the deadline")


def test_a_cpu_budget_does_not_count_waiting_but_still_stops_a_busy_stage():
    def waiting(body, url):
        time.sleep(0.5)  # a loaded machine: the page waits for a core
        check_deadline("after waiting")
        return "done"

    def busy(body, url):
        while True:
            pass

    assert guarded(NotAnArticle)(waiting)(b"<p>x</p>", URL, timeout=0.2, clock="cpu") == "done"
    assert guarded(NotAnArticle)(waiting)(b"<p>x</p>", URL, timeout=0.2).reason == "extraction_timeout"
    assert guarded(NotAnArticle)(busy)(b"<p>x</p>", URL, timeout=0.3, clock="cpu").reason == "extraction_timeout"


def test_an_unexpected_exception_is_a_counted_reason_and_logged(caplog):
    result = extract_article(GOOD.encode(), URL, fetched_at=NOW, profile=SiteProfile(body="xpath:count(//p)"))
    assert result == NotAnArticle("extraction_error", "TypeError: 'float' object is not iterable")
    assert f"Extraction error on {URL}: TypeError" in caplog.text

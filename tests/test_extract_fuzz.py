"""Fuzzed pages: `extract_article` always answers with an Article or a NotAnArticle, never an exception.

A few seeded, representative mutants of the fixture pages and every HTML
edge case, plus a Hypothesis search; the big campaign (100,000 inputs over
the shared corpora) is benchmarks/fuzz.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom_scraper.extract import NotAnArticle, extract_article
from newsroom_scraper.record import Article

from .conftest import FIXTURES
from .mutations import EDGE_CASES, MUTATORS, mutated

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
PAGES = sorted((FIXTURES / "pages").glob("*.html"))
SAMPLE = [PAGES[n] for n in range(0, len(PAGES), len(PAGES) // 4)][:4]
# Reasons a hostile page may get; `extraction_error` is not one of them: it would be a bug to fix.
HOSTILE_REASONS = {
    "too_complex",
    "too_large",
    "too_deeply_nested",
    "undecodable",
    "empty_page",
    "empty_body",
    "no_title",
    "no_date",
    "body_too_short",
    "listing",
}


def page(path) -> tuple[str, bytes]:
    return json.loads(path.with_suffix(".json").read_text("utf-8"))["url"], path.read_bytes()


def answer(body: bytes | str, url: str):
    result = extract_article(body, url, fetched_at=NOW)
    assert isinstance(result, Article | NotAnArticle), type(result)
    if isinstance(result, NotAnArticle):
        assert result.reason in HOSTILE_REASONS, result
    return result


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_get_an_answer(name):
    url, body = page(PAGES[0])
    answer(EDGE_CASES[name](body), url)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda path: path.stem)
def test_seeded_mutants_get_an_answer(path):
    url, body = page(path)
    for name, mutant in mutated([body], count=len(MUTATORS), seed=len(path.name)):
        result = answer(mutant, url)
        assert name and result is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    index=st.integers(0, len(PAGES) - 1),
    at=st.floats(0, 1),
    chunk=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(["<div>", "</p>", "<table><tr><td>", "<!--", "<![CDATA[", "<a href='[x'>", "\x00"]))
        .map("".join)
        .map(str.encode),
    ),
)
def test_hypothesis_insertions_get_an_answer(index, at, chunk):
    url, body = page(PAGES[index])
    cut = int(len(body) * at)
    answer(body[:cut] + chunk + body[cut:], url)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(text=st.text(max_size=500))
def test_hypothesis_any_text_gets_an_answer(text):
    answer(text, "https://news.example.org/2024/03/05/story.html")

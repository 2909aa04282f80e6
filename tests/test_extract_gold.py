"""Every gold page's record matches the record written by reading the page."""

from __future__ import annotations

import difflib

import pytest

from newsroom_scraper.extract import extract_article
from newsroom_scraper.extract.text import normalise_text

from .goldpages import differences, gold_pages

GOLD = gold_pages()


def test_enough_gold_pages():
    assert len(GOLD) >= 12


@pytest.mark.parametrize("page", GOLD, ids=[page.name for page in GOLD])
def test_gold_page(page, validator):
    article = extract_article(page.html, page.url, fetched_at=page.captured)
    assert hasattr(article, "as_record"), f"not extracted as an article: {article}"
    record = article.as_record()
    validator.validate(record)
    problems = differences(record, page.expected, page.boilerplate)
    if "body differs" in problems:
        diff = difflib.unified_diff(
            normalise_text(page.expected["body"]).splitlines(), normalise_text(record["body"]).splitlines(), lineterm=""
        )
        problems.append("\n".join(diff))
    assert not problems, "\n".join(problems)

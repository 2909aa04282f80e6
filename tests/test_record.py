"""The record's `fetched_at`: one formatting for the crawl's pages and the extracted records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newsroom_scraper.extract import extract_article
from newsroom_scraper.record import utc_timestamp

from .goldpages import gold_pages


def test_utc_timestamp_is_utc_to_the_second_with_a_z():
    paris = timezone(timedelta(hours=2))
    assert utc_timestamp(datetime(2024, 5, 15, 14, 32, 9, 999999, tzinfo=paris)) == "2024-05-15T12:32:09Z"
    assert utc_timestamp(datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)) == "2024-12-31T23:59:59Z"
    now = utc_timestamp()
    parsed = datetime.strptime(now, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - parsed) < timedelta(seconds=5)


def test_a_record_carries_the_fetch_time_in_that_form():
    page = gold_pages()[0]
    fetched = datetime(2026, 11, 24, 13, 5, 7, tzinfo=timezone(timedelta(hours=1)))
    record = extract_article(page.html, page.url, fetched_at=fetched).as_record()
    assert record["fetched_at"] == "2026-11-24T12:05:07Z" == utc_timestamp(fetched)

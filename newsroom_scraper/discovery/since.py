"""The `since` cut-off: a scheduled run wants what is new, and old articles should cost nothing.

Two rules, one date (`-a since=YYYY-MM-DD`, or NEWSROOM_SINCE):
- a sitemap or feed entry dated before it is not even fetched (`listed_before`);
- a record whose extracted date is before it is not exported (`pipelines/since.py`).

Listed dates are written by another program than the page (a sitemap in UTC,
the page in local time), so a listed date must be a full day older than the
cut-off before the page is skipped; the exported record is held to the exact
date. A sitemap `lastmod` may stand in for the publication date: an article
modified before the cut-off was published before it too.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

# How much earlier than `since` a listed date must be before its page is skipped unfetched.
LISTED_DATE_GRACE = timedelta(days=1)


def parse_since(value: str | date | None) -> date | None:
    """The cut-off date, or None when there is none; a bad value raises ValueError naming it."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"since: {value!r} is not a date written YYYY-MM-DD") from None


def parse_listed_date(value: str | None) -> date | None:
    """The calendar date of a W3C/ISO 8601 date or datetime as written (its own offset), or None."""
    if not value:
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def listed_before(listed: date | None, since: date | None) -> bool:
    """A sitemap or feed date old enough that its page need not be fetched (unknown dates are fetched)."""
    return since is not None and listed is not None and listed < since - LISTED_DATE_GRACE


def record_before(record_date: str | None, since: date | None) -> bool:
    """A record's own date (ISO 8601, date first) is before the cut-off."""
    if since is None or not record_date:
        return False
    try:
        return date.fromisoformat(record_date[:10]) < since
    except ValueError:
        return False

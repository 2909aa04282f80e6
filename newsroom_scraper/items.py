"""What the spider hands to the pipelines: a fetched page, not yet an article."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Page:
    """A fetched HTML page. The body and headers are left out of repr so a dropped page logs one line."""

    url: str
    status: int
    fetched_at: str
    source: str | None = None
    content_type: str | None = None
    content_language: str | None = None
    # The date (YYYY-MM-DD) the sitemap or feed that led here gave for the URL, and which path that was
    # ("sitemap", "news_sitemap", "feed"): a feed's or news sitemap's date is the record's date when the
    # page shows none (a plain sitemap's lastmod is not a publication date).
    listed_date: str | None = None
    listed_via: str | None = None
    body: bytes = field(default=b"", repr=False)
    headers: dict[str, str] = field(default_factory=dict, repr=False)

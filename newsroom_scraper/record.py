"""The article record (schema version 1) and the identifiers derived from it.

The record is what downstream archives keep, so its keys, their order and the
way `id` and `content_hash` are computed are part of the public contract: see
DESIGN.md. `id` depends only on the canonical URL so that it is stable across
runs; `content_hash` depends only on the normalised title and body so that it
changes exactly when the article does.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources

SCHEMA_VERSION = 1
# `fetched_at`: UTC to the second, with a Z ("2026-11-24T12:00:00Z"), for the crawl's pages and the records alike.
UTC_TIMESTAMP = "%Y-%m-%dT%H:%M:%SZ"

RECORD_FIELDS = (
    "id",
    "url",
    "canonical_url",
    "site",
    "section",
    "title",
    "date",
    "modified",
    "body",
    "attribution",
    "authors",
    "language",
    "content_hash",
    "fetched_at",
    "schema_version",
)


def utc_timestamp(moment: datetime | None = None) -> str:
    """A moment (now by default) as `fetched_at` writes it: in UTC, to the second, ending in Z."""
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime(UTC_TIMESTAMP)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_for_hash(text: str) -> str:
    """Whitespace-insensitive form, so re-wrapped markup does not look like an edit."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def content_hash(title: str, body: str) -> str:
    return sha256_hex(normalise_for_hash(title) + "\n\n" + normalise_for_hash(body))


@dataclass(slots=True)
class Article:
    """One extracted article; `as_record()` gives the exported JSON object."""

    url: str
    canonical_url: str
    site: str
    title: str
    date: str
    body: str
    fetched_at: str
    section: str | None = None
    modified: str | None = None
    attribution: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None

    @property
    def id(self) -> str:
        return sha256_hex(self.canonical_url)

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.body)

    def as_record(self) -> dict:
        values = {
            "id": self.id,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "site": self.site,
            "section": self.section,
            "title": self.title,
            "date": self.date,
            "modified": self.modified,
            "body": self.body,
            "attribution": self.attribution,
            "authors": list(self.authors),
            "language": self.language,
            "content_hash": self.content_hash,
            "fetched_at": self.fetched_at,
            "schema_version": SCHEMA_VERSION,
        }
        return {key: values[key] for key in RECORD_FIELDS}


def load_schema() -> dict:
    """The JSON Schema shipped in the package (newsroom_scraper/schema/article-v1.json)."""
    text = resources.files("newsroom_scraper.schema").joinpath("article-v1.json").read_text("utf-8")
    return json.loads(text)

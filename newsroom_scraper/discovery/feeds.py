"""RSS 2.0 and Atom feeds: each entry's link, date and title; and feeds announced by a start page.

A newsroom's feed lists its latest articles with their dates, which is the
cheapest way to find what is new. feedparser reads every feed dialect and
its date formats. It is only ever given a stream of bytes the crawl fetched:
given a string it would fetch a URL itself (outside robots.txt and the
crawl's delays), and given bytes it first tries them as a local file name,
so a response whose body is "/etc/passwd" would read that file. Relative
links resolve against the feed's URL.
"""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

import feedparser
from scrapy.http import Response, TextResponse

# <link rel="alternate" type=...> values that announce a feed feedparser reads.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/rss", "text/rss+xml")


@dataclass(slots=True, frozen=True)
class FeedEntry:
    url: str
    published: date | None = None
    title: str | None = None


@dataclass(slots=True, frozen=True)
class ParsedFeed:
    version: str  # feedparser's name for the dialect ("rss20", "atom10", ...); "" when it is no feed
    entries: tuple[FeedEntry, ...]


def _entry_date(entry) -> date | None:
    # feedparser gives UTC struct_times; the `since` rule allows a day for the offset.
    parsed = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()


def _entry_link(entry) -> str | None:
    for link in entry.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return entry.get("link") or None


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """The entries of an RSS or Atom document, with absolute links."""
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, resolve_relative_uris=True)
    entries = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link:
            entries.append(FeedEntry(link, _entry_date(entry), entry.get("title") or None))
    return ParsedFeed(parsed.get("version") or "", tuple(entries))


def announced_feeds(response: Response) -> list[str]:
    """Absolute URLs of the RSS/Atom feeds a page announces with <link rel="alternate" type=...>."""
    if not isinstance(response, TextResponse):
        return []
    urls = []
    for link in response.xpath("//link[@href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = (link.attrib.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            url = response.urljoin(link.attrib["href"].strip())
            if url not in urls:
                urls.append(url)
    return urls

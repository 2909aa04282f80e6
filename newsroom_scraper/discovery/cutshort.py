"""Index documents cut short: a sitemap or feed whose end is missing must not yield its last, cut entry.

A sitemap or feed can arrive whole at the HTTP level and still be cut (a
CMS that ran out of time writing it, a cache that stored half). The XML
parsers recover from that silently, and the entry the cut went through
comes out with a cut URL: `https://example.com/news/2024/harbo`, which the
crawl would fetch and count as a 404, or worse, an existing page. A
document whose root element is not closed at the end is cut short: its
entries are kept, except the last.
"""

from __future__ import annotations

import re

# The closing tag of a sitemap, sitemap index, RSS, RDF or Atom root, with or without a namespace prefix.
CLOSING_ROOT = re.compile(rb"</(?:[\w.-]+:)?(?:urlset|sitemapindex|rss|rdf|feed)\s*>\s*$", re.IGNORECASE)
TAIL = 256


def cut_short(body: bytes) -> bool:
    """True when the document's root element is not closed at its end."""
    return CLOSING_ROOT.search(body[-TAIL:].rstrip(b"\x00")) is None

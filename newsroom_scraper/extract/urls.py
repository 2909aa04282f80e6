"""The record's canonical URL: the page's own, when it is on the same site, in the record's form.

The canonical URL decides the record's `id`, so it must not change with
tracking parameters, fragments, host case or default ports (the record form,
newsroom_scraper/urls.py), and a canonical link pointing to another site
(syndicated copies do that) is not trusted.
"""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import html

from ..urls import canonical_links, record_url, site_of
from .structured import PageMetadata


def _same_site(a: str, b: str) -> bool:
    strip = lambda host: host[4:] if host.startswith("www.") else host  # noqa: E731
    return strip(site_of(a)) == strip(site_of(b))


def canonical_url(tree: html.HtmlElement, meta: PageMetadata, url: str) -> str:
    """The page's own canonical or og:url when it is on the same site, else the fetched URL."""
    candidates = canonical_links(tree, url)
    og_url = (meta.first("og:url") or "").strip()
    if og_url:
        try:
            candidates.append(urljoin(url, og_url))
        except ValueError:
            pass
    for candidate in candidates:
        if candidate.startswith(("http://", "https://")) and _same_site(candidate, url):
            return record_url(candidate)
    return record_url(url)

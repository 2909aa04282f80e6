"""URL normalisation and the canonical URL.

The canonical URL decides the record's `id`, so it must not change with
tracking parameters, fragments, host case or default ports (courlan's
normalisation), and a canonical link pointing to another site (syndicated
copies do that) is not trusted.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from courlan import normalize_url
from lxml import html

from .structured import PageMetadata


def normalise_url(url: str) -> str:
    if url.startswith("file:"):
        return url
    try:
        return normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return url


def site_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _same_site(a: str, b: str) -> bool:
    strip = lambda host: host[4:] if host.startswith("www.") else host  # noqa: E731
    return strip(site_of(a)) == strip(site_of(b))


def canonical_url(tree: html.HtmlElement, meta: PageMetadata, url: str) -> str:
    """The page's own canonical or og:url when it is on the same site, else the fetched URL."""
    candidates = [
        link.get("href") for link in tree.iterfind(".//link") if (link.get("rel") or "").lower() == "canonical"
    ]
    candidates.append(meta.first("og:url"))
    for candidate in candidates:
        if not candidate or not candidate.strip():
            continue
        try:
            absolute = urljoin(url, candidate.strip())
        except ValueError:  # "Invalid IPv6 URL": an unbalanced "[" in the host is no canonical
            continue
        if absolute.startswith(("http://", "https://")) and _same_site(absolute, url):
            return normalise_url(absolute)
    return normalise_url(url)

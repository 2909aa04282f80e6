"""URL identity, in one place: the form a URL is requested in, the form a record carries, its key, its site.

A newsroom links one article under many URLs (tracking parameters from
newsletters and social posts, session ids from old CMSs, fragments, host
case, default ports). Three forms answer three questions:

- `request_url`: the URL to request. Trackers, session ids and the fragment
  go; the path and the remaining query stay as they are (order included):
  they select the content, and some servers care about their order.
- `url_key`: one key per page, for "already requested or fetched": the
  request form in Scrapy's canonical form (sorted query, normalised escapes).
- `record_url`: the form a record's `url` and `canonical_url` carry, and what
  its `id` is made from (courlan's strict normalisation).

`canonical_links` reads a page's `<link rel="canonical">` for the spider
(which never fetches a page again under it) and the extraction (which makes
the record's id from it). This module loads neither Scrapy nor trafilatura:
any component may import it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

from courlan import normalize_url
from w3lib.url import canonicalize_url, safe_url_string, url_query_cleaner

# --- Query parameters that never change what a page says --------------------
# Campaign and click trackers (Google, Matomo/Piwik, Mailchimp, HubSpot, ad networks).
TRACKING_PARAM_PREFIXES = ("utm_", "mtm_", "pk_", "mc_", "hsa_", "_hs", "at_", "ga_")
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid", "ttclid", "_ga",
     "_gl", "ref_src", "ref_url", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "cmpid", "ncid"}
)  # fmt: skip
# Session ids put in URLs by CMSs when cookies are off: every visit gets new URLs for the same pages.
SESSION_PARAMS = frozenset(
    {"sid", "sessionid", "session_id", "phpsessid", "jsessionid", "aspsessionid", "cfid", "cftoken", "zenid",
     "oscsid", "s_sid"}
)  # fmt: skip
# Rejected: "ref" and "source" (some CMSs use them to select content), "s" (WordPress search), "id" (article ids).
SESSION_PATH_PARAM = re.compile(r";\s*(jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.IGNORECASE)


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name in SESSION_PARAMS or name.startswith(TRACKING_PARAM_PREFIXES)


def request_url(url: str) -> str:
    """The URL to request: fragment, tracking and session parameters removed, host lower-cased, default port dropped.

    Raises ValueError for a URL that cannot be one (a bad port, a broken IPv6 host).
    """
    url = safe_url_string(url.strip())
    parts = urlsplit(url)
    path = SESSION_PATH_PARAM.sub("", parts.path)
    names = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True) if _is_tracking(name)]
    netloc = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        netloc = f"{netloc}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    cleaned = urlunsplit((parts.scheme.lower(), netloc, path or "/", parts.query, ""))
    if names:
        cleaned = url_query_cleaner(cleaned, names, remove=True, unique=False, keep_fragments=False)
    return cleaned


def request_url_or_none(url: str) -> str | None:
    """`request_url`, or None for a URL that cannot be requested: one bad href must not cost a page its links."""
    try:
        return request_url(url)
    except ValueError:
        return None


def url_key(url: str) -> str:
    """One key per page for de-duplication: Scrapy's canonical form (sorted query, normalised escapes)."""
    return canonicalize_url(request_url(url))


def record_url(url: str) -> str:
    """The form of a URL in a record (`url`, `canonical_url`, and so its `id`); a URL courlan refuses is kept."""
    if url.startswith("file:"):
        return url
    try:
        return normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return url


def site_of(url: str) -> str:
    """The URL's host, lower-cased, without its port."""
    return (urlsplit(url).hostname or "").lower()


def in_domains(url: str, domains) -> bool:
    """The URL's host is one of `domains` or a subdomain of one (ports ignored)."""
    host = site_of(url)
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def canonical_links(root, base_url: str) -> list[str]:
    """The absolute hrefs of the `<link rel="canonical">` elements of an lxml document `root`, in order.

    A blank href, or one that cannot be joined to `base_url` (a broken IPv6 host), is left out.
    """
    links = []
    for link in root.iterfind(".//link[@href]"):
        href = link.get("href").strip()
        if not href or "canonical" not in (link.get("rel") or "").lower().split():
            continue
        try:
            links.append(urljoin(base_url, href))
        except ValueError:
            continue
    return links

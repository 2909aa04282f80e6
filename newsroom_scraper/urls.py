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

`canonical_links` reads a page's `<link rel="canonical">` from its parsed
tree, for the extraction (which makes the record's id from it);
`first_canonical_link` reads the same from the page's bytes, for the spider
(which never fetches a page again under it): the crawl process must not
build an lxml tree of every article only to read one link, nor keep it
alive with the response (benchmarks/crawl_throughput.py; the two readers
agree on the real pages of ../shared/corpora, tests/test_urls_canonical.py
on the cases where a byte scan could differ). This module loads neither
Scrapy nor trafilatura: any component may import it.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
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


# One page's URL is keyed several times in a row (the frontier, the recheck, the seen pipeline): the last
# few thousand keys are kept, which is bounded memory and spares most of the work.
@lru_cache(maxsize=4096)
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


def url_error(url: str) -> str | None:
    """Why `url` cannot be read as an address (a broken IPv6 host, a port out of range), or None.

    urlsplit accepts both until the host or port is asked for; asking here says it once, up front.
    """
    try:
        urlsplit(url).port  # noqa: B018 - reading the port is what checks host and port
    except ValueError as error:
        return str(error)
    return None


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


# --- The canonical link from a page's bytes ------------------------------------------
# A tag opening: a link is read; a comment, and the text of a script or style, are skipped to their end,
# as a parser reads them as text and not as tags.
_OPENING = re.compile(rb"<(!--|(?:link|script|style)(?=[\s/>]))", re.IGNORECASE)
_CLOSING = {name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE) for name in (b"script", b"style")}
# A link tag's attributes, to its ">" (a quoted value may hold one).
_LINK_ATTRIBUTES = re.compile(rb"""((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""")  # possessive: linear on a tag never closed
_ATTRIBUTE = re.compile(rb"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
# Bytes of a page scanned for its canonical link: well past the largest head of the real pages in
# ../shared/corpora (one declares it 933 KiB in, after inline scripts); a page is never scanned past it.
CANONICAL_SCAN_BYTES = 2 * 1024 * 1024


def _attributes(tag: bytes) -> dict[bytes, bytes]:
    """A tag's attributes by lower-cased name, the first of a repeated name kept (as HTML parsers do)."""
    values: dict[bytes, bytes] = {}
    for match in _ATTRIBUTE.finditer(tag):
        name, *quoted = match.groups()
        values.setdefault(name.lower(), next((v for v in quoted if v is not None), b""))
    return values


def _text(value: bytes) -> str:
    """An attribute's text: UTF-8, else Windows-1252 (an older page's usual charset), entities resolved."""
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        text = value.decode("cp1252", errors="replace")
    return html.unescape(text)


def _canonical_tags(body: bytes, limit: int):
    """The attributes of each `<link>` naming "canonical" in the first `limit` bytes, outside comments, scripts
    and styles (the others are not read: a head has many links to stylesheets, icons and feeds)."""
    position = 0
    while (opening := _OPENING.search(body, position, limit)) is not None:
        name = opening.group(1).lower()
        if name == b"link":
            tag = _LINK_ATTRIBUTES.match(body, opening.end(), limit)
            if tag is None:
                return
            position = tag.end()
            if b"canonical" in tag.group(1).lower():
                yield _attributes(tag.group(1))
        elif name == b"!--":
            end = body.find(b"-->", opening.end(), limit)
            position = limit if end < 0 else end + 3
        else:
            closing = _CLOSING[name].search(body, opening.end(), limit)
            position = limit if closing is None else closing.end()


def first_canonical_link(body: bytes, base_url: str, limit: int = CANONICAL_SCAN_BYTES) -> str | None:
    """The absolute href of the page's first `<link rel="canonical">`, read from its first `limit` bytes.

    The first of `canonical_links` of the parsed page, without parsing it: a blank href, or one
    that cannot be joined to `base_url`, is passed over. None for a page in an encoding that is
    not ASCII-compatible (UTF-16): a parser would be needed, and the link is only a hint.
    """
    for attributes in _canonical_tags(body, limit):
        href = attributes.get(b"href")
        if href is None or "canonical" not in _text(attributes.get(b"rel", b"")).lower().split():
            continue
        href_text = _text(href).strip()
        if not href_text:
            continue
        try:
            return urljoin(base_url, href_text)
        except ValueError:
            continue
    return None

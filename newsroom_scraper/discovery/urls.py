"""URL normalisation and trap rules: what a URL is before it is requested, and whether it is requested at all.

A newsroom links one article under many URLs (tracking parameters from
newsletters and social posts, session ids from old CMSs, fragments), and
most sites have link families that never end (calendars, date archives) or
are never articles (print, share, login, mailto:). Every URL the spider
would request goes through `normalise_url` and `trap_reason` first, so that
one article is fetched once and a crawl stays finite and in scope.

The rules are named data: a new rule goes into its group, with its reason.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.url import url_has_any_extension
from w3lib.url import canonicalize_url, safe_url_string, url_query_cleaner

from ..extract.urls import site_of

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

# --- Links that are never articles, or never end ----------------------------------
NON_HTTP_SCHEMES = ("mailto:", "javascript:", "tel:", "sms:", "whatsapp:", "data:", "ftp:", "file:", "fax:")
TRAP_RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    # A printer-friendly copy of an article is the same article.
    "print": (
        re.compile(r"[?&](print|printable|printer|output|format)=(1|true|yes|print|pdf)?(&|$)", re.I),
        re.compile(r"/(print|printable|printer-friendly|print-version)(/|\.html?$|$)", re.I),
    ),
    # Share and e-mail-a-friend endpoints take the article URL as a parameter.
    "share": (
        re.compile(r"[?&](share|shared|replytocom|email-to-friend)=", re.I),
        re.compile(r"/(share|sharer|sharing|send-to-friend|email-this|tell-a-friend)(\.php)?(/|$|\?)", re.I),
    ),
    # Accounts and comments: never articles, and often per-visit URLs.
    "login": (re.compile(r"/(login|logout|signin|sign-in|register|wp-login\.php|wp-admin)(/|$|\?)", re.I),),
    # Calendars link every day, month and year there is: a crawler following them never stops.
    "calendar": (
        re.compile(r"/(calendar|calendrier|kalender|agenda-calendar|ical|events-calendar)(/|$|\?|\.)", re.I),
        re.compile(r"[?&](month|year|day|week|date|cal|calendar|tribe-bar-date|ical|outlook-ical)=", re.I),
    ),
}
# Date archives ("/2024/", "/news/2024/05/", "/2024/05/14/") list articles; they are listings, not articles.
DATE_ARCHIVE = re.compile(r"/(19|20)\d{2}(/(0?[1-9]|1[0-2]))?(/(0?[1-9]|[12]\d|3[01]))?/?$")
# Files and feeds are not article pages (feeds are read as feeds, from profiles or rel=alternate).
NOT_PAGE_EXTENSIONS = tuple(f".{ext}" for ext in [*IGNORED_EXTENSIONS, "xml", "json", "ics", "vcf", "rss", "atom"])


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name in SESSION_PARAMS or name.startswith(TRACKING_PARAM_PREFIXES)


def normalise_url(url: str) -> str:
    """The URL to request: fragment, tracking and session parameters removed, host lower-cased, default port dropped.

    The path and the remaining query are kept as they are (order included):
    they select the content, and some servers care about their order.
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


def clean_url(url: str) -> str | None:
    """`normalise_url`, or None for a URL that cannot be requested: one bad href must not cost a page its links."""
    try:
        return normalise_url(url)
    except ValueError:
        return None


def url_key(url: str) -> str:
    """One key per page for de-duplication: Scrapy's canonical form (sorted query, normalised escapes)."""
    return canonicalize_url(normalise_url(url))


def trap_reason(url: str, *, article: bool = True) -> str | None:
    """Why `url` must not be requested (a rule name), or None.

    Date archives are refused as articles but allowed as pagination: a
    newsroom's "older" link may well go from /news/2024/05/ to /news/2024/04/,
    and the page budget bounds that walk.
    """
    lowered = url.strip().lower()
    if lowered.startswith(NON_HTTP_SCHEMES) or not lowered.startswith(("http://", "https://")):
        return "not_http"
    for name, patterns in TRAP_RULES.items():
        if any(pattern.search(url) for pattern in patterns):
            return name
    if url_has_any_extension(url, NOT_PAGE_EXTENSIONS):
        return "file"
    if article and DATE_ARCHIVE.search(urlsplit(url).path):
        return "date_archive"
    return None


def in_domains(url: str, domains) -> bool:
    """The URL's host is one of `domains` or a subdomain of one (ports ignored)."""
    host = site_of(url)
    return any(host == domain or host.endswith("." + domain) for domain in domains)

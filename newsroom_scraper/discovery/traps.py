"""Trap rules: whether a URL the crawl found is requested at all.

Most sites have link families that never end (calendars, date archives) or
are never articles (print, share, login, mailto:). Every URL the spider
would request passes `trap_reason` (in the frontier, discovery/frontier.py)
after it is put in its request form (newsroom_scraper/urls.py), so that a
crawl stays finite and in scope.

The rules are named data: a new rule goes into its group, with its reason.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.url import url_has_any_extension

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

"""Which links of a listing page the crawl follows: pagination, and the links that look like articles.

Pagination is recognised by what a reader sees ("Next", "›", "»", "More
news", page numbers in a pager) and by rel="next"; it is followed up to a
page budget per listing so that an endless "Next" cannot keep a scheduled
crawl running.

Every other link is classified without a site profile, by three signals a
person uses to spot the headlines on a newsroom page: the URL's shape (a
date or an id with a slug), a dated list (a headline next to its date), and
its place (in the main content, not in navigation, header, footer or a
sidebar). A link with any signal is an article candidate; the others are
the site's chrome. Whether chrome links are fetched too is the crawl's
choice (NEWSROOM_LISTING_LINKS); the extraction decides on the fetched page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from scrapy.http import TextResponse
from scrapy.utils.response import get_base_url
from w3lib.html import strip_html5_whitespace

from ..urls import request_url_or_none

NEXT_LABEL = re.compile(
    r"^\s*(next|next page|next »|older|older (posts|entries|news)|more news|more stories|load more|›|»|>|>>|→|"
    r"weiter|nächste( seite)?|suivant(e)?|page suivante|siguiente|próxima|successiva|"
    r"下一页|下页|下一頁|次へ|次のページ|"
    r"следующая|далее|التالي)\s*[›»>→]*\s*$",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(r"^\s*\[?\s*(\d{1,4})\s*\]?\s*$")
PAGER_HINT = re.compile(r"pag|pager|pages|nav", re.IGNORECASE)

# --- Article signals, without a profile ---------------------------------------------
ARTICLE_URL_SHAPES = (
    # /news/2024/05/lake-ice-record-low/ : a date path followed by a slug
    re.compile(r"/(19|20)\d{2}/(0?[1-9]|1[0-2])/((0?[1-9]|[12]\d|3[01])/)?[^/?#]*[a-z][^/?#]*"),
    # /press/2024-04-30-new-research-vessel.html : a dated file name
    re.compile(r"/(19|20)\d{2}-?\d{2}-?\d{2}[-_][^/]*[a-z]", re.I),
    # /news/ric/201306/t20130627_105222.shtml : TRS and similar CMSs (t + date + id)
    re.compile(r"/t(19|20)\d{6}_\d+\.\w+$"),
    # /stories/49102/ , /article/12345.html : a numeric id of 4+ digits as a path segment
    re.compile(r"/\d{4,}(/|\.s?html?|\.php|\.aspx?)?$"),
    # /news/seagrass-meadows-store-more-carbon : a slug of four or more words
    re.compile(r"/[a-z0-9]+([-_][a-z0-9]+){3,}(/|\.s?html?|\.php|\.aspx?)?$", re.I),
)
# A date as newsrooms print it beside a headline: 2024-05-14, 14.05.2024, 05/14/2024, May 14, 2024,
# 14 May 2024, 2024年5月14日.
MONTHS = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|"
          r"jän|märz|okt|dez|ene|abr|ago|dic")  # fmt: skip
DATE_TEXT = re.compile(
    r"\b(19|20)\d{2}[-./](0?[1-9]|1[0-2])[-./](0?[1-9]|[12]\d|3[01])\b"
    r"|\b(0?[1-9]|[12]\d|3[01])[-./](0?[1-9]|1[0-2])[-./](19|20)\d{2}\b"
    r"|\b(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/(19|20)\d{2}\b"
    rf"|\b({MONTHS})[a-zé]*\.?\s+\d{{1,2}},?\s+(19|20)\d{{2}}\b"
    rf"|\b\d{{1,2}}\.?\s+({MONTHS})[a-zé]*\.?\s+(19|20)\d{{2}}\b"
    r"|(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
    re.IGNORECASE,
)
# The item a headline sits in, for the dated-list signal: a list entry, or a block repeated beside its like
# (div.teaser, div.teaser, ...). A lone wrapper div holding a date and a few links is not one: tried, it made
# every link of a small page "dated". The item must hold few links to be one headline's.
LIST_ITEM_TAGS = ("li", "tr", "dt", "dd", "article")
BLOCK_ITEM_TAGS = ("div", "section", "p")
MAX_ITEM_LINKS = 4
MAX_ITEM_TEXT = 1500
# Where the page's own content is, and where its chrome is.
MAIN_TAGS = ("main", "article")
MAIN_ROLES = ("main",)
CHROME_TAGS = ("nav", "header", "footer", "aside", "form")
CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search")
CHROME_HINT = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|header|footer|sidebar|side-box|aside|social|share|sharing|"
    r"skip-link|cookie|consent|toolbar|top-bar|topbar|newsletter|login)([\s_-]|$)",
    re.IGNORECASE,
)


@dataclass(slots=True, frozen=True)
class ListingLink:
    """A link of a listing page, normalised, with the signals that make it an article candidate."""

    url: str
    text: str
    signals: tuple[str, ...]

    @property
    def is_candidate(self) -> bool:
        return bool(self.signals)


def _pager_container(element) -> bool:
    for ancestor in [element, *element.iterancestors()][:4]:
        value = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''} {ancestor.get('role') or ''}"
        if PAGER_HINT.search(value):
            return True
    return False


def pagination_urls(response: TextResponse) -> list[str]:
    """Absolute URLs of the next listing pages this page links to."""
    urls: list[str] = []
    tree = response.selector.root
    for link in tree.iter("a", "link"):
        href = link.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        rel = (link.get("rel") or "").lower().split()
        text = " ".join((link.text_content() if link.tag == "a" else "").split())
        label = text or (link.get("aria-label") or link.get("title") or "")
        is_next = "next" in rel or bool(NEXT_LABEL.match(label))
        number = PAGE_NUMBER.match(text)
        is_page = bool(number) and int(number.group(1)) > 1 and _pager_container(link)
        if is_next or is_page:
            try:
                absolute = urljoin(response.url, href)
            except ValueError:
                continue
            if absolute != response.url and absolute not in urls:
                urls.append(absolute)
    return urls


def _is_chrome(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    role = (element.get("role") or "").lower()
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return tag in CHROME_TAGS or role in CHROME_ROLES or bool(CHROME_HINT.search(names))


def _place(link) -> str:
    """'main' inside the page's content, 'chrome' inside navigation and the like, else 'body'."""
    for ancestor in link.iterancestors():
        if _is_chrome(ancestor):
            return "chrome"
        if ancestor.tag in MAIN_TAGS or (ancestor.get("role") or "").lower() in MAIN_ROLES:
            return "main"
    return "body"


def _is_item(element) -> bool:
    """One entry of a list: a list item or table row, or a block repeated beside siblings like it."""
    if element.tag in LIST_ITEM_TAGS:
        return True
    if element.tag not in BLOCK_ITEM_TAGS:
        return False
    parent = element.getparent()
    kind = (element.tag, element.get("class"))
    return parent is not None and sum((child.tag, child.get("class")) == kind for child in parent) >= 2


def _dated_item(link) -> bool:
    """The link is one headline of a list whose items carry dates."""
    for ancestor in list(link.iterancestors())[:4]:
        if not _is_item(ancestor):
            continue
        links = {a.get("href") for a in ancestor.iter("a") if a.get("href")}
        text = ancestor.text_content()
        return len(links) <= MAX_ITEM_LINKS and len(text) <= MAX_ITEM_TEXT and bool(DATE_TEXT.search(text))
    return False


def url_looks_like_article(url: str) -> bool:
    path = urlsplit(url).path
    return any(shape.search(path) for shape in ARTICLE_URL_SHAPES)


def listing_links(response: TextResponse) -> list[ListingLink]:
    """Every http(s) link of the page once, normalised, with its article signals."""
    base = get_base_url(response)
    found: dict[str, ListingLink] = {}
    for link in response.selector.root.iter("a", "area"):
        href = strip_html5_whitespace(link.get("href") or "")
        if not href or href.startswith("#"):
            continue
        try:
            absolute = urljoin(base, href)
        except ValueError:  # a broken IPv6 host: one bad href must not cost the page its links
            continue
        url = request_url_or_none(absolute) if absolute.startswith(("http://", "https://")) else None
        if url is None:
            continue
        place = _place(link)
        signals = []
        if url_looks_like_article(url):
            signals.append("url_shape")
        if place != "chrome" and _dated_item(link):
            signals.append("dated_list")
        if place == "main":
            signals.append("main_content")
        text = " ".join(link.text_content().split())
        previous = found.get(url)
        if previous is None or len(signals) > len(previous.signals):
            found[url] = ListingLink(url, text or (previous.text if previous else ""), tuple(signals))
    return list(found.values())


def same_page(a: str, b: str) -> bool:
    x, y = urlsplit(a), urlsplit(b)
    return (x.netloc, x.path.rstrip("/"), x.query) == (y.netloc, y.path.rstrip("/"), y.query)

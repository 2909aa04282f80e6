"""Which links of a listing page the crawl follows: pagination, and everything else in scope.

Pagination is recognised by what a reader sees ("Next", "›", "»", "More
news", page numbers in a pager) and by rel="next"; it is followed up to a
page budget per listing so that an endless "Next" cannot keep a scheduled
crawl running. Links that cannot be articles (mailto:, javascript:, print and
share endpoints, files) are never requested.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from scrapy.http import TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor

NEXT_LABEL = re.compile(
    r"^\s*(next|next page|next »|older|older (posts|entries|news)|more news|more stories|load more|›|»|>|>>|→|"
    r"weiter|nächste( seite)?|suivant(e)?|page suivante|siguiente|próxima|successiva|"
    r"下一页|下页|下一頁|次へ|次のページ|"
    r"следующая|далее|التالي)\s*[›»>→]*\s*$",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(r"^\s*\[?\s*(\d{1,4})\s*\]?\s*$")
PAGER_HINT = re.compile(r"pag|pager|pages|nav", re.IGNORECASE)
# Share, print and login endpoints exist on every article and are never one.
DENY_URL = (
    r"[?&](print|share|replytocom|sid|sessionid|phpsessid)=",
    r"/(print|share|sharer|login|logout|signin|register|wp-login\.php)(/|$|\?)",
    r"^(mailto|javascript|tel|whatsapp|sms):",
)


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
            absolute = urljoin(response.url, href)
            if absolute != response.url and absolute not in urls:
                urls.append(absolute)
    return urls


def article_link_extractor() -> LinkExtractor:
    """Links worth requesting; the domain check is `in_domains` (LinkExtractor's compares host:port)."""
    return LinkExtractor(
        deny=DENY_URL,
        deny_extensions=[*IGNORED_EXTENSIONS, "xml", "json", "ics", "vcf"],
        unique=True,
    )


def in_domains(url: str, domains) -> bool:
    """The URL's host is one of `domains` or a subdomain of one (ports ignored)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def same_page(a: str, b: str) -> bool:
    x, y = urlsplit(a), urlsplit(b)
    return (x.netloc, x.path.rstrip("/"), x.query) == (y.netloc, y.path.rstrip("/"), y.query)

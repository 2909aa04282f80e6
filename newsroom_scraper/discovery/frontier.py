"""The crawl's frontier decisions: whether a URL found by the crawl is requested, and if not, why.

Every URL the spider meets passes one gate here, whichever path found it
(a listing, its pagination, a sitemap, a feed, a redirect): normalised, in
scope, no trap, allowed by the profile, not older than `since`, within the
listing-page and sitemap budgets, and not already requested or fetched
under this or its canonical URL. The answer is a `Verdict`: the URL to
request, or the reason it is not (counted as `newsroom/skipped/<reason>`),
or `DUPLICATE` (not counted: meeting a URL twice is no event).

The decisions are pure; what they remember lives in a `FrontierState`:
`LocalState` (sets in this process) or, for a crawl shared by many
processes, `distributed.frontier.RedisState`, whose compound steps are each
one Lua script so that the page budget and the canonical-URL dedupe hold
for the crawl as a whole. Nothing here imports Scrapy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ..sources import Source
from ..urls import in_domains, request_url_or_none, url_key
from .since import listed_before
from .traps import trap_reason

# A URL met again: not requested, and not counted (it is no event).
DUPLICATE = "duplicate"
LISTING_LINK_MODES = ("all", "articles")


@dataclass(frozen=True, slots=True)
class Verdict:
    """`url` (normalised) to request when `reason` is None; else the URL as found and why it is not requested."""

    url: str
    reason: str | None = None

    @property
    def admitted(self) -> bool:
        return self.reason is None

    @property
    def counted(self) -> bool:
        """A skip the crawl counts (policy), not a duplicate."""
        return self.reason is not None and self.reason != DUPLICATE


class FrontierState(Protocol):
    """What the frontier remembers. Each method is one atomic step (one Lua script on Redis)."""

    def known(self, key: str) -> bool:
        """`key` was requested as an index page, or requested, fetched or declared canonical as an article."""

    def claim_article(self, key: str) -> bool:
        """Remember `key` as an article; False when it is already known."""

    def mark_seen(self, keys: list[str]) -> None:
        """Keys of pages fetched (after redirects) or declared canonical: never requested again."""

    def claim_index(self, key: str, offsite: bool, root: str = "", limit: int = 0, budget: str = "") -> str | None:
        """Claim an index page; None when claimed, else DUPLICATE, "offsite" or the budget's reason.

        With `root`: a page of that listing, refused as DUPLICATE when the listing has it and as
        "page_budget" when the listing has `limit` pages. With `budget`: a sitemap of that source,
        refused as "sitemap_budget" when `limit` were requested. The checks run in that order,
        then "already requested" (DUPLICATE), then `offsite`.
        """

    def add_page(self, root: str, key: str) -> None:
        """A page of the listing `root` was fetched (under `key`, after redirects): it counts in its budget."""

    def pages_among(self, root: str, keys: list[str]) -> set[str]:
        """Those of `keys` that are pages of the listing `root`."""

    def budget_spent(self, budget: str, limit: int) -> bool:
        """The sitemap budget `budget` has reached `limit`."""


class LocalState:
    """The frontier's memory in this process: a crawl run by one process."""

    __slots__ = ("index", "seen", "pages", "spent")

    def __init__(self) -> None:
        self.index: set[str] = set()  # keys of every listing, sitemap and feed requested
        self.seen: set[str] = set()  # keys of article URLs requested, fetched or declared canonical
        self.pages: dict[str, set[str]] = defaultdict(set)  # listing root -> keys of its pages
        self.spent: Counter[str] = Counter()  # sitemap budget -> sitemaps requested

    def known(self, key: str) -> bool:
        return key in self.seen or key in self.index

    def claim_article(self, key: str) -> bool:
        if self.known(key):
            return False
        self.seen.add(key)
        return True

    def mark_seen(self, keys: list[str]) -> None:
        self.seen.update(keys)

    def claim_index(self, key: str, offsite: bool, root: str = "", limit: int = 0, budget: str = "") -> str | None:
        if root and key in self.pages[root]:
            return DUPLICATE
        if root and len(self.pages[root]) >= limit:
            return "page_budget"
        if budget and self.spent[budget] >= limit:
            return "sitemap_budget"
        if key in self.index:
            return DUPLICATE
        if offsite:
            return "offsite"
        self.index.add(key)
        if root:
            self.pages[root].add(key)
        if budget:
            self.spent[budget] += 1
        return None

    def add_page(self, root: str, key: str) -> None:
        self.pages[root].add(key)

    def pages_among(self, root: str, keys: list[str]) -> set[str]:
        return set(keys) & self.pages[root]

    def budget_spent(self, budget: str, limit: int) -> bool:
        return self.spent[budget] >= limit


@dataclass(frozen=True, slots=True)
class FrontierRules:
    """The crawl's limits, from the spider's options."""

    max_pages: int = 5
    max_sitemaps: int = 50
    since: datetime | None = None
    listing_link_mode: str = "all"


class Frontier:
    """The gate of every URL the crawl may request: a `Verdict` for each, remembered in `state`."""

    __slots__ = ("rules", "state")

    def __init__(self, rules: FrontierRules, state: FrontierState | None = None) -> None:
        self.rules = rules
        self.state = state if state is not None else LocalState()

    def index(self, url: str, source: Source) -> Verdict:
        """A start page, a feed or sitemap named by a profile or announced by a page: once per run."""
        return self._index(url, source)

    def next_page(self, url: str, root: str, source: Source) -> Verdict:
        """A pagination link of the listing `root`: within the page budget, traps refused."""
        cleaned = request_url_or_none(url)
        if cleaned is None:
            return Verdict(url, DUPLICATE)  # a pager's broken href is not worth a count
        trap = trap_reason(cleaned, article=False)
        if trap:
            # A page the listing already has (its start page, a redirect's target) is met again, not skipped.
            known = self.state.pages_among(root, [url_key(cleaned)])
            return Verdict(cleaned, DUPLICATE if known else trap)
        return self._index(cleaned, source, root=root, limit=self.rules.max_pages)

    def sitemap(self, url: str, source: Source) -> Verdict:
        """A sitemap from an index or robots.txt: at most `max_sitemaps` per source."""
        budget = f"sitemaps:{source.name}"
        if request_url_or_none(url) is None and self.state.budget_spent(budget, self.rules.max_sitemaps):
            return Verdict(url, "sitemap_budget")
        return self._index(url, source, limit=self.rules.max_sitemaps, budget=budget)

    def _index(self, url: str, source: Source, root: str = "", limit: int = 0, budget: str = "") -> Verdict:
        cleaned = request_url_or_none(url)
        if cleaned is None:
            return Verdict(url, "bad_url")
        offsite = not in_domains(cleaned, source.allowed_domains)
        reason = self.state.claim_index(url_key(cleaned), offsite, root, limit, budget)
        return Verdict(cleaned, reason)

    def article(self, url: str, source: Source, listed: datetime | None = None, chrome: bool = False) -> Verdict:
        """A candidate article from any path. `chrome`: a listing link with no article signal."""
        cleaned = request_url_or_none(url)
        if cleaned is None:
            return Verdict(url, "bad_url")
        key = url_key(cleaned)
        reason = self.article_reason(cleaned, source, listed, chrome)
        if reason:
            # Already known comes first: a URL requested once is not counted as skipped when met again.
            return Verdict(cleaned, DUPLICATE if self.state.known(key) else reason)
        return Verdict(cleaned, None if self.state.claim_article(key) else DUPLICATE)

    def article_reason(self, url: str, source: Source, listed: datetime | None, chrome: bool) -> str | None:
        """Why a normalised article URL is refused whatever was requested before, or None."""
        if not in_domains(url, source.allowed_domains):
            return "offsite"
        trap = trap_reason(url)
        if trap:
            return trap
        if not source.accepts(url):
            return "profile_deny"
        if listed_before(listed, self.rules.since):
            return "older_than_since"
        if chrome and not source.allow and self.rules.listing_link_mode != "all":
            return "not_article_link"
        return None

    def listing_fetched(self, root: str, url: str) -> None:
        self.state.add_page(root, url_key(url))

    def not_articles(self, root: str, page_urls: list[str], links: list[str]) -> set[str]:
        """Keys of `links` that are pages of the listing `root` or among its `page_urls`: not articles."""
        pages = {url_key(url) for url in page_urls}
        keys = [url_key(link) for link in links]
        return pages | self.state.pages_among(root, [key for key in keys if key not in pages])

    def fetched(self, url: str, canonical: str | None = None) -> None:
        """An article page was fetched at `url`, declaring `canonical`: neither is requested again."""
        self.state.mark_seen([url_key(u) for u in (url, canonical) if u])

    def claim_redirect(self, url: str, chain: list[str]) -> bool:
        """An article request (its URLs so far: `chain`) was redirected to `url`.

        False when this crawl already requested `url` as another page; a redirect to another form of
        the same page (a session id added, a tracking parameter dropped) is not one.
        """
        key = url_key(url)
        if key in {url_key(link) for link in chain}:
            return True
        return self.state.claim_article(key)

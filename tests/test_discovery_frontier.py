"""The frontier's decisions, one table per gate: the URL to request, or why it is not requested.

Each case runs on a fresh frontier after a few steps that set the scene (a
page fetched, a listing paginated), so a row reads as a sentence: "after
these, this URL is requested / skipped for this reason". The same tables
run against the Redis-backed state on a real redis-server, so that both
implementations decide alike; tests/test_distributed_frontier.py checks the
shared one across workers.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsroom_scraper.discovery.frontier import DUPLICATE, Frontier, FrontierRules, LocalState
from newsroom_scraper.sources import Source

SITE = "https://news.example.org"
SOURCE = Source("news", (f"{SITE}/news/",), ("news.example.org",))
PROFILE = Source("profiled", (f"{SITE}/news/",), ("news.example.org",), allow=(r"/stories/",), deny=(r"/stories/ads-",))
OTHER = Source("other", ("https://other.example/",), ("other.example",))
RULES = FrontierRules(max_pages=3, max_sitemaps=2, since=date(2024, 5, 1), listing_link_mode="articles")
ROOT = f"{SITE}/news/"

# (steps before, URL, source, listed date, chrome link, expected: the URL requested or the reason).
ARTICLES = [
    ([], f"{SITE}/a/story.html", SOURCE, None, False, f"{SITE}/a/story.html"),
    ([], f"{SITE}/a/story.html?utm_source=rss#top", SOURCE, None, False, f"{SITE}/a/story.html"),
    ([], "http://[::1/broken", SOURCE, None, False, "bad_url"),
    ([], "https://elsewhere.example/a/story.html", SOURCE, None, False, "offsite"),
    ([], f"{SITE}/a/story.html?print=1", SOURCE, None, False, "print"),
    ([], f"{SITE}/calendar/2024/05/", SOURCE, None, False, "calendar"),
    ([], f"{SITE}/news/2024/05/", SOURCE, None, False, "date_archive"),
    ([], f"{SITE}/files/report.pdf", SOURCE, None, False, "file"),
    ([], "mailto:press@news.example.org", SOURCE, None, False, "offsite"),  # no host: not on the site
    ([], f"{SITE}/about/team", PROFILE, None, False, "profile_deny"),
    ([], f"{SITE}/stories/ads-partner", PROFILE, None, False, "profile_deny"),
    ([], f"{SITE}/stories/lake-ice", PROFILE, None, True, f"{SITE}/stories/lake-ice"),  # allow decides
    ([], f"{SITE}/a/old.html", SOURCE, date(2024, 4, 1), False, "older_than_since"),
    ([], f"{SITE}/a/recent.html", SOURCE, date(2024, 4, 30), False, f"{SITE}/a/recent.html"),  # a day's grace
    ([], f"{SITE}/about/", SOURCE, None, True, "not_article_link"),
    # Met again: under the same key, after its page declared it canonical, as an index page.
    ([("article", f"{SITE}/a/x?a=1&b=2")], f"{SITE}/a/x?b=2&a=1", SOURCE, None, False, DUPLICATE),
    ([("fetched", f"{SITE}/a/v?id=1", f"{SITE}/a/story.html")], f"{SITE}/a/story.html", SOURCE, None, False,
     DUPLICATE),
    ([("index", f"{SITE}/news/")], f"{SITE}/news/", SOURCE, None, False, DUPLICATE),
    # Known, and a trap too: met again, not counted as a trap.
    ([("fetched", f"{SITE}/a/v", f"{SITE}/a/v?print=1")], f"{SITE}/a/v?print=1", SOURCE, None, False, DUPLICATE),
]  # fmt: skip

# (steps before, pagination URL of ROOT, expected).
PAGES = [
    ([("listing", ROOT)], f"{SITE}/news/?page=2", f"{SITE}/news/?page=2"),
    ([("listing", ROOT), ("page", f"{SITE}/news/?page=2")], f"{SITE}/news/?page=2", DUPLICATE),
    ([("listing", ROOT)], f"{SITE}/news/2024/04/", f"{SITE}/news/2024/04/"),  # date archives paginate
    ([("listing", ROOT)], f"{SITE}/news/?page=2&share=x", "share"),
    ([("listing", f"{SITE}/calendar/")], f"{SITE}/calendar/", DUPLICATE),  # ROOT redirected there: no trap
    ([("listing", ROOT)], "https://elsewhere.example/news/?page=2", "offsite"),
    ([("listing", ROOT), ("page", f"{SITE}/news/?page=2"), ("page", f"{SITE}/news/?page=3")],
     f"{SITE}/news/?page=4", "page_budget"),
    # A page another listing requested does not count in this one's budget, and is not requested again.
    ([("listing", ROOT), ("index", f"{SITE}/news/?page=2")], f"{SITE}/news/?page=2", DUPLICATE),
    ([("listing", ROOT), ("index", f"{SITE}/news/?page=2"), ("page", f"{SITE}/news/?page=3")],
     f"{SITE}/news/?page=4", f"{SITE}/news/?page=4"),
]  # fmt: skip

# (steps before, sitemap URL, expected): at most RULES.max_sitemaps per source.
SITEMAPS = [
    ([], f"{SITE}/sitemap-1.xml", f"{SITE}/sitemap-1.xml"),
    ([("sitemap", f"{SITE}/sitemap-1.xml")], f"{SITE}/sitemap-1.xml", DUPLICATE),
    ([("sitemap", f"{SITE}/sitemap-1.xml"), ("sitemap", f"{SITE}/sitemap-2.xml")], f"{SITE}/sitemap-3.xml",
     "sitemap_budget"),
    ([("sitemap", f"{SITE}/sitemap-1.xml"), ("sitemap", f"{SITE}/sitemap-2.xml")], "http://[::1/x.xml",
     "sitemap_budget"),
    ([], "http://[::1/x.xml", "bad_url"),
    ([], "https://elsewhere.example/sitemap.xml", "offsite"),
    ([("sitemap", "https://other.example/s1.xml"), ("sitemap", "https://other.example/s2.xml")],
     f"{SITE}/sitemap-1.xml", f"{SITE}/sitemap-1.xml"),  # the other source's budget
]  # fmt: skip


def run_steps(frontier: Frontier, steps) -> None:
    for step, url, *rest in steps:
        source = OTHER if "other.example" in url else SOURCE
        if step == "article":
            assert frontier.article(url, source).admitted
        elif step == "fetched":
            frontier.fetched(url, rest[0])
        elif step == "index":
            assert frontier.index(url, source).admitted
        elif step == "listing":
            frontier.listing_fetched(ROOT, url)  # a page of ROOT fetched at `url`
        elif step == "page":
            assert frontier.next_page(url, ROOT, source).admitted
        elif step == "sitemap":
            assert frontier.sitemap(url, source).admitted


def outcome(verdict) -> str:
    return verdict.url if verdict.admitted else verdict.reason


@pytest.fixture(params=["local", "redis"])
def make_frontier(request):
    """Fresh frontiers over LocalState, or over RedisState on a real redis-server (one per test)."""
    if request.param == "local":
        return lambda: Frontier(RULES, LocalState())
    from .test_distributed_frontier import redis_frontiers

    server = request.getfixturevalue("redis_server")
    return redis_frontiers(server, RULES)


@pytest.mark.parametrize("steps, url, source, listed, chrome, expected", ARTICLES)
def test_article_gate(make_frontier, steps, url, source, listed, chrome, expected):
    frontier = make_frontier()
    run_steps(frontier, steps)
    assert outcome(frontier.article(url, source, listed, chrome)) == expected


@pytest.mark.parametrize("steps, url, expected", PAGES)
def test_pagination_gate(make_frontier, steps, url, expected):
    frontier = make_frontier()
    run_steps(frontier, steps)
    assert outcome(frontier.next_page(url, ROOT, SOURCE)) == expected


@pytest.mark.parametrize("steps, url, expected", SITEMAPS)
def test_sitemap_gate(make_frontier, steps, url, expected):
    frontier = make_frontier()
    run_steps(frontier, steps)
    assert outcome(frontier.sitemap(url, SOURCE)) == expected


def test_only_policy_skips_are_counted():
    frontier = Frontier(RULES)
    first = frontier.article(f"{SITE}/a/story.html", SOURCE)
    again = frontier.article(f"{SITE}/a/story.html", SOURCE)
    refused = frontier.article("https://elsewhere.example/a", SOURCE)
    assert (first.admitted, first.counted) == (True, False)
    assert (again.admitted, again.counted) == (False, False)
    assert (refused.admitted, refused.counted) == (False, True)


def test_links_that_are_pages_of_the_listing_are_not_articles():
    frontier = Frontier(RULES)
    frontier.listing_fetched(ROOT, ROOT)
    links = [f"{SITE}/news/", f"{SITE}/news/?page=2", f"{SITE}/a/story.html"]
    assert frontier.not_articles(ROOT, [f"{SITE}/news/?page=2"], links) == {
        f"{SITE}/news/",
        f"{SITE}/news/?page=2",
    }


@pytest.mark.parametrize(
    "steps, target, chain, expected",
    [
        ([], f"{SITE}/a/new.html", [f"{SITE}/a/old.html"], True),
        ([], f"{SITE}/a/x?sid=9", [f"{SITE}/a/x"], True),  # another form of the same page
        ([("article", f"{SITE}/a/known.html")], f"{SITE}/a/known.html", [f"{SITE}/a/old.html"], False),
        ([("index", f"{SITE}/news/")], f"{SITE}/news/", [f"{SITE}/a/old.html"], False),
    ],
)
def test_a_redirect_to_a_known_page_is_refused(steps, target, chain, expected):
    frontier = Frontier(RULES)
    run_steps(frontier, steps)
    assert frontier.claim_redirect(target, chain) is expected

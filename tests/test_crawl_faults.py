"""The real spider against a hostile network: every fault gives the article exactly once, or a counted reason.

One crawl of three loopback sites full of faults (see `faultserver.py`): a
main site with a listing of healthy articles and faulty URLs, a sitemap and
a feed that are cut short or not XML, and a PDF start URL; a second site
whose robots.txt never answers, a third whose robots.txt answers 500, and
a fourth host that only an off-site redirect points to. The records must be
exactly the healthy articles, each once; every faulty URL must be counted
under its reason; no request may go off the allowed hosts or to a path
robots.txt forbids; the summary must account for every URL requested; and
no traceback may reach the log.
"""

from __future__ import annotations

import gzip
from collections import Counter

import pytest

from . import faultserver as fs
from .conftest import run_crawl
from .pagemaker import PARAGRAPHS, article_page, listing_page

TIMEOUT = 3  # DOWNLOAD_TIMEOUT of these crawls, seconds
SETTINGS = {
    "DOWNLOAD_TIMEOUT": str(TIMEOUT),
    "RETRY_TIMES": "1",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
    "NEWSROOM_MAX_RETRY_AFTER": "10",
}


def story(name: str) -> tuple[str, str]:
    """A healthy article: its title and its page (text unique to it, so no two are duplicates)."""
    title = f"Harbour council approves the {name} plan"
    paragraphs = tuple(f"{paragraph} The {name} plan was part of it." for paragraph in PARAGRAPHS) * 2
    return title, article_page(title, "March 5, 2024", paragraphs=paragraphs)


# Faults of the main site that recover (the article must be exported once), and those that do not.
RECOVERING = {
    "/a/flaky-500": lambda page: fs.failing(1, fs.status(500), fs.page(page)),
    "/a/flaky-503": lambda page: fs.failing(1, fs.status(503), fs.page(page)),
    "/a/reset-once": lambda page: fs.failing(1, fs.reset_mid_body(page), fs.page(page)),
    "/a/short-once": lambda page: fs.failing(1, fs.short_body(page), fs.page(page)),
    "/a/gzip-cut-once": lambda page: fs.failing(1, fs.encoded(page, "gzip", cut=0.6), fs.encoded(page, "gzip")),
    "/a/gzip": lambda page: fs.encoded(page, "gzip"),
    "/a/deflate": lambda page: fs.encoded(page, "deflate"),
    "/a/brotli": lambda page: fs.encoded(page, "br"),
    "/a/charset-lie": lambda page: fs.page(page.encode("utf-8"), "text/html; charset=iso-8859-1"),
    "/a/slow-drip": lambda page: fs.drip(page, TIMEOUT / 3),
    # A Java server's first answer: the same page, with a session id in its path.
    "/a/session": lambda page: fs.redirect(SESSION_HOP),
}
SESSION_HOP = "/a/session;jsessionid=0F3A9C"
HEALTHY = ("/a/one.html", "/a/two.html", "/a/three.html", "/a/four.html")
BOMB = gzip.compress(b"<html><body><p>" + b"\0" * (64 * 1024 * 1024))
FAILING = {
    "/a/stall": (fs.stall(TIMEOUT + 2), "failed/timeout"),
    "/a/drip-too-slow": (fs.drip(story("drip")[1], TIMEOUT + 2), "failed/timeout"),
    "/a/always-500": (fs.status(500), "failed/http_500"),
    # A reset after part of the body: Scrapy sees fewer bytes than the Content-Length.
    "/a/reset": (fs.reset_mid_body(story("reset")[1]), "failed/truncated"),
    "/a/short": (fs.short_body(story("short")[1]), "failed/truncated"),
    "/a/gzip-cut": (fs.encoded(story("gzip cut")[1], "gzip", cut=0.6), "failed/truncated"),
    "/a/deflate-cut": (fs.encoded(story("deflate cut")[1], "deflate", cut=0.6), "failed/truncated"),
    "/a/brotli-cut": (fs.encoded(story("brotli cut")[1], "br", cut=0.6), "failed/truncated"),
    "/a/gzip-corrupt": (fs.encoded(story("corrupt")[1], "gzip", corrupt=True), "failed/bad_encoding"),
    "/a/gzip-bomb": (lambda h, a: fs.send(h, 200, BOMB, {"Content-Type": fs.HTML, "Content-Encoding": "gzip"}),
                     "failed/too_large"),
    "/a/sixty-mb": (fs.huge(60 * 1024 * 1024), "failed/too_large"),
    "/a/loop-a": (fs.redirect("/a/loop-b"), "failed/redirect_loop"),
    "/a/self": (fs.redirect("/a/self"), "failed/redirect_loop"),
    "/a/report": (fs.page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"), "not_article/not_html"),
    "/private/secret.html": (fs.page(story("secret")[1]), "skipped/robots_txt"),
    "/a/moved": (fs.redirect("/a/one.html", 301), "skipped/redirect_to_known"),
}  # fmt: skip
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/a/one.html</loc></url><url><loc>{base}/a/sitemap-only.html</loc></url>
<url><loc>{base}/a/never"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Two</title><link>{base}/a/two.html</link></item><item><title>Cut</ti"""


def main_site(offsite: str) -> tuple[fs.FaultServer, dict[str, str]]:
    """The main site's server and the titles of its healthy articles, by path; /a/offsite redirects to `offsite`."""
    server = fs.start({})
    base = server.url()
    titles, faults = {}, {}
    for path in (*HEALTHY, "/a/sitemap-only.html"):
        titles[path], page = story(path.rsplit("/", 1)[1].split(".")[0])
        faults[path] = fs.page(page)
    for path, make in RECOVERING.items():
        titles[path], page = story(path.rsplit("/", 1)[1])
        faults[path] = make(page)
    faults.update({path: fault for path, (fault, _) in FAILING.items()})
    faults["/a/loop-b"] = fs.redirect("/a/loop-a")
    faults[SESSION_HOP] = fs.page(story("session")[1])
    faults["/a/offsite"] = fs.redirect(offsite)
    links = [*FAILING, "/a/offsite", *RECOVERING, *HEALTHY]  # the stall first: healthy pages must not wait for it
    faults.update(
        {
            "/robots.txt": fs.page("User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/news/": fs.page(listing_page(links)),
            "/report.pdf": fs.page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
            "/sitemap-cut.xml": fs.page(SITEMAP.format(base=base), "application/xml"),
            "/sitemap-html.xml": fs.page("<html><body><p>Sitemap moved</p></body></html>"),
            "/feed-cut.xml": fs.page(FEED.format(base=base), "application/rss+xml"),
            "/feed-html.xml": fs.page("<html><body><p>No feed here</p></body></html>"),
        }
    )
    server.faults.update(faults)
    return server, titles


def side_site(host: str, robots: fs.Fault, names: tuple[str, ...]) -> tuple[fs.FaultServer, dict[str, str]]:
    """A small site on `host` whose robots.txt is `robots`, listing one healthy article per name."""
    server = fs.start({}, "127.0.0.1" if host == "localhost" else host)
    titles = {}
    for name in names:
        titles[f"/a/{name}.html"], page = story(name)
        server.faults[f"/a/{name}.html"] = fs.page(page)
    server.faults["/robots.txt"] = robots
    server.faults["/news/"] = fs.page(listing_page(list(titles)))
    return server, titles


@pytest.fixture(scope="module")
def fault_crawl(tmp_path_factory):
    elsewhere = fs.start({}, "127.0.0.3")
    main, titles = main_site(elsewhere.url("/stolen.html"))
    slow_robots, slow_titles = side_site("localhost", fs.stall(TIMEOUT + 2), ("lighthouse", "ferry"))
    broken_robots, broken_titles = side_site("127.0.0.2", fs.status(500), ("tramway", "bridge"))
    servers = (main, slow_robots, broken_robots, elsewhere)
    try:
        starts = [main.url("/news/"), main.url("/report.pdf"), slow_robots.url("/news/", host="localhost"),
                  broken_robots.url("/news/")]  # fmt: skip
        sitemaps = f"{main.url('/sitemap-cut.xml')},{main.url('/sitemap-html.xml')}"
        feeds = f"{main.url('/feed-cut.xml')},{main.url('/feed-html.xml')}"
        result = run_crawl(",".join(starts), tmp_path_factory.mktemp("faults"), SETTINGS,
                           ["-a", f"sitemaps={sitemaps}", "-a", f"feeds={feeds}"])  # fmt: skip
    finally:
        for server in servers:
            server.shutdown()
    healthy = {**titles, **slow_titles, **broken_titles}
    return result, servers, healthy


def newsroom_stats(result) -> dict:
    return {key: value for key, value in result.stats.items() if key.startswith("newsroom/")}


def test_the_crawl_ends_well_without_a_traceback(fault_crawl):
    result, _, _ = fault_crawl
    assert result.returncode == 0, result.log[-3000:]
    assert "Traceback" not in result.log, result.log[result.log.find("Traceback") - 2000 :][:4000]


def test_the_records_are_the_healthy_articles_each_once(fault_crawl):
    result, _, healthy = fault_crawl
    titles = Counter(record["title"] for record in result.records)
    assert titles == Counter(healthy.values())


@pytest.mark.parametrize("path", sorted(FAILING))
def test_each_fault_is_counted_by_its_reason(fault_crawl, path):
    result, _, _ = fault_crawl
    stat = f"newsroom/{FAILING[path][1]}"
    expected = sum(1 for _, reason in FAILING.values() if reason == FAILING[path][1])
    assert result.stats.get(stat) == expected, newsroom_stats(result)


@pytest.mark.parametrize(
    "stat, count",
    [
        ("newsroom/failed/redirect_offsite", 1),
        ("newsroom/failed/not_a_sitemap", 1),
        ("newsroom/failed/not_a_feed", 1),
        ("newsroom/skipped/not_a_listing", 1),
        ("newsroom/listing_pages", 3),
    ],
)
def test_index_faults_are_counted(fault_crawl, stat, count):
    result, _, _ = fault_crawl
    assert result.stats.get(stat) == count, newsroom_stats(result)


def test_no_request_leaves_the_allowed_hosts_or_enters_a_forbidden_path(fault_crawl):
    result, (main, _, _, elsewhere), _ = fault_crawl
    assert elsewhere.hits == []
    assert not [hit for hit in main.hits if hit.path.startswith("/private/")]


def test_faulty_urls_are_asked_again_only_within_the_retry_budget(fault_crawl):
    _, (main, *_), _ = fault_crawl
    attempts = Counter(hit.path for hit in main.hits)
    over = {path: n for path, n in attempts.items() if n > 2 and path not in ("/a/loop-a", "/a/loop-b")}
    assert over == {}
    assert attempts["/a/gzip-cut"] == 2 and attempts["/a/short"] == 2  # retried once, then counted


def test_healthy_articles_are_not_held_up_by_a_stalled_one(fault_crawl):
    _, (main, *_), _ = fault_crawl
    stalled_from = min(main.times("/a/stall"))
    healthy = [min(main.times(path)) for path in HEALTHY]
    assert max(healthy) < stalled_from + TIMEOUT


def test_every_url_requested_is_accounted_for_in_the_summary(fault_crawl):
    result, servers, _ = fault_crawl
    requested = result.stats["newsroom/index_requested"]
    requested += sum(v for k, v in result.stats.items() if k.startswith("newsroom/requested/"))
    summary = next(line for line in result.log.splitlines() if "Run summary" in line)
    assert f"; {requested} URLs requested" in summary and "unaccounted" not in summary, summary
    # What the servers saw: each URL the crawl requested (robots.txt aside, and the hops reached only
    # by a redirect), except the one robots.txt forbids.
    seen = {(id(server), hit.path) for server in servers for hit in server.hits}
    seen = {key for key in seen if key[1] not in ("/robots.txt", "/a/loop-b", SESSION_HOP)}
    assert len(seen) == requested - result.stats["newsroom/skipped/robots_txt"]

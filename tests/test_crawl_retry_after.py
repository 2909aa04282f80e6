"""Retry-After honoured: the retry waits as long as the server asked, only that site waits, and a wait
past NEWSROOM_MAX_RETRY_AFTER is not waited for, nor asked again.

Two loopback sites: a rate-limited one (127.0.0.1) answering 429 with
`Retry-After: 3` (seconds), 503 with an HTTP-date three seconds ahead, and
429 asking for an hour; and a slow but healthy one (localhost) that must go
on being crawled while the first waits. The server logs when each request
arrived; the gaps are read from there.
"""

from __future__ import annotations

import time
from collections import Counter
from email.utils import formatdate

import pytest

from . import faultserver as fs
from .conftest import run_crawl
from .pagemaker import listing_page
from .test_crawl_faults import story

WAIT = 3  # seconds asked by Retry-After
LATE = 1.0  # seconds before the listings that lead to the pages requested during the wait answer
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
    "NEWSROOM_MAX_RETRY_AFTER": "10",
}


def dated_503(page: str) -> fs.Fault:
    """503 with `Retry-After` as an HTTP-date WAIT seconds ahead (whole seconds: the wait is WAIT-1 to WAIT)."""

    def fault(handler, attempt):
        if attempt == 1:
            fs.status(503, {"Retry-After": formatdate(time.time() + WAIT, usegmt=True)})(handler, attempt)
        else:
            fs.page(page)(handler, attempt)

    return fault


def slowly(fault: fs.Fault, seconds: float) -> fs.Fault:
    def slow(handler, attempt):
        time.sleep(seconds)
        fault(handler, attempt)

    return slow


@pytest.fixture(scope="module")
def limited_crawl(tmp_path_factory):
    limited = fs.start({"/robots.txt": fs.status(404)})
    titles = {}
    for path, make in {
        "/a/limited": lambda page: fs.failing(1, fs.status(429, {"Retry-After": str(WAIT)}), fs.page(page)),
        "/a/dated": dated_503,
        "/a/calm": fs.page,
    }.items():
        titles[path], page = story(path.rsplit("/", 1)[1])
        limited.faults[path] = make(page)
    limited.faults["/a/an-hour"] = fs.status(429, {"Retry-After": "3600"})
    # /a/calm is listed on a second listing page that answers late: it is asked for while the site is held.
    first_page = listing_page(["/a/limited", "/a/dated", "/a/an-hour"])
    next_link = '<a rel="next" href="/news/page-2">Next</a></body>'
    limited.faults["/news/"] = fs.page(first_page.replace("</body>", next_link))
    limited.faults["/news/page-2"] = slowly(fs.page(listing_page(["/a/calm"])), LATE)
    other = fs.start({"/robots.txt": fs.status(404)})
    names = ("pier", "dock", "quay", "jetty", "wharf", "marina", "lock", "canal")
    for name in names:
        titles[name], page = story(name)
        other.faults[f"/b/{name}.html"] = slowly(fs.page(page), 0.5)
    # The other site's articles are found late too: they must be fetched while the first site is held.
    other.faults["/news/"] = slowly(fs.page(listing_page([f"/b/{name}.html" for name in names])), LATE)
    try:
        starts = f"{limited.url('/news/')},{other.url('/news/', host='localhost')}"
        result = run_crawl(starts, tmp_path_factory.mktemp("retry-after"), SETTINGS)
    finally:
        limited.shutdown()
        other.shutdown()
    return result, limited, other, titles


def gap(server: fs.FaultServer, path: str) -> float:
    first, second = server.times(path)
    return second - first


def test_every_article_is_exported_once(limited_crawl):
    result, _, _, titles = limited_crawl
    assert result.returncode == 0, result.log[-3000:]
    assert Counter(record["title"] for record in result.records) == Counter(titles.values())


def test_a_retry_after_in_seconds_is_waited_for(limited_crawl):
    _, limited, _, _ = limited_crawl
    assert gap(limited, "/a/limited") >= WAIT - 0.05


def test_a_retry_after_as_a_date_is_waited_for(limited_crawl):
    _, limited, _, _ = limited_crawl
    assert gap(limited, "/a/dated") >= WAIT - 1.05


def test_a_wait_past_the_cap_is_counted_and_not_asked_again(limited_crawl):
    result, limited, _, _ = limited_crawl
    assert len(limited.times("/a/an-hour")) == 1
    assert result.stats["newsroom/failed/retry_after_too_long"] == 1
    assert "Failed (retry_after_too_long): " + limited.url("/a/an-hour") in result.log


def test_only_the_waiting_site_waits(limited_crawl):
    _, limited, other, _ = limited_crawl
    start = limited.times("/a/limited")[0]
    end = start + WAIT - 0.1
    # Found during the wait, the rate-limited site's page waits for its end ...
    assert min(limited.times("/a/calm")) >= end
    # ... while the other site's pages, found at the same moment, are fetched at once.
    assert min(hit.at for hit in other.hits if hit.path.startswith("/b/")) < start + LATE + 1

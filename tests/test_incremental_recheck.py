"""Known articles: not requested before they are due, then by conditional GET; the local server answers 304.

The middleware is tested on its own (a real SQLite store, Scrapy requests
and responses, no crawler); the server's conditional GETs over real HTTP.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response

from newsroom_scraper.downloadermiddlewares.recheck import KnownArticle, RecheckMiddleware
from newsroom_scraper.localserver import serve
from newsroom_scraper.state import Claim, RunRecord, open_store
from newsroom_scraper.state.crawl import CrawlState

URL = "https://news.example.org/2024/story.html"
DAY = 86400.0


class Stats(dict):
    def inc_value(self, key: str, count: int = 1) -> None:
        self[key] = self.get(key, 0) + count


@pytest.fixture
def state(tmp_path):
    store = open_store(str(tmp_path / "state.db"))
    store.begin_run(RunRecord("r1", 0.0, os.getpid(), []))
    claim = Claim("id-1", "h1", URL, (URL,), etag='"v1"', last_modified="Tue, 05 Mar 2024 10:00:00 GMT")
    claim.fetched_at = 1000.0
    store.claim("r1", claim)
    store.commit("r1", ["id-1"], 1000.0)
    yield CrawlState(store, "r2", full=False)
    store.close()


def middleware(state, now: float) -> tuple[RecheckMiddleware, Stats]:
    stats = Stats()
    return RecheckMiddleware(state, stats, DAY, clock=lambda: now), stats


def article(url: str = URL) -> Request:
    return Request(url, meta={"article": True})


def test_an_unknown_article_is_requested_as_usual(state):
    mw, _ = middleware(state, 2000.0)
    request = article("https://news.example.org/2024/new.html")
    assert mw.process_request(request) is None
    assert b"If-None-Match" not in request.headers


def test_a_known_article_is_not_requested_before_it_is_due(state):
    mw, stats = middleware(state, 1000.0 + DAY - 1)
    with pytest.raises(KnownArticle) as raised:
        mw.process_request(article())
    assert raised.value.reason == "recheck_not_due"
    assert stats == {"newsroom/skipped/recheck_not_due": 1}


def test_a_due_article_gets_a_conditional_get_and_a_304_stops_there(state):
    now = 1000.0 + DAY
    mw, stats = middleware(state, now)
    request = article()
    assert mw.process_request(request) is None
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Tue, 05 Mar 2024 10:00:00 GMT"
    with pytest.raises(KnownArticle) as raised:
        mw.process_response(request, Response(URL, status=304, headers={"ETag": '"v1"'}))
    assert raised.value.reason == "not_modified"
    assert stats == {"newsroom/unchanged/not_modified": 1}
    assert state.store.article("id-1").last_checked == now


def test_a_200_passes_and_its_validators_are_kept_for_the_pipeline(state):
    mw, _ = middleware(state, 1000.0 + DAY)
    request = article()
    mw.process_request(request)
    response = HtmlResponse(URL, status=200, headers={"ETag": '"v2"'}, body=b"<html></html>")
    assert mw.process_response(request, response) is response
    fetch = state.pop_fetch(URL)
    assert (fetch.requested_url, fetch.etag) == (URL, '"v2"')


def test_a_redirected_request_loses_the_validators_of_its_first_url(state):
    mw, _ = middleware(state, 1000.0 + DAY)
    request = article()
    mw.process_request(request)
    redirected = request.replace(url="https://news.example.org/2024/moved.html")
    assert mw.process_request(redirected) is None
    assert b"If-None-Match" not in redirected.headers and "revalidating" not in redirected.meta


def test_full_mode_and_other_requests_are_left_alone(state):
    mw, _ = middleware(state, 1000.0 + DAY)
    listing = Request(URL)
    assert mw.process_request(listing) is None and b"If-None-Match" not in listing.headers
    state.full = True
    full = article()
    assert mw.process_request(full) is None and b"If-None-Match" not in full.headers


def get(url: str, headers: dict[str, str]) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
            return answer.status, dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_the_local_server_answers_conditional_gets(tmp_path):
    (tmp_path / "a.html").write_text("<html>one</html>", "utf-8")
    server = serve(tmp_path)
    try:
        url = f"{server.base_url}/a.html"
        status, headers = get(url, {})
        etag, last_modified = headers["ETag"], headers["Last-Modified"]
        assert status == 200
        assert get(url, {"If-None-Match": etag})[0] == 304
        assert get(url, {"If-Modified-Since": last_modified})[0] == 304
        (tmp_path / "a.html").write_text("<html>two</html>", "utf-8")
        # Edited within the same second: Last-Modified cannot tell, the ETag can, and it wins.
        assert get(url, {"If-None-Match": etag, "If-Modified-Since": last_modified})[0] == 200
        assert server.requests == ["/a.html"] * 4
        assert server.responses == [("/a.html", 200), ("/a.html", 304), ("/a.html", 304), ("/a.html", 200)]
    finally:
        server.shutdown()

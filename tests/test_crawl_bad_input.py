"""Bad input over real HTTP: each failure is logged and counted by reason, the crawl goes on, no partial record."""

from __future__ import annotations

import pytest

from .conftest import run_crawl
from .pagemaker import article_page, listing_page

GOOD = article_page("Council approves harbour flood defence plan", "March 5, 2024")
# UTF-8 bytes served with a header that says Latin-1: a common CMS misconfiguration.
MISLABELLED = article_page("Zürich-style tram line for the harbour district", "March 6, 2024", charset=None)
CHINESE = article_page(
    "港口防洪计划获批",
    "2024年03月07日",
    paragraphs=(
        "市议会周二批准了一项扩建港口防洪设施的新计划，此前连续两个冬季的风暴潮损坏了沿岸的住宅和商铺。" * 2,
        "根据该计划，海堤将在四年内加高八十厘米，三座泵站将重建，以应对更强的降雨。" * 2,
    ),
    charset=None,
)


@pytest.fixture(scope="module")
def bad_crawl(tmp_path_factory):
    from newsroom_scraper.localserver import serve

    root = tmp_path_factory.mktemp("bad-site")
    links = ["/a/good.html", "/a/missing.html", "/a/error", "/a/report", "/a/empty.html", "/a/mislabelled",
             "/a/chinese.html", "/a/binary", "/a/nav-only.html"]  # fmt: skip
    files = {
        "news/index.html": listing_page(links),
        "a/good.html": GOOD,
        "a/empty.html": "",
        "a/chinese.html": CHINESE.encode("gbk"),
        "a/nav-only.html": '<html><body><nav><a href="/">Home</a> | <a href="/news/">News</a></nav></body></html>',
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    server = serve(root)
    server.routes.update(
        {
            "/a/error": (500, {"Content-Type": "text/html"}, b"<html><body>Internal error</body></html>"),
            "/a/report": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
            "/a/mislabelled": (200, {"Content-Type": "text/html; charset=iso-8859-1"}, MISLABELLED.encode("utf-8")),
            "/a/binary": (200, {"Content-Type": "text/html"}, bytes(range(256)) * 40),
        }
    )
    try:
        # Port 9 on the loopback: nothing listens there, so the second start URL is unreachable.
        start_urls = f"{server.base_url}/news/,http://127.0.0.1:9/news/"
        result = run_crawl(start_urls, tmp_path_factory.mktemp("bad-out"), {"RETRY_TIMES": "1"})
    finally:
        server.shutdown()
    return result


def test_crawl_finishes(bad_crawl):
    assert bad_crawl.returncode == 0, bad_crawl.log[-3000:]


def test_only_complete_articles_are_written(bad_crawl, validator):
    titles = sorted(record["title"] for record in bad_crawl.records)
    assert titles == sorted(
        [
            "Council approves harbour flood defence plan",
            "Zürich-style tram line for the harbour district",
            "港口防洪计划获批",
        ]
    )
    for record in bad_crawl.records:
        validator.validate(record)
        assert "\ufffd" not in record["body"] and "Ã" not in record["title"]


@pytest.mark.parametrize(
    "stat, count",
    [
        ("newsroom/failed/http_404", 1),
        ("newsroom/failed/http_500", 1),
        ("newsroom/failed/connection_refused", 1),
        ("newsroom/not_article/not_html", 1),
        ("newsroom/not_article/empty_page", 1),
        ("newsroom/not_article/undecodable", 1),
        ("newsroom/not_article/empty_body", 1),
        ("newsroom/articles", 3),
    ],
)
def test_each_failure_is_counted_by_reason(bad_crawl, stat, count):
    assert bad_crawl.stats.get(stat) == count, {k: v for k, v in bad_crawl.stats.items() if k.startswith("newsroom")}


def test_failures_are_logged_with_reason(bad_crawl):
    assert "Failed (http_404)" in bad_crawl.log
    assert "Failed (connection_refused)" in bad_crawl.log
    # A page that is not an article is a DEBUG line; at INFO, the run summary names its reason.
    assert "not_html: 1" in next(line for line in bad_crawl.log.splitlines() if "Run summary" in line)

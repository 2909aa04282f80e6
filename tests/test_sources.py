"""The sources file: shipped sources load, a bad file stops the crawl before any request, naming source and field."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from newsroom_scraper.extract import SiteProfile
from newsroom_scraper.sources import SourcesError, load_sources, parse_sources

from .conftest import REPO, run_crawl


def test_shipped_sources_include_the_cas_newsroom():
    sources = {source.name: source for source in load_sources()}
    assert "https://english.cas.cn/news/" in sources["cas-english"].start_urls
    assert sources["cas-english"].allowed_domains == ("english.cas.cn",)


@pytest.mark.parametrize(
    "text, message",
    [
        ('[[source]]\nstart_urls = ["https://a.example/"]', "'name' is required"),
        ('[[source]]\nname = "a"\nstart_urls = ["ftp://a.example/"]', "source #1 ('a'): 'start_urls' has"),
        ('[[source]]\nname = "a"\nstart_urls = []', "source #1 ('a'): 'start_urls' needs"),
        ('[[source]]\nname = "a"\nstart_urls = ["https://a.example/"]\nlangauge = "en"', "unknown field(s) langauge"),
        ('[[source]]\nname = "a"\nstart_urls = ["https://a.example/"]\nlanguage = "english"', "'language' must"),
        ('[[source]]\nname = "a"\nstart_urls = ["https://a.example/"]\ndate_order = "DM"', "'date_order' must"),
        (
            '[[source]]\nname = "a"\nstart_urls = ["https://a.example/"]\n[[source]]\nname = "a"\n'
            'start_urls = ["https://b.example/"]',
            "used twice: a",
        ),  # fmt: skip
        ("[[source]\nname=", "not valid TOML"),
    ],
)
def test_bad_sources_name_source_and_field(text, message):
    with pytest.raises(SourcesError, match=None) as error:
        parse_sources(text, "test.toml")
    assert message in str(error.value)


def test_bad_sources_file_stops_the_crawl_before_any_request(make_server, tmp_path):
    server = make_server({"news/index.html": "<html><body>news</body></html>"})
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "local"\nstart_urls = ["{server.base_url}/news/"]\nfrequency = 3\n')
    result = run_crawl(None, tmp_path, {"NEWSROOM_SOURCES": str(sources)})
    assert result.returncode != 0
    assert "source #1 ('local'): unknown field(s) frequency" in result.log
    assert server.requests == []


def test_source_argument_crawls_one_source(make_server, tmp_path):
    server = make_server({"news/index.html": "<html><body>news</body></html>"})
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "local"\nstart_urls = ["{server.base_url}/news/"]\n'
        '[[source]]\nname = "elsewhere"\nstart_urls = ["http://127.0.0.1:9/"]\n'
    )
    result = run_crawl(None, tmp_path, {"NEWSROOM_SOURCES": str(sources)}, ["-a", "source=local"])
    assert result.returncode == 0, result.log[-2000:]
    assert "/news/" in server.requests
    assert "newsroom/failed/connection_refused" not in result.stats
    unknown = run_crawl(None, tmp_path, {"NEWSROOM_SOURCES": str(sources)}, ["-a", "source=nope"])
    assert unknown.returncode != 0 and "no source named 'nope'; known: local, elsewhere" in unknown.log


# --- Site profiles: discovery, politeness and extraction fields --------------------------

FULL_PROFILE = """
[[source]]
name = "lakes"
start_urls = ["https://nlrc.example/news/"]
sitemaps = ["https://nlrc.example/robots.txt"]
feeds = ["https://feeds.nlrc.example/news.rss"]
allowed_domains = ["nlrc.example"]
allow = ["/(news|press)/"]
deny = ["/news/tag/"]
language = "sv"
date_order = "DMY"
download_delay = 2.5
concurrency = 1
[source.selectors]
title = "h1.headline"
date = "xpath://meta[@name='dc.date']/@content"
body = "div.article-body"
attribution = ".source"
drop = [".related", "xpath://p[@class='share']"]
"""


def test_a_full_profile_is_read():
    (source,) = parse_sources(FULL_PROFILE)
    assert source.sitemaps == ("https://nlrc.example/robots.txt",)
    assert source.feeds == ("https://feeds.nlrc.example/news.rss",)
    assert (source.allow, source.deny) == (("/(news|press)/",), ("/news/tag/",))
    assert (source.download_delay, source.concurrency) == (2.5, 1)
    assert source.profile.drop == (".related", "xpath://p[@class='share']")
    assert source.accepts("https://nlrc.example/news/2024/05/x/")
    assert not source.accepts("https://nlrc.example/news/tag/ice/")
    assert not source.accepts("https://nlrc.example/about/")


def test_a_source_carries_the_extractions_site_profile():
    profile = parse_sources(FULL_PROFILE)[0].profile
    assert isinstance(profile, SiteProfile)
    assert (profile.title, profile.body, profile.attribution) == ("h1.headline", "div.article-body", ".source")
    assert profile.date == "xpath://meta[@name='dc.date']/@content"
    assert profile.drop == (".related", "xpath://p[@class='share']")
    assert (profile.language, profile.date_order) == ("sv", "DMY")


def test_the_documented_example_profile_is_valid():
    text = (REPO / "newsroom_scraper" / "sources.toml").read_text("utf-8")
    block = text.split("# A profile using every field:\n#\n", 1)[1].split("\n\n", 1)[0]
    (source,) = parse_sources("\n".join(line[2:] for line in block.splitlines()))
    assert source.name == "example-institute" and source.profile.body == "div.article-body"


def test_selectors_that_give_values_are_kept_where_a_value_is_read():
    """A title, date or credit may be a string or attribute value; counts and booleans are refused (above)."""
    (source,) = parse_sources(
        BASE + 'selectors = { title = "xpath:string(//h1)", date = "xpath://time/@datetime", '
        'attribution = "xpath://p[@class=\'credit\']/text()", drop = ["xpath://aside"] }'
    )
    assert source.profile.title == "xpath:string(//h1)"
    assert source.profile.date == "xpath://time/@datetime"


def test_sitemaps_or_feeds_alone_are_enough():
    (source,) = parse_sources('[[source]]\nname = "a"\nfeeds = ["https://a.example/feed.xml"]')
    assert source.start_urls == () and source.allowed_domains == ("a.example",)


BASE = '[[source]]\nname = "a"\nstart_urls = ["https://a.example/"]\n'


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            'sitemaps = ["a.example/sitemap.xml"]',
            "source #1 ('a'): 'sitemaps' has 'a.example/sitemap.xml', which is not",
        ),
        (
            'feeds = "https://b.example/feed"\nallowed_domains = ["a.example"]',
            "'feeds' has 'https://b.example/feed', outside",
        ),
        ('allow = ["/news/("]', "source #1 ('a'): 'allow' has '/news/(', which is not a regular expression"),
        ('deny = [""]', "source #1 ('a'): 'deny' must be a list of non-empty strings"),
        ("download_delay = -1", "source #1 ('a'): 'download_delay' must be a number of at least 0"),
        ('download_delay = "2s"', "'download_delay' must be a number"),
        ("concurrency = 0", "source #1 ('a'): 'concurrency' must be a whole number of at least 1"),
        ("concurrency = 1.5", "'concurrency' must be a whole number"),
        ('selectors = { title = "h1[" }', "source #1 ('a'): 'selectors.title' is not a valid selector"),
        ('selectors = { date = "xpath://time[@" }', "source #1 ('a'): 'selectors.date' is not a valid selector"),
        ('selectors = { drop = [".ok", "div >> p"] }', "source #1 ('a'): 'selectors.drop' is not a valid selector"),
        ('selectors = { headline = "h1" }', "source #1 ('a'): unknown field(s) selectors.headline"),
        (
            'selectors = { body = "xpath:count(//p)" }',
            "source #1 ('a'): 'selectors.body' = 'xpath:count(//p)' gives a number, not elements",
        ),
        ('selectors = { title = "xpath:boolean(//h1)" }', "'selectors.title' = 'xpath:boolean(//h1)' gives a boolean"),
        ('selectors = { date = "xpath:1 + 1" }', "'selectors.date' = 'xpath:1 + 1' gives a number, not elements"),
        (
            'selectors = { drop = ["xpath:string(//aside)"] }',
            "'selectors.drop' = 'xpath:string(//aside)' gives a string",
        ),
        ('selectors = { title = "xpath:nosuch(//h1)" }', "source #1 ('a'): 'selectors.title' is not a valid selector"),
        ('selectors = "h1"', "source #1 ('a'): 'selectors' must be a table"),
    ],
)
def test_bad_profile_fields_name_source_and_field(extra, message):
    with pytest.raises(SourcesError) as error:
        parse_sources(BASE + extra, "test.toml")
    assert message in str(error.value)


def test_newsroom_sources_lists_the_sources(tmp_path, capsys):
    from newsroom_scraper.cli.sources import main

    path = tmp_path / "sources.toml"
    path.write_text(FULL_PROFILE + '\n[[source]]\nname = "other"\nstart_urls = ["https://other.example/news/"]\n')
    assert main(["--file", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "lakes  (sv)\n  start    https://nlrc.example/news/\n  sitemaps https://nlrc.example/robots.txt"
    )
    assert "  pace     delay 2.5 s, concurrency 1" in out and "\nother  (language from pages)" in out
    assert main(["--file", str(path), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["name"] for line in lines] == ["lakes", "other"]
    assert lines[0]["profile"]["title"] == "h1.headline" and lines[0]["profile"]["language"] == "sv"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("concurrency = 0\n", "source #1 ('a'): 'concurrency' must be a whole number of at least 1, not 0"),
        (
            '[source.selectors]\nbody = "xpath:count(//p)"\n',
            "source #1 ('a'): 'selectors.body' = 'xpath:count(//p)' gives a number, not elements: "
            "select the nodes themselves (e.g. xpath://p, not xpath:count(//p))",
        ),
    ],
)
def test_newsroom_sources_rejects_a_bad_file_in_one_line(tmp_path, extra, message):
    path = tmp_path / "sources.toml"
    path.write_text(BASE + extra)
    done = subprocess.run(
        [sys.executable, "-m", "newsroom_scraper.cli.sources", "--file", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [f"newsroom-sources: {message}"]


def test_a_profile_crawl_uses_every_field(tmp_path):
    """One configured source over the discovery fixture: every path, allow/deny, and a selector reach the records."""
    from .discovery_site import EXPECTED, crawl_site

    sources = """[[source]]
name = "northern-lakes"
start_urls = ["{base}/news/", "{base}/press/"]
sitemaps = ["{base}/robots.txt"]
feeds = ["{base}/feeds/news.rss", "{base}/feeds/press.atom"]
allow = ["/(news|press|stories)/"]
deny = ["/stories/1043/"]
language = "en"
concurrency = 2
[source.selectors]
attribution = "xpath://meta[@property='og:site_name']/@content"
"""
    crawl = crawl_site(tmp_path, {"source": "northern-lakes"}, sources_toml=sources)
    assert crawl.result.returncode == 0, crawl.result.log[-3000:]
    assert crawl.exported == sorted(path for path in EXPECTED["articles"] if path != "/stories/1043/")
    assert not {"/", "/about/", "/contact/", "/stories/1043/"} & set(crawl.paths), "allow/deny decide, not the menu"
    attributions = {urlsplit(r["url"]).path: r["attribution"] for r in crawl.result.records}
    assert attributions["/news/2024/05/lake-ice-record-low/"] == "Northern Lakes Research Council"
    assert crawl.result.stats["newsroom/skipped/profile_deny"] > 0

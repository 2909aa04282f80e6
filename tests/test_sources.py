"""The sources file: shipped sources load, a bad file stops the crawl before any request, naming source and field."""

from __future__ import annotations

import pytest

from newsroom_scraper.sources import SourcesError, load_sources, parse_sources

from .conftest import run_crawl


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

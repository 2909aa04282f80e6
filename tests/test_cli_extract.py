"""`newsroom-extract`: saved files in, one record per article file out, in order, in one process."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import FIXTURES, REPO

COMMAND = [sys.executable, "-m", "newsroom_scraper.cli.extract"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def test_records_in_order_and_reasons_for_the_rest(validator):
    first = FIXTURES / "pages" / "wire_xinhua_en.html"
    not_article = FIXTURES / "site" / "contact" / "index.html"
    second = FIXTURES / "pages" / "cas_zh_gbk.html"
    done = run(str(first), str(not_article), str(second))
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    expected_titles = [json.loads(path.with_suffix(".json").read_text("utf-8"))["expected"]["title"] for path in
                       (first, second)]  # fmt: skip
    assert [record["title"] for record in records] == expected_titles
    assert records[0]["url"] == first.resolve().as_uri()
    for record in records:
        validator.validate(record)
    assert str(not_article) in done.stderr and "not an article" in done.stderr


def test_url_option_sets_the_url():
    page = FIXTURES / "pages" / "cas_en_manned_space.html"
    url = "https://english.cas.cn/news/ric/201306/t20130627_105222.shtml"
    done = run("--url", url, str(page))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["url"] == url and record["site"] == "english.cas.cn"
    assert record["attribution"] == "Xinhua" and record["section"] == "Research in China"


def test_explain_prints_each_fields_value_and_source():
    page = FIXTURES / "pages" / "cas_en_manned_space.html"
    done = run("--explain", "--url", "https://english.cas.cn/news/ric/201306/t20130627_105222.shtml", str(page))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == str(page)
    rows = {name: (source, value) for name, source, value in (line.split(maxsplit=2) for line in lines[1:8])}
    assert list(rows) == ["title", "date", "modified", "attribution", "authors", "section", "language"]
    assert rows["title"] == ("shown", '"China Calls for Int\'l Cooperation in Manned Space Program"')
    assert rows["date"] == ("headline", '"2013-06-27"')
    assert rows["attribution"] == ("credit", '"Xinhua"')
    assert rows["section"] == ("breadcrumb", '"Research in China"')
    assert rows["modified"] == ("-", "null") and rows["authors"] == ("-", "[]")
    assert lines[8].split() == ["body", "1501", "characters", "in", "6", "paragraphs"]
    assert lines[9].split()[0] == "removed" and "prune.markup" in lines[9]
    assert lines[10].split() == ["decision", "article"]


def test_explain_says_why_a_page_is_not_an_article():
    done = run("--explain", str(FIXTURES / "site" / "contact" / "index.html"))
    assert done.returncode == 1
    assert done.stdout.splitlines()[2].split()[:3] == ["date", "-", "null"]
    assert "decision" in done.stdout and "not an article (no_date:" in done.stdout


def test_a_mistyped_url_option_is_one_line_before_any_page(tmp_path):
    page = FIXTURES / "pages" / "cas_en_manned_space.html"
    for url in ("http://[::1/x", "ftp://example.org/a", "english.cas.cn/news"):
        done = run("--url", url, str(page))
        assert done.returncode == 2, url
        assert done.stdout == ""
        assert "Traceback" not in done.stderr and "argument --url:" in done.stderr.splitlines()[-1]


def test_many_files_in_one_process():
    pages = sorted((FIXTURES / "pages").glob("*.html"))
    paths = [str(path) for path in pages] * 5
    done = run(*paths)
    # Without --url a file's URL is file://, so a page dated only by its URL is no article here.
    reasons = [line for line in done.stderr.splitlines() if "not an article" in line]
    assert len(done.stdout.splitlines()) + len(reasons) == len(paths)
    assert len(done.stdout.splitlines()) >= len(paths) * 0.9


def test_missing_file_is_a_reason_not_a_crash(tmp_path):
    done = run(str(tmp_path / "nope.html"))
    assert done.returncode == 1
    assert "unreadable" in done.stderr


def write_warc(path, pages):
    """A WARC of HTTP responses, as a crawl or an archive would write it."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)


def test_warc_files_are_extracted_with_their_urls(tmp_path, validator):
    xinhua = FIXTURES / "pages" / "wire_xinhua_en.html"
    cas = FIXTURES / "pages" / "cas_en_manned_space.html"
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [
            ("https://english.news.cn/20230627/a.html", "text/html; charset=utf-8", xinhua.read_bytes()),
            ("https://english.cas.cn/img/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://english.cas.cn/news/ric/201306/t20130627_105222.shtml", "text/html", cas.read_bytes()),
        ],
    )
    plain = tmp_path / "one.warc"
    about = (FIXTURES / "site" / "about" / "index.html").read_bytes()
    write_warc(plain, [("https://english.cas.cn/about/", "text/html", about)])
    done = run(str(warc), str(plain))
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["url"] for record in records] == [
        "https://english.news.cn/20230627/a.html",
        "https://english.cas.cn/news/ric/201306/t20130627_105222.shtml",
    ]
    assert records[1]["attribution"] == "Xinhua" and records[1]["section"] == "Research in China"
    for record in records:
        validator.validate(record)
    assert done.returncode == 1 and "https://english.cas.cn/about/: not an article" in done.stderr

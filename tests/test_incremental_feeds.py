"""Per-run files for archives: FEEDS with %(name)s and %(time)s, gzip post-processing, and `-o` against `-O`.

Each run writes its own `newsroom-<time>.jsonl.gz` (and with NEWSROOM_WARC
the `.warc.gz` beside it), holding exactly what that run exported. `-o`
appends to one file (cutting off a partial line a killed run left), `-O`
overwrites it. The feed storage's own rules are unit-tested at the end.
"""

from __future__ import annotations

import gzip
import json
import re

import pytest
from warcio.archiveiterator import ArchiveIterator

from newsroom_scraper.feedstorage import LineFileFeedStorage, complete_size
from newsroom_scraper.warc import ARTICLE_ID_HEADER

from .incremental_site import Crawls, read_records

GZIP = ["scrapy.extensions.postprocessing.GzipPlugin"]
RUN_FILE = re.compile(r"^newsroom-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\+00-00\.jsonl\.gz$")


def gz_records(path) -> list[dict]:
    return [json.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines() if line.strip()]


def warc_ids(path) -> list[str]:
    with path.open("rb") as stream:
        return [
            r.rec_headers.get_header(ARTICLE_ID_HEADER) for r in ArchiveIterator(stream) if r.rec_type == "response"
        ]


@pytest.fixture(scope="module")
def per_run_files(tmp_path_factory):
    work = tmp_path_factory.mktemp("feeds")
    crawls = Crawls(tmp_path_factory.mktemp("site"), work, count=5)
    template = str(work / "archive" / "%(name)s-%(time)s.jsonl.gz")
    settings = {"FEEDS": json.dumps({template: {"format": "jsonlines", "postprocessing": GZIP}}), "NEWSROOM_WARC": "1"}
    try:
        first = crawls.crawl(settings, flag=None)
        crawls.site.change_text(1)
        second = crawls.crawl({**settings, "NEWSROOM_RECHECK_AFTER": "0"}, flag=None)
    finally:
        crawls.close()
    return work / "archive", first, second


def test_each_run_writes_its_own_gzip_file(per_run_files):
    archive, first, second = per_run_files
    assert first.returncode == 0 and second.returncode == 0, second.log[-3000:]
    feeds = sorted(archive.glob("*.jsonl.gz"))
    assert len(feeds) == 2 and all(RUN_FILE.match(path.name) for path in feeds), feeds
    assert [len(gz_records(path)) for path in feeds] == [5, 1]
    assert gz_records(feeds[1])[0]["url"].endswith("/story-1.html")


def test_the_warc_is_beside_the_feed_with_the_same_name(per_run_files):
    archive, _, _ = per_run_files
    for feed in sorted(archive.glob("*.jsonl.gz")):
        warc = feed.with_name(feed.name.replace(".jsonl.gz", ".warc.gz"))
        assert sorted(warc_ids(warc)) == sorted(record["id"] for record in gz_records(feed))


def test_gzip_feeds_mark_articles_seen_when_the_run_ends(per_run_files):
    _, first, second = per_run_files
    assert first.stats()["newsroom/exported/new"] == 5
    assert second.stats()["newsroom/unchanged/not_modified"] == 4
    assert second.stats()["newsroom/exported/changed"] == 1


@pytest.fixture(scope="module")
def one_file(tmp_path_factory):
    work = tmp_path_factory.mktemp("one-file")
    crawls = Crawls(tmp_path_factory.mktemp("site"), work, count=5)
    output = work / "archive.jsonl"
    every_run = {"NEWSROOM_RECHECK_AFTER": "0"}
    sizes = []
    try:
        crawls.crawl(output=output, flag="-o")
        sizes.append(len(read_records(output)))
        with output.open("ab") as stream:
            stream.write(b'{"id": "a half line a killed run left')
        crawls.site.change_text(2)
        appended = crawls.crawl(every_run, output=output, flag="-o")
        lines = output.read_bytes().splitlines()
        sizes.append(len(lines))
        crawls.site.change_text(3)
        crawls.crawl(every_run, output=output, flag="-O")
        sizes.append(len(read_records(output)))
    finally:
        crawls.close()
    return sizes, lines, appended


def test_lowercase_o_appends_and_uppercase_o_overwrites(one_file):
    sizes, _, _ = one_file
    assert sizes == [5, 6, 1]


def test_appending_cuts_a_partial_last_line_first(one_file):
    _, lines, appended = one_file
    assert all(json.loads(line)["id"] for line in lines)
    assert "Cut a partial last line" in appended.log


def test_complete_size_and_the_tail_repair(tmp_path):
    path = tmp_path / "out.jsonl"
    assert complete_size(path) == 0
    path.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c"')
    assert complete_size(path) == 18
    storage = LineFileFeedStorage(str(path), feed_options={"format": "jsonlines"})
    handle = storage.open(None)
    handle.write(b'{"d": 4}\n')
    handle.close()
    assert path.read_bytes() == b'{"a": 1}\n{"b": 2}\n{"d": 4}\n'


def test_overwriting_or_compressed_feeds_are_not_repaired(tmp_path):
    path = tmp_path / "out.jsonl"
    for options in ({"format": "jsonlines", "overwrite": True}, {"format": "jsonlines", "postprocessing": GZIP}):
        storage = LineFileFeedStorage(str(path), feed_options=options)
        assert not storage.repairs_tail

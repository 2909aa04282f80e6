"""Scheduled runs over a site that changes between them: each run exports exactly what is new or changed.

One seen-store for all runs, one server whose answers are logged with their
status. Run 1 exports every article; run 2 (recheck on every run) exports
none and gets only 304s for the article pages; after one article's text is
corrected, another's markup only is changed and one article is added, run
3 exports exactly the corrected and the new one; with the default recheck
delay, run 4 does not ask for any known article; `-a mode=full` (run 5)
exports them all again.
"""

from __future__ import annotations

import sqlite3
from urllib.parse import urlsplit

import pytest

from newsroom_scraper.extensions.runsummary import summary_line

from .incremental_site import Crawls, article_path

EVERY_RUN = {"NEWSROOM_RECHECK_AFTER": "0"}
CHANGED, MARKUP_ONLY = 2, 3


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    crawls = Crawls(tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("runs"), count=6)
    try:
        first = crawls.crawl(EVERY_RUN)
        second = crawls.crawl(EVERY_RUN)
        crawls.site.change_text(CHANGED)
        crawls.site.change_markup_only(MARKUP_ONLY)
        added = crawls.site.add_article()
        expected = {n: crawls.site.expected_record(n, crawls.server.base_url) for n in (CHANGED, added)}
        third = crawls.crawl(EVERY_RUN)
        fourth = crawls.crawl()
        fifth = crawls.crawl(args=("-a", "mode=full"))
    finally:
        crawls.close()
    return {"crawls": crawls, "runs": [first, second, third, fourth, fifth], "added": added, "expected": expected}


def test_every_run_succeeds(runs):
    for run in runs["runs"]:
        assert run.returncode == 0, run.log[-3000:]


def test_first_run_exports_every_article(runs):
    first = runs["runs"][0]
    assert first.paths() == sorted(article_path(n) for n in range(1, 7))
    assert first.stats()["newsroom/exported/new"] == 6


def test_second_run_exports_nothing_and_downloads_no_article_in_full(runs):
    second = runs["runs"][1]
    assert second.records == []
    for n in range(1, 7):
        assert second.statuses(article_path(n)) == [304], article_path(n)
    assert second.stats()["newsroom/unchanged/not_modified"] == 6
    # Listings are read on every run; the contact page is not an article and is fetched again too.
    assert second.statuses("/news/") == [200]


def test_third_run_exports_exactly_the_changed_and_the_new_article(runs):
    first, third = runs["runs"][0], runs["runs"][2]
    added, expected = runs["added"], runs["expected"]
    assert third.paths() == sorted([article_path(CHANGED), article_path(added)])
    by_path = {article_path(n): record for n, record in expected.items()}
    before = {record["url"]: record for record in first.records}
    for record in third.records:
        want = by_path[urlsplit(record["url"]).path]
        assert record["id"] == want["id"]
        assert record["content_hash"] == want["content_hash"]
    changed = next(r for r in third.records if r["url"].endswith(article_path(CHANGED)))
    assert changed["id"] == before[changed["url"]]["id"], "a changed article keeps its id"
    assert changed["content_hash"] != before[changed["url"]]["content_hash"]
    stats = third.stats()
    assert stats["newsroom/exported/new"] == 1 and stats["newsroom/exported/changed"] == 1
    assert third.statuses(article_path(added)) == [200]
    assert third.statuses(article_path(CHANGED)) == [200]


def test_a_change_of_markup_alone_is_downloaded_but_not_exported(runs):
    third = runs["runs"][2]
    assert third.statuses(article_path(MARKUP_ONLY)) == [200]
    stats = third.stats()
    assert stats["newsroom/unchanged/same_hash"] == 1
    assert stats["newsroom/unchanged/not_modified"] == 4


def test_the_summary_says_new_changed_unchanged_not_articles_and_failures(runs):
    third = runs["runs"][2]
    line = summary_line(third.stats())
    assert line.startswith("2 articles written (1 new, 1 changed); 5 unchanged {not_modified: 4, same_hash: 1}")
    assert "1 not articles {" in line
    assert "1 failed {http_404: 1}" in line
    assert f"Run summary (finished): {line}" in third.log


def test_known_articles_are_not_requested_before_they_are_due(runs):
    fourth = runs["runs"][3]
    assert fourth.records == []
    requested = {path for path, _ in fourth.answers}
    assert not requested & {article_path(n) for n in range(1, 8)}
    assert fourth.stats()["newsroom/skipped/recheck_not_due"] == 7
    assert "7 skipped {recheck_not_due: 7}" in summary_line(fourth.stats())


def test_mode_full_downloads_and_exports_everything_again(runs):
    fifth = runs["runs"][4]
    assert fifth.paths() == sorted(article_path(n) for n in range(1, 8))
    assert all(fifth.statuses(article_path(n)) == [200] for n in range(1, 8))
    assert fifth.stats()["newsroom/exported/unchanged"] == 7


def test_the_state_holds_each_article_once_and_no_open_claim(runs):
    crawls = runs["crawls"]
    db = sqlite3.connect(crawls.state)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (7,)
        assert db.execute("SELECT count(*) FROM pending").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (0,)
        hashes = dict(db.execute("SELECT id, content_hash FROM articles"))
    finally:
        db.close()
    fifth = runs["runs"][4]
    assert hashes == {record["id"]: record["content_hash"] for record in fifth.records}

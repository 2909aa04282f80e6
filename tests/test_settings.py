"""Safe defaults for unattended runs, read through Scrapy's own settings machinery."""

from __future__ import annotations

import os

import pytest
from scrapy.settings import Settings

from newsroom_scraper.pipelines.extract import extract_workers
from newsroom_scraper.spiders.newsroom import NewsroomSpider


def project(**overrides) -> Settings:
    settings = Settings()
    settings.setmodule("newsroom_scraper.settings", priority="project")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def test_secure_defaults():
    settings = project()
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert 0 < settings.getint("DOWNLOAD_MAXSIZE") <= 64 * 1024 * 1024
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 4
    assert settings["FEED_EXPORT_ENCODING"] == "utf-8"


def test_user_agent_names_project_and_contact():
    settings = project(NEWSROOM_CONTACT_URL="https://archive.example.org/crawler")
    NewsroomSpider.update_settings(settings)
    assert settings["USER_AGENT"].startswith("newsroom_scraper/")
    assert "+https://archive.example.org/crawler" in settings["USER_AGENT"]


def test_explicit_user_agent_is_kept():
    settings = project(USER_AGENT="my-archive-bot/2")
    NewsroomSpider.update_settings(settings)
    assert settings["USER_AGENT"] == "my-archive-bot/2"


def test_extraction_uses_every_usable_core_by_default():
    cores = len(os.sched_getaffinity(0))
    assert project()["NEWSROOM_EXTRACT_WORKERS"] == "auto"
    assert extract_workers(project()["NEWSROOM_EXTRACT_WORKERS"]) == (cores if cores > 1 else 0)
    assert extract_workers(" AUTO ") == extract_workers("auto")


@pytest.mark.parametrize("value, workers", [("0", 0), ("3", 3), (2, 2)])
def test_a_worker_count_is_taken_as_given(value, workers):
    assert extract_workers(project(NEWSROOM_EXTRACT_WORKERS=value)["NEWSROOM_EXTRACT_WORKERS"]) == workers


@pytest.mark.parametrize("value", ["-1", "two", "1.5", ""])
def test_a_bad_worker_count_says_what_to_set(value):
    with pytest.raises(ValueError, match="neither 'auto' nor a whole number >= 0; use e.g. -s NEWSROOM_EXTRACT"):
        extract_workers(value)

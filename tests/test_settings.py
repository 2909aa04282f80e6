"""Safe defaults for unattended runs, read through Scrapy's own settings machinery."""

from __future__ import annotations

from scrapy.settings import Settings

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

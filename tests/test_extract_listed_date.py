"""An article is not lost for want of a date: the date its feed or news sitemap gave stands in, over real HTTP."""

from __future__ import annotations

from .conftest import run_crawl
from .pagemaker import PARAGRAPHS

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def undated(title: str) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS * 3)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><article><h1>{title}</h1>
{body}
</article></main></body></html>"""


def dated(title: str) -> str:
    return undated(title).replace("<h1>", '<p class="date">March 9, 2024</p><h1>', 1)


def test_listed_dates_date_pages_that_show_none(make_server, tmp_path):
    files = {
        "news/harbour-plan.html": undated("Council approves harbour flood defence plan"),
        "news/ferry-timetable.html": undated("Ferry timetable changes for the summer season"),
        "news/market-hall.html": undated("Old market hall reopens after two years of works"),
        "news/sea-wall.html": dated("Sea wall works begin at the ferry terminal"),
    }
    server = make_server(files)
    base = server.base_url
    news = "http://www.google.com/schemas/sitemap-news/0.9"
    (tmp_path / "site" / "news-sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP}" xmlns:news="{news}">'
        f"<url><loc>{base}/news/harbour-plan.html</loc>"
        "<news:news><news:publication_date>2024-03-05</news:publication_date></news:news></url>"
        f"<url><loc>{base}/news/sea-wall.html</loc>"
        "<news:news><news:publication_date>2024-03-20</news:publication_date></news:news></url>"
        "</urlset>",
        "utf-8",
    )
    # A plain sitemap's lastmod says when a page changed, not that it is an article published then.
    (tmp_path / "site" / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP}">'
        f"<url><loc>{base}/news/ferry-timetable.html</loc><lastmod>2024-03-07</lastmod></url></urlset>",
        "utf-8",
    )
    (tmp_path / "site" / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour City News</title>'
        f"<item><title>Old market hall reopens</title><link>{base}/news/market-hall.html</link>"
        "<pubDate>Tue, 12 Mar 2024 09:00:00 +0000</pubDate></item></channel></rss>",
        "utf-8",
    )
    work = tmp_path / "work"
    work.mkdir()
    args = ["-a", f"sitemaps={base}/news-sitemap.xml,{base}/sitemap.xml", "-a", f"feeds={base}/feed.xml"]
    result = run_crawl(None, work, args=args)
    assert result.returncode == 0, result.log[-3000:]
    dates = {record["url"].rsplit("/", 1)[-1]: record["date"] for record in result.records}
    assert dates == {
        "harbour-plan.html": "2024-03-05",  # the news sitemap's publication date
        "market-hall.html": "2024-03-12",  # the feed's pubDate
        "sea-wall.html": "2024-03-09",  # the page's own date wins over its lastmod
    }
    # Without a listed publication date or a date of its own, a page is still no article.
    assert result.stats.get("newsroom/not_article/no_date") == 1

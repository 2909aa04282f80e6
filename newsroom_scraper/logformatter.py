"""The log lines Scrapy writes for items, made one line each: a dropped page says why and where, nothing more.

Scrapy's own formatter logs a dropped item as its message followed by the
whole item's repr on the next lines: for a page that is not an article
that is a `Page(...)` dump per listing, contact or about page of every run.
Our pipelines' DropItem messages already hold the reason and the URL
("Not an article (no_date: ...): https://..."), so the line is that message
alone. Its level is the DropItem's own, else DEFAULT_DROPITEM_LOG_LEVEL
(DEBUG in our settings: a drop is counted in the stats and the run summary,
and only someone tracing one page needs the line).
"""

from __future__ import annotations

from scrapy.logformatter import LogFormatter

DROPPED_MESSAGE = "Dropped: %(exception)s"


class OneLineLogFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider):
        entry = super().dropped(item, exception, response, spider)
        return {**entry, "msg": DROPPED_MESSAGE, "args": {"exception": exception}}

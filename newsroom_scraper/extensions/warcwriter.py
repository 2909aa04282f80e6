"""WarcWriter: the raw responses of the articles a run exports, in a .warc.gz beside its JSONL.

With NEWSROOM_WARC on, every article response (a request the spider marked
`meta["article"]`, answered 2xx) is held until its page's fate is known:
when its record is exported, the response is written to the WARC with the
record's `id`, `content_hash`, `url` and `fetched_at` (see `warc.py`), so
`newsroom-extract run.warc.gz` gives the same records again later; a page
that is not an article, or not exported (unchanged, duplicate, invalid), is
forgotten.

NEWSROOM_WARC = True puts the file beside the first file feed: `out.jsonl`
-> `out.warc.gz`, `runs/newsroom-%(time)s.jsonl.gz` -> `runs/newsroom-<time>.warc.gz`,
appended to with `-o` and overwritten with `-O`, like the feed. A string
is a path instead (`%(name)s` and `%(time)s` are filled in as in FEEDS),
always appended to.

The extension is enabled before Scrapy's FeedExporter (EXTENSIONS order), so
its `item_scraped` handler runs before the exporter's: the response is in
the WARC before the record's line is in the feed, and a record that
reached the feed always has its response archived.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage

from ..urls import record_url
from ..warc import CapturedResponse, WarcFile

logger = logging.getLogger(__name__)

OFF = ("", "0", "false", "no", "off", "none")
ON = ("1", "true", "yes", "on")
FEED_SUFFIXES = (".jsonl", ".jsonlines", ".jl", ".json", ".csv", ".xml")
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz")


def warc_path_beside(feed_path: str | Path) -> Path:
    """`dir/name.jsonl[.gz]` -> `dir/name.warc.gz`."""
    path = Path(feed_path)
    name = path.name
    for suffixes in (COMPRESSION_SUFFIXES, FEED_SUFFIXES):
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
    return path.with_name(name + ".warc.gz")


def parse_setting(value) -> str | bool:
    """False (off), True (beside the feed) or a path template."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    text = str(value).strip()
    if text.lower() in OFF:
        return False
    if text.lower() in ON:
        return True
    return text


class WarcWriter:
    def __init__(self, crawler, target: str | bool, stats) -> None:
        self.crawler = crawler
        self.target = target
        self.stats = stats
        self.captured: dict[str, CapturedResponse] = {}
        self.warc: WarcFile | None = None
        self.disabled = False

    @classmethod
    def from_crawler(cls, crawler):
        target = parse_setting(crawler.settings.get("NEWSROOM_WARC"))
        if target is False:
            # Off is the default, not a problem: a message here would be logged by Scrapy as a WARNING.
            logger.debug("NEWSROOM_WARC is off: no WARC")
            raise NotConfigured
        extension = cls(crawler, target, crawler.stats)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_not_exported, signal=signals.item_dropped)
        crawler.signals.connect(extension.item_not_exported, signal=signals.item_error)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def response_received(self, response, request, spider) -> None:
        if not request.meta.get("article") or not 200 <= response.status < 300:
            return
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, values in response.headers.items()
            for value in values
        ]
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        captured = CapturedResponse(response.url, response.status, headers, response.body, protocol)
        self.captured[record_url(response.url)] = captured

    def item_scraped(self, item, spider) -> None:
        if not isinstance(item, dict) or "id" not in item:
            return
        captured = self.captured.pop(item["url"], None)
        if captured is None:
            self.stats.inc_value("newsroom/warc/no_response")
            return
        warc = self.open()
        if warc is None:
            return
        warc.write_response(captured, item["fetched_at"], item["id"], item["content_hash"])
        self.stats.inc_value("newsroom/warc/records")

    def item_not_exported(self, item, spider) -> None:
        url = item.url if hasattr(item, "url") else item.get("url") if isinstance(item, dict) else None
        if url:
            self.captured.pop(url, None)
            self.captured.pop(record_url(url), None)

    def open(self) -> WarcFile | None:
        if self.warc is None and not self.disabled:
            where = self.location()
            if where is None:
                self.disabled = True
                logger.warning("NEWSROOM_WARC is on but there is no file feed to put the WARC beside: no WARC")
                return None
            path, mode = where
            self.warc = WarcFile(path, mode)
            logger.info("Writing the article responses to %s", path)
        return self.warc

    def location(self) -> tuple[Path, str] | None:
        if self.target is not True:
            spider = self.crawler.spider
            time = datetime.now(UTC).replace(microsecond=0).isoformat().replace(":", "-")  # as FEEDS' %(time)s
            return Path(str(self.target) % {"name": spider.name, "time": time}), "ab"
        exporter = self.crawler.get_extension(FeedExporter)
        for slot in exporter.slots if exporter else ():
            if isinstance(slot.storage, FileFeedStorage):
                return warc_path_beside(slot.storage.path), slot.storage.write_mode
        return None

    def spider_closed(self, spider) -> None:
        self.captured.clear()
        if self.warc is not None:
            self.warc.close()

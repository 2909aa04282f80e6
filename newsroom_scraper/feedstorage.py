"""Feed storage that writes each exported line with one unbuffered write, and never appends to half a line.

Scrapy's FileFeedStorage opens the file buffered, so a crawl killed with
SIGKILL can leave the last line cut in the middle of its JSON. Unbuffered,
each record's line (the JSON-lines exporter writes a whole line per call)
reaches the file in one write() and a kill leaves only complete lines.

Should a line still be cut (a kill inside the write loop, a full disk), the
next run that appends to the same file (`-o`) first cuts the partial line
off, rather than gluing its own first line onto it; the record it held was
never marked seen (see `state/recovery.py`), so it is exported again.

For the seen pipeline: a storage writing plain JSON lines tells its
`listeners` about each line once it is whole in the file (that is when the
article may be marked seen); `feed_file(slot)` says where a slot's lines
go and from which offset, so a later run can read them back; and
`writes_whole_lines(slot)` whether a line is on disk as soon as it is
exported (plain lines) or only when the feed is closed (compressed, remote).

When the output cannot be opened or written (a full disk, a read-only or
missing folder), the part of the line already written is cut off again,
the crawl is stopped with one error line, the run's exit status says so
(`newsroom/output_error`, README "Exit statuses"), and later lines are not
attempted: records never written are never marked seen, so the next run
exports them.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.utils.defer import deferred_from_coro

from .extensions.runsummary import OUTPUT_ERROR_STAT
from .state.store import FeedFile

logger = logging.getLogger(__name__)

LINE_FORMATS = ("jsonlines", "jsonl", "jl")
TAIL_CHUNK = 64 * 1024


class WholeLineWriter:
    """A file wrapper that loops until each write is complete (write() on a raw file may be partial).

    `on_write`, when given, is called with the data once all of it is in the file. `on_error`, when
    given, is called with the OSError of a write that failed, after what it wrote is cut off again;
    the writer then writes nothing more (each later write is passed to `on_error` with None).
    """

    def __init__(
        self,
        raw,
        on_write: Callable[[bytes], None] | None = None,
        on_error: Callable[[OSError | None], None] | None = None,
    ) -> None:
        self.raw = raw
        self.on_write = on_write
        self.on_error = on_error
        self.failed = False

    def write(self, data: bytes) -> int:
        if self.failed and self.on_error is not None:
            self.on_error(None)
            return len(data)
        start = self.raw.tell() if self.on_error is not None else 0
        view = memoryview(data)
        try:
            while view:
                written = self.raw.write(view)
                view = view[written:]
        except OSError as error:
            if self.on_error is None:
                raise
            self.failed = True
            self.cut_back(start)
            self.on_error(error)
            return len(data)
        if self.on_write is not None:
            self.on_write(bytes(data))
        return len(data)

    def cut_back(self, size: int) -> None:
        """Cut off what a failed write left (a partial line); the disk that failed may refuse this too."""
        try:
            self.raw.truncate(size)
        except OSError:
            logger.warning("Could not cut off a partial line in %s: the next run that appends will", self.raw.name)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def complete_size(path: str | Path) -> int:
    """The size of the file up to and including its last newline (0 when it has none, or does not exist)."""
    try:
        with open(path, "rb") as stream:
            end = stream.seek(0, os.SEEK_END)
            position = end
            while position > 0:
                start = max(0, position - TAIL_CHUNK)
                stream.seek(start)
                chunk = stream.read(position - start)
                newline = chunk.rfind(b"\n")
                if newline >= 0:
                    return start + newline + 1
                position = start
            return 0
    except FileNotFoundError:
        return 0


def compression_of(feed_options: dict[str, Any]) -> str | None:
    """None for plain output, "gzip" for FEEDS' GzipPlugin alone, else the plugin names."""
    plugins = feed_options.get("postprocessing") or []
    names = [plugin if isinstance(plugin, str) else f"{plugin.__module__}.{plugin.__qualname__}" for plugin in plugins]
    if not names:
        return None
    if len(names) == 1 and names[0].rsplit(".", 1)[-1] == "GzipPlugin":
        return "gzip"
    return ",".join(names)


class LineFileFeedStorage(FileFeedStorage):
    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None, crawler=None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.feed_options = feed_options or {}
        # Called with each line once it is whole in the file (plain JSON lines only).
        self.listeners: list[Callable[[bytes], None]] = []
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict[str, Any] | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    @property
    def writes_lines(self) -> bool:
        return (
            self.feed_options.get("format", "jsonlines") in LINE_FORMATS and compression_of(self.feed_options) is None
        )

    @property
    def repairs_tail(self) -> bool:
        """Appending plain JSON lines: the only case where a partial last line can be found and cut."""
        return self.write_mode == "ab" and self.writes_lines

    def open(self, spider) -> IO[bytes]:
        path = Path(self.path)
        on_write = self.line_written if self.writes_lines else None
        on_error = self.output_failed if self.crawler is not None else None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.repair_tail(path)
            raw = path.open(self.write_mode, buffering=0)
        except OSError as error:
            if on_error is None:
                raise
            writer = WholeLineWriter(io.BytesIO(), on_write, on_error)
            writer.failed = True
            self.stop(error)
            return writer  # type: ignore[return-value]
        return WholeLineWriter(raw, on_write, on_error)  # type: ignore[return-value]

    def repair_tail(self, path: Path) -> None:
        """Cut a partial last line left by an interrupted run, before appending to it."""
        if not (self.repairs_tail and path.exists()):
            return
        size, keep = path.stat().st_size, complete_size(path)
        if keep < size:
            logger.warning("Cut a partial last line (%d bytes) left in %s by an interrupted run", size - keep, path)
            os.truncate(path, keep)

    def output_failed(self, error: OSError | None) -> None:
        """A write failed (`error`), or was not attempted after one did (None): count the loss, stop the crawl."""
        stats = self.crawler.stats
        if self.writes_lines:
            stats.inc_value("newsroom/articles", -1)  # counted as written by the run summary: it was not
        stats.inc_value("newsroom/failed")
        stats.inc_value("newsroom/failed/not_written")
        if error is not None:
            self.stop(error)

    def stop(self, error: OSError) -> None:
        """Say once why the output cannot be written, and close the crawl."""
        stats = self.crawler.stats
        if stats.get_value(OUTPUT_ERROR_STAT):
            return
        why = f"{self.path}: {error.strerror or error}"
        if error.filename and str(error.filename) != str(self.path):
            why += f" ({error.filename})"  # its folder, which could not be made
        stats.set_value(OUTPUT_ERROR_STAT, why)
        logger.error("Cannot write the output (%s); stopping the crawl: the next run exports what is left", why)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))

    def line_written(self, line: bytes) -> None:
        for listener in self.listeners:
            listener(line)


def feed_file(slot) -> FeedFile | None:
    """Where a feed slot's lines go, or None when they go somewhere that cannot be read back (remote, stdout)."""
    storage = slot.storage
    if not isinstance(storage, FileFeedStorage):
        return None
    compression = compression_of(slot.feed_options)
    path = os.path.abspath(storage.path)
    if storage.write_mode == "wb":
        offset = 0
    elif compression is None:
        offset = complete_size(path)  # where the run's first line will go, after any partial one is cut
    else:
        offset = os.path.getsize(path) if os.path.exists(path) else 0
    return FeedFile(path=path, offset=offset, format=slot.format, compression=compression)


def writes_whole_lines(slot) -> bool:
    """True when each exported line is in the file as soon as it is exported: plain lines, unbuffered."""
    return isinstance(slot.storage, LineFileFeedStorage) and slot.storage.writes_lines

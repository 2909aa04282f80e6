"""Feed storage that writes each exported line with one unbuffered write.

Scrapy's FileFeedStorage opens the file buffered, so a crawl killed with
SIGKILL can leave the last line cut in the middle of its JSON. Unbuffered,
each record's line (the JSON-lines exporter writes a whole line per call)
reaches the file in one write() and a kill leaves only complete lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from scrapy.extensions.feedexport import FileFeedStorage


class WholeLineWriter:
    """A file wrapper that loops until each write is complete (write() on a raw file may be partial)."""

    def __init__(self, raw) -> None:
        self.raw = raw

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            written = self.raw.write(view)
            view = view[written:]
        return len(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class LineFileFeedStorage(FileFeedStorage):
    def open(self, spider) -> IO[bytes]:
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return WholeLineWriter(path.open(self.write_mode, buffering=0))  # type: ignore[return-value]

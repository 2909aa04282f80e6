"""Feed lines reach the file whole: one loop of writes per line, no buffer to be cut by a kill."""

from __future__ import annotations

from newsroom_scraper.feedstorage import LineFileFeedStorage, WholeLineWriter


class TrickleFile:
    """A raw file that accepts at most three bytes per write, as a raw write() may."""

    def __init__(self) -> None:
        self.data = b""
        self.calls = 0

    def write(self, chunk) -> int:
        self.calls += 1
        self.data += bytes(chunk[:3])
        return min(3, len(chunk))


def test_partial_writes_are_completed():
    raw = TrickleFile()
    line = '{"id": "abc", "title": "Zürich"}\n'.encode()
    assert WholeLineWriter(raw).write(line) == len(line)
    assert raw.data == line and raw.calls > 1


def test_storage_file_is_unbuffered(tmp_path):
    storage = LineFileFeedStorage(str(tmp_path / "out" / "feed.jsonl"))
    handle = storage.open(None)
    handle.write(b'{"a": 1}\n')
    # Nothing waits in a buffer: the bytes are in the file before close.
    assert (tmp_path / "out" / "feed.jsonl").read_bytes() == b'{"a": 1}\n'
    handle.close()

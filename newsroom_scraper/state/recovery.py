"""Settling the claims of runs that were killed: exactly once, by reading what they actually wrote.

An article is exported in two steps that cannot be one atomic write: its
claim is committed to the store, then its line is written to the feed file,
then the claim becomes "seen". A process killed between the steps leaves a
claim behind. Nothing in the store can say whether the line made it; the
feed file can. So a new run first reads, from every feed file a dead run
wrote (from the offset where that run's lines start), the complete lines
it holds: a claim whose (id, content_hash) is among them becomes seen (no
duplicate), any other claim is dropped and its article is exported again
by this run (no loss). A half-written last line, or the unflushed tail of a
gzip stream, is simply not a line and counts as not written.

Feeds that cannot be read back (remote storage, formats other than JSON
lines, compression other than gzip) settle as "not written": a remote feed
is only uploaded when a run ends, so a killed run uploaded nothing.
"""

from __future__ import annotations

import json
import logging
import time
import zlib
from dataclasses import dataclass

from .store import FeedFile, RunJournal, SeenStore

logger = logging.getLogger(__name__)

LINE_FORMATS = ("jsonlines", "jsonl", "jl")


@dataclass(slots=True)
class Settled:
    run_id: str
    committed: int
    released: int


def gunzip_prefix(data: bytes) -> bytes:
    """As much of a (possibly truncated, possibly multi-member) gzip stream as can be decompressed."""
    out = []
    while data:
        stream = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            out.append(stream.decompress(data))
        except zlib.error:
            break
        if not stream.eof:
            break
        data = stream.unused_data
    return b"".join(out)


def written_records(feed: FeedFile) -> set[tuple[str, str]] | None:
    """(id, content_hash) of each complete line in `feed` from its offset on; None when it cannot be read back."""
    if feed.format not in LINE_FORMATS or feed.compression not in (None, "gzip"):
        return None
    try:
        with open(feed.path, "rb") as stream:
            stream.seek(feed.offset)
            data = stream.read()
    except FileNotFoundError:
        return set()  # the run never got to write to it
    except OSError:
        return None
    if feed.compression == "gzip":
        data = gunzip_prefix(data)
    records = set()
    for line in data.split(b"\n")[:-1]:  # what follows the last newline is no line
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and "id" in record and "content_hash" in record:
            records.add((record["id"], record["content_hash"]))
    return records


def settle_interrupted_runs(store: SeenStore, journal: RunJournal) -> list[Settled]:
    """Settle every run in the journal whose process is gone; runs still going are left alone."""
    settled = []
    for run in journal.runs():
        if journal.is_running(run.run_id):
            continue
        claims = journal.pending(run.run_id)
        written: set[tuple[str, str]] = set()
        for feed in run.feeds:
            written |= written_records(feed) or set()
        done = [article_id for article_id, content_hash in claims.items() if (article_id, content_hash) in written]
        committed = store.commit(run.run_id, done, time.time()) if done else 0
        journal.end_run(run.run_id)
        settled.append(Settled(run.run_id, committed, len(claims) - committed))
        if claims:
            logger.warning(
                "Run %s was interrupted: %d article(s) it wrote are marked seen, %d it did not write will be "
                "exported again",
                run.run_id,
                committed,
                len(claims) - committed,
            )
    return settled

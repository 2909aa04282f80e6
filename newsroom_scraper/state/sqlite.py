"""The SQLite seen-store: one local file, no server, safe for two crawls at once.

WAL mode lets readers go on while one process writes; every change is one
`BEGIN IMMEDIATE` transaction (the write lock is taken up front, so two
crawls never both read "not seen" and then both claim), and a busy store is
waited for (30 s) rather than failed. `synchronous=NORMAL` in WAL mode
survives a killed process; only a power cut can lose the last commits, and
then the recovery re-exports instead of losing (see `state/recovery.py`).

Tables: `articles` (one row per exported article), `urls` (every URL key
that led to one), `pending` (claims: a run is writing these lines right
now), `runs` (runs holding claims, with their feed files).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from .runlock import RunLock, is_locked, remove_lock
from .store import Claim, FeedFile, KnownArticle, Outcome, RunRecord

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    first_seen REAL NOT NULL,
    last_exported REAL NOT NULL,
    last_checked REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS urls (url_key TEXT PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pending (
    run_id TEXT NOT NULL,
    id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    url TEXT NOT NULL,
    url_keys TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    fetched_at REAL NOT NULL,
    PRIMARY KEY (run_id, id)
);
CREATE INDEX IF NOT EXISTS pending_by_id ON pending (id);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started REAL NOT NULL,
    pid INTEGER NOT NULL,
    feeds TEXT NOT NULL DEFAULT '[]'
);
"""
ARTICLE_COLUMNS = "a.id, a.content_hash, a.url, a.etag, a.last_modified, a.first_seen, a.last_exported, a.last_checked"
BUSY_TIMEOUT_S = 30.0


class StateError(ValueError):
    """The state file cannot be used: the message says which file and what to do (it is never recreated
    silently: that would export every article again, or lose which run was writing what)."""


class SqliteSeenStore:
    """`SeenStore` and `RunJournal` in one SQLite file; run liveness by lock files in `<file>.runs/`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_dir = self.path.with_name(self.path.name + ".runs")
        self.locks: dict[str, RunLock] = {}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self.connect()
        except sqlite3.DatabaseError as error:
            raise StateError(
                f"NEWSROOM_STATE: {self.path} is not a usable state file ({error}); restore it from a backup, or "
                "move it aside to start afresh (the next run then exports every article again)"
            ) from None
        except OSError as error:
            raise StateError(
                f"NEWSROOM_STATE: cannot open {self.path} ({error.strerror}); check that its folder exists and "
                "is writable"
            ) from None

    def connect(self) -> sqlite3.Connection:
        """The connection, with the schema in place; sqlite3.DatabaseError for a file that is not our state."""
        # Autocommit mode: transactions are opened explicitly, and only for writes.
        self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(
                    f"state schema {version} is newer than this version reads ({SCHEMA_VERSION}); upgrade"
                )
            for statement in filter(str.strip, SCHEMA.split(";")):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return self.db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- SeenStore ------------------------------------------------------------------------

    def known_url(self, url_key: str) -> KnownArticle | None:
        row = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM urls u JOIN articles a ON a.id = u.id WHERE u.url_key = ?", (url_key,)
        ).fetchone()
        return KnownArticle(*row) if row else None

    def article(self, article_id: str) -> KnownArticle | None:
        row = self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
        return KnownArticle(*row) if row else None

    def claim(self, run_id: str, claim: Claim, *, again: bool = False) -> Outcome:
        with self.transaction() as db:
            row = db.execute("SELECT content_hash FROM articles WHERE id = ?", (claim.id,)).fetchone()
            outcome = Outcome.NEW if row is None else Outcome.UNCHANGED
            if row is not None and row[0] != claim.content_hash:
                outcome = Outcome.CHANGED
            if not again:
                if outcome is Outcome.UNCHANGED:
                    return outcome
                other = db.execute("SELECT 1 FROM pending WHERE id = ? AND run_id <> ?", (claim.id, run_id)).fetchone()
                if other:
                    return Outcome.TAKEN
            values = (run_id, claim.id, claim.content_hash, claim.url, json.dumps(list(claim.url_keys)), claim.etag,
                      claim.last_modified, claim.fetched_at)  # fmt: skip
            db.execute(
                "INSERT OR REPLACE INTO pending (run_id, id, content_hash, url, url_keys, etag, last_modified,"
                " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        return outcome

    def commit(self, run_id: str, ids: Iterable[str], at: float) -> int:
        committed = 0
        with self.transaction() as db:
            for article_id in ids:
                row = db.execute(
                    "SELECT content_hash, url, url_keys, etag, last_modified, fetched_at FROM pending"
                    " WHERE run_id = ? AND id = ?",
                    (run_id, article_id),
                ).fetchone()
                if row is None:
                    continue
                content_hash, url, url_keys, etag, last_modified, fetched_at = row
                db.execute(
                    "INSERT INTO articles (id, content_hash, url, etag, last_modified, first_seen, last_exported,"
                    " last_checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                    " content_hash = excluded.content_hash, url = excluded.url, etag = excluded.etag,"
                    " last_modified = excluded.last_modified, last_exported = excluded.last_exported,"
                    " last_checked = excluded.last_checked",
                    (article_id, content_hash, url, etag, last_modified, at, at, fetched_at or at),
                )
                db.executemany(
                    "INSERT OR REPLACE INTO urls (url_key, id) VALUES (?, ?)",
                    [(key, article_id) for key in json.loads(url_keys)],
                )
                db.execute("DELETE FROM pending WHERE run_id = ? AND id = ?", (run_id, article_id))
                committed += 1
        return committed

    def release(self, run_id: str, ids: Iterable[str] | None = None) -> int:
        with self.transaction() as db:
            if ids is None:
                return db.execute("DELETE FROM pending WHERE run_id = ?", (run_id,)).rowcount
            return sum(db.execute("DELETE FROM pending WHERE run_id = ? AND id = ?", (run_id, i)).rowcount for i in ids)

    def checked(
        self,
        article_id: str,
        at: float,
        etag: str | None = None,
        last_modified: str | None = None,
        url_keys: Iterable[str] = (),
    ) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE articles SET last_checked = ?, etag = COALESCE(?, etag),"
                " last_modified = COALESCE(?, last_modified) WHERE id = ?",
                (at, etag, last_modified, article_id),
            )
            db.executemany(
                "INSERT OR REPLACE INTO urls (url_key, id) VALUES (?, ?)", [(key, article_id) for key in url_keys]
            )

    def close(self) -> None:
        for lock in self.locks.values():
            lock.release()
        self.locks.clear()
        self.db.close()

    # --- RunJournal -------------------------------------------------------------------------

    def begin_run(self, run: RunRecord) -> None:
        # The lock first: from the moment another process can see the run, it can tell the run is alive.
        self.locks[run.run_id] = RunLock(self.lock_dir, run.run_id)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO runs (run_id, started, pid, feeds) VALUES (?, ?, ?, ?)",
                (run.run_id, run.started, run.pid, json.dumps([asdict(feed) for feed in run.feeds])),
            )

    def set_feeds(self, run_id: str, feeds: list[FeedFile]) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET feeds = ? WHERE run_id = ?", (json.dumps([asdict(feed) for feed in feeds]), run_id)
            )

    def end_run(self, run_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM pending WHERE run_id = ?", (run_id,))
            db.execute("DELETE FROM runs WHERE run_id = ?", (run_id,))
        # The lock last: a run that looks dead has nothing left in the store.
        lock = self.locks.pop(run_id, None)
        if lock is not None:
            lock.release()
        else:
            remove_lock(self.lock_dir, run_id)

    def runs(self) -> list[RunRecord]:
        rows = self.db.execute("SELECT run_id, started, pid, feeds FROM runs ORDER BY started").fetchall()
        return [
            RunRecord(run_id, started, pid, [FeedFile(**feed) for feed in json.loads(feeds)])
            for run_id, started, pid, feeds in rows
        ]

    def pending(self, run_id: str) -> dict[str, str]:
        rows = self.db.execute("SELECT id, content_hash FROM pending WHERE run_id = ?", (run_id,))
        return dict(rows.fetchall())

    def is_running(self, run_id: str) -> bool:
        return run_id in self.locks or is_locked(self.lock_dir, run_id)

"""State kept between scheduled runs: which articles were exported, with which content, and which run is writing.

`open_store(spec)` opens the store a `NEWSROOM_STATE` value names:
`sqlite:///relative/path.db` or `sqlite:////absolute/path.db` (SQLAlchemy's
spelling), or a bare file path. The interface is in `store.py`, the SQLite
implementation in `sqlite.py`, the settling of killed runs in `recovery.py`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .sqlite import SqliteSeenStore
from .store import Claim, FeedFile, KnownArticle, Outcome, RunJournal, RunRecord, SeenStore

DEFAULT_STATE = "sqlite:///.newsroom/state.db"

__all__ = [
    "DEFAULT_STATE",
    "Claim",
    "FeedFile",
    "KnownArticle",
    "Outcome",
    "RunJournal",
    "RunRecord",
    "SeenStore",
    "SqliteSeenStore",
    "StateError",
    "open_store",
    "store_path",
]


def store_path(spec: str) -> Path:
    """The SQLite file of a NEWSROOM_STATE value; ValueError for a scheme we have no store for."""
    spec = spec.strip()
    if spec.startswith("sqlite:///"):
        return Path(spec[len("sqlite:///") :])
    if "://" in spec:
        scheme = spec.split("://", 1)[0]
        raise ValueError(f"NEWSROOM_STATE: no store for {scheme!r} URLs; use sqlite:///path/state.db")
    return Path(spec)


class StateError(ValueError):
    """The state file cannot be used: its message says which file and what to do."""


def open_store(spec: str) -> SqliteSeenStore:
    """The store, or StateError: a corrupt or unreadable state is never silently recreated (that would
    export every article again, or lose which run was writing what)."""
    path = store_path(spec)
    try:
        return SqliteSeenStore(path)
    except sqlite3.DatabaseError as error:
        raise StateError(
            f"NEWSROOM_STATE: {path} is not a usable state file ({error}); restore it from a backup, or move it "
            "aside to start afresh (the next run then exports every article again)"
        ) from None
    except OSError as error:
        raise StateError(
            f"NEWSROOM_STATE: cannot open {path} ({error.strerror}); check that its folder exists and is writable"
        ) from None

"""State kept between scheduled runs: which articles were exported, with which content, and which run is writing.

`open_store(spec)` opens the store a `NEWSROOM_STATE` value names:
`sqlite:///relative/path.db` or `sqlite:////absolute/path.db` (SQLAlchemy's
spelling), or a bare file path. The interface is in `store.py`, the SQLite
implementation in `sqlite.py`, the settling of killed runs in `recovery.py`.
"""

from __future__ import annotations

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


def open_store(spec: str) -> SqliteSeenStore:
    return SqliteSeenStore(store_path(spec))

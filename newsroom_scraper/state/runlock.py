"""Is a run still going? One lock file per run, held with flock() for as long as its process lives.

A run's claims must not be settled by another process while the run can
still write its lines, and must be settled once it cannot. A pid alone does
not tell (pids are reused, and a pid says nothing across containers sharing
a volume); a lock held by the kernel for the process does: SIGKILL, a crash
or a reboot all release it. Lock files live in a directory beside the
state file, so the state must be on a local disk (flock is advisory and
unreliable on some network file systems).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class RunLock:
    """The lock of the current run, taken on creation and released by `release()` or by the process ending."""

    def __init__(self, directory: Path, run_id: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{run_id}.lock"
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        if self.fd < 0:
            return
        self.path.unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = -1


def is_locked(directory: Path, run_id: str) -> bool:
    """True while the run's process holds its lock; a run without a lock file has ended."""
    path = directory / f"{run_id}.lock"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also drops the lock we may just have taken
    return False


def remove_lock(directory: Path, run_id: str) -> None:
    (directory / f"{run_id}.lock").unlink(missing_ok=True)

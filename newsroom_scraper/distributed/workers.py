"""Who a worker is, and whether it still lives: what leases and claims of a dead process are put back by.

A worker's id names its host, its pid and its process start time. On the
same host, liveness is read from the kernel (the pid runs and started at
that time: SIGKILL, a crash or a reboot all end it at once, and a reused pid
has another start time). Across hosts it is a heartbeat key that the
worker refreshes every third of its TTL: when it is gone, so is the worker.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

import redis

# A worker missed three refreshes in a row: dead. Short enough that a dead worker's requests come back soon.
HEARTBEAT_TTL_S = 15.0


def process_start(pid: int) -> str | None:
    """The start time of process `pid` in clock ticks since boot (from /proc), or None when it does not run."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return fields[19].decode()  # field 22 of stat(5); two fields precede ")" and the list starts at field 3


@dataclass(frozen=True, slots=True)
class Worker:
    host: str
    pid: int
    started: str

    @property
    def id(self) -> str:
        return f"{self.host}/{self.pid}/{self.started}"

    @classmethod
    def parse(cls, worker_id: str) -> Worker:
        host, pid, started = worker_id.rsplit("/", 2)
        return cls(host, int(pid), started)

    @classmethod
    def this_process(cls) -> Worker:
        return cls(socket.gethostname(), os.getpid(), process_start(os.getpid()) or "0")

    def on_this_host(self) -> bool:
        return self.host == socket.gethostname()


def is_alive(worker: Worker, client: redis.Redis, heartbeat_key: str) -> bool:
    """True while the worker's process may still act: the kernel on its host, else its heartbeat."""
    if worker.on_this_host() and os.path.isdir("/proc/self"):
        return process_start(worker.pid) == worker.started
    return bool(client.exists(heartbeat_key))

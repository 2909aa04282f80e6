"""A real redis-server for tests: started on a free loopback port in a temporary directory, stopped after.

Tests of distributed crawls need the real thing (Lua scripts, key expiry,
a server that can be killed and restarted with its append-only file). It
is the Debian package's `redis-server` (`.ci/run` installs it when it is
missing); a test that needs it is skipped with the reason when it is not
installed.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

import redis

from newsroom_scraper.localserver import free_port

STARTUP_TIMEOUT_S = 10.0


class RedisServer:
    """`redis-server` in `directory`; `durable`: every write is in its append-only file before it is answered."""

    def __init__(self, directory: Path, durable: bool = False) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.durable = durable
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
                   "--save", "", "--protected-mode", "no", "--loglevel", "warning"]  # fmt: skip
        if self.durable:
            command += ["--appendonly", "yes", "--appendfsync", "always"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.02)
            finally:
                client.close()

    def kill(self) -> None:
        """SIGKILL: the server is gone at once, as when its machine dies."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port)


def redis_installed() -> bool:
    return shutil.which("redis-server") is not None

"""A fault-injecting HTTP server on the loopback, for crawling the real spider against a hostile network.

Each path is answered by a `Fault`: a function of the handler and the
attempt number (1 for the first request of that path), so a fault can
recover ("503 once, then the page"). The faults are plain functions built
from the ones below: statuses and `Retry-After`, redirects, a connection
reset in the middle of the body (RST, by SO_LINGER 0), a body shorter than
its `Content-Length`, a stall, a slow drip, a huge body, compressed bodies
(whole, cut short or corrupt) and gzip bombs. Raw socket writes are used
where `http.server` would tidy the fault away.

Every request is logged as a `Hit` (path, time, attempt), so tests can
check what the crawler asked for, how often, and when.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

Fault = Callable[[BaseHTTPRequestHandler, int], None]
HTML = "text/html; charset=utf-8"


@dataclass(slots=True, frozen=True)
class Hit:
    path: str
    at: float  # time.monotonic() when the request arrived
    attempt: int


# --- Building blocks ------------------------------------------------------------------


def send(handler, status: int, body: bytes = b"", headers: dict[str, str] | None = None, length: int | None = None):
    """Status, headers (Content-Length is `length` when given, else the body's) and the body, then close."""
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body) if length is None else length))
    handler.send_header("Connection", "close")
    handler.end_headers()
    write(handler, body)


def write(handler, data: bytes) -> bool:
    """Write, ignoring a client that went away (it gave up on a huge or slow body): False then."""
    try:
        handler.wfile.write(data)
        handler.wfile.flush()
        return True
    except (BrokenPipeError, ConnectionResetError):
        return False


def send_head(handler, length: int, content_type: str = HTML) -> None:
    """A 200's status line and headers, promising `length` bytes of body: the fault writes the body itself."""
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(length))
    handler.end_headers()


def page(body: bytes | str, content_type: str = HTML, headers: dict[str, str] | None = None) -> Fault:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda handler, attempt: send(handler, 200, data, {"Content-Type": content_type, **(headers or {})})


def status(code: int, headers: dict[str, str] | None = None) -> Fault:
    return lambda handler, attempt: send(handler, code, f"<html><body>{code}</body></html>".encode(), headers)


def failing(times: int, fault: Fault, then: Fault) -> Fault:
    """`fault` for the first `times` attempts, then `then`."""
    return lambda handler, attempt: (fault if attempt <= times else then)(handler, attempt)


def redirect(location: str, code: int = 302) -> Fault:
    return lambda handler, attempt: send(handler, code, b"", {"Location": location})


def reset_mid_body(body: str) -> Fault:
    """Headers and half the body, then a TCP reset."""

    def fault(handler, attempt):
        data = body.encode("utf-8")
        send_head(handler, len(data))
        write(handler, data[: len(data) // 2])
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.close_connection = True

    return fault


def short_body(body: str, fraction: float = 0.6) -> Fault:
    """A Content-Length for the whole body, then only `fraction` of it and a clean close."""
    data = body.encode("utf-8")
    return lambda handler, attempt: send(handler, 200, data[: int(len(data) * fraction)], {"Content-Type": HTML},
                                         length=len(data))  # fmt: skip


def stall(seconds: float) -> Fault:
    """Nothing at all for `seconds` (past the crawler's DOWNLOAD_TIMEOUT), then a page nobody waits for."""

    def fault(handler, attempt):
        time.sleep(seconds)
        send(handler, 200, b"<html><body>too late</body></html>", {"Content-Type": HTML})

    return fault


def drip(body: str, seconds: float, pieces: int = 20) -> Fault:
    """The headers at once, then the body in `pieces` spread over `seconds`."""

    def fault(handler, attempt):
        data = body.encode("utf-8")
        send_head(handler, len(data))
        step = max(1, len(data) // pieces)
        for start in range(0, len(data), step):
            if not write(handler, data[start : start + step]):
                return
            time.sleep(seconds / pieces)

    return fault


def huge(size: int) -> Fault:
    """A body of `size` bytes of HTML-ish filler, written until the client hangs up."""

    def fault(handler, attempt):
        send_head(handler, size)
        chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
        sent = 0
        while sent < size and write(handler, chunk[: size - sent]):
            sent += len(chunk)

    return fault


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.compress(data)
    if encoding == "deflate":
        return zlib.compress(data)
    if encoding == "br":
        return brotli.compress(data)
    raise ValueError(encoding)


def encoded(body: bytes | str, encoding: str, cut: float | None = None, corrupt: bool = False) -> Fault:
    """A body compressed with `encoding`; `cut` keeps that fraction of the stream (with a matching
    Content-Length, so only the stream itself shows the loss); `corrupt` flips bytes after the header."""
    data = compress(body.encode("utf-8") if isinstance(body, str) else body, encoding)
    if cut is not None:
        data = data[: int(len(data) * cut)]
    if corrupt:
        data = data[:10] + bytes(b ^ 0x5A for b in data[10:])
    headers = {"Content-Type": HTML, "Content-Encoding": encoding}
    return lambda handler, attempt: send(handler, 200, data, headers)


# --- The server -----------------------------------------------------------------------


class FaultHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        server: FaultServer = self.server  # type: ignore[assignment]
        attempt = server.note(self.path)
        fault = server.faults.get(self.path)
        if fault is None:
            send(self, 404, b"<html><body>Not found</body></html>", {"Content-Type": HTML})
            return
        fault(self, attempt)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, faults: dict[str, Fault], host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), FaultHandler)
        self.faults = dict(faults)
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.attempts: Counter[str] = Counter()

    def note(self, path: str) -> int:
        with self.lock:
            self.attempts[path] += 1
            self.hits.append(Hit(path, time.monotonic(), self.attempts[path]))
            return self.attempts[path]

    def url(self, path: str = "", host: str | None = None) -> str:
        return f"http://{host or self.server_address[0]}:{self.server_address[1]}{path}"

    def times(self, path: str) -> list[float]:
        return [hit.at for hit in self.hits if hit.path == path]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up on a fault is the point of the fault


def start(faults: dict[str, Fault], host: str = "127.0.0.1") -> FaultServer:
    """Serve `faults` on `host` (any 127.x address works on Linux) at a free port, in a daemon thread."""
    server = FaultServer(faults, host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

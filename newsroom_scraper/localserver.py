"""A static file server on 127.0.0.1 that logs every request: the demo's and the tests' newsroom.

`python -m newsroom_scraper.localserver DIR [--port N]` serves DIR. Tests use
`serve()` to start it in a thread and read `server.requests` to check what
the crawler asked for (robots.txt obeyed, nothing off-site, nothing twice),
and `server.responses` to see how each request was answered: (path, status)
in the order the statuses were sent.

Files are served with an `ETag` (a hash of their bytes) and `Last-Modified`,
and a conditional GET whose `If-None-Match` (or, without it,
`If-Modified-Since`) still holds is answered `304 Not Modified`, as a
real newsroom's web server does: scheduled crawls are tested against that.
The ETag hashes the content because `Last-Modified` has one-second
resolution and tests edit files faster than that. `server.delay` (seconds)
slows every answer down, so a test can stop a crawl in its middle.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import socket
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CONTENT_TYPES = {".shtml": "text/html", ".htm": "text/html", ".html": "text/html"}


def file_etag(path: str) -> str:
    return '"' + hashlib.sha256(Path(path).read_bytes()).hexdigest()[:20] + '"'


def etag_matches(header: str, etag: str) -> bool:
    """RFC 9110 weak comparison of an If-None-Match list with our (strong) tag."""
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags


class LoggingHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}
    etag: str | None = None

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        if self.server.delay:  # type: ignore[attr-defined]
            time.sleep(self.server.delay)  # type: ignore[attr-defined]
        route = self.server.routes.get(self.path)  # type: ignore[attr-defined]
        if route is None:
            self.serve_file()
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self) -> None:
        """The file, or 304 when the client's If-None-Match names its current ETag."""
        path = self.file_path()
        if path is not None:
            self.etag = file_etag(path)
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None and etag_matches(if_none_match, self.etag):
                self.send_response(304)
                self.send_header("Last-Modified", self.date_time_string(os.stat(path).st_mtime))
                self.end_headers()
                return
        # A stale If-None-Match wins over If-Modified-Since: the parent then ignores the latter, as RFC 9110 says.
        super().do_GET()

    def file_path(self) -> str | None:
        """The regular file a GET of this path serves (a directory's index.html), if any."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return None  # the parent redirects to the path with a slash
            path = os.path.join(path, "index.html")
        return path if os.path.isfile(path) else None

    def send_response(self, code: int, message: str | None = None) -> None:
        self.server.responses.append((self.path, int(code)))  # type: ignore[attr-defined]
        super().send_response(code, message)

    def end_headers(self) -> None:
        if self.etag is not None:
            self.send_header("ETag", self.etag)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path, port: int = 0, verbose: bool = False) -> None:
        handler = functools.partial(LoggingHandler, directory=str(directory))
        super().__init__(("127.0.0.1", port), handler)
        self.requests: list[str] = []
        # (path, status) of every answer, in the order they were sent.
        self.responses: list[tuple[str, int]] = []
        # path -> (status, headers, body): canned responses (errors, odd content types) for tests.
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.verbose = verbose
        # Seconds every request waits before it is answered.
        self.delay = 0.0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def free_port() -> int:
    """A port free on 127.0.0.1 now, for a server that must be told its port (redis-server, scrapyd)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(directory: Path, port: int = 0, verbose: bool = False) -> LocalServer:
    """Start serving `directory` in a daemon thread; call .shutdown() to stop."""
    server = LocalServer(Path(directory), port, verbose)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server = LocalServer(args.directory, args.port, verbose=True)
    print(f"Serving {args.directory} at {server.base_url}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

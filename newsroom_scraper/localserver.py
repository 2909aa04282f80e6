"""A static file server on 127.0.0.1 that logs every request: the demo's and the tests' newsroom.

`python -m newsroom_scraper.localserver DIR [--port N]` serves DIR. Tests use
`serve()` to start it in a thread and read `server.requests` to check what
the crawler asked for (robots.txt obeyed, nothing off-site, nothing twice).
"""

from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONTENT_TYPES = {".shtml": "text/html", ".htm": "text/html", ".html": "text/html"}


class LoggingHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        route = self.server.routes.get(self.path)  # type: ignore[attr-defined]
        if route is None:
            super().do_GET()
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path, port: int = 0, verbose: bool = False) -> None:
        handler = functools.partial(LoggingHandler, directory=str(directory))
        super().__init__(("127.0.0.1", port), handler)
        self.requests: list[str] = []
        # path -> (status, headers, body): canned responses (errors, odd content types) for tests.
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.verbose = verbose

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


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

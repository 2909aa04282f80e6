"""Connecting to the crawl's Redis, and saying in one line what is wrong when it cannot be reached.

A worker that cannot reach Redis at start must not crawl alone (it would
not share the frontier nor the seen-store): it stops before the first
request with `RedisUnreachable`, whose message names the URL and the fix.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import redis

# Long enough for a busy server across a network, short enough that a lost server stops the crawl soon.
SOCKET_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5.0


class RedisUnreachable(RuntimeError):
    """Redis does not answer at the configured URL."""


def redacted(url: str) -> str:
    """The URL without its password, for logs and messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + netloc))


def connect(url: str, setting: str = "NEWSROOM_REDIS_URL") -> redis.Redis:
    """A client for `url` that answered a PING; RedisUnreachable (one line) when it cannot be reached."""
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise RedisUnreachable(f"{setting}: {url!r} is not a redis:// URL (redis://host:port/db)")
    client = redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT_S, socket_connect_timeout=CONNECT_TIMEOUT_S)
    try:
        client.ping()
    except redis.RedisError as error:
        raise RedisUnreachable(
            f"{setting}: cannot reach Redis at {redacted(url)} ({error}); start redis-server there or fix the URL"
        ) from None
    return client

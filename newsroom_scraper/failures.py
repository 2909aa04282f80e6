"""Failed or refused requests named by reason, for logs and crawl stats (`newsroom/failed/<reason>`).

Every request a crawl makes must end somewhere a person can read: a record,
"unchanged", "not an article", "skipped" or "failed", each with a reason
named for people (`truncated`, `too_large`, `timeout`, `redirect_loop`,
`http_503` ...), never an exception's class name or nothing at all. Our own
middlewares raise `Failed` or `Skipped` with the reason; Scrapy's and
Twisted's exceptions are named here. Scrapy 2.19 raises its own download
exceptions; older Twisted ones are kept for the download handlers that
still raise them.
"""

from __future__ import annotations

from scrapy import exceptions
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived


class Failed(exceptions.IgnoreRequest):
    """A request given up for `reason` (counted as `newsroom/failed/<reason>`)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class Skipped(exceptions.IgnoreRequest):
    """A request dropped on purpose for `reason` (counted as `newsroom/skipped/<reason>`)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# Requests we chose not to make (robots.txt, off-site): policy, not failure.
SKIP_REASONS = frozenset({"robots_txt", "ignored"})

# Skips that end a request the crawl made (the others are of URLs it never requested).
REQUEST_SKIPS = frozenset({*SKIP_REASONS, "recheck_not_due", "redirect_to_known", "not_a_listing"})

REASONS = (
    ((exceptions.CannotResolveHostError, error.DNSLookupError), "dns_error"),
    ((exceptions.DownloadTimeoutError, error.TimeoutError, error.TCPTimedOutError), "timeout"),
    ((exceptions.DownloadConnectionRefusedError, error.ConnectionRefusedError), "connection_refused"),
    ((exceptions.DownloadCancelledError,), "too_large"),
    # The body ended before its Content-Length (DOWNLOAD_FAIL_ON_DATALOSS).
    ((exceptions.ResponseDataLossError,), "truncated"),
    ((exceptions.DownloadFailedError, error.ConnectionLost, ResponseNeverReceived, ResponseFailed), "connection_lost"),
)


def failure_reason(failure: Failure) -> str:
    if failure.check(Failed, Skipped):
        return failure.value.reason
    if failure.check(exceptions.IgnoreRequest) and not failure.check(HttpError):
        message = str(failure.value).lower()
        if "robots" in message:
            return "robots_txt"
        return "too_large" if "download_maxsize" in message else "ignored"
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    for types, reason in REASONS:
        if failure.check(*types):
            return reason
    return type(failure.value).__name__


def is_skip(failure: Failure) -> bool:
    """A request dropped on purpose (counted as skipped), not a failure."""
    return bool(failure.check(Skipped)) or (not failure.check(Failed) and failure_reason(failure) in SKIP_REASONS)

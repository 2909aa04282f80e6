"""Failed or refused requests named by reason, for logs and crawl stats (`newsroom/failed/<reason>`).

Scrapy 2.19 raises its own download exceptions; older Twisted ones are kept
for the download handlers that still raise them.
"""

from __future__ import annotations

from scrapy import exceptions
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

# Requests we chose not to make (robots.txt, off-site): policy, not failure.
SKIP_REASONS = frozenset({"robots_txt", "ignored"})

REASONS = (
    ((exceptions.CannotResolveHostError, error.DNSLookupError), "dns_error"),
    ((exceptions.DownloadTimeoutError, error.TimeoutError, error.TCPTimedOutError), "timeout"),
    ((exceptions.DownloadConnectionRefusedError, error.ConnectionRefusedError), "connection_refused"),
    ((exceptions.DownloadCancelledError,), "cancelled_too_large"),
    ((exceptions.ResponseDataLossError,), "data_loss"),
    ((exceptions.DownloadFailedError, error.ConnectionLost, ResponseNeverReceived), "connection_lost"),
)


def failure_reason(failure: Failure) -> str:
    if failure.check(exceptions.IgnoreRequest) and not failure.check(HttpError):
        return "robots_txt" if "robots" in str(failure.value).lower() else "ignored"
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    for types, reason in REASONS:
        if failure.check(*types):
            return reason
    return type(failure.value).__name__

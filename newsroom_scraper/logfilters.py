"""One line per expected download error: a robots.txt that failed to download is no crash.

Scrapy's RobotsTxtMiddleware logs a robots.txt it could not download (a
timeout, a refused connection) at ERROR level with the whole traceback,
and then crawls as if the site had none. That is an expected fault of the
network, not a bug: a traceback in a scheduled run's log makes people look
for one. `quiet_tracebacks()` keeps the message and drops the traceback.
"""

from __future__ import annotations

import logging

# Loggers whose errors are about the network, not the program.
NETWORK_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)


class DropTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.msg} ({type(record.exc_info[1]).__name__})"
        record.exc_info = None
        record.exc_text = None
        return True


def quiet_tracebacks() -> None:
    """Install the filter once on each network logger."""
    for name in NETWORK_LOGGERS:
        log = logging.getLogger(name)
        if not any(isinstance(f, DropTraceback) for f in log.filters):
            log.addFilter(DropTraceback())

"""`scrapy crawl`, with one-line errors for mistakes and an exit status that says whether the run worked.

Scrapy's own `crawl` starts the spider inside the reactor: a bad argument,
setting, sources file or state file then surfaces as `asyncio ERROR: Task
exception was never retrieved` and a traceback, and the process still
exits 0; a crawl that fetched nothing, or could not write its output, exits
0 as well, and cron cannot tell. This command keeps Scrapy's options and
output, and:

- prints a mistake as ONE line, `newsroom_scraper: error: <what, where, how
  to fix>`, and exits with status 2 (as argparse does for usage errors);
- otherwise exits with the status the run summary decided (see
  `extensions/runsummary.py` and README "Exit statuses").
"""

from __future__ import annotations

import sqlite3
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from ..extensions.runsummary import EXIT_STATUS_STAT, STATUS_CRASHED, STATUS_USAGE

# Raised while the crawl is set up, these are the user's to fix (settings, arguments, sources, state).
MISTAKES = (ValueError, sqlite3.DatabaseError, OSError)


def error_line(error: BaseException) -> str:
    return f"newsroom_scraper: error: {error}"


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name: scrapy crawl newsroom [-a NAME=VALUE ...]")
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        errors: list[BaseException] = []
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        if hasattr(started, "add_done_callback"):  # asyncio.Task (AsyncCrawlerProcess)
            started.add_done_callback(lambda task: task.cancelled() or self.note(task.exception(), errors))
        else:  # Deferred (CrawlerProcess)
            started.addErrback(lambda failure: self.note(failure.value, errors))
        self.crawler_process.start()
        self.exitcode = self.exit_status(crawler, errors)

    @staticmethod
    def note(error: BaseException | None, errors: list[BaseException]) -> None:
        if error is not None:
            errors.append(error)

    def exit_status(self, crawler, errors: list[BaseException]) -> int:
        try:
            status = crawler.stats.get_value(EXIT_STATUS_STAT)
        except RuntimeError:  # Scrapy's "stats not set yet": the crawl never started
            status = None
        if errors and status is None:  # the crawl never got to its summary: it failed to start
            if isinstance(errors[0], MISTAKES):
                print(error_line(errors[0]), file=sys.stderr)
                return STATUS_USAGE
            raise errors[0]
        if status is None:
            return STATUS_CRASHED if self.crawler_process.bootstrap_failed else 0
        return int(status)

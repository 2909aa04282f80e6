"""How the spider counts what became of each URL: skipped on purpose, or failed, each by reason.

Every URL the crawl meets ends in one counted outcome (README "Failure
reasons"): those it never requests are counted as `newsroom/skipped/<reason>`
where they are turned down; a request that fails or is dropped on the way
comes back to `on_error`, which names the reason (`failures.py`) and counts
it as skipped (robots.txt, a redirect to a page already requested) or
failed. Records, unchanged pages and pages that are not articles are
counted by the middlewares and pipelines that decide them.
"""

from __future__ import annotations

from twisted.python.failure import Failure

from ..downloadermiddlewares.recheck import KnownArticle
from ..failures import failure_reason, is_skip


class Outcomes:
    """Mixed into the spider: needs `crawler` and `logger`."""

    def count_skip(self, reason: str, url: str) -> None:
        """A URL deliberately not requested (policy, not failure)."""
        self.crawler.stats.inc_value(f"newsroom/skipped/{reason}")
        self.logger.debug("Not requested (%s): %s", reason, url)

    def count_failure(self, reason: str, url: str) -> None:
        self.crawler.stats.inc_value("newsroom/failed")
        self.crawler.stats.inc_value(f"newsroom/failed/{reason}")
        self.logger.warning("Failed (%s): %s", reason, url)

    def on_error(self, failure: Failure):
        """A request that failed: log it and count it by reason; the crawl goes on."""
        if failure.check(KnownArticle):
            return  # not a failure: counted by the recheck middleware
        reason = failure_reason(failure)
        url = (failure.request.meta.get("redirect_urls") or [failure.request.url])[0]  # the URL asked for
        if is_skip(failure):
            self.crawler.stats.inc_value(f"newsroom/skipped/{reason}")
            self.logger.info("Skipped (%s): %s", reason, url)
            return
        self.count_failure(reason, url)

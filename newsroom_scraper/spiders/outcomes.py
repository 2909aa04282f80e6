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

from ..discovery.urls import url_key
from ..downloadermiddlewares.recheck import KnownArticle
from ..failures import failure_reason, is_skip


class Outcomes:
    """Mixed into the spider: needs `crawler`, `logger`, and the `seen_urls` and `index_pages` key sets."""

    def claim_redirect(self, url: str, chain: list[str]) -> bool:
        """Note that an article request (its URLs so far: `chain`) was redirected to `url`.

        False when this run already requested `url` as another page; a redirect to another form of
        the same page (a session id added, a tracking parameter dropped) is not one.
        """
        key = url_key(url)
        if key in {url_key(link) for link in chain}:
            return True
        if key in self.seen_urls or key in self.index_pages:
            return False
        self.seen_urls.add(key)
        return True

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

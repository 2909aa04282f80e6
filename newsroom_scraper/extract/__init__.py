"""Article extraction: pure functions from page bytes to a record or a reason.

Nothing here imports Scrapy, so the same code serves the crawl's pipeline,
the `newsroom-extract` command, the evaluation and a process pool.
"""

from .article import Extraction, NotAnArticle, SiteRules, extract_article, extract_fields

__all__ = ["Extraction", "NotAnArticle", "SiteRules", "extract_article", "extract_fields"]

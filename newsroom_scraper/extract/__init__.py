"""Article extraction: pure functions from page bytes to a record or a reason.

Nothing here imports Scrapy, so the same code serves the crawl's pipeline,
the `newsroom-extract` command, the evaluation and a process pool.
"""

from .article import NotAnArticle, extract_article, extract_fields, read_fields
from .evidence import Source
from .page import Listed
from .profile import SiteProfile
from .resolve import Fields

__all__ = ["Fields", "Listed", "NotAnArticle", "SiteProfile", "Source", "extract_article", "extract_fields",
           "read_fields"]  # fmt: skip

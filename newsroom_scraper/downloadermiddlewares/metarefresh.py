"""MetaRefreshMiddleware: Scrapy's, without decoding every page to rule out a `<meta http-equiv="refresh">`.

Scrapy's MetaRefreshMiddleware reads `response.text[0:4096]`: the whole body
decoded to find a refresh in its first 4,096 characters, for every HTML
response, and the decoded copy then lives as long as the response (in a
crawl, while its page waits for extraction). Almost no article declares a
refresh. In an ASCII-compatible encoding those 4,096 characters are at most
16 KiB of bytes and spell "refresh" in ASCII letters, so when the first
16 KiB hold no "refresh" in any case, there is none to follow and the page
is passed on undecoded. Any other page (one that names a refresh, or a
UTF-16/32 body, whose bytes hold NULs) goes to Scrapy's middleware as before.
"""

from __future__ import annotations

import re

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware
from scrapy.http import HtmlResponse

# Scrapy reads the first 4,096 characters; a character is at most 4 bytes in an ASCII-compatible encoding.
SCANNED_BYTES = 4 * 4096
REFRESH = re.compile(rb"refresh", re.IGNORECASE)


def may_refresh(body: bytes) -> bool:
    """False only when the start of the body cannot hold a meta refresh in any ASCII-compatible encoding."""
    return b"\x00" in body[:SCANNED_BYTES] or REFRESH.search(body, 0, SCANNED_BYTES) is not None


class MetaRefreshMiddleware(ScrapyMetaRefreshMiddleware):
    def process_response(self, request, response, spider=None):
        if isinstance(response, HtmlResponse) and not may_refresh(response.body):
            return response
        return super().process_response(request, response)

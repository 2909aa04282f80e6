"""The spider a user would write by hand: the baseline of crawl_throughput.py.

Plain Scrapy, no project settings: follow the listing's article links and its
"Next" link, and extract each article with trafilatura's bare_extraction
(metadata on, favor_precision) in the callback, on the reactor thread.

    python -m scrapy runspider benchmarks/handwritten_spider.py -a start_url=URL -O out.jsonl
"""

from __future__ import annotations

import scrapy
import trafilatura


class HandwrittenSpider(scrapy.Spider):
    name = "handwritten"

    def __init__(self, start_url: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]

    def parse(self, response):
        for href in response.css("ul a::attr(href)").getall():
            yield response.follow(href, self.parse_article)
        for href in response.css("a[rel=next]::attr(href)").getall():
            yield response.follow(href, self.parse)

    def parse_article(self, response):
        options = {"with_metadata": True, "favor_precision": True}
        document = trafilatura.bare_extraction(response.body, url=response.url, **options)
        if document is not None and document.text:
            yield {"url": response.url, "title": document.title, "date": document.date, "body": document.text}

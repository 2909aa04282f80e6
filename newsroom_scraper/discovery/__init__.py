"""Discovery: how a scheduled crawl finds a newsroom's articles, and only those.

One module per stage: `urls` (normalisation and trap rules, applied to every
URL before it is requested), `sitemaps` and `feeds` (article URLs with their
dates), `since` (the date cut-off), `politeness` (per-site delays and
robots.txt Crawl-delay). The spider wires them together; nothing here
imports the spider.
"""

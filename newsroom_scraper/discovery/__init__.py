"""Discovery: how a scheduled crawl finds a newsroom's articles, and only those.

One module per stage: `frontier` (the gate every URL passes: a request or a
skip reason, remembered in this process or on Redis), `traps` (link families
never requested), `links` (pagination and article links of listing pages),
`sitemaps` and `feeds` (article URLs with their dates), `since` (the date
cut-off), `politeness` (per-site download slots). URL identity (the request
form, the key) is newsroom_scraper/urls.py. The spider wires them together;
nothing here imports the spider.
"""

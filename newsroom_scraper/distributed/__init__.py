"""One crawl over many processes and machines: a shared frontier, leases, politeness and robots.txt on Redis.

`NEWSROOM_REDIS_URL=redis://host:port/db` turns it on (the add-on in
`addon.py` rewrites the settings before the crawl starts); without it the
crawl is a single process with Scrapy's own scheduler, as before. Every
process of one crawl (same `NEWSROOM_CRAWL_ID`) pulls from one scrapy-redis
queue (`scheduler.py`), leases what it pops until the response is handled
(`leases.py`), seeds and finishes the crawl with the others
(`coordinator.py`), shares what the frontier decided (`frontier.py`: the
listing and sitemap budgets, the URLs already requested or fetched), and
shares each site's request budget and robots.txt (`politeness.py`,
`robots.py`). The seen-store on the same Redis is
`state/redis.py`.
"""

from __future__ import annotations

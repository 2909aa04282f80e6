"""newsroom_scraper: crawl newsrooms and archive their articles as clean JSONL records."""

__version__ = "0.1.0"

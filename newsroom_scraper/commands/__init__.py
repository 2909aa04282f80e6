"""Scrapy commands of this project (COMMANDS_MODULE): `crawl`, with one-line errors and honest exit statuses."""

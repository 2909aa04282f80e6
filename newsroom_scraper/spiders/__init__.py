"""Spiders: `newsroom` crawls newsroom listing pages and yields the pages they link to."""

"""Downloader middlewares: recheck (known articles: not before they are due, then by conditional GET)."""

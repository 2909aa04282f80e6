"""ValidatePipeline: only complete records that match the shipped JSON Schema reach the feed.

A record that fails is dropped at WARNING level and counted as
`newsroom/invalid/<field>`: an archive is better served by a missing record
(which a later run can supply) than by a wrong one.
"""

from __future__ import annotations

from jsonschema import Draft202012Validator
from scrapy.exceptions import DropItem

from ..record import load_schema


class ValidatePipeline:
    def __init__(self, stats, validator: Draft202012Validator) -> None:
        self.stats = stats
        self.validator = validator

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, Draft202012Validator(load_schema()))

    def process_item(self, item):
        errors = sorted(self.validator.iter_errors(item), key=lambda e: list(e.path))
        if errors:
            first = errors[0]
            where = ".".join(str(p) for p in first.path) or "record"
            self.stats.inc_value(f"newsroom/invalid/{where}")
            raise DropItem(f"Invalid record ({where}: {first.message}): {item.get('url')}", log_level="WARNING")
        return item

"""The sources file: which newsrooms a scheduled crawl visits.

Validated completely before the crawl starts, so that a typo stops the run
with a message naming the source and the field instead of half a crawl.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

DATE_ORDERS = ("DMY", "MDY", "YMD")
KNOWN_FIELDS = frozenset({"name", "start_urls", "allowed_domains", "language", "date_order"})


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the source and field."""


@dataclass(slots=True, frozen=True)
class Source:
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    language: str | None = None
    date_order: str | None = None


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _is_http_url(value) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://")) and bool(host_of(value))


def _str_list(table: dict, key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SourcesError(f"{where}: '{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def parse_source(table: dict, index: int) -> Source:
    name = table.get("name")
    where = f"source #{index + 1}" + (f" ({name!r})" if isinstance(name, str) else "")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: 'name' is required and must be a non-empty string")
    unknown = set(table) - KNOWN_FIELDS
    if unknown:
        raise SourcesError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    start_urls = _str_list(table, "start_urls", where)
    if not start_urls:
        raise SourcesError(f"{where}: 'start_urls' needs at least one URL")
    for url in start_urls:
        if not _is_http_url(url):
            raise SourcesError(f"{where}: 'start_urls' has {url!r}, which is not an http(s) URL")
    domains = _str_list(table, "allowed_domains", where) or sorted({host_of(u) for u in start_urls})
    language = table.get("language")
    if language is not None and not (isinstance(language, str) and len(language) == 2 and language.isalpha()):
        raise SourcesError(f"{where}: 'language' must be a two-letter ISO 639-1 code, not {language!r}")
    order = table.get("date_order")
    if order is not None and order not in DATE_ORDERS:
        raise SourcesError(f"{where}: 'date_order' must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    return Source(name.strip(), tuple(start_urls), tuple(domains), language and language.lower(), order)


def parse_sources(text: str, origin: str = "sources file") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{origin}: not valid TOML: {error}") from error
    tables = data.get("source", [])
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{origin}: no [[source]] tables")
    sources = [parse_source(table, index) for index, table in enumerate(tables)]
    names = [source.name for source in sources]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise SourcesError(f"{origin}: source name(s) used twice: {', '.join(duplicates)}")
    return sources


def load_sources(path: str | None = None) -> list[Source]:
    """The sources in `path`, or in the file shipped with the package."""
    if path:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as error:
            raise SourcesError(f"{path}: cannot read: {error.strerror}") from error
        return parse_sources(text, path)
    text = resources.files("newsroom_scraper").joinpath("sources.toml").read_text("utf-8")
    return parse_sources(text, "newsroom_scraper/sources.toml")

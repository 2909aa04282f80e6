"""The sources file: which newsrooms a scheduled crawl visits, and how (one profile per site).

Validated completely before the crawl starts, so that a typo stops the run
with a message naming the source and the field instead of half a crawl:
URLs, domains, regular expressions and CSS/XPath selectors are all checked
here, not at the first page that would use them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .extract.profile import NO_PROFILE, SiteProfile
from .extract.selectors import SelectorError, compile_selector, result_kind
from .urls import site_of

DATE_ORDERS = ("DMY", "MDY", "YMD")
KNOWN_FIELDS = frozenset(
    {"name", "start_urls", "sitemaps", "feeds", "allowed_domains", "allow", "deny", "language", "date_order",
     "download_delay", "concurrency", "selectors"}
)  # fmt: skip
SELECTOR_FIELDS = ("title", "date", "body", "attribution")
# Selectors whose matches are elements to keep or remove: a string value (xpath:string(...)) means nothing there.
ELEMENT_SELECTORS = frozenset({"selectors.body", "selectors.drop"})
KNOWN_SELECTOR_FIELDS = frozenset({*SELECTOR_FIELDS, "drop"})


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the source and field."""


@dataclass(slots=True, frozen=True)
class Source:
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    # Regular expressions (searched in the whole URL): article URLs must match one of `allow`, if any,
    # and none of `deny`. Listing pagination is not subject to them.
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    download_delay: float | None = None
    concurrency: int | None = None
    # What the extraction of this site's pages adds to the generic path: selectors, language, date order.
    profile: SiteProfile = NO_PROFILE

    def accepts(self, url: str) -> bool:
        """The profile's allow/deny patterns let `url` be fetched as an article."""
        if any(re.search(pattern, url) for pattern in self.deny):
            return False
        return not self.allow or any(re.search(pattern, url) for pattern in self.allow)


def _is_http_url(value) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://")) and bool(site_of(value))


def _str_list(table: dict, key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SourcesError(f"{where}: '{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def _url_list(table: dict, key: str, where: str) -> list[str]:
    urls = _str_list(table, key, where)
    for url in urls:
        if not _is_http_url(url):
            raise SourcesError(f"{where}: '{key}' has {url!r}, which is not an http(s) URL")
    return urls


def _patterns(table: dict, key: str, where: str) -> tuple[str, ...]:
    patterns = _str_list(table, key, where)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            message = f"{where}: '{key}' has {pattern!r}, which is not a regular expression: {error}"
            raise SourcesError(message) from None
    return tuple(patterns)


def _number(table: dict, key: str, where: str, kind: type, minimum: float) -> float | int | None:
    value = table.get(key)
    if value is None:
        return None
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= minimum
    if kind is int:
        ok = ok and isinstance(value, int)
    if not ok:
        noun = "a whole number" if kind is int else "a number"
        raise SourcesError(f"{where}: '{key}' must be {noun} of at least {minimum}, not {value!r}")
    return kind(value)


def _selector(value, name: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SourcesError(f"{where}: '{name}' must be a non-empty string")
    try:
        compile_selector(value.strip())
        kind = result_kind(value.strip())
    except SelectorError as error:
        raise SourcesError(f"{where}: '{name}' is not a valid selector: {error}") from None
    if kind in ("a boolean", "a number") or (kind and name in ELEMENT_SELECTORS):
        raise SourcesError(
            f"{where}: '{name}' = {value.strip()!r} gives {kind}, not elements: select the nodes themselves "
            "(e.g. xpath://p, not xpath:count(//p))"
        )
    return value.strip()


def parse_selectors(value, where: str) -> dict:
    """The [source.selectors] table as SiteProfile's keyword arguments."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SourcesError(f"{where}: 'selectors' must be a table (title, date, body, attribution, drop)")
    unknown = set(value) - KNOWN_SELECTOR_FIELDS
    if unknown:
        raise SourcesError(f"{where}: unknown field(s) {', '.join(f'selectors.{u}' for u in sorted(unknown))}")
    found = {key: _selector(value[key], f"selectors.{key}", where) for key in SELECTOR_FIELDS if key in value}
    drop = value.get("drop", [])
    if isinstance(drop, str):
        drop = [drop]
    if not isinstance(drop, list):
        raise SourcesError(f"{where}: 'selectors.drop' must be a list of selectors")
    return {**found, "drop": tuple(_selector(d, "selectors.drop", where) for d in drop)}


def parse_source(table: dict, index: int) -> Source:
    name = table.get("name")
    where = f"source #{index + 1}" + (f" ({name!r})" if isinstance(name, str) else "")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: 'name' is required and must be a non-empty string")
    unknown = set(table) - KNOWN_FIELDS
    if unknown:
        raise SourcesError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    start_urls = _url_list(table, "start_urls", where)
    sitemaps = _url_list(table, "sitemaps", where)
    feeds = _url_list(table, "feeds", where)
    if not (start_urls or sitemaps or feeds):
        raise SourcesError(f"{where}: 'start_urls' needs at least one URL, unless 'sitemaps' or 'feeds' has one")
    every_url = [*start_urls, *sitemaps, *feeds]
    domains = [d.lower() for d in _str_list(table, "allowed_domains", where)] or sorted({site_of(u) for u in every_url})
    for key, urls in (("start_urls", start_urls), ("sitemaps", sitemaps), ("feeds", feeds)):
        for url in urls:
            host = site_of(url)
            if not any(host == d or host.endswith("." + d) for d in domains):
                raise SourcesError(f"{where}: '{key}' has {url!r}, outside 'allowed_domains' ({', '.join(domains)})")
    language = table.get("language")
    if language is not None and not (isinstance(language, str) and len(language) == 2 and language.isalpha()):
        raise SourcesError(f"{where}: 'language' must be a two-letter ISO 639-1 code, not {language!r}")
    order = table.get("date_order")
    if order is not None and order not in DATE_ORDERS:
        raise SourcesError(f"{where}: 'date_order' must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    return Source(
        name=name.strip(),
        start_urls=tuple(start_urls),
        allowed_domains=tuple(domains),
        sitemaps=tuple(sitemaps),
        feeds=tuple(feeds),
        allow=_patterns(table, "allow", where),
        deny=_patterns(table, "deny", where),
        download_delay=_number(table, "download_delay", where, float, 0),
        concurrency=_number(table, "concurrency", where, int, 1),
        profile=SiteProfile(
            **parse_selectors(table.get("selectors"), where), language=language and language.lower(), date_order=order
        ),
    )


def parse_sources(text: str, origin: str = "sources file") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{origin}: not valid TOML: {error}") from error
    unknown = set(data) - {"source"}
    if unknown:
        raise SourcesError(f"{origin}: unknown top-level table(s) {', '.join(sorted(unknown))}; sources are [[source]]")
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


def ad_hoc_source(start_urls: list[str], sitemaps: list[str], feeds: list[str]) -> Source:
    """The source of a crawl given by -a start_urls/sitemaps/feeds: their hosts are its domains."""
    for key, urls in (("start_urls", start_urls), ("sitemaps", sitemaps), ("feeds", feeds)):
        for url in urls:
            if not _is_http_url(url):
                raise SourcesError(f"{key}: {url!r} is not an http(s) URL")
    hosts = tuple(sorted({site_of(u) for u in [*start_urls, *sitemaps, *feeds]}))
    return Source("ad-hoc", tuple(start_urls), hosts, sitemaps=tuple(sitemaps), feeds=tuple(feeds))

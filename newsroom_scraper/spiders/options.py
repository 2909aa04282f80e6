"""The crawl's options: `-a` arguments and settings, checked and resolved once, before the first request.

Scrapy hands the spider its `-a NAME=VALUE` pairs as strings and its
settings as a mapping that later components may read at any time. The
spider keeps the strings as they came (`Arguments`) and resolves them with
the settings in `from_crawler` into one frozen `CrawlOptions`: a mistake
(an unknown argument, a bad number, date or mode, an unknown source) is a
ValueError with one line saying what to write instead, raised before
anything is opened, and nothing reads a raw argument after that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..arguments import check_argument_names, positive_int
from ..discovery.frontier import LISTING_LINK_MODES, FrontierRules
from ..discovery.since import parse_since
from ..sources import Source, SourcesError, ad_hoc_source, load_sources
from ..state.crawl import MODES


def split_list(value) -> tuple[str, ...]:
    """A comma-separated `-a` value (or a list given from Python) as its non-empty items."""
    if not value:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if v)
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


@dataclass(frozen=True, slots=True)
class Arguments:
    """The spider's `-a` arguments as given (README "Arguments")."""

    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    source: str | None = None
    max_pages: str | None = None
    since: str | None = None
    mode: str | None = None

    @classmethod
    def parse(cls, start_urls=None, sitemaps=None, feeds=None, **rest) -> Arguments:
        """From Scrapy's keyword arguments; an unknown name is a ValueError (names starting with "_" pass)."""
        check_argument_names(rest)
        known = {name: rest[name] for name in ("source", "max_pages", "since", "mode") if name in rest}
        return cls(split_list(start_urls), split_list(sitemaps), split_list(feeds), **known)

    @property
    def ad_hoc(self) -> bool:
        return bool(self.start_urls or self.sitemaps or self.feeds)


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    sources: tuple[Source, ...]
    ad_hoc: bool = False
    # "incremental" (default): only new and changed articles are exported; "full": all of them again.
    mode: str = "incremental"
    rules: FrontierRules = field(default_factory=FrontierRules)
    discover_feeds: bool = True
    max_size: int = 0

    @property
    def allowed_domains(self) -> list[str]:
        return sorted({d for s in self.sources for d in s.allowed_domains})

    @classmethod
    def resolve(cls, arguments: Arguments, settings) -> CrawlOptions:
        """The options of a crawl, `-a` arguments winning over settings; ValueError (one line) for a mistake."""
        if arguments.max_pages is not None:
            max_pages = positive_int("-a max_pages", arguments.max_pages)
        else:
            max_pages = positive_int("NEWSROOM_MAX_PAGES", settings.get("NEWSROOM_MAX_PAGES"))
        mode = arguments.mode or "incremental"
        if mode not in MODES:
            raise ValueError(f"-a mode: {mode!r} is not a mode; give one of {', '.join(MODES)}")
        since: date | None = parse_since(arguments.since or settings.get("NEWSROOM_SINCE"))
        listing_link_mode = settings.get("NEWSROOM_LISTING_LINKS") or "all"
        if listing_link_mode not in LISTING_LINK_MODES:
            raise ValueError(
                f"NEWSROOM_LISTING_LINKS: {listing_link_mode!r} is not a mode; "
                f"set it to one of {', '.join(LISTING_LINK_MODES)}"
            )
        rules = FrontierRules(max_pages, settings.getint("NEWSROOM_MAX_SITEMAPS", 50), since, listing_link_mode)
        return cls(
            sources=tuple(select_sources(arguments, settings.get("NEWSROOM_SOURCES"))),
            ad_hoc=arguments.ad_hoc,
            mode=mode,
            rules=rules,
            discover_feeds=settings.getbool("NEWSROOM_DISCOVER_FEEDS", True),
            max_size=settings.getint("DOWNLOAD_MAXSIZE"),
        )


def select_sources(arguments: Arguments, sources_path: str | None) -> list[Source]:
    """Ad-hoc URLs (-a start_urls/sitemaps/feeds), one configured source, or all of them."""
    if arguments.ad_hoc:
        if arguments.source:
            raise SourcesError("use either -a source=NAME or -a start_urls/sitemaps/feeds, not both")
        return [ad_hoc_source(list(arguments.start_urls), list(arguments.sitemaps), list(arguments.feeds))]
    sources = load_sources(sources_path)
    if arguments.source:
        chosen = [s for s in sources if s.name == arguments.source]
        if not chosen:
            names = ", ".join(s.name for s in sources)
            raise SourcesError(f"no source named {arguments.source!r}; known: {names}")
        return chosen
    return sources

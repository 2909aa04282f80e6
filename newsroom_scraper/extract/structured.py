"""Metadata the page states about itself: <meta> tags and JSON-LD objects.

Read once from the unpruned tree; title, date, authors, section and canonical
URL all consult it before they look at visible text, because publishers put
their most careful values there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extruct.jsonld import JsonLdExtractor
from lxml import html

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "PressRelease",
        "LiveBlogPosting",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
    }
)

_JSONLD = JsonLdExtractor()


@dataclass(slots=True)
class PageMetadata:
    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict] = field(default_factory=list)

    def first(self, *names: str) -> str | None:
        """The first non-empty <meta> value among `names` (lower-case name or property)."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None

    def articles(self) -> list[dict]:
        """JSON-LD objects typed as an article of some kind."""
        return [obj for obj in self.jsonld if _types(obj) & ARTICLE_TYPES]

    def of_type(self, name: str) -> list[dict]:
        return [obj for obj in self.jsonld if name in _types(obj)]

    def article_value(self, key: str):
        for obj in self.articles():
            value = obj.get(key)
            if value:
                return value
        return None


def _types(obj: dict) -> set[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return {value.rsplit("/", 1)[-1]}
    if isinstance(value, list):
        return {v.rsplit("/", 1)[-1] for v in value if isinstance(v, str)}
    return set()


def _flatten(items: list) -> list[dict]:
    """Unwrap @graph containers and mainEntity so that each typed object stands alone."""
    found: list[dict] = []
    stack = list(items)
    while stack:
        obj = stack.pop(0)
        if isinstance(obj, list):
            stack[:0] = obj
            continue
        if not isinstance(obj, dict):
            continue
        if "@graph" in obj:
            stack[:0] = obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]]
        if isinstance(obj.get("mainEntity"), dict):
            stack.append(obj["mainEntity"])
        if "@type" in obj:
            found.append(obj)
    return found


def read_metadata(tree: html.HtmlElement) -> PageMetadata:
    meta: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = element.get("content")
        if key and content:
            meta.setdefault(key.strip().lower(), []).append(content)
    jsonld: list = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            jsonld.extend(_JSONLD.extract_items(script))
        except Exception:  # noqa: BLE001 - a broken JSON-LD block must not cost the page
            continue
    return PageMetadata(meta=meta, jsonld=_flatten(jsonld))

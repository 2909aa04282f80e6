"""The headline: the visible heading that the page's own metadata confirms.

The <title> tag carries site-name suffixes ("----Chinese Academy of
Sciences", " | Example News") and is sometimes truncated; the <h1> is
sometimes the site logo and the headline an <h2>. So the headline is the
first heading (h1, then h2, h3) whose text is the <title>, og:title or JSON-LD
headline with the site-name part removed; failing that, the metadata title
with its site name stripped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree, html

from .evidence import NOTHING, Resolved, Source
from .structured import PageMetadata
from .text import element_text, squash

TITLE_SEPARATORS = re.compile(r"\s+[|｜‖–—~:•·»›]\s+|\s+-{1,2}\s+|-{3,}|_{2,}|\s*[|｜_]\s*|\s+::\s+|\s*——\s*")
HEADING_LEVELS = ("h1", "h2", "h3")
# A heading this much shorter than the title it is found in is a site name.
MIN_SHARE_OF_TITLE = 0.55
MAX_TITLE_CHARS = 400


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def site_names(meta: PageMetadata, url: str | None) -> set[str]:
    """Keys of the names a site calls itself, to be removed from titles."""
    names = {meta.first("og:site_name"), meta.first("application-name"), meta.first("twitter:site")}
    for obj in meta.of_type("WebSite") + meta.of_type("Organization") + meta.of_type("NewsMediaOrganization"):
        if isinstance(obj.get("name"), str):
            names.add(obj["name"])
    keys = {_key(name.lstrip("@")) for name in names if name}
    if url:
        host = urlsplit(url).hostname or ""
        labels = [label for label in host.split(".") if label not in ("www", "com", "org", "net", "gov", "edu")]
        keys.update(_key(label) for label in labels if len(label) > 2)
    keys.discard("")
    return keys


def strip_site_name(title: str, names: set[str]) -> str:
    """The headline part of a <title>-like string."""
    parts = [squash(p) for p in TITLE_SEPARATORS.split(title) if squash(p)]
    if len(parts) <= 1:
        return squash(title)
    named = [p for p in parts if _key(p) not in names and not any(n and n in _key(p) and len(_key(p)) - len(n) < 6
                                                                      for n in names)]  # fmt: skip
    candidates = named or parts
    return max(candidates, key=len)


def _candidates(meta: PageMetadata, title_tag: str) -> list[tuple[str, Source]]:
    """The page's titles for itself, <title> first, each with the kind of metadata that gave it."""
    found = [(title_tag, Source.TITLE_TAG)]
    for value, source in (
        (meta.first("og:title"), Source.META),
        (meta.first("twitter:title"), Source.META),
        (meta.article_value("headline"), Source.JSONLD),
    ):
        if isinstance(value, str) and value.strip():
            found.append((squash(value), source))
    return [(c, source) for c, source in found if c]


def _matches(heading: str, candidate: str, names: set[str]) -> bool:
    h, c = _key(heading), _key(candidate)
    if not h or h in names:
        return False
    if h == c or h == _key(strip_site_name(candidate, names)):
        return True
    # The <title> may be cut ("A long headline...") or carry more than the heading.
    if c.startswith(h) or c.endswith(h):
        return len(h) >= MIN_SHARE_OF_TITLE * len(_key(strip_site_name(candidate, names)))
    return len(c) > 20 and h.startswith(c.rstrip("."))


NON_WORD = re.compile(r"\W")


def as_written(heading: str, candidates: list[str], names: set[str]) -> str:
    """The heading with the separators its metadata title writes and its markup lost.

    A kicker and a headline in sibling elements read "Kicker Headline" or
    "KickerHeadline" from the markup, while the metadata title, of the same
    words, writes "Kicker: Headline". The metadata's form wins when it has the
    same words and more separators between them (not around them: "Headline |"
    is a cut site name); quotes changed for others are left alone.
    """
    key = _key(heading)
    written, marks = heading, len(NON_WORD.findall(heading))
    for candidate in candidates:
        for form in (candidate, strip_site_name(candidate, names)):
            same_ends = form[:1] == heading[:1] and form[-1:] == heading[-1:]
            if same_ends and _key(form) == key and len(NON_WORD.findall(form)) > marks:
                written, marks = form, len(NON_WORD.findall(form))  # the form that lost the fewest marks
    return written


# Between a kicker and its headline, in a hidden element or the text: ": ", " - ", " / ".
PART_EDGES = " :|/–—-·•\u00a0"


def headline_apart(heading: html.HtmlElement, declared: list[str], names: set[str]) -> str | None:
    """The headline of a heading that also shows a kicker or subtitle in an element of its own, when the
    page's declared titles (og:title, twitter:title, JSON-LD headline) give the headline without it.

    "<span>Klimaschutz</span><span>Bohren, bis es heiß wird</span>" is "Bohren, bis es heiß wird" when
    og:title says so; when any declared title writes the kicker too ("Klimaschutz: Bohren ..."), None:
    as_written keeps the kicker with that separator.
    """
    keys = {_key(form) for title in declared for form in (title, strip_site_name(title, names))} - {""}
    whole = _key(element_text(heading))
    if not keys or whole in keys:
        return None
    for part in heading.iterdescendants():
        if not isinstance(part.tag, str):
            continue
        kicker = _key(element_text(part))
        if not kicker or kicker == whole or any(kicker in key for key in keys):
            continue
        if not (whole.startswith(kicker) or whole.endswith(kicker)):
            continue  # words inside the headline ("Storm hits <em>the coast</em> again")
        rest = _without(heading, part)
        if _key(rest) in keys:
            return rest
    return None


def _without(heading: html.HtmlElement, part: html.HtmlElement) -> str:
    """The heading's text without one of its elements, the separators at its ends removed."""
    copy = html.fromstring(html.tostring(heading, encoding="unicode", with_tail=False))
    path = heading.getroottree().getpath(part)[len(heading.getroottree().getpath(heading)) :]
    found = copy.xpath("." + path)
    if found:
        found[0].drop_tree()
    return element_text(copy).strip(PART_EDGES)


def find_title(
    tree: html.HtmlElement, meta: PageMetadata, url: str | None
) -> tuple[Resolved[str | None], html.HtmlElement | None]:
    """(headline and where it came from, its element): the element is None when no element shows it."""
    title_element = tree.find(".//title")
    title_tag = element_text(title_element) if title_element is not None else ""
    names = site_names(meta, url)
    sourced = _candidates(meta, title_tag)
    candidates = [candidate for candidate, _ in sourced]
    body = tree.find("body")
    scope = body if body is not None else tree
    for level in HEADING_LEVELS:
        for heading in scope.iter(level):
            text = element_text(heading)
            if 3 <= len(text) <= MAX_TITLE_CHARS and any(_matches(text, c, names) for c in candidates):
                apart = headline_apart(heading, candidates[1:], names)
                return Resolved(apart or as_written(text, candidates, names), Source.HEADING), heading
    page_text = PAGE_TEXT(scope)
    shown = _shown_variant(scope, candidates, names, page_text)
    if shown is not None:
        return Resolved(shown[0], Source.SHOWN), shown[1]
    stripped = [(strip_site_name(c, names), source) for c, source in sourced[1:] + sourced[:1]]
    stripped = [(s, source) for s, source in stripped if s and _key(s) not in names]
    h1s = [h for h in scope.iter("h1") if 3 <= len(element_text(h)) <= MAX_TITLE_CHARS]
    if len(h1s) == 1 and (not stripped or _key(element_text(h1s[0])) not in names):
        return Resolved(headline_apart(h1s[0], candidates[1:], names) or element_text(h1s[0]), Source.H1), h1s[0]
    if stripped:
        title = stripped[0][0][:MAX_TITLE_CHARS]
        return Resolved(title, stripped[0][1]), element_showing(scope, title, page_text)
    return NOTHING, None


# Looser than TITLE_SEPARATORS: "Site News: Headline" is only split when the page shows the part.
LOOSE_SEPARATORS = re.compile(r"\s*[:|｜–—]\s+|\s+[-–—]\s*|-{2,}")
MIN_SHOWN_CHARS = 12
# Real titles have a headline, a section or two and a site name; past this many parts the rest is
# not a headline's, and trying every run of them is what costs (a fuzzed page had 700).
MAX_TITLE_PARTS = 24


def _shown_runs(parts: list[str], page_text: str | None) -> Iterator[str]:
    """Runs of consecutive parts, joined; with `page_text`, only those the page's text contains.

    A run the page does not contain ends the runs from its first part: each
    longer one begins with it. So a title of n parts costs n searches when
    little of it is shown, instead of building all n²/2 runs of up to n parts
    (cubic time and memory: a 700-part <title> froze a crawl).
    """
    for start in range(len(parts)):
        run = parts[start]
        for end in range(start, len(parts)):
            run = run if end == start else f"{run} {parts[end]}"
            if page_text is not None and squash(run) not in page_text:
                break
            yield run


def _shown_variant(scope, candidates: list[str], names: set[str], page_text: str | None = None):
    """The longest part of a metadata title that the page shows as an element of its own."""
    variants = {c for c in candidates}
    for candidate in candidates:
        parts = [squash(p) for p in LOOSE_SEPARATORS.split(candidate)][:MAX_TITLE_PARTS]
        variants.update(_shown_runs(parts, page_text))
    for variant in sorted(variants, key=len, reverse=True):
        if len(variant) < MIN_SHOWN_CHARS or _key(variant) in names:
            continue
        element = element_showing(scope, variant, page_text)
        if element is not None:
            return variant, element
    return None


PAGE_TEXT = etree.XPath("normalize-space(string(.))", smart_strings=False)
SHOWING = etree.XPath(
    ".//*[not(self::script or self::style or self::title or self::a)][contains(normalize-space(string(.)), $text)]"
)


def element_showing(scope: html.HtmlElement, title: str, page_text: str | None = None) -> html.HtmlElement | None:
    """The innermost element whose whole text is the headline (a styled cell or div, not a heading).

    libxml2 finds the elements containing the text (all ancestors included);
    the innermost of those whose text is exactly the headline is the one.
    `page_text`, the scope's PAGE_TEXT, spares that search over every element
    when the text is nowhere on the page.
    """
    text = squash(title)
    if page_text is not None and text not in page_text:
        return None
    key = _key(title)
    found = None
    for element in SHOWING(scope, text=text):
        if _key(element_text(element)) == key:
            found = element  # document order: a later match inside an earlier one is more inner
    return found

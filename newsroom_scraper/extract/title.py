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
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree, html

from .evidence import NOTHING, Resolved, Source
from .rules.titles import (
    GENERIC_HOST_LABELS,
    HEADING_LEVELS,
    KICKER_COLON,
    LOOSE_SEPARATORS,
    MAX_HEADLINE_H1S,
    MAX_TITLE_CHARS,
    MAX_TITLE_PARTS,
    MIN_CUT_TITLE_KEY,
    MIN_HOST_LABEL_CHARS,
    MIN_SHARE_OF_TITLE,
    MIN_SHOWN_CHARS,
    MIN_TITLE_CHARS,
    NAVIGATION,
    PART_EDGES,
    SITE_NAME_SLACK,
    TITLE_SEPARATORS,
)
from .structured import PageMetadata
from .text import element_text, squash


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
        labels = [label for label in host.split(".") if label not in GENERIC_HOST_LABELS]
        keys.update(_key(label) for label in labels if len(label) >= MIN_HOST_LABEL_CHARS)
    keys.discard("")
    return keys


def _host_key(url: str | None) -> set[str]:
    """The key of the host name, "example.com" for "www.example.com": a heading saying just that is the site's name."""
    host = urlsplit(url).hostname if url else None
    return {_key(host.removeprefix("www."))} if host else set()


def _names_site(part: str, names: set[str]) -> bool:
    """Whether a title part's key is a site name, or one with a few letters more ("BBC News" for "bbc")."""
    return part in names or any(n and n in part and len(part) - len(n) < SITE_NAME_SLACK for n in names)


def strip_site_name(title: str, names: set[str]) -> str:
    """The headline part of a <title>-like string."""
    parts = [squash(p) for p in TITLE_SEPARATORS.split(title) if squash(p)]
    if len(parts) <= 1:
        return squash(title)
    named = [p for p in parts if not _names_site(_key(p), names)]
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


@dataclass(slots=True, frozen=True)
class _Declared:
    """One metadata title, keyed once."""

    key: str  # the whole title
    headline_key: str  # without its site name (strip_site_name)
    from_tag: bool  # the <title>, whose words a site writes for search more often than og:title's
    named: bool  # one of its parts is a name of the site
    after_kicker: str  # the key of what follows "Kicker: " (a word, a colon, a space), else ""


def _declared(sourced: list[tuple[str, Source]], names: set[str]) -> list[_Declared]:
    found = []
    for title, source in sourced:
        headline = strip_site_name(title, names)
        named = any(_key(part) in names for part in TITLE_SEPARATORS.split(title))
        kicked = KICKER_COLON.split(headline, maxsplit=1)
        after = _key(kicked[1]) if len(kicked) == 2 else ""
        found.append(_Declared(_key(title), _key(headline), source is Source.TITLE_TAG, named, after))
    return found


def match_rank(heading: str, declared: list[_Declared], names: set[str]) -> int | None:
    """How well a heading's text matches the page's metadata titles; lower is better, None for no match.

    0: it is an og:title, twitter:title or JSON-LD headline without its site
    name, or begins with one that was cut short; 1: the same of the <title>;
    2: a metadata title with its site name (a share box's text, not the
    headline), or a part that a metadata title starts or ends with (a
    headline cut for search, or a site or section name that only resembles one).
    """
    h = _key(heading)
    if not h or h in names:
        return None
    if any(h == title.key and title.named for title in declared):
        return 2
    whole = any(h == title.key for title in declared)  # a whole title is not one cut short and continued
    ranks = [1 if title.from_tag else 0 for title in declared if _is_headline(h, title, whole)]
    if ranks:
        return min(ranks)
    return 2 if any(_is_part(h, title) for title in declared) else None


def _is_headline(h: str, title: _Declared, whole: bool) -> bool:
    if h == title.headline_key or (h == title.key and not title.from_tag and not title.named):
        return True
    # The title cut short, not a kicker above a longer headline: most of the heading's words are the title's.
    cut = (
        len(title.key) >= MIN_CUT_TITLE_KEY
        and h.startswith(title.key)
        and len(title.key) >= MIN_SHARE_OF_TITLE * len(h)
    )
    return cut and not whole


def _is_part(h: str, title: _Declared) -> bool:
    c = title.key
    if h == c or (h == title.after_kicker and len(h) >= MIN_SHOWN_CHARS):
        return True
    if c.startswith(h) or c.endswith(h):
        return len(h) >= MIN_SHARE_OF_TITLE * len(title.headline_key)
    return False


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


def headline_apart(heading: html.HtmlElement, declared: list[str], names: set[str]) -> str | None:
    """The headline of a heading that also shows a kicker or subtitle in an element of its own, when the
    page's declared titles (og:title, twitter:title, JSON-LD headline) give the headline without it.

    "<span>Klimaschutz</span><span>Bohren, bis es heiß wird</span>" is "Bohren, bis es heiß wird" when
    og:title says so; when any declared title writes the kicker too ("Klimaschutz: Bohren ..."), None:
    as_written keeps the kicker with that separator.
    """
    keys = {_key(form) for title in declared for form in (title, strip_site_name(title, names))} - {""}
    whole = _key(heading_text(heading))
    if not keys or whole in keys:
        return None
    for part in heading.iterdescendants():
        if not isinstance(part.tag, str):
            continue
        kicker = _key(heading_text(part))
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
    return heading_text(copy).strip(PART_EDGES)


def _best_heading(scope: html.HtmlElement, declared: list[_Declared], names: set[str]) -> html.HtmlElement | None:
    """The heading that best matches the metadata titles (match_rank); of equal ones, h1 before h2 before h3."""
    best, best_rank = None, None
    for level in HEADING_LEVELS:
        for heading in scope.iter(level):
            text = heading_text(heading)
            if not MIN_TITLE_CHARS <= len(text) <= MAX_TITLE_CHARS:
                continue
            rank = match_rank(text, declared, names)
            if rank is not None and (best_rank is None or rank < best_rank):
                best, best_rank = heading, rank
                if rank == 0:
                    return best
    return best


def _headline_h1(scope: html.HtmlElement, names: set[str]) -> html.HtmlElement | None:
    """The first h1 of a page with at most MAX_HEADLINE_H1S of them, those that are a site name not counted."""
    h1s = [h for h in scope.iter("h1") if MIN_TITLE_CHARS <= len(heading_text(h)) <= MAX_TITLE_CHARS]
    h1s = [h for h in h1s if _key(heading_text(h)) not in names]
    return h1s[0] if 1 <= len(h1s) <= MAX_HEADLINE_H1S else None


# Text in a heading that is not its words: ruby notes (the reading written above kanji), a <style> or <script>.
NOT_WORD_TAGS = ("rt", "rp", "style", "script")
WORDS = etree.XPath(".//text()[not(ancestor::rt or ancestor::rp or ancestor::style or ancestor::script)]")


def heading_text(heading: html.HtmlElement) -> str:
    """A heading's text as shown: without ruby notes, styles or scripts inside it."""
    if next(heading.iterdescendants(*NOT_WORD_TAGS), None) is None:
        return element_text(heading)
    return squash("".join(WORDS(heading)))


def find_title(
    tree: html.HtmlElement, meta: PageMetadata, url: str | None
) -> tuple[Resolved[str | None], html.HtmlElement | None]:
    """(headline and where it came from, its element): the element is None when no element shows it."""
    title_element = tree.find(".//title")
    title_tag = element_text(title_element) if title_element is not None else ""
    names = site_names(meta, url) | _host_key(url)
    sourced = _candidates(meta, title_tag)
    candidates = [candidate for candidate, _ in sourced]
    declared = [candidate for candidate, source in sourced if source is not Source.TITLE_TAG]
    body = tree.find("body")
    scope = body if body is not None else tree
    heading = _best_heading(scope, _declared(sourced, names), names)
    if heading is not None:
        apart = headline_apart(heading, declared, names)
        return Resolved(apart or as_written(heading_text(heading), candidates, names), Source.HEADING), heading
    page_text = PAGE_TEXT(scope)
    shown = _shown_variant(scope, candidates, names, page_text)
    if shown is not None:
        return Resolved(shown[0], Source.SHOWN), shown[1]
    ordered = sorted(sourced, key=lambda item: item[1] is Source.TITLE_TAG)  # the <title> last
    stripped = [(strip_site_name(c, names), source) for c, source in ordered]
    stripped = [(s, source) for s, source in stripped if s and _key(s) not in names]
    h1 = _headline_h1(scope, names if stripped else set())
    if h1 is not None:
        return Resolved(headline_apart(h1, declared, names) or heading_text(h1), Source.H1), h1
    if stripped:
        title = stripped[0][0][:MAX_TITLE_CHARS]
        return Resolved(title, stripped[0][1]), element_showing(scope, title, page_text)
    return NOTHING, None


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
        if element is None:
            continue
        heading = _heading_led_by(element)
        if heading is not None and variant not in candidates:
            return _without(heading, element) or variant, heading  # the part shown is the heading's kicker
        return variant, element
    return None


def _heading_led_by(element: html.HtmlElement) -> html.HtmlElement | None:
    """The h1-h3 that holds `element` first and shows more after it ("<h1><span>Kicker</span> Headline</h1>")."""
    for ancestor in element.iterancestors(*HEADING_LEVELS):
        whole, part = _key(element_text(ancestor)), _key(element_text(element))
        return ancestor if whole.startswith(part) and len(whole) > len(part) else None
    return None


PAGE_TEXT = etree.XPath("normalize-space(string(.))", smart_strings=False)
SHOWING = etree.XPath(
    f".//*[not(self::script or self::style or self::title or {NAVIGATION})]"
    "[contains(normalize-space(string(.)), $text)]"
)


def element_showing(scope: html.HtmlElement, title: str, page_text: str | None = None) -> html.HtmlElement | None:
    """The innermost element whose whole text is the headline (a styled cell or div, not a heading),
    outside navigation and links.

    libxml2 finds the elements containing the text (all ancestors included);
    the innermost of those whose text is exactly the headline is the one.
    `page_text`, the scope's PAGE_TEXT, spares that search over every element
    when the text is nowhere on the page.
    """
    text = squash(title)
    if page_text is not None and text not in page_text:
        return None
    key = _key(title)
    # Document order: a later match inside an earlier one is more inner. So the last match is the one, and read
    # from the end, the page-wide ancestors (whose whole text would be keyed) come last, rarely reached.
    for element in reversed(SHOWING(scope, text=text)):
        if _keyed_as(element.text_content(), key):  # _key ignores what squash changes: white space
            return element
    return None


def _keyed_as(text: str, key: str) -> bool:
    """_key(text) == key, refused from the text's start when that differs already: an ancestor's text can be
    the whole page's. Lower-casing goes character by character but for "Σ" (its neighbours decide)."""
    reach = 2 * len(key) + 64
    if len(text) > reach and "Σ" not in text and not key.startswith(_key(text[:reach])):
        return False
    return _key(text) == key

"""The newsroom section, from the breadcrumb ("Home / Newsroom / Research in China").

Breadcrumbs are found by markup (class/id "breadcrumb", aria-label, schema.org
BreadcrumbList) and, on pages whose markup says nothing, by shape: a short
line of links that starts at "Home" and is joined by ">", "/", "»" or "›",
or whose links go, in order, to the folders of the article's URL. The
section is the last item that is none of the home link, the article, an
archive level or a template label (rules.sections). Failing a trail, what the
page declares: a JSON-LD trail, article:section, JSON-LD articleSection.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from lxml import etree, html

from .evidence import Source
from .rules.sections import clean_crumb, skipped_crumb
from .structured import PageMetadata
from .text import LinkTexts, comparable, element_text, raw_length, squash
from .title import site_names
from .trailmarks import HERE_LABELS, labelled_here, marked_elements

HOME_WORDS = ("home", "homepage", "start", "startseite", "accueil", "inicio", "portada", "home page", "首页", "首頁",
              "主页", "网站首页", "ホーム", "トップ", "главная", "الرئيسية", "الصفحة الرئيسية")  # fmt: skip
HOME = re.compile(rf"^({'|'.join(HOME_WORDS)})$", re.IGNORECASE)
HERE_LABEL = re.compile(rf"^({'|'.join(HERE_LABELS)})\s*[:：]?\s*", re.IGNORECASE)
NEAR_LINK = etree.XPath("boolean(a | */a | */*/a | */*/*/a)")
SEPARATOR = re.compile(r"^[\s>/»›|:\-–→·•]*$")
# Between breadcrumb links: ">", "/", "»". Not "|" or "·", which join menu links.
CRUMB_SEPARATOR = re.compile(r"^[\s>/»›:\-–→]*$")
MAX_CRUMB_CHARS = 300
ROOT_URL = re.compile(r"^https?://[^/]+/?(index\.\w+)?$")
# A squashed link text that is HOME after any "You are here:" label: HOME.match(squash(_without_here_label(text)))
# in one match. What the label leaves of a squashed text is squashed already, no label starts another or a home
# word, and a home word starts with a letter: backtracking finds nothing the two steps would not.
HOME_LINK_TEXT = re.compile(rf"^(?:(?:{'|'.join(HERE_LABELS)})\s*[:：]?\s*)?(?:{'|'.join(HOME_WORDS)})$", re.IGNORECASE)
# How far above its links a breadcrumb's container may be (li > ol > nav > div); NEAR_LINK says the same.
CRUMB_DEPTH = 4
# An item this long that is part of the title, or holds it, is the article, not a section ("Chevron Right <title>").
MIN_TITLE_PART = 20
PAGE_EXTENSION = re.compile(r"\.[a-z]{2,5}$", re.IGNORECASE)
# A declared section longer than this is a sentence (a teaser, a headline), not a section's name.
MAX_SECTION_CHARS = 60
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _items(element: html.HtmlElement) -> list[str]:
    links = [element_text(a) for a in element.iter("a")]
    text = _visible_text(element)
    last = text
    if links and links[-1] in text:
        last = text[text.rfind(links[-1]) + len(links[-1]) :]
    last = squash(re.sub(r"^[\s>/»›|:\-–→·•]+", "", last))
    items = [clean_crumb(squash(_without_here_label(item))) for item in links + ([last] if last else [])]
    return [item for item in items if item and not SEPARATOR.match(item)]


def _without_here_label(text: str) -> str:
    """The text without a leading "You are here:": HERE_LABEL.sub, without trying every later position."""
    match = HERE_LABEL.match(text)
    return text[match.end() :] if match else text


def _visible_text(element: html.HtmlElement) -> str:
    """The element's text without the script or style a template left inside the trail."""
    if element.find(".//script") is None and element.find(".//style") is None:
        return element_text(element)
    return squash(" ".join(element.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")))


def _starts_at_root(element: html.HtmlElement) -> bool:
    """The first link goes to a site's home page ("/", "https://www.example.org/"), whatever its label."""
    first = next((a for a in element.iter("a") if element_text(a)), None)
    return _root_href((first.get("href") or "") if first is not None else "")


def _root_href(href: str) -> bool:
    return href in ("/", "./") or bool(ROOT_URL.match(href))


def _section_from_items(items: list[str], title: str | None, root_first: bool = False, url: str = "") -> str | None:
    """The last item that is not the home link, the article itself, an archive level or a template label."""
    if root_first and len(items) > 1:
        items = items[1:]
    while items and HOME.match(items[0]):
        items = items[1:]
    last_segment = _url_path(url).rstrip("/").rsplit("/", 1)[-1]
    article = _ArticleItem(comparable(title or ""), _slug(PAGE_EXTENSION.sub("", last_segment)))
    while items and (article.names(items[-1]) or skipped_crumb(items[-1], items[:-1])):
        items = items[:-1]
    return items[-1] if items else None


@dataclass(slots=True, frozen=True)
class _ArticleItem:
    """What names the article in its own trail: its title (whole, cut short, or inside the item) or its URL's slug."""

    title_key: str
    slug: str

    def names(self, item: str) -> bool:
        key, title_key = comparable(item), self.title_key
        if title_key and (key in (title_key, title_key[: len(title_key) // 2 + 1])):
            return True
        if title_key and len(item) > MIN_TITLE_PART and (title_key.startswith(key) or key in title_key):
            return True
        if len(title_key) > MIN_TITLE_PART and title_key in key:
            return True
        slug = _slug(item)
        return len(slug) > MIN_TITLE_PART and self.slug.startswith(slug)


def _url_path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:  # a broken URL ("http://[::1") names no folders and no slug
        return ""


def _slug(text: str) -> str:
    """Letters and digits as a URL slug writes them: "Bürgerbeteiligung für" -> "buergerbeteiligungfuer"."""
    text = text.lower().translate(UMLAUTS)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", plain)


def _separated(element: html.HtmlElement) -> bool:
    """Links joined by ">", "/", "»": a menu has links and nothing between them."""
    links = [text for a in element.iter("a") if (text := element_text(a))]
    between = element_text(element)
    start = 0
    for link in links[:-1]:
        start = between.find(link, start)
        between = between[:start] + " " + between[start + len(link) :]
    between = between[: between.rfind(links[-1])] if links else between
    return bool(between.strip()) and bool(CRUMB_SEPARATOR.match(between))


def _could_be_crumbs(element: html.HtmlElement) -> bool:
    """Cheap test first: a trail holds at least two links."""
    return len(element.findall(".//a")) >= 2


def _looks_like_crumbs(element: html.HtmlElement) -> bool:
    """Labelled "You are here:", or links from the home page joined by separators, in two items or more.

    Most candidates are menus, whose links nothing separates: that is asked before the items are read.
    """
    text = element_text(element)
    if not text or len(text) > MAX_CRUMB_CHARS:
        return False
    labelled = bool(HERE_LABEL.match(text))
    if not labelled and not _separated(element):
        return False
    items = _items(element)
    if len(items) < 2:
        return False
    return labelled or bool(HOME.match(items[0])) or _starts_at_root(element)


def _jsonld_crumbs(meta: PageMetadata) -> list[str]:
    for obj in meta.of_type("BreadcrumbList"):
        elements = obj.get("itemListElement") or []
        if isinstance(elements, dict):
            elements = [elements]
        ordered = sorted((e for e in elements if isinstance(e, dict)), key=lambda e: int(e.get("position", 0) or 0))
        names = []
        for element in ordered:
            item = element.get("item")
            name = element.get("name") or (item.get("name") if isinstance(item, dict) else None)
            if isinstance(name, str) and name.strip():
                names.append(squash(unescape(name)))
        if names:
            return names
    return []


def _root_links(scope: html.HtmlElement, link_texts: LinkTexts) -> list:
    """Links that can open a trail: labelled "Home" (after any "You are here:") or pointing at the site's root."""
    found = []
    for link in scope.iter("a"):
        text = link_texts[link]
        if text and (HOME_LINK_TEXT.match(text) or _root_href(link.get("href") or "")):
            found.append(link)
    return found


def _shaped_candidates(scope: html.HtmlElement, link_texts: LinkTexts) -> set:
    """Elements at most CRUMB_DEPTH levels above a link, which could be a trail.

    A trail either begins with "You are here:" or opens with a root link.
    When no text on the page begins such a label, only ancestors of root
    links can be trails, and the search is confined to them.
    """
    if labelled_here(scope):
        candidates: set = set()
        for link in scope.iter("a"):
            for depth, ancestor in enumerate(link.iterancestors()):
                if depth >= CRUMB_DEPTH or ancestor is scope:
                    break
                candidates.add(ancestor)
        return candidates
    above_roots: set = set()
    for link in _root_links(scope, link_texts):
        for ancestor in link.iterancestors():
            if ancestor is scope or ancestor in above_roots:
                break
            above_roots.add(ancestor)
    return {element for element in above_roots if NEAR_LINK(element)}


def find_section(
    tree: html.HtmlElement, meta: PageMetadata, title: str | None, url: str = "", link_texts: LinkTexts | None = None
) -> tuple[str | None, html.HtmlElement | None, Source | None]:
    """(section, breadcrumb element, where the section came from): the element lets the body phase drop it.

    `link_texts` are the header's texts of the tree's links (header.page_link_texts), read once for both.
    A trail on the page comes first; when it names no section (only "Home", a year and the
    article), what the page declares: a JSON-LD trail, article:section, the article's articleSection.
    """
    body = tree.find("body")
    scope = body if body is not None else tree
    section, element = _page_trail(scope, title, url, LinkTexts() if link_texts is None else link_texts)
    if section:
        return section, element, Source.BREADCRUMB
    declared, source = _declared_section(meta, title, url)
    return declared, element, source


def _page_trail(
    scope: html.HtmlElement, title: str | None, url: str, link_texts: LinkTexts
) -> tuple[str | None, html.HtmlElement | None]:
    """The section the page's own trail names, and the trail's element (marked up, else found by its shape)."""
    for element in marked_elements(scope):
        if len(element_text(element)) <= MAX_CRUMB_CHARS:
            items = _items(element)
            if len(items) >= 1:
                root_first = _starts_at_root(element) and len(items) > 2
                return _section_from_items(items, title, root_first, url), element
    verdicts: dict = {}

    def crumbs(element) -> bool:
        if element not in verdicts:
            short = raw_length(element) <= MAX_CRUMB_CHARS * 2  # candidates include page-wide wrappers
            verdicts[element] = short and _could_be_crumbs(element) and _looks_like_crumbs(element)
        return verdicts[element]

    candidates = _shaped_candidates(scope, link_texts)
    shaped = [
        element
        for element in candidates
        if crumbs(element) and not any(child in candidates and crumbs(child) for child in element)
    ]
    if len(shaped) > 1:
        position = {element: index for index, element in enumerate(scope.iter())}
        shaped.sort(key=position.get)
    # "You are here:" is the surest sign; then the first trail from "Home".
    shaped.sort(key=lambda element: not HERE_LABEL.match(element_text(element)))
    if shaped:
        root_first = _starts_at_root(shaped[0]) and not HOME.match(_items(shaped[0])[0])
        return _section_from_items(_items(shaped[0]), title, root_first, url), shaped[0]
    return _folder_trail(scope, title, url)


def _folder_trail(scope: html.HtmlElement, title: str | None, url: str) -> tuple[str | None, html.HtmlElement | None]:
    """Links joined by "/" or ">" that go, in order, to the article URL's own folders ("National / Crime & Legal").

    A trail without "Home": its links name the folders the article's URL sits in
    (/news/2020/02/18/national/crime-legal/<slug>), which a menu's links do not, all of them, in order.
    """
    folders = [segment for segment in _url_path(url).lower().split("/") if segment][:-1]
    if len(folders) < 2:
        return None, None
    for link in scope.iter("a"):
        element = link.getparent()
        if _folder(link, folders) < 0 or element is None or len(element_text(element)) > MAX_CRUMB_CHARS:
            continue
        links = [a for a in element.iter("a") if element_text(a)]
        places = [_folder(a, folders) for a in links]
        if len(links) >= 2 and min(places) >= 0 and places == sorted(set(places)) and _separated(element):
            return _section_from_items(_items(element), title, url=url), element
    return None, None


def _folder(link: html.HtmlElement, folders: list[str]) -> int:
    """Which of the article URL's folders the link goes to (its last path segment), or -1."""
    href = (link.get("href") or "").split("#", 1)[0].split("?", 1)[0]
    segment = href.rstrip("/").rsplit("/", 1)[-1].lower()
    return folders.index(segment) if segment in folders else -1


def _declared_section(meta: PageMetadata, title: str | None, url: str) -> tuple[str | None, Source | None]:
    """A JSON-LD BreadcrumbList, then the article:section meta tag, then the JSON-LD article's articleSection.

    A declared value passes the trail's tests (not the article, not a year, not a template label)
    and is not the site's own name ("ZEIT ONLINE"); of a list ("Politics, World") the first is the
    section, the rest are tags.
    """
    section = _section_from_items(_jsonld_crumbs(meta), title, url=url)
    if section:
        return section, Source.JSONLD
    declared = ((meta.first("article:section"), Source.META), (meta.article_value("articleSection"), Source.JSONLD))
    try:
        site = site_names(meta, url)
    except ValueError:  # a broken URL names no host
        site = site_names(meta, None)
    for value, source in declared:
        if isinstance(value, list):
            value = next((part for part in value if isinstance(part, str) and part.strip()), None)
        first = value.split(",", 1)[0] if isinstance(value, str) else ""
        first = clean_crumb(squash(unescape(first))) if len(first) <= MAX_SECTION_CHARS * 2 else ""
        section = _section_from_items([first], title, url=url) if 0 < len(first) <= MAX_SECTION_CHARS else None
        if section and comparable(section) not in site:
            return section, source
    return None, None

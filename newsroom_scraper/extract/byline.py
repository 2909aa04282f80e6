"""Authors and credits as the page writes them: bylines, author tags, "Source:" lines.

Authors are people: names from JSON-LD, author meta tags and the visible
byline, never "Staff", an agency, a photographer or the site itself. This
module reads and cleans names; resolve.py decides the record's `authors`
and `attribution` from them. The words and patterns are in rules/credits.py.
"""

from __future__ import annotations

import re
from html import unescape

from lxml import etree, html
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_metainfo

from .classnames import has_class_word, name_words, remember
from .rules import credits as rules
from .rules import markup
from .structured import PageMetadata
from .sweeps import AUTHOR_DISCARD, AUTHORS
from .text import comparable, squash, walked_lines
from .vocabulary import Vocabulary

COMMENT_WORDS = frozenset(markup.COMMENT_TOKENS)


def clean_name(name: str) -> str:
    name = rules.DESK_HANDLE.sub("", squash(rules.NAME_LABEL.sub("", squash(name).lstrip(" ~*»>"))))
    name = rules.TRAILING_JOB_TITLE.sub("", rules.NAME_TAIL.sub("", rules.JOB_TITLE.sub("", name)))
    name = name.strip(" ,;|:·•–—-~/")
    return name[:-1] if name.endswith(".") and re.search(r"\w{3}\.$", name) else name  # "Tatyana Turner."


def display_name(name: str) -> str:
    """ "ZHANG YU" -> "Zhang Yu": bylines shout, records do not."""
    return name.title() if name.isupper() and len(name) > rules.MAX_INITIALS_CHARS and name.isascii() else name


def _organisation(value: str) -> bool:
    words = re.findall(r"[\w-]+", value.lower())
    return any(word in rules.NOT_AUTHOR_WORDS for word in words) and len(words) >= rules.MIN_ORGANISATION_WORDS


def is_person(name: str) -> bool:
    if not name or len(name) > rules.MAX_NAME_CHARS or "://" in name:
        return False
    if any(ch.isdigit() or ch in rules.NOT_IN_NAMES for ch in name):
        return False  # "@jdoe", "(s)" left of the label "Auteur(s)"
    words = name.lower().replace(".", " ").split()
    if not words or len(words) > rules.MAX_NAME_WORDS or all(word in rules.NOT_NAME_WORDS for word in words):
        return False
    if rules.BYLINE_FUNCTION.fullmatch(name) or rules.SPACED_DASH.search(name):
        return False  # "Chefredakteur"; "Aufräumen – Resonanz im Nachttischschrank" is a headline
    if all(len(word) <= rules.MAX_INITIALS_CHARS for word in words) and name.isupper():
        return False  # initials ("KH", "JA") sign agency copy; they are not names
    if any(word in rules.NOT_AUTHOR_WORDS for word in words):
        return False
    if any(word in name for word in rules.CJK_ORGANISATION_WORDS):
        return False
    # A personal blog's site name is its author's name, so the site name alone does not disqualify.
    return comparable(name) not in rules.AGENCIES


def split_names(text: str) -> list[str]:
    """'Jane Doe and John Smith, Staff Writers' -> ['Jane Doe', 'John Smith']."""
    text = rules.JOB_TITLE.sub("", squash(text))
    return [clean_name(part) for part in rules.NAME_SPLIT.split(text) if clean_name(part)]


def jsonld_authors(meta: PageMetadata) -> list[str]:
    value = meta.article_value("author")
    items = value if isinstance(value, list) else [value] if value else []
    names = []
    for item in items:
        if isinstance(item, dict):
            if "Organization" in str(item.get("@type", "")):
                continue
            item = item.get("name")
        if isinstance(item, str):
            names.extend(split_names(unescape(item)))  # "Redacci&oacute;n" escaped twice: ";" is no name split
    return names


def unlabelled_name(text: str) -> bool:
    """A name standing without "By": a person's, of a few capitalised words ("Ayşe Demir", not "World News")."""
    words = text.split()
    if not rules.MIN_UNLABELLED_NAME_WORDS <= len(words) <= rules.MAX_UNLABELLED_NAME_WORDS:
        return False
    return all(word[:1].isupper() for word in words) and is_person(text)


RIGHT_ALIGNED = etree.XPath(
    "//body//p[contains(translate(@style, ' ', ''), 'text-align:right') or @align='right']", smart_strings=False
)


def closing_signature(tree: html.HtmlElement) -> str | None:
    """The reporter's name signing the story in its last right-aligned paragraph ("Lê Phương"): a person's
    name of a few capitalised words, as newsrooms in Vietnam, Spain or Italy close their copy."""
    signed = RIGHT_ALIGNED(tree)
    text = squash(signed[-1].text_content()) if signed else ""
    return text if unlabelled_name(text) else None


def byline_from_markup(tree: html.HtmlElement) -> str | None:
    """The text of a short element whose class names it the byline; a name inside it ("nome") wins."""
    body = tree.find("body")
    for element in (body if body is not None else tree).iter(etree.Element):
        if not _classed_as_byline(element) or element.tag in ("meta", "link", "script", "style", "form", "a"):
            continue
        if element.xpath("ancestor::form"):
            continue
        if any(has_class_word(ancestor, COMMENT_WORDS) for ancestor in element.iterancestors()):
            continue  # a commenter, not the author
        text = rendered_byline(element)
        if rules.MIN_BYLINE_CHARS <= len(text) < rules.MAX_BYLINE_CHARS and not any(ch.isdigit() for ch in text):
            if not only_furniture(text):
                return text  # not the label of a date ("Posted on" in an element classed "meta-prep-author")
    return None


_BYLINE_VALUES: dict[str, bool] = {}  # whether a class or id value has a byline word, while in the bounded cache
# A word of a class name (classnames.name_words) lies whole in the name lower-cased with the separators removed.
# The byline words are lower-case ASCII: no character lower-cases to ASCII letters but ASCII capitals and the
# Kelvin sign, each alike in the name and in the whole value. So a value holding none of them needs no splitting.
NAME_SEPARATORS = str.maketrans("", "", "_-:/.")
BYLINE_WORDS_WITHIN = (
    tuple(
        word for word in rules.BYLINE_CLASS_WORDS if not any(o != word and o in word for o in rules.BYLINE_CLASS_WORDS)
    )
    if all(word.isascii() and word.islower() for word in rules.BYLINE_CLASS_WORDS)
    else ("",)  # another word: every value is split
)


def _classed_as_byline(element: html.HtmlElement) -> bool:
    """has_class_word(element, rules.BYLINE_CLASS_WORDS), each class or id value tested once while it is cached
    (templates repeat them, element after element and page after page): the search asks every element."""
    for value in (element.get("class"), element.get("id")):
        if value:
            hit = _BYLINE_VALUES.get(value)
            if hit is None:
                hit = remember(_BYLINE_VALUES, value, _names_byline(value))
            if hit:
                return True
    return False


def _names_byline(value: str) -> bool:
    """Whether a name of the class or id value `value` has a byline word (classnames.has_class_word's test)."""
    within = value.lower().translate(NAME_SEPARATORS)
    if not any(word in within for word in BYLINE_WORDS_WITHIN):
        return False
    return any(not name_words(name).isdisjoint(rules.BYLINE_CLASS_WORDS) for name in value.split())


def only_furniture(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return all(word in rules.NOT_NAME_WORDS for word in words)


def rendered_byline(element: html.HtmlElement) -> str:
    """A byline element's names as the page renders them: its block lines apart ("SID" over
    "Nachrichtenagentur", not "SIDNachrichtenagentur"), a line naming a function dropped (issue 9, item 4)."""
    lines = walked_lines(element)
    if len(" ".join(lines)) >= rules.MAX_BYLINE_CHARS or any(line.endswith("?") for line in lines):
        return ""  # an author box with a biography, links and an address; a poll ("Hilfreich?" "Ja" "Nein")
    names = [name for name in map(clean_name, lines) if name and not rules.BYLINE_FUNCTION.fullmatch(name)]
    names = [name for name in names if not rules.NAME_SPLIT.fullmatch(name)]  # "and" on a line of its own
    if 1 < len(names) <= rules.MAX_NAME_WORDS and all(" " not in name and name[:1].isupper() for name in names):
        return " ".join(names)  # one name, a word an element: "Dr." "Nino" "Jordan"
    if len(names) > 1:
        # Lines beside the name: a place ("skrifar frá Porsgrunn"), a profile link; keep the people's names.
        names = [name for name in names if name[:1].isupper() and is_person(name)] or names[:1]
    return ", ".join(names)


def markup_authors(tree: html.HtmlElement) -> str | None:
    """Author names marked up in the page (rel/itemprop author, "byline" and "author" classes), as written.

    trafilatura's author search knows many templates; it first discards
    comments, quotes, figures and dates, here in place: call it only once
    the tree has served every other stage.
    """
    words = Vocabulary(tree)  # pruning takes values away, adds none
    try:
        found = extract_metainfo(
            prune_unwanted_nodes(tree, words.able(AUTHOR_DISCARD)),
            words.able(AUTHORS),
            len_limit=rules.MAX_MARKED_AUTHOR_CHARS,
        )
    except Exception:  # noqa: BLE001 - a failing heuristic must not cost the page
        return None
    found = normalize_authors(None, found) if found else None
    return found.replace("; ", " and ") if found else None


def names_site(value: str, site: set[str] | frozenset[str]) -> bool:
    """An author tag that names the site: its domain ("mdr.de, Frankfurt"), or one word that is one of
    `site`, the keys of the site's names, host labels and handles ("VnExpress", "LBCI"). A personal blog's
    author has a first and a last name, so the one-word rule leaves "Jane Doe" on janedoe.com alone."""
    first = squash(value.split(",")[0])
    if rules.SITE_DOMAIN.fullmatch(first):
        return True
    return " " not in first and comparable(first.lstrip("@")) in site


def is_site_name(name: str, site: set[str] | frozenset[str]) -> bool:
    """A name that is the whole of one of the site's names or host labels ("Badische Zeitung" on
    badische-zeitung.de, "L'Opinion" on lopinion.fr): the site's, unless nothing else names a person
    (a personal blog's name is its author's)."""
    return comparable(name.lstrip("@")) in site


def meta_names(meta: PageMetadata, site: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Names from author meta tags; URLs (Facebook profiles in article:author), e-mails and the site are not names."""
    names: list[str] = []
    for key in rules.AUTHOR_META:
        for value in meta.meta.get(key, ()):
            value = rules.ADDRESS_IN_NAME.sub("", unescape(value)).strip(" -–—|,;()")
            if not value or _organisation(value) or names_site(value, site):
                continue
            normalised = normalize_authors(None, value)
            if normalised:
                names.extend(_as_written(name.strip(), value) for name in normalised.split(";") if name.strip())
    return names


def _as_written(name: str, value: str) -> str:
    """trafilatura's normalised name with the full stops the tag writes ("Logan C Ritchie": "Logan C. Ritchie")."""
    pattern = r"\.?\s*".join(re.escape(word) for word in name.split()) + r"\.?"
    found = re.search(pattern, value, re.IGNORECASE)
    return squash(found.group()) if found and "." in found.group() else name


def metadata_agency(meta: PageMetadata) -> str | None:
    """A news agency named as the article's author in its metadata ("AFP", a JSON-LD Organization "Reuters")."""
    value = meta.article_value("author")
    items = value if isinstance(value, list) else [value] if value else []
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    names += [value for key in rules.AUTHOR_META for value in meta.meta.get(key, ())]
    for name in names:
        if isinstance(name, str) and name.strip() and comparable(name) in rules.AGENCIES:
            return squash(name)
    return None


def spelled_out(agency: str, meta: PageMetadata) -> str:
    """A credit's agency as the page's metadata spells it out, when its letters are the initials of the
    agency named there as the author ("AP" and "Associated Press", "AFP" and "Agence France-Presse")."""
    named = metadata_agency(meta)
    if not named or " " not in named:
        return agency
    initials = "".join(word[0] for word in re.split(r"[\s-]+", named) if word)
    return named if initials.upper() == comparable(agency).upper() else agency


def metadata_names(meta: PageMetadata, site: set[str] | frozenset[str] = frozenset()) -> list[str]:
    return jsonld_authors(meta) or meta_names(meta, site)


def names_person(names: list[str], site: set[str] | frozenset[str]) -> bool:
    """Whether `names` name a person who is not the site itself (resolve_authors' steps 2 to 5)."""
    return any(is_person(name) and not is_site_name(name, site) for name in names)


def credited_byline(text: str | None) -> str | None:
    """A marked-up byline fit to be the attribution: it names a person, or it is a plain name
    ("Пресс-служба"), not initials or codes ("KH/JA")."""
    if not text:
        return None
    if comparable(text) in rules.AGENCIES:
        return text  # "SID", "AP": an agency credit, though its name is short capitals
    names = split_names(text)
    if names and all(name.isupper() and len(name) <= rules.MAX_INITIALS_CHARS for name in names):
        return None
    if any(is_person(name) for name in names):
        return text
    return text if rules.PLAIN_NAME.fullmatch(text) and not text.isupper() else None


def header_source(lines: list[str], headline_index: int | None) -> str | None:
    """A "来源：新华社" / "Source: China Daily" / "From: Department for Transport" credit in the header lines."""
    if headline_index is None:
        return None
    window = lines[headline_index + 1 : headline_index + 1 + rules.HEADER_SOURCE_LINES]
    for position, line in enumerate(window):
        if len(line) > rules.MAX_HEADER_SOURCE_LINE:
            continue
        match = rules.SOURCE_INLINE.search(line)
        if match:
            return match.group("name").strip(" ,;") or None
        label = rules.SOURCE_LABEL.match(line)
        if label and position + 1 < len(window) and len(window[position + 1]) <= rules.MAX_LABELLED_SOURCE:
            return window[position + 1]  # "From:" and the name in two cells (<dt>/<dd>)
    return None


def closing_source(lines: list[str], headline_index: int | None) -> str | None:
    """A "Source: ..." line standing alone below the story ("出典：共同通信")."""
    start = headline_index + 1 if headline_index is not None else 0
    for line in lines[start : start + rules.CLOSING_SOURCE_LINES]:
        match = rules.SOURCE_LINE.match(line)
        if match and len(line) < rules.MAX_SOURCE_LINE:
            return match.group("name").strip() or None
    return None


def site_credit(lines: list[str], headline_index: int | None, site: set[str], links: frozenset[str]) -> str | None:
    """The sources a story credits beside the site in a line of its own below the headline: "Wochenblatt /
    Última Hora" on wochenblatt.cc credits "Última Hora". The first part is the site's own name; a trail of
    links (a breadcrumb "Wochenblatt / Politik") is not a credit. `lines`: the page's (block_lines: squashed)."""
    start = headline_index + 1 if headline_index is not None else 0
    for line in lines[start : start + rules.CLOSING_SOURCE_LINES]:
        if " / " not in line:
            continue  # CREDIT_PARTS splits at white space around a slash, in a squashed line " / ": one part only
        parts = [squash(part) for part in rules.CREDIT_PARTS.split(line)]
        if not 1 < len(parts) <= rules.MAX_CREDIT_PARTS or line in links or comparable(parts[0]) not in site:
            continue
        credited = parts[1:]
        if all(rules.PLAIN_NAME.fullmatch(part) and len(part.split()) <= rules.MAX_AGENCY_WORDS for part in credited):
            return ", ".join(credited)
    return None

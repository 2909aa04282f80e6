"""Where a page may hold a breadcrumb trail: class values that name one, text that starts "You are here:".

The section search (section.py) asks both of every page, so both are answered
over the whole page at once, in C (XPath, a joined string searched by a
regex or str.find), and only what could be a sign is then judged in Python,
by the same test as before: the answers are those of a test per element and
per text node, without running that test on every one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from lxml import etree, html

from .text import squash

HERE_LABELS = ("you are here", "current location", "location", "您的位置", "当前位置", "當前位置", "所在位置",
               "現在位置", "sie sind hier", "vous êtes ici", "está en", "usted está aquí", "вы здесь")  # fmt: skip
HERE_FIRSTS = frozenset(label[0] for label in HERE_LABELS)
# Every start of a label ("y", "you a", "sie sind"): a text node starting like one may be a label cut short by markup.
HERE_PREFIXES = frozenset(label[:end] for label in HERE_LABELS for end in range(1, len(label) + 1))
LONGEST_HERE_LABEL = max(len(label) for label in HERE_LABELS)
# Every text node, in document order (those of white space alone are passed over by LABEL_START, in C).
ALL_TEXT = etree.XPath(".//text()", smart_strings=False)
# What templates call a breadcrumb, in class, id or aria-label, in the languages we meet.
BREADCRUMB_MARKS = ("breadcrumb", "crumb", "kruimel", "brotkrum", "ariane", "migas", "briciole", "navpath", "pathway",
                    "ruta de navegaci", "navigationspfad", "面包屑", "麵包屑", "パンくず", "хлебн")  # fmt: skip
MARK_ATTRIBUTES = ("class", "id", "aria-label", "itemtype")
# Each attribute's values, in document order, as plain strings: a value that knows its element (a "smart"
# string) costs twice as much to make, and most values hold no mark. Asked one attribute at a time: the union
# of the four (MARKED_VALUES) costs a sort in document order, a third more on large pages.
MARK_VALUES = tuple(etree.XPath(f"descendant-or-self::*/@{name}", smart_strings=False) for name in MARK_ATTRIBUTES)
# The elements holding each attribute, in the same order: the element of MARK_VALUES' value i is the i-th here.
MARK_HOLDERS = tuple(etree.XPath(f"descendant-or-self::*[@{name}]") for name in MARK_ATTRIBUTES)
MARKED_VALUES = etree.XPath(" | ".join(f"descendant-or-self::*/@{name}" for name in MARK_ATTRIBUTES))
# Wherever a mark occurs in an element's joined values, its last word lies whole inside one value (values are
# joined at spaces): an element with no value holding one of these is no breadcrumb, and is not read.
MARK_ENDS = tuple({mark.rsplit(" ", 1)[-1] for mark in BREADCRUMB_MARKS})
# The marks of more than one word, and their last words: only these can span two values, where the order the
# values are joined in matters.
SPANNING_MARK_ENDS = tuple(mark.rsplit(" ", 1)[-1] for mark in BREADCRUMB_MARKS if " " in mark)
WORD_MARKS = tuple(mark for mark in BREADCRUMB_MARKS if " " not in mark)


def _any_case(char: str) -> str:
    """The characters whose lower case starts with `char` (tests check this against every code point)."""
    return "".join(sorted({char, char.upper(), *(("\u0130",) if char == "i" else ())}))


# Where, in the page's text nodes each after a NUL, one starts (after white space and zero-width spaces) as a label
# or a label cut short can: its first two letters are a label's, or its first is and white space or its end follows.
# starts_here_label judges each start found; none that it accepts is missed here.
LABEL_START = re.compile(
    "\x00[\\s\u200b]*+(?:"  # possessive: what follows the white space is no white space, nothing to try again
    + "|".join(sorted({f"[{_any_case(label[0])}][{_any_case(label[1])}]" for label in HERE_LABELS}))
    + f"|[{''.join(_any_case(first) for first in sorted(HERE_FIRSTS))}](?=[\\s\u200b\x00]|\\Z))"
)


def labelled_here(scope: html.HtmlElement) -> bool:
    """Whether a text node starts a "You are here:" label, whole or cut short by markup ("<b>Sie</b> sind hier").

    The page's text nodes are joined and searched once, in C, for one that starts as a label
    can (LABEL_START); only those are judged one by one (starts_here_label).
    """
    texts = ALL_TEXT(scope)
    joined = "\x00" + "\x00".join(texts)  # a NUL before each text node
    index, counted = -1, 0
    for hit in LABEL_START.finditer(joined):
        index += joined.count("\x00", counted, hit.start() + 1)  # the NULs up to the hit's: which node it is in
        counted = hit.start() + 1
        if starts_here_label(texts[index]):
            return True
    return False


def starts_here_label(text: str) -> bool:
    """The text, past white space, starts a label or is the start of one."""
    start = text.lstrip().lstrip("\u200b").lstrip()[:LONGEST_HERE_LABEL].lower()
    if start[:1] not in HERE_FIRSTS:
        return False
    start = squash(start)
    return start.startswith(HERE_LABELS) or start in HERE_PREFIXES


def names_breadcrumb(marks: str) -> bool:
    lowered = marks.lower()
    return any(mark in lowered for mark in BREADCRUMB_MARKS)


def marked(element: html.HtmlElement) -> bool:
    """Its class, id, aria-label and itemtype, joined, name a breadcrumb."""
    return names_breadcrumb(" ".join(element.get(name) or "" for name in MARK_ATTRIBUTES))


def marked_elements(scope: html.HtmlElement) -> list:
    """Elements whose class, id, aria-label or itemtype names a breadcrumb, in document order.

    One search over the page's joined values says whether any does; only then are the
    elements read, and only those holding a value with a mark's last word (MARK_ENDS).
    Where a mark of several words may span two values, the values are joined in
    document order, as the page holds them (_marked_in_order).
    """
    kinds = [values(scope) for values in MARK_VALUES]
    joined = [" ".join(values) for values in kinds]
    lowered = [text.lower() for text in joined]
    if any(end in text for text in lowered for end in SPANNING_MARK_ENDS):
        return _marked_in_order(scope)
    if not any(mark in text for text in lowered for mark in WORD_MARKS):
        return []
    found: set = set()
    for holders, values, text, lowered_text in zip(MARK_HOLDERS, kinds, joined, lowered, strict=True):
        indexes = _values_holding_mark_ends(values, text, lowered_text)
        if indexes:
            elements = holders(scope)
            found.update(elements[index] for index in indexes)
    return [element for element in sorted(found, key=_document_place) if marked(element)]


def _marked_in_order(scope: html.HtmlElement) -> list:
    values = MARKED_VALUES(scope)
    joined = " ".join(values)
    lowered = joined.lower()
    if not any(mark in lowered for mark in BREADCRUMB_MARKS):
        return []
    found, last = [], None
    for index in _values_holding_mark_ends(values, joined, lowered):
        element = values[index].getparent()
        if element is not last:  # an element's values come one after another
            last = element
            if marked(element):
                found.append(element)
    return found


def _document_place(element: html.HtmlElement) -> tuple[int, ...]:
    """The element's place in document order: its and its ancestors' positions among their siblings."""
    place = []
    parent = element.getparent()
    while parent is not None:
        place.append(parent.index(element))
        element, parent = parent, parent.getparent()
    return tuple(reversed(place))


def _values_holding_mark_ends(values: list[str], joined: str, lowered: str) -> list[int]:
    """Indexes, in order, of the values whose lower case holds a mark's last word (MARK_ENDS).

    Found in the joined text, in C; a value is searched alone only where lower-casing changed
    the text's length (a dotted capital I), so that positions in both no longer match.
    """
    if len(lowered) != len(joined):
        return [index for index, value in enumerate(values) if any(end in value.lower() for end in MARK_ENDS)]
    places = []
    for end in MARK_ENDS:
        place = lowered.find(end)
        while place >= 0:
            places.append(place)
            place = lowered.find(end, place + 1)
    if not places:
        return []
    starts = list(accumulate((len(value) + 1 for value in values), initial=0))
    return sorted({bisect_right(starts, place) - 1 for place in places})

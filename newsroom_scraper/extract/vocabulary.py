"""Whether one of trafilatura's XPath sweeps can select anything on a page, told from its attribute values.

trafilatura's sweeps look for class and id words that most pages lack
("infinite-scroll", "comments", "teaser", "caption"), yet libxml2 tests every
element for them, calling back into Python for each regex. A sweep is an
XPath whose predicates are or-ed attribute tests; when none of a predicate's
tests holds for any value the page has of its attribute, the sweep selects
nothing, and is not run. The values of a page are those of its trees'
copies and frames too: trafilatura deletes and renames elements there, it
sets no class, id or style.

Only tests of these shapes are read (any other predicate is taken as true):
`re:test(@a|@b, 'p'[, 'i'])`, `contains(@a, 'x')`, `contains(translate(@a,
'AB', 'ab'), 'x')`, `starts-with(@a|@b, 'x')`, `@a='x'`. A regex is tried on
the page's values joined by line breaks, its ^ and $ at each line: a match
in one value is a match there (a pattern with a lookbehind, or a negative
lookahead a line break could defeat, is taken as true).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from lxml import etree

ATTRIBUTES = r"@[\w-]+(?:\|@[\w-]+)*"
# Each test shape, and how it is tried on the page: (values of its attributes, joined) -> may hold.
REGEX_TEST = re.compile(rf"re:test\(({ATTRIBUTES}), '([^']*)'(?:, '([a-z]*)')?\)")
CONTAINS_TEST = re.compile(rf"contains\(({ATTRIBUTES}), '([^'\n]*)'\)")
FOLDED_CONTAINS_TEST = re.compile(rf"contains\(translate\(({ATTRIBUTES}), '([^']*)', ?'([^']*)'\), '([^'\n]*)'\)")
STARTS_TEST = re.compile(rf"starts-with\(({ATTRIBUTES}), '([^'\n]*)'\)")
EQUALS_TEST = re.compile(rf"({ATTRIBUTES}) ?= ?'([^']*)'")
# What a predicate may hold besides its tests for it to be their disjunction.
DISJUNCTION = re.compile(r"[\sT()]|\bor\b")
UNSAFE_REGEX = ("(?<!", "\\A", "\\Z")
# A negative lookahead is safe when what it refuses starts with a word character, never a line break ("(?!ary)").
LOOKAHEAD = re.compile(r"\(\?!([^)]*)\)")
WORDS = re.compile(r"[\w-]+(?:\|[\w-]+)*")

Check = Callable[["Vocabulary"], bool]


class Vocabulary:
    """The values a page's elements have of each attribute, read when first asked."""

    __slots__ = ("_tree", "_joined", "_values")

    def __init__(self, tree: etree._Element) -> None:
        self._tree = tree
        self._joined: dict[str, str] = {}
        self._values: dict[str, frozenset[str]] = {}

    def values(self, attribute: str) -> frozenset[str]:
        if attribute not in self._values:
            self._values[attribute] = frozenset(_values_of(attribute)(self._tree))
        return self._values[attribute]

    def joined(self, attribute: str) -> str:
        if attribute not in self._joined:
            self._joined[attribute] = "\n".join(self.values(attribute))
        return self._joined[attribute]

    def may_select(self, expression: etree.XPath) -> bool:
        """False only when `expression` surely selects nothing on this page."""
        return _check(expression.path)(self)

    def able(self, expressions: list) -> list:
        """The expressions that may select something here, in their order."""
        return [expression for expression in expressions if self.may_select(expression)]


@cache
def _values_of(attribute: str) -> etree.XPath:
    return etree.XPath(f"//@{attribute}", smart_strings=False)


def _names(attributes: str) -> list[str]:
    return [name.lstrip("@") for name in attributes.split("|")]


def _regex(attributes: str, pattern: str, flags: str | None) -> Check | None:
    if any(mark in pattern for mark in UNSAFE_REGEX) or re.search(pattern, ""):
        return None
    if not all(WORDS.fullmatch(refused) for refused in LOOKAHEAD.findall(pattern)):
        return None
    compiled = re.compile(pattern, re.MULTILINE | (re.IGNORECASE if flags == "i" else 0))
    names = _names(attributes)
    return lambda page: any(compiled.search(page.joined(name)) for name in names)


def _contains(attributes: str, text: str) -> Check | None:
    names = _names(attributes)
    return (lambda page: any(text in page.joined(name) for name in names)) if text else None


def _folded_contains(attributes: str, upper: str, lower: str, text: str) -> Check | None:
    if lower != upper.lower() or text != text.lower() or not text:
        return None
    names = _names(attributes)
    return lambda page: any(text in page.joined(name).lower() for name in names)


def _starts(attributes: str, text: str) -> Check | None:
    names = _names(attributes)
    return (lambda page: any(f"\n{text}" in f"\n{page.joined(name)}" for name in names)) if text else None


def _equals(attributes: str, text: str) -> Check | None:
    names = _names(attributes)
    return lambda page: any(text in page.values(name) for name in names)


SHAPES = (
    (REGEX_TEST, _regex),
    (FOLDED_CONTAINS_TEST, _folded_contains),
    (CONTAINS_TEST, _contains),
    (STARTS_TEST, _starts),
    (EQUALS_TEST, _equals),
)
# sweeps.cheaper's forms of a regex test, read as the test they stand for.
CHEAPER_FORMS = (
    (re.compile(rf"\(\(({ATTRIBUTES})\) and re:test\(string\(\1\), "), r"(re:test(\1, "),
    (re.compile(rf"re:test\(string\(({ATTRIBUTES})\), "), r"re:test(\1, "),
)


def _top_level(path: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans of the outermost `opening`...`closing` groups of an XPath, string literals passed over."""
    spans, depth, start, quoted = [], 0, 0, False
    for index, char in enumerate(path):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == opening:
            depth += 1
            start = index + 1 if depth == 1 else start
        elif char == closing:
            depth -= 1
            if depth == 0:
                spans.append((start, index))
    return spans


def _branches(path: str) -> list[str]:
    """The expression's top-level union members ("A|B")."""
    cuts, depth, quoted = [-1], 0, False
    for index, char in enumerate(path):
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "[(":
            depth += 1
        elif not quoted and char in "])":
            depth -= 1
        elif not quoted and not depth and char == "|":
            cuts.append(index)
    cuts.append(len(path))
    return [path[start + 1 : end] for start, end in zip(cuts, cuts[1:], strict=False)]


def _disjunction(predicate: str) -> Check | None:
    """The check of a predicate made only of or-ed tests of known shapes; None for any other predicate."""
    checks: list[Check | None] = []

    def replaced(build):
        def replace(match: re.Match) -> str:
            checks.append(build(*match.groups()))
            return " T "

        return replace

    for pattern, build in SHAPES:
        predicate = pattern.sub(replaced(build), predicate)
    if DISJUNCTION.sub("", predicate) or not checks or None in checks:
        return None
    return lambda page: any(check(page) for check in checks)


@cache
def _check(path: str) -> Check:
    for pattern, replacement in CHEAPER_FORMS:
        path = pattern.sub(replacement, path)
    branches: list[list[Check]] = []
    for branch in _branches(path):
        checks = [_disjunction(branch[start:end]) for start, end in _top_level(branch, "[", "]")]
        branches.append([check for check in checks if check is not None])
    if any(not checks for checks in branches):
        return lambda page: True
    return lambda page: any(all(check(page) for check in checks) for checks in branches)

"""trafilatura's XPath sweeps, selecting the same elements for less: the costly part of its cascade.

trafilatura prunes with XPath expressions whose tests are EXSLT regexes,
`re:test(@class, '...')`: libxml2 calls back into Python for each element and
test, also where the attribute is missing. Two cheaper forms, same elements in
the same order (prune_unwanted_nodes takes any callable returning them):

- `cheaper`: trafilatura's own expression text with each test rewritten to
  `(@a and re:test(string(@a), '...'))`: a missing attribute cannot match a
  pattern that needs a character, and a string argument spares lxml building
  a node-set per call.
- `overall_discard`: its OVERALL_DISCARD_XPATH, the dearest sweep (its
  boilerplate vocabulary), as one Python walk over the elements with the
  same regexes, read from trafilatura's expressions. Only for expressions
  shaped as below (the regexes aside); any other shape keeps the `cheaper` XPath.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree, html
from trafilatura import xpaths

REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}
RE_TEST = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'\)")
# The same test, with its optional flags ("re:test(@class, 'fulltext', 'i')"): what `cheaper` rewrites.
RE_TEST_FLAGS = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'((?:, '[a-z]*')?)\)")
# OVERALL_DISCARD_XPATH, white space squashed and each regex written "_", as trafilatura 2.3 writes them.
OVERALL_DISCARD_SHAPES = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
    "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, _) or re:test(@id, _) or "
    "re:test(@class, _)]",
    ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or re:test(@id|@style, _) or "
    "contains(@style, 'display:none') or contains(@style, 'display: none') or re:test(@id, _) or "
    "re:test(@class, _) or @aria-hidden='true']",
)
DISCARDED_BOXES = ("div", "item", "list", "p", "section", "span")  # the first shape's self:: tags

Sweep = Callable[[html.HtmlElement], list]


def _cheaper_test(match: re.Match) -> str:
    attributes, pattern, flags = match.groups()
    test = f"re:test(string({attributes}), '{pattern}'{flags})"
    return test if re.search(pattern, "") else f"(({attributes}) and {test})"


def cheaper(expressions: list[etree.XPath]) -> list[etree.XPath]:
    """trafilatura's XPath sweeps, selecting the same elements with fewer regex callbacks."""
    return [etree.XPath(RE_TEST_FLAGS.sub(_cheaper_test, xpath.path), namespaces=REGEXP_NS) for xpath in expressions]


# trafilatura's main-content containers, and its author search (what it discards first, then where it looks).
BODY = cheaper(xpaths.BODY_XPATH)
AUTHOR_DISCARD = cheaper(xpaths.AUTHOR_DISCARD_XPATHS)
AUTHORS = cheaper(xpaths.AUTHOR_XPATHS)


def shape(expression: etree.XPath) -> str:
    return " ".join(RE_TEST.sub(lambda match: f"re:test({match.group(1)}, _)", expression.path).split())


def _first(attributes, name: str, other: str) -> str:
    """XPath's string(@a|@b): the value of whichever attribute comes first in the source, else ''."""
    value, second = attributes.get(name), attributes.get(other)
    if value is None or second is None:
        return second or value or ""
    return next(attributes[key] for key in attributes.keys() if key in (name, other))


def _boxes(consent: re.Pattern, by_id: re.Pattern, by_class: re.Pattern) -> Sweep:
    def discarded(attributes) -> bool:
        return bool(
            "data-lp-replacement-content" in attributes
            or "nav" in attributes.get("role", "").replace("N", "n")
            or "MostPopularStories" in attributes.get("data-component", "")
            or consent.search(_first(attributes, "id", "class"))
            or by_id.search(attributes.get("id", ""))
            or by_class.search(attributes.get("class", ""))
        )

    return _sweep(DISCARDED_BOXES, discarded, _needs_attributes(consent, by_id, by_class))


def _hidden(hidden: re.Pattern, by_id: re.Pattern, by_class: re.Pattern) -> Sweep:
    def discarded(attributes) -> bool:
        return bool(
            attributes.get("class") == "comments-title"
            or _first(attributes, "id", "class").startswith("reply-")
            or hidden.search(_first(attributes, "id", "style"))
            or "display:none" in (style := attributes.get("style", ""))
            or "display: none" in style
            or by_id.search(attributes.get("id", ""))
            or by_class.search(attributes.get("class", ""))
            or attributes.get("aria-hidden") == "true"
        )

    return _sweep(etree.Element, discarded, _needs_attributes(hidden, by_id, by_class))


def _needs_attributes(*patterns: re.Pattern) -> bool:
    """Whether an element without attributes is passed over: no pattern matches the '' of a missing one."""
    return not any(pattern.search("") for pattern in patterns)


def _sweep(tags, discarded: Callable[[object], bool], needs_attributes: bool) -> Sweep:
    def sweep(tree: html.HtmlElement) -> list:
        return [
            element
            for element in tree.iterdescendants(tags)
            if ((attributes := element.attrib) or not needs_attributes) and discarded(attributes)
        ]

    return sweep


def overall_discard() -> list[Sweep]:
    """OVERALL_DISCARD_XPATH as Python walks where its shape is known, else as `cheaper` XPath."""
    builders = dict(zip(OVERALL_DISCARD_SHAPES, (_boxes, _hidden), strict=True))
    found: list[Sweep] = []
    for expression in xpaths.OVERALL_DISCARD_XPATH:
        build = builders.get(shape(expression))
        if build is None:
            found.extend(cheaper([expression]))
        else:
            found.append(build(*(re.compile(pattern) for _, pattern in RE_TEST.findall(expression.path))))
    return found

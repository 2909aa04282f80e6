"""Site-profile selectors: CSS by default, XPath when written "xpath:...".

A profile may name where a site keeps its title, date, body or credit, and
what else to drop. Selectors are compiled once and cached, since one
profile serves every page of its site.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree, html
from parsel.csstranslator import HTMLTranslator

XPATH_PREFIX = "xpath:"
# What a selector returns on a page with nothing in it tells whether it selects nodes at all.
EMPTY_PAGE = html.document_fromstring("<html><body></body></html>")


class SelectorError(ValueError):
    """A selector that is neither valid CSS nor valid XPath."""


@lru_cache(maxsize=512)
def compile_selector(selector: str) -> etree.XPath:
    try:
        if selector.startswith(XPATH_PREFIX):
            return etree.XPath(selector[len(XPATH_PREFIX) :])
        return etree.XPath(HTMLTranslator().css_to_xpath(selector))
    except Exception as error:  # noqa: BLE001 - cssselect and lxml raise several types
        raise SelectorError(f"invalid selector {selector!r}: {error}") from error


def result_kind(selector: str) -> str | None:
    """What a selector returns when that is not a list of nodes: "a boolean", "a number" or "a string"; else None.

    `xpath:count(//p)` is valid XPath but selects nothing to read or drop. A
    SelectorError for one that only fails when run (an unknown function or variable).
    """
    try:
        result = compile_selector(selector)(EMPTY_PAGE)
    except etree.XPathError as error:
        raise SelectorError(f"invalid selector {selector!r}: {error}") from error
    if isinstance(result, bool):
        return "a boolean"
    if isinstance(result, (int, float)):
        return "a number"
    return "a string" if isinstance(result, str) else None


def select(tree: html.HtmlElement, selector: str) -> list:
    """Matching elements (or strings, for an XPath that selects text or attributes, or gives a string value)."""
    result = compile_selector(selector)(tree)
    return [result] if isinstance(result, str) else list(result)


def select_elements(tree: html.HtmlElement, selector: str) -> list[html.HtmlElement]:
    return [node for node in select(tree, selector) if isinstance(node, html.HtmlElement)]


def select_text(tree: html.HtmlElement, selector: str) -> tuple[str | None, html.HtmlElement | None]:
    """The first non-empty value a selector finds: an attribute value, a string, or an element's text.

    For an element, a machine-readable `datetime` or `content` attribute wins over its text.
    """
    for node in select(tree, selector):
        if isinstance(node, html.HtmlElement):
            value = node.get("datetime") or node.get("content") or " ".join(node.text_content().split())
            if value:
                return value, node
        elif isinstance(node, str) and node.strip():
            return " ".join(node.split()), None
    return None, None

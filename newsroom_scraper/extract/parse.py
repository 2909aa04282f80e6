"""Parse decoded HTML once into the lxml tree every later stage reads."""

from __future__ import annotations

from lxml import etree, html

from .decode import strip_xml_declaration

# huge_tree lifts libxml2's depth and text-node limits: deeply nested legacy
# layouts (tables in tables) are real, and the response size is bounded upstream.
PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)


def parse_html(text: str) -> html.HtmlElement | None:
    """The document tree, or None when the text holds no element at all."""
    text = strip_xml_declaration(text)
    if not text.strip():
        return None
    try:
        tree = html.document_fromstring(text, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None
    if tree is None or len(tree) == 0:
        return None
    return tree

"""Parse decoded HTML once into the lxml tree every later stage reads."""

from __future__ import annotations

from lxml import etree, html

from .decode import strip_xml_declaration

# huge_tree lifts libxml2's depth and text-node limits: deeply nested legacy
# layouts (tables in tables) are real, and the response size is bounded upstream.
PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)
# Every element is an HtmlElement (text_content, drop_tree ...), chosen in C: lxml.html's own
# lookup picks a class per tag in Python, once for each element proxy: about 5,000 calls a page.
PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=html.HtmlElement))


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

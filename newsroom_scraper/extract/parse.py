"""Parse decoded HTML once into the lxml tree every later stage reads.

This is the one place text enters the tree, so it is where text is made
XML-safe: lxml keeps control characters and lone surrogates that the HTML
parser let through, and then refuses them when a stage writes text back or
passes it to XPath ("All strings must be XML compatible"). Dropping them here
means no later stage has to care.
"""

from __future__ import annotations

import re

from lxml import etree, html

from .budget import check_text, check_tree
from .decode import strip_xml_declaration

# huge_tree lifts libxml2's depth and text-node limits: deeply nested legacy
# layouts (tables in tables) are real, and the response size is bounded upstream;
# budget.check_tree refuses what no real page needs before the costly stages.
# The text is parsed as its UTF-8 (parse_html): the encoding is given, so no <meta charset> of the page overrides it.
PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True, encoding="utf-8")
# Every element is an HtmlElement (text_content, drop_tree ...), chosen in C: lxml.html's own
# lookup picks a class per tag in Python, once for each element proxy: about 5,000 calls a page.
PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=html.HtmlElement))

# What XML 1.0 does not allow in text: C0 controls but tab, newline and carriage return;
# lone surrogates (a str can hold them, UTF-8 cannot); the non-characters U+FFFE and U+FFFF.
NOT_XML_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Its controls as UTF-8 bytes (multi-byte sequences have no byte below 0x80): one memchr each over
# the page's UTF-8 is several times quicker than the regex above, which tests every character.
NOT_XML_CONTROLS = tuple(bytes((code,)) for code in (*range(0x00, 0x09), *range(0x0E, 0x20)))
# Vertical tab and form feed separate words where they occur: they become spaces, not nothing.
XML_SPACES = str.maketrans("\x0b\x0c", "  ")
# The same characters written as numeric references ("&#2;", "&#x1F", "&#65535;"): the HTML parser decodes
# them into the tree. Only references to a small number or to U+FFFE/U+FFFF match, so the replacement
# below runs on the rare page that has one, not on every "&#8217;".
LOW_REFERENCE = re.compile(
    r"&#(?:0*([1-9]|[12]\d|3[01]|6553[45])(?!\d)|[xX]0*([0-9a-fA-F]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
# The same search over the page's UTF-8: the references are ASCII, and bytes are searched faster than a str.
LOW_REFERENCE_UTF8 = re.compile(LOW_REFERENCE.pattern.encode("ascii"))
XML_ALLOWED_CODES = frozenset((9, 10, 13))  # tab, newline, carriage return: left as written


def xml_safe(text: str) -> str:
    """The text without the characters lxml refuses; unchanged (and not copied) when it has none."""
    return _xml_safe_utf8(text)[0]


def _xml_safe_utf8(text: str, utf8: bytes | None = None) -> tuple[str, bytes | None]:
    """xml_safe's text, and its UTF-8 when the text had nothing to change (None when it had).

    `utf8`: the text's UTF-8, where the caller has it (the page as it came): it is not made again.
    """
    try:
        data: bytes | None = text.encode("utf-8") if utf8 is None else utf8
    except UnicodeEncodeError:  # a lone surrogate is the one character UTF-8 refuses
        data = None
    if data is None or any(control in data for control in NOT_XML_CONTROLS) or "\ufffe" in text or "\uffff" in text:
        text, data = NOT_XML_CHARS.sub("", text), None
    elif b"\x0b" not in data and b"\x0c" not in data and not (b"&#" in data and LOW_REFERENCE_UTF8.search(data)):
        return text, data  # the usual page, its UTF-8 searched as the tests below search the text, in a third less
    if "\x0b" in text or "\x0c" in text:
        text, data = text.translate(XML_SPACES), None
    if "&#" in text and LOW_REFERENCE.search(text):
        text, data = LOW_REFERENCE.sub(_allowed_reference, text), None
    return text, data


def _allowed_reference(match: re.Match) -> str:
    """A reference XML allows as written, one to a space-like character as a space, any other as ''."""
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if code in XML_ALLOWED_CODES:
        return match.group(0)
    return " " if code in XML_SPACES else ""  # vertical tab and form feed, as above


def parse_html(text: str, utf8: bytes | None = None) -> html.HtmlElement | None:
    """The document tree, or None when the text holds no element at all.

    `utf8`: the text's UTF-8 exactly, where the caller has it (decode.DecodedPage.utf8).
    Raises budget.OverBudget when a page budget is active and the tree exceeds it.
    """
    declared = text
    text = strip_xml_declaration(declared)
    text, data = _xml_safe_utf8(text, utf8 if text is declared else None)  # the same str when nothing was stripped
    if not text.strip():
        return None
    check_text(text)
    try:
        # libxml2 reads UTF-8 as it is; a str it is handed as UTF-16 or UTF-32 (as Python holds it) to convert.
        tree = html.document_fromstring(data if data is not None else text.encode("utf-8"), parser=PARSER)
    except (etree.ParserError, ValueError):
        return None
    if tree is None or len(tree) == 0:
        return None
    check_tree(tree)
    return tree

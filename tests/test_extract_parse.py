"""parse.xml_safe finds the characters XML refuses by plain searches: it must find exactly NOT_XML_CHARS."""

from __future__ import annotations

from lxml import etree

from newsroom_scraper.extract.parse import NOT_XML_CHARS, parse_html, xml_safe


def test_every_character_the_regex_refuses_is_found_and_no_other():
    for code in (*range(0x10000), 0x10FFFF):
        char = chr(code)
        text = f"<p>a{char}b</p>"
        expected = "<p>ab</p>" if NOT_XML_CHARS.match(char) else text
        if char not in "\x0b\x0c&":  # spaces and references: the next steps of xml_safe
            assert xml_safe(text) == expected, hex(code)


def test_a_lone_surrogate_in_a_wide_page_is_dropped():
    tree = parse_html("<html><body><p>\u4e2d\u6587 \ud83d text</p></body></html>")
    assert tree.findtext(".//p") == "\u4e2d\u6587  text"


def test_the_text_is_read_as_decoded_whatever_charset_the_page_declares():
    for declared in (
        "<meta charset='windows-1252'>",
        "<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>",
    ):
        tree = parse_html(f"\ufeff<html><head>{declared}</head><body><p>café 中文 😀 \u0085</p></body></html>")
        assert tree.findtext(".//p") == "café 中文 😀 \u0085"


def test_the_pages_utf8_is_read_as_its_text_would_be():
    """Given the page's UTF-8, parsing searches it for what XML refuses, and reads it: the tree is the text's."""
    references = [f"&#{code};" for code in (*range(0, 40), 127, 8217, 65533, 65534, 65535)]
    references += [f"&#x{code:x}" for code in (1, 9, 0xB, 0x1F, 0xFFFE)] + ["&#0011;", "&amp;#1;"]
    for inner in (*references, "\x0b", "\x0c", "\x01", "\ufffe", "plain café 中文 😀"):
        text = f"<html><body><p>a{inner}b</p></body></html>"
        expected = etree.tostring(parse_html(text), encoding="unicode")
        tree = parse_html(text, text.encode("utf-8"))
        assert etree.tostring(tree, encoding="unicode") == expected, inner
        assert not NOT_XML_CHARS.search(tree.findtext(".//p")), inner


def test_an_xml_declaration_is_stripped_whatever_utf8_is_given():
    text = "<?xml version='1.0' encoding='utf-8'?><html><body><p>café</p></body></html>"
    assert parse_html(text, text.encode("utf-8")).findtext(".//p") == "café"

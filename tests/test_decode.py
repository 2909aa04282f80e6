"""Decoding: declared charsets when right, detection when wrong or missing, a clear error for binary."""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.decode import UndecodableError, decode_html

TEXT = "<html><head><title>Zürich: Café-Streit</title></head><body><p>Grüße aus Zürich und Genève.</p></body></html>"


def test_utf8_mislabelled_as_latin1():
    decoded = decode_html(TEXT.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert "Zürich" in decoded.text and decoded.encoding == "utf-8"


def test_the_body_is_kept_as_the_text_utf8_only_where_it_is_that_exactly():
    body = TEXT.encode("utf-8")
    decoded = decode_html(body)
    assert decoded.utf8 is body and decoded.utf8 == decoded.text.encode("utf-8")
    assert decode_html(b"\xef\xbb\xbf" + body).utf8 is None  # the byte-order mark is not text
    assert decode_html(TEXT.encode("cp1252"), "text/html; charset=windows-1252").utf8 is None
    assert decode_html(TEXT.encode("utf-16")).utf8 is None


def test_declared_gb2312_with_gbk_only_character():
    html = (
        '<html><head><meta charset="gb2312"></head><body><p>王喆研究员介绍了南海深层环流的季节变化。</p></body></html>'
    )
    decoded = decode_html(html.encode("gbk"))
    assert "王喆" in decoded.text


def test_undeclared_windows_1251_is_detected():
    html = "<html><body><p>" + "Учёные создали сеть донных датчиков для раннего предупреждения о цунами. " * 5
    decoded = decode_html((html + "</p></body></html>").encode("cp1251"))
    assert "Учёные" in decoded.text


def test_header_wins_over_wrong_meta():
    html = '<html><head><meta charset="utf-8"></head><body><p>' + "Grüße aus Zürich. " * 10 + "</p></body></html>"
    decoded = decode_html(html.encode("cp1252"), "text/html; charset=windows-1252")
    assert "Grüße" in decoded.text


def test_bom_decides():
    assert "Zürich" in decode_html(TEXT.encode("utf-16")).text


def test_binary_is_undecodable():
    with pytest.raises(UndecodableError):
        decode_html(bytes(range(256)) * 20)


def test_empty_body_is_empty_text():
    assert decode_html(b"").text == ""

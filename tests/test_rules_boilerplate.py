"""Boilerplate by text (rules.boilerplate), row by row: a box's text and the kind of boilerplate it is."""

from __future__ import annotations

import random

import pytest

from newsroom_scraper.extract.prune import is_contact_block, says_boilerplate
from newsroom_scraper.extract.rules.boilerplate import (
    CONTACT_HINT,
    COPYRIGHT,
    MAX_COPYRIGHT_BOX,
    count_contact_hints,
    is_toolbar_text,
)


def box_kind(text: str) -> str | None:
    """The pruning's verdict on a box's text, named: toolbar, copyright, contact, or None."""
    if is_toolbar_text(text):
        return "toolbar"
    if says_boilerplate(text):
        return "copyright"
    if is_contact_block(text.split("\n")):
        return "contact"
    return None


ROWS = [
    ("Email Print Text Size", "toolbar"),
    ("Jun 27, 2013 Email Print Text Size", "toolbar"),
    ("A+ A- Print", "toolbar"),
    ("打印 关闭", "toolbar"),
    ("Drucken Teilen", "toolbar"),
    ("Share this story with a friend who cares about the harbour.", None),
    ("Copyright © 2002 - 2014 Chinese Academy of Sciences", "copyright"),
    ("版权所有 中国科学院", "copyright"),
    ("The copyright of the photographs lies with the city archive. " * 6, None),  # past MAX_COPYRIGHT_BOX
    ("Address: 52 Sanlihe Rd., Beijing\nPostcode: 100864\nTel: 86-10-68597114\nFax: 86-10-68512458", "contact"),
    ("Contact Us\nE-mail: info@example.org", "contact"),
    ("The address of the new office will be announced next week.\nThe council meets on Tuesday.", None),
]


@pytest.mark.parametrize("text, kind", ROWS, ids=[f"{kind}:{text[:30]}" for text, kind in ROWS])
def test_box_kind(text, kind):
    assert box_kind(text) == kind


def test_the_copyright_cap_is_what_keeps_long_texts():
    long_text = ROWS[8][0]
    assert COPYRIGHT.search(long_text) and len(long_text) >= MAX_COPYRIGHT_BOX


def test_contact_hints_counted_in_two_parts_as_the_whole_pattern_counts_them():
    pieces = ["address", "tel", "phone", "fax", "e-mail", "email", "emai", "postcode", "adresse", "telefon", "hotel",
              "téléphone", "teléfono", "courriel", "correo", "@", "电话", "地址", "телефон", "адрес", "факс", "メール",
              "傳真", "+", "0", "1", "9", " ", "(", ")", ".", "/", "-", "x", "é", "_", "\n", "tel:", "ph",
              "one"]  # fmt: skip
    chooser = random.Random(12)
    for _ in range(20000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 25)))
        whole = sum(1 for _ in CONTACT_HINT.finditer(text))
        assert count_contact_hints(text, 1000) == whole, text
        assert count_contact_hints(text, 2) == min(whole, 2), text

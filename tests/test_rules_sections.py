"""The section rules (rules.sections), row by row: breadcrumb items that are not a section, and the labels around items.

A new rule gets its rows here, including items of real trails it must not fire on.
"""

from __future__ import annotations

import pytest

from newsroom_scraper.extract.rules.sections import CRUMB_SKIPS, clean_crumb, skipped_crumb

# (item, the trail's items before it, the rule that fires or None)
ROWS = [
    ("2022", ["Startseite", "Presse"], "archive_level"),
    ("06/2019", ["News"], "archive_level"),
    ("Dezember 2021", ["News & Medien"], "archive_level"),
    ("01.05.2017", [], "archive_level"),
    ("6 de mayo de 2022 05:30", [], "archive_level"),
    ("27", [], "archive_level"),
    ("Nachrichten 2022", ["Startseite", "Nachrichten"], "archive_level"),
    ("Nachrichten Februar 2022", ["Nachrichten", "Nachrichten 2022"], "archive_level"),
    ("Single News", ["Kommunikation", "Aktuelles"], "template_label"),
    ("Detail", ["News"], "template_label"),
    ("Einzelansicht", [], "template_label"),
    ("正文", ["首页", "新闻"], "template_label"),
    ("1-min read", [], "template_label"),
    ("‹ Zurück", [], None),  # the arrow goes with clean_crumb; see CLEANED
    ("Zurück", ["Reisen"], "back_link"),
    ("var adformtag = adformtag || []; adformtag.push(function() {})", [], "code"),
    ('{ "@context": "https://schema.org" }', [], "code"),
    ("i", ["Planète Asie"], "letter"),
    # Sections that hold a number or a month's name, or sound like a template, are kept.
    ("Formel 1", ["Sport"], None),
    ("Wahl 2024", ["Politik"], None),
    ("G20", ["Politik"], None),
    ("Mai 2022 in Bildern", ["Fotos"], None),
    ("Berlin 2022", ["Sport"], None),
    ("March for Science", ["Events"], None),
    ("Pressemitteilungen des BKA", ["Startseite", "Presse"], None),
    ("Back to School", ["Education"], None),
    ("Stories", ["Home"], None),
    ("Articles", [], None),
    ("Textilindustrie", ["Wirtschaft"], None),
    ("国際", ["ホーム"], None),
    ("News", ["Home", "News"], None),  # a repeated level is not an archive level
    ("1234567890" * 8 + " x", [], None),  # a long digit run is read in one pass
    ("UK", ["News"], None),
]

# (item as the template wrote it, the item once its label and separators are gone)
CLEANED = [
    ("/ Presserom", "Presserom"),
    (">Política", "Política"),
    ("‹ Zurück", "Zurück"),
    ("Estás en: España", "España"),
    ("Sie befinden sich hier:", ""),
    ("Current: News", "News"),
    ("Thema: Umwelt und Klima", "Umwelt und Klima"),
    ("Aktuelle Seite: Medizin", "Medizin"),
    # Not labels: a colon inside a section's name, a word that merely starts like one.
    ("Current Affairs", "Current Affairs"),
    ("Topics in Science", "Topics in Science"),
    ("Kultur: Film", "Kultur: Film"),
    ("Crime & Legal", "Crime & Legal"),
    ("C++ / C#", "C++ / C#"),
]


@pytest.mark.parametrize(("item", "earlier", "rule"), ROWS)
def test_crumb_rule(item, earlier, rule):
    assert skipped_crumb(item, earlier) == rule


@pytest.mark.parametrize(("item", "cleaned"), CLEANED)
def test_crumb_cleaned(item, cleaned):
    assert clean_crumb(item) == cleaned


def test_every_rule_has_a_row_that_fires():
    assert {name for name, _ in CRUMB_SKIPS} <= {rule for _, _, rule in ROWS}

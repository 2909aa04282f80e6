"""Section rules: which breadcrumb items are not a section, and the labels a trail's items carry.

A trail ("Home / Press / 2022 / Messenger services are no lawless space")
names the article's section among other things: the home link, archive
levels (a year, a month, a date), template labels ("Single News", "Detail"),
a back link, and the article itself. section.find_section drops those from
the trail's end; the rules here judge one item alone, CRUMB_SKIPS being the
table (each row a rule name and its check) that tests run row by row. Items
are first stripped of the labels and separators templates put around them
("Estás en: España", "/ Presserom").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .dates import MONTHS as MONTH_NUMBERS

# "You are here"-style labels glued to an item, with their colon: "Estás en: España", "Current: ...".
CRUMB_LABEL = re.compile(
    r"^(you are here|you are at|current page|current|estás en|está en|usted está en|sie befinden sich hier|"
    r"sie sind hier|aktuelle seite|vous êtes ici|vous êtes sur|siete qui|ti trovi in|você está em|"
    r"u bevindt zich hier|jesteś tutaj|вы здесь|thema|topic)\s*([:：]\s*|$)",
    re.IGNORECASE,
)
# Separators and arrows left at either end of an item by the template: "/ Presserom", ">Política", "‹ Zurück".
EDGE_SEPARATORS = re.compile(r"^[\s>/»›‹«<|:\-–→←·•]+|[\s>/»›‹«<|:\-–→←·•]+$")

# Month names, full and abbreviated, of the languages datetext reads dates in.
MONTHS = "|".join(re.escape(name) for name in sorted(MONTH_NUMBERS, key=len, reverse=True))
# The words of an archive level: numbers, month names, "de" between them ("6 de mayo de 2022");
# an item made of nothing else is one ("2022", "06/2019", "Dezember 2021", "6 de mayo de 2022 05:30").
DATE_WORDS = re.compile(rf"\b(\d{{1,4}}|{MONTHS}|de|del)\b\.?|[./\-:,]", re.IGNORECASE)
# What CMS templates call the article's own page, not a section: "Single News", "Detail", "正文".
TEMPLATE_LABEL = re.compile(
    r"^(single[ -]?news|news[ -]?detail|detail|details|detailansicht|einzelansicht|newsdetail|article|articles?[ -]"
    r"detail|artikel|beitrag|text|story|正文|正文内容|详情|詳細|記事|本文|1-min read|\d+[ -]min(ute)? read)$",
    re.IGNORECASE,
)
# A link back to the listing, not a level of the trail.
BACK_LINK = re.compile(r"^(back|go back|zurück|retour|volver|indietro|terug|voltar|tilbake|tillbaka)$", re.IGNORECASE)
# Script or JSON a template left inside the trail's element.
CODE = re.compile(r"^[{\[]|\bfunction\s*\(|^var\s|\|\|\s*\[\]", re.IGNORECASE)


def clean_crumb(item: str) -> str:
    """The item without the label and separators around it: "Estás en: España" -> "España"."""
    return EDGE_SEPARATORS.sub("", CRUMB_LABEL.sub("", EDGE_SEPARATORS.sub("", item).strip()))


def archive_level(item: str, earlier: list[str]) -> bool:
    """A year, month or date, alone or after an earlier item's name ("Nachrichten Februar 2022").

    Read by removing the date's words, not by one pattern for the whole item: no backtracking on long digit runs.
    """
    rest = " ".join(DATE_WORDS.sub(" ", item).split()).lower()
    if not rest:
        return True
    return rest != " ".join(item.split()).lower() and rest in {" ".join(name.split()).lower() for name in earlier}


CRUMB_SKIPS: tuple[tuple[str, Callable[[str, list[str]], bool]], ...] = (
    ("archive_level", archive_level),
    ("template_label", lambda item, _: bool(TEMPLATE_LABEL.match(item))),
    ("back_link", lambda item, _: bool(BACK_LINK.match(item))),
    ("code", lambda item, _: bool(CODE.search(item))),
    # A letter alone, left of a date or a word cut by markup ("27 i", "e"): no section is named so.
    ("letter", lambda item, _: len(item) == 1 and item.isascii()),
)


def skipped_crumb(item: str, earlier: list[str]) -> str | None:
    """The name of the rule saying `item` (after the `earlier` items of its trail) is not a section, or None."""
    return next((name for name, check in CRUMB_SKIPS if check(item, earlier)), None)

"""The visible byline near the headline: the line that credits the story, and the lines it stands on.

Pages write it in many shapes: "By Jane Doe | March 5, 2024", a label on a line of its own with the names
below it, "Posted on March 5, 2019 by jdoe" in the date line, a name beside its date, or further down past
the share buttons. byline.py reads and cleans the names; header.py keeps the byline's lines out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .byline import clean_name, is_person, only_furniture, split_names, unlabelled_name
from .datetext import find_date_strings
from .rules import credits as rules
from .text import comparable, squash


def _opens_with_date(text: str) -> bool:
    found = find_date_strings(text)
    return bool(found) and text.lstrip().startswith(found[0])


def find_byline(lines: list[str], headline_index: int | None) -> str | None:
    """The byline text near the headline ("By Jane Doe, Science Writer | March 5, 2024"): the first that names a
    person, else the first ("By Staff")."""
    return find_byline_lines(lines, headline_index)[0]


def find_byline_lines(lines: list[str], headline_index: int | None) -> tuple[str | None, range]:
    """find_byline's byline and the lines it stands on (a label's line and the names below it): those lines,
    not every line naming the reporter ("Nikolai Huke: Wo sind Sie ...?"), are header, not body."""
    if headline_index is None:
        return None, range(0)
    first: tuple[str | None, range] = (None, range(0))
    for index in _byline_window(lines, headline_index):
        below = lines[index + 1 : index + 1 + rules.BYLINE_NAME_LINES] if index > headline_index else None
        found, used = _line_byline(lines[index], below)
        if found and index - headline_index >= rules.BYLINE_LINES_AFTER and not _names_people(found):
            continue  # far from the headline, only names will do ("Von Rechts wegen" opens a section)
        if found and any(is_person(name) for name in split_names(found)):
            return found, range(index, index + used)
        if first[0] is None and found is not None:
            first = (found or None, range(index, index + used) if found else range(0))
    return first


def _byline_window(lines: list[str], headline_index: int) -> Iterator[int]:
    """The lines a byline stands in: two above the headline to ten below it, and on while only short lines and
    a deck stand between (share buttons, labels, a photo credit)."""
    longer = 0
    for index in range(max(0, headline_index - rules.BYLINE_LINES_BEFORE), len(lines)):
        past = index - headline_index
        beyond = past >= rules.BYLINE_LINES_AFTER and longer > rules.BYLINE_DECK_LINES
        if beyond or past >= rules.MAX_BYLINE_LINES_AFTER:
            return
        yield index
        longer += past > 0 and len(lines[index]) > rules.BYLINE_SHORT_LINE_CHARS


def _line_byline(line: str, below: list[str] | None) -> tuple[str | None, int]:
    """The byline a line gives ("" for a byline naming no one, None for a line that is none) and the number of
    lines it takes.

    `below`: the next lines, None above the headline (a label there, "Autoren", is the menu's).
    """
    after = below[0] if below else ""
    inline = rules.CJK_BYLINE.search(line) if len(line) <= rules.MAX_BYLINE_LINE_CHARS else None
    if inline:
        return inline.group("names"), 1
    match = rules.BYLINE.match(line)
    if match:
        names = _byline_names(match.group("names"))
        return (None if names and only_furniture(names) else names), 1  # "Autor:innen" is a label
    if below and rules.BYLINE_LABEL_LINE.match(line):
        names, used = _name_lines(below)  # "By" / "Jane Doe" / "and" / "John Roe"
        names = _byline_names(names)
        return (names, 1 + used) if _names_people(names) else (None, 1)
    unlabelled = rules.NAME_DATE_LINE.match(line)
    if unlabelled and unlabelled_name(unlabelled.group("names")):
        if _opens_with_date(unlabelled.group("date").strip() or after or ""):
            return squash(unlabelled.group("names")), 1
    return _dated_byline(line) or _name_beside_date(line), 1


def _name_lines(lines: list[str]) -> tuple[str, int]:
    """Names on lines of their own, joined, and the lines they take: "Jane Doe" / "and" / "John Roe" gives
    "Jane Doe and John Roe" on three lines."""
    names, used = lines[0], 1
    for connector, name in zip(lines[1::2], lines[2::2], strict=False):
        if not rules.NAME_SPLIT.fullmatch(f" {connector} ") or len(name) >= rules.MAX_BYLINE_CHARS:
            break
        names, used = f"{names} and {name}", used + 2
    return (names, used) if len(names) < rules.MAX_BYLINE_CHARS else ("", used)


def _byline_names(text: str) -> str:
    names = re.split(r"\s*\|\s*|\s{2,}", text)[0]
    names = re.sub(r"\s*(on|am|le|el|at|um)?\s*\d.*$", "", names)  # a date or time glued after the names
    return clean_name(names)


def _name_beside_date(line: str) -> str | None:
    """A person's name beside its date on one line, a separator between them ("11.12.2019 - Jane Doe",
    "04.02.2022 | 13:10 Uhr | Jane Doe", "Jane Doe, 21. Jan. 2015"); not a label ("Last modified: ...")."""
    if not find_date_strings(line):
        return None
    parts = [squash(part) for part in rules.NAME_DATE_PARTS.split(line) if part.strip()]
    names = [part for part in parts if not _date_part(part)]
    if len(names) != 1 or len(names) == len(parts) or any(ch in names[0] for ch in ":/"):
        return None
    if not unlabelled_name(names[0]):
        return None
    words = names[0].lower().replace(".", " ").split()
    return None if any(word in rules.NOT_NAME_WORDS for word in words) else names[0]


def _date_part(part: str) -> bool:
    """A part of a line that is its date or time ("21. Jan. 2015", "13:10 Uhr")."""
    rest = part
    for date in find_date_strings(part):
        rest = rest.replace(date, " ")
    return not re.search(r"[^\W\d_]", rules.DATE_PART_NOISE.sub(" ", rest))


def _dated_byline(line: str) -> str | None:
    """The name after "by" in a short date line ("Posted on March 5, 2019 by Jane Doe | Leave a comment"),
    when it names a person; a photo credit is not a byline."""
    if len(line) > rules.MAX_DATED_BYLINE_CHARS or rules.PICTURE_WORDS.search(line) or not find_date_strings(line):
        return None
    if rules.SENTENCE_END.search(line):
        return None  # a sentence: "Film von Jane Doe, am Montag (06.11.23) um 20:15 Uhr im Ersten."
    match = rules.DATED_BYLINE.search(line)
    names = clean_name(match.group("names")) if match else ""
    return names if _names_people(names) else None


def _names_people(names: str) -> bool:
    """Whether a byline found without a label of its own line names people: words capitalised but for
    particles and "and" ("Walter von Aachen"), a handle of one word ("jdoe"); not a phrase ("von Gemeinde und
    Land unterzeichnet", "Share this article")."""
    parts = [name for name in split_names(names) if comparable(name) not in rules.AGENCIES]  # "Jane Doe, dpa"
    words = [word for name in parts for word in name.split()]
    if len(words) > 1 and any(not word[:1].isupper() and word not in rules.NAME_PARTICLES for word in words):
        return False
    return any(is_person(name) for name in parts)

"""Credits, datelines and bylines (rules.credits), row by row: a line and the credit it gives, or None."""

from __future__ import annotations

import pytest
from lxml import html

from newsroom_scraper.extract.byline import find_byline, is_person, metadata_agency, names_site, split_names
from newsroom_scraper.extract.clean import Credits, strip_dateline, strip_trailing_credit
from newsroom_scraper.extract.structured import read_metadata

DATELINES = [
    # (paragraph, agency credited, the story text left)
    ("BEIJING, June 27 (Xinhua) -- A Chinese astronaut said.", "Xinhua", "A Chinese astronaut said."),
    ("GENEVA, Feb 14 (Reuters) - Talks resumed.", "Reuters", "Talks resumed."),
    ("New Delhi, Jun 27 (PTI) The minister said.", "PTI", "The minister said."),
    ("(ANSA) - ROMA, 27 GIU - Il governo ha detto.", "ANSA", "Il governo ha detto."),
    ("SAN JOSE, Calif., Nov. 8, 2023 /PRNewswire/ -- Acme Corp said.", "PRNewswire", "Acme Corp said."),
    ("新华社北京6月27日电（记者 王明）中国航天员说。", "新华社", "中国航天员说。"),
    ("WASHINGTON – The Senate voted.", None, "The Senate voted."),
    # Not datelines: a sentence opening with a name, a parenthesis that is no agency.
    ("Jane Doe, the mayor (left), said the plan works.", None, None),
    ("The council (which met on Tuesday) approved the plan.", None, None),
]


@pytest.mark.parametrize("text, agency, rest", DATELINES, ids=[row[0][:25] for row in DATELINES])
def test_strip_dateline(text, agency, rest):
    credits = Credits()
    assert strip_dateline(text, credits) == rest
    assert credits.agency == agency


TRAILING = [
    ("... building a space station by 2020. (Xinhua)", "Xinhua"),
    ("Der Plan wurde angenommen. (APA)", "APA"),
    ("The plan was approved. (see below)", None),
    ("The figures are from last year. (2019)", None),
    ("The mayor spoke first. (left)", None),
]


@pytest.mark.parametrize("text, agency", TRAILING)
def test_strip_trailing_credit(text, agency):
    credits = Credits()
    strip_trailing_credit(text, credits)
    assert credits.agency == agency


BYLINES = [
    ("By Jane Doe, Science Writer | March 5, 2024", "Jane Doe"),
    ("Von Max Mustermann", "Max Mustermann"),
    ("发布时间：2013-06-27  作者：王明  摄影：李华", "王明"),
    ("Bystanders watched the ship leave the harbour.", None),
    ("Ayşe Demir | 27.06.2013", "Ayşe Demir"),  # NAME_DATE_LINE: a name without "By", then the date
    ("World News | March 5, 2024", None),  # a section label, not a person
    ("Jane Doe | Science", None),  # no date after the bar
    ("March 5, 2024", None),
]


@pytest.mark.parametrize("line, byline", BYLINES)
def test_find_byline(line, byline):
    assert find_byline(["Council approves harbour plan", line], 0) == byline


def test_an_unlabelled_name_with_the_date_on_the_next_line():
    lines = ["Council approves harbour plan", "Ayşe Demir |", "05.04.2025 - Updated: 05.04.2025"]
    assert find_byline(lines, 0) == "Ayşe Demir"


NAMES = [
    ("Jane Doe", True),
    ("Zhang Yu", True),
    ("Staff Writers", False),
    ("Xinhua", False),
    ("Press Office", False),
    ("KH", False),
    ("jane@example.org", False),
    ("University of Vienna", False),
]


@pytest.mark.parametrize("name, person", NAMES)
def test_is_person(name, person):
    assert is_person(name) is person


SPLITS = [
    # (a byline, the names it gives): NAME_SPLIT, NAME_LABEL, DESK_HANDLE
    ("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen", ["Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"]),
    ("Anna Berg och Erik Lind", ["Anna Berg", "Erik Lind"]),
    ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
    ("Elena Muster (emu), Corina Gall (cog.)", ["Elena Muster", "Corina Gall"]),
    ("Jane Doe (AP)", ["Jane Doe (AP)"]),  # an agency in capitals is a credit, kept for the attribution rules
    ("Inger Ogden", ["Inger Ogden"]),  # not a conjunction inside a word
    ("Bochum Redaktion", ["Bochum Redaktion"]),
]


@pytest.mark.parametrize("byline, names", SPLITS)
def test_split_names(byline, names):
    assert split_names(byline) == names


def test_split_names_drops_labels_and_job_titles():
    assert split_names("Jane Doe and John Smith, Staff Writers") == ["Jane Doe", "John Smith"]
    assert split_names("By Ann Lee, Correspondent") == ["Ann Lee"]


SITE_AUTHORS = [
    # (an author tag's value, whether it names the site hessenschau.de / VnExpress / @LBCI rather than a person)
    ("mdr.de", True),
    ("hessenschau.de, Frankfurt, Germany", True),
    ("VnExpress", True),
    ("LBCI", True),
    ("Jane Doe", False),
    ("Hessenschau Reporter Jane Doe", False),  # more than one word: not the site's name alone
    ("J. R. Tolkien", False),
]


@pytest.mark.parametrize("value, site", SITE_AUTHORS)
def test_names_site(value, site):
    assert names_site(value, {"hessenschau", "vnexpress", "lbci"}) is site


AGENCY_AUTHORS = [
    # (the page's head, the agency the metadata names as author)
    ('<meta property="article:author" content="AFP">', "AFP"),
    (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", '
        '"name": "Reuters"}}</script>',
        "Reuters",
    ),  # fmt: skip
    ('<meta property="article:author" content="NTB">', "NTB"),
    ('<meta name="author" content="Jane Doe">', None),
    ('<meta name="author" content="Apple Daily">', None),
]


@pytest.mark.parametrize("head, agency", AGENCY_AUTHORS)
def test_metadata_agency(head, agency):
    meta = read_metadata(html.fromstring(f"<html><head>{head}</head><body><p>Text</p></body></html>"))
    assert metadata_agency(meta) == agency

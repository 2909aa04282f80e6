"""Credits, datelines and bylines (rules.credits), row by row: a line and the credit it gives, or None."""

from __future__ import annotations

import pytest
from lxml import html

from newsroom_scraper.extract.byline import (
    closing_signature,
    is_person,
    is_site_name,
    meta_names,
    metadata_agency,
    names_site,
    rendered_byline,
    site_credit,
    spelled_out,
    split_names,
)
from newsroom_scraper.extract.clean import Credits, strip_dateline, strip_trailing_credit
from newsroom_scraper.extract.header import header_zone
from newsroom_scraper.extract.resolve import completes
from newsroom_scraper.extract.structured import read_metadata
from newsroom_scraper.extract.visible_byline import find_byline, find_byline_lines

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
    ("By Evan Symon, August 2, 2022", "Evan Symon"),  # NAME_TAIL: the month left once the day is cut
    ("Ayşe Demir | 27.06.2013", "Ayşe Demir"),  # NAME_DATE_LINE: a name without "By", then the date
    ("World News | March 5, 2024", None),  # a section label, not a person
    ("Jane Doe | Science", None),  # no date after the bar
    ("March 5, 2024", None),
    # BYLINE's labels: "Written by:", "Autoren", "Text von", a "By" glued to the name, dashes before "by"
    ("Written by: Jane Doe", "Jane Doe"),
    ("Autoren Max Muster und Eva Beispiel", "Max Muster und Eva Beispiel"),
    ("Autor: Die Redaktion", "Die Redaktion"),  # a byline naming no one: resolve_authors finds no person in it
    ("Autor des Buches ist Max Muster", None),  # "Autor" without a colon takes a capitalised name only
    ("Text von Eva Beispiel Illustration von Max Muster", "Eva Beispiel"),  # NAME_TAIL: the illustrator
    ("ByAlex Doe", "Alex Doe"),
    ("Bypass surgery is common", None),
    ("---- by Kenneth Surin", "Kenneth Surin"),
    ("Posted by Jane Doe in Essays", "Jane Doe"),  # NAME_TAIL: the category the post is filed in
    # DATED_BYLINE: "by" inside a short line with a date
    ("Posted on March 5, 2019 by jdoe | Leave a comment", "jdoe"),
    ("Veröffentlicht am 13. März 2019 von Max Muster", "Max Muster"),
    ("8. Januar 2020 · by Jane · in Essays", "Jane"),
    ("Posted in News by jdoe on August 3, 2019", "jdoe"),
    ("Ein Artikel von Eva Beispiel | 27.01.2022 - 12:45", "Eva Beispiel"),
    ("1. Januar 2016 von Jane Doe Ein Kommentar", "Jane Doe"),  # NAME_TAIL: the comment link
    ("1.11.23 20:19 von Jane Doe Lesezeit: 4 Min.", "Jane Doe"),  # NAME_TAIL: the next label
    ("27. Januar 2014 by Jane Doe /", "Jane Doe"),
    ("Posted on March 5, 2019 by admin", None),  # no person
    ("Photo taken on May 5, 2019 by Jane Doe", None),  # PHOTO_CREDIT: a photo's credit is not a byline
    ("The treaty was signed in Rome on 25 March 1957 by the six founding members of the community.", None),
    ("Am 5. Mai 2019 von Gemeinde und Land unterzeichnet", None),  # NAME_PARTICLES: a phrase, not names
    ("By Cat Doe/June 12, 2020 9:49 am EST", "Cat Doe"),  # NAME_TAIL: the month after a slash
    ("Williams Doe @wdoe", None),  # no "By", no date: not a byline
    ("By Williams Doe @wdoe", "Williams Doe"),  # NAME_TAIL: a Twitter handle
    # _name_beside_date: a name and its date on one line, a separator between
    ("11.12.2019 - Amelie Beispiel", "Amelie Beispiel"),
    ("04.02.2022 | 13:10 Uhr | Uta Beispiel", "Uta Beispiel"),
    ("Georg Muster, 21. Jan. 2015", "Georg Muster"),
    ("Last Modified: Feb 18, 2020", None),  # a label
    ("Updated: Tue 28 Apr 2020 08:11 CET", None),
    ("2. Februar 2020Radtouren Berlin", None),  # no separator: a category glued to the date
    ("Published Fri, Apr 28 2023 2:23 PM EDT", None),
    ("22.05.2014 - Gemeinde/ Stadt", None),  # a category with a slash
    ("04. November 2021 | PAID CONTENT", None),  # NOT_NAME_WORDS: a label
    ("| Presidente Boric", None),  # no date on the line: a tag
    ("Film von Jane Doe, am Montag (06.11.23) um 20:15 Uhr im ERSTEN.", None),  # SENTENCE_END: a caption
    ("posted by Stadler at 12:53", "Stadler"),  # the time and its "at"
    ("Autor:innen", None),  # a label, its gender ending no name
]


@pytest.mark.parametrize("line, byline", BYLINES)
def test_find_byline(line, byline):
    assert find_byline(["Council approves harbour plan", line], 0) == byline


LABEL_LINES = [
    # BYLINE_LABEL_LINE: the label alone, the names on the lines below it
    (["By", "Jane Doe"], "Jane Doe"),
    (["Auteur", "Uriel Exemple", "Cover"], "Uriel Exemple"),
    (["By", "David Doe", "and", "Ramsey Roe", "Share"], "David Doe and Ramsey Roe"),
    (["By", "Aaron Doe | Fox News"], "Aaron Doe"),
    (["Von", "Deutscher Tennis Bund 4. 2. 2022."], "Deutscher Tennis Bund"),
    (["Auteur :", "Auteur(s) :"], None),  # no name under the label
    (["By", "Share this article on Facebook and on every other network you use"], None),
]


@pytest.mark.parametrize("lines, byline", LABEL_LINES)
def test_a_byline_label_on_its_own_line(lines, byline):
    assert find_byline(["Council approves harbour plan", *lines], 0) == byline


def test_a_label_above_the_headline_is_the_menus():
    assert find_byline(["Autoren", "Jane Doe", "Council approves harbour plan", "Story."], 2) is None


def test_the_window_reaches_past_share_buttons_to_the_byline():
    buttons = ["Facebook", "Twitter", "WhatsApp", "Linkedin", "Email", "Print", "Viber", "Tumblr", "Reddit"]
    lines = ["Council approves harbour plan", "Jane Doe wrote the deck of this story at some length.", *buttons]
    assert find_byline([*lines, "Photo: Harbour Office", "Written by: Julie Doe"], 0) == "Julie Doe"
    paragraphs = [f"Paragraph {n} of the story, long enough to be one and not a label." for n in range(12)]
    assert find_byline([lines[0], *paragraphs, "Written by: Julie Doe"], 0) is None


def test_far_from_the_headline_only_names_make_a_byline():
    buttons = ["Facebook", "Twitter", "WhatsApp", "Linkedin", "Email", "Print", "Viber", "Tumblr", "Reddit", "Mail"]
    assert find_byline(["Council approves harbour plan", *buttons, "Von Rechts wegen"], 0) is None
    assert find_byline(["Council approves harbour plan", *buttons, "Von David Doe, dpa"], 0) == "David Doe, dpa"


def test_a_byline_naming_a_person_wins_over_an_earlier_one_naming_none():
    assert find_byline(["Council approves harbour plan", "By Staff", "By Jane Doe"], 0) == "Jane Doe"
    assert find_byline(["Council approves harbour plan", "By Staff", "Story."], 0) == "Staff"


def test_the_byline_lines_are_header_not_every_line_naming_the_reporter():
    lines = ["Quarantine, day 40", "Autor", "Nikolai Doe", "30.10.2021", "Nikolai Doe: Where did you enter the EU?"]
    assert find_byline_lines(lines, 0) == ("Nikolai Doe", range(1, 3))
    assert header_zone(lines, 0, {"30.10.2021"}, range(1, 3)) == {"Autor", "Nikolai Doe", "30.10.2021"}


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
    ("(s)", False),  # brackets: what a label left ("Auteur(s)")
    ("jane@example.org", False),
    ("University of Vienna", False),
]


NOT_NAMES = [
    # NOT_NAME_WORDS: page furniture standing where a name would be
    ("Posted on", False),
    ("Veröffentlicht am", False),
    ("Follow", False),
    ("Mehr", False),
    ("No Author", False),
    ("Archiv anzeigen", False),
    ("Alle Beiträge", False),
    ("PhD", False),  # a degree split from "Grant Tinsley, PhD"
    ("Chefredakteur", False),  # BYLINE_FUNCTION: a function alone
    ("Staff Writer", False),
    ("MM-Redaktion", True),  # a desk in one compound word stays: some archives credit it as the author
    ("Reimer-Johansen", True),
    ("Aufräumen – Resonanz im Nachttischschrank", False),  # SPACED_DASH: a headline
    ("Jean-Luc Picard", True),
    ("Mehr Khan", True),  # a name with one of those words besides others is a name
    ("SID", False),  # an agency (AGENCIES), and short capitals
    ("Nachrichten", False),  # "news": a section label
]
NAMES += NOT_NAMES


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
    # NAME_LABEL, also glued by markup that sets the label in an element of its own; colon labels need the colon
    ("Veröffentlicht vonChris Jung", ["Chris Jung"]),
    ("AuthorAndreas Kalt", ["Andreas Kalt"]),
    ("Erstellt von Andri Bryner", ["Andri Bryner"]),
    ("Interview: Julia Lauter", ["Julia Lauter"]),
    ("Text: Kirsten Freund", ["Kirsten Freund"]),
    ("Leonardo DiCaprio", ["Leonardo DiCaprio"]),  # a short label ("di") is never cut from a glued name
    ("VonDrehle", ["VonDrehle"]),
    ("Textor Müller", ["Textor Müller"]),  # no colon: not the label "Text:"
    ("Authority Jones", ["Authority Jones"]),  # "author" glued only before a capital
    # NAME_TAIL: a date, a label or a photo credit after the name
    ("Jake Goulding on January", ["Jake Goulding"]),
    ("Isabella.DiBiase am Samstag", ["Isabella.DiBiase"]),
    ("Jane Doe March 5", ["Jane Doe"]),
    ("Jane Smith, May Brown", ["Jane Smith", "May Brown"]),
    ("Theresa May", ["Theresa May"]),  # a month without a date or "on" before it is a name
    ("April Roach", ["April Roach"]),
    ("Herr_Rein Veröffentlicht", ["Herr_Rein"]),
    ("Johanna Kropfitsch Alle Artikel", ["Johanna Kropfitsch"]),
    ("Alexander Karper Foto: © GEPA", ["Alexander Karper"]),
    # TRAILING_JOB_TITLE, a full stop closing the byline, a leading mark
    ("Christoph Hein Chefredakteur", ["Christoph Hein"]),
    ("Evan HalperStaff Writer", ["Evan Halper"]),
    ("Jane Writer", ["Jane Writer"]),  # a surname, not glued
    ("Tatyana Turner.", ["Tatyana Turner"]),
    ("John Smith Jr.", ["John Smith Jr."]),
    ("~ Cem Basman", ["Cem Basman"]),
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


RENDERED_BYLINES = [
    # (a byline element, its names as the page renders them): block lines apart, BYLINE_FUNCTION lines dropped
    ('<div class="authors"><div><a>SID</a></div><span>Nachrichtenagentur</span></div>', "SID"),
    ('<div class="author"><div>Jane Doe</div><div>Staff Writer</div></div>', "Jane Doe"),
    ('<div class="author"><p>Jane Doe</p><p>John Smith</p></div>', "Jane Doe, John Smith"),
    ('<div class="author"><span>Jane</span> <span>Doe</span></div>', "Jane Doe"),  # inline: one name
    ('<div class="author"><div>By</div><div>Jane Reporterin</div></div>', "Jane Reporterin"),  # a name, not a title
    (
        '<div class="author"><div>Jim Rutenberg</div><div>and</div><div>Lisa Lerer</div></div>',
        "Jim Rutenberg, Lisa Lerer",
    ),
    ('<div class="author"><div>Atli Steinn</div><div>skrifar frá Porsgrunn</div></div>', "Atli Steinn"),
    ('<div class="author"><div>Dr.</div><div>Nino</div><div>Jordan</div></div>', "Dr. Nino Jordan"),
    ('<div class="author"><div>El Colombiano</div><div>Contactar</div></div>', "El Colombiano"),
    ('<div class="author"><div>Matthias</div><div>herrpfleger</div></div>', "Matthias"),  # a handle beside
    ('<div class="author"><p>Ist der Artikel hilfreich?</p><p>Ja</p><p>Nein</p></div>', ""),  # a poll
    ('<div class="author"><div>Автор:</div><div>Олеся Жуковень</div></div>', "Олеся Жуковень"),
    # an author box with a biography is no byline (the caller refuses the empty text)
    (
        '<div class="author-bio"><div>Tobi</div><p>Hallo, mein Name ist Tobias und ich habe diesen Blog im April 2009 '
        "ins Leben gerufen, seitdem blogge ich hier.</p></div>",
        "",
    ),
]


@pytest.mark.parametrize("snippet, names", RENDERED_BYLINES)
def test_rendered_byline(snippet, names):
    assert rendered_byline(html.fromstring(snippet)) == names


SPELLED_OUT = [
    # (a credit's agency, the page's head, the attribution): initials of the agency the metadata names
    ("AP", '<script type="application/ld+json">{"@type": "NewsArticle", "author": ["Associated Press"]}</script>',
     "Associated Press"),
    ("AFP", '<meta name="author" content="Agence France-Presse">', "Agence France-Presse"),
    ("AP", '<meta name="author" content="Agence France-Presse">', "AP"),  # another agency's name
    ("AP", '<meta name="author" content="Anna Park">', "AP"),  # a person: not an agency
    ("Xinhua", "", "Xinhua"),
]  # fmt: skip


@pytest.mark.parametrize("agency, head, attribution", SPELLED_OUT)
def test_spelled_out(agency, head, attribution):
    meta = read_metadata(html.fromstring(f"<html><head>{head}</head><body><p>Text</p></body></html>"))
    assert spelled_out(agency, meta) == attribution


SITE_NAMED = [
    # (a name, whether it is the whole of a site name or host label of badische-zeitung.de / "Die Furche")
    ("Badische Zeitung", True),
    ("Die FURCHE", True),
    ("Lisa Petrich", False),
    ("Badische Zeitung Redakteurin Lisa Petrich", False),
]


@pytest.mark.parametrize("name, site", SITE_NAMED)
def test_is_site_name(name, site):
    assert is_site_name(name, {"badischezeitung", "diefurche"}) is site


AUTHOR_TAGS = [
    # (an author tag's content, the names read from it): ADDRESS_IN_NAME, full stops as written, entities
    ("Logan C. Ritchie", ["Logan C. Ritchie"]),
    ("R.C. BAKER", ["R.C. BAKER"]),
    ("facebook.com/evgenia.karp", []),
    ("https://www.facebook.com/CNBC", []),
    ("Frank Bueltge - http://bueltge.de", ["Frank Bueltge"]),
    ("Redacci&amp;oacute;n Diario", ["Redacción Diario"]),
    ("Jane Doe", ["Jane Doe"]),
]


@pytest.mark.parametrize("content, names", AUTHOR_TAGS)
def test_meta_names(content, names):
    meta = read_metadata(html.fromstring(f'<html><head><meta name="author" content="{content}"></head></html>'))
    assert meta_names(meta) == names


AUTHOR_TAG_NAMES = [
    # AUTHOR_META: the author tags read, trafilatura's further ones among them
    ("author", ["Jane Doe"]),
    ("shareaholic:article_author_name", ["Jane Doe"]),
    ("og:article:author", ["Jane Doe"]),
    ("creator", []),  # a tool or a rights holder as often as a writer
    ("twitter:creator", []),
]


@pytest.mark.parametrize("key, names", AUTHOR_TAG_NAMES)
def test_author_tags_read(key, names):
    meta = read_metadata(html.fromstring(f'<html><head><meta name="{key}" content="Jane Doe"></head></html>'))
    assert meta_names(meta) == names


COMPLETIONS = [
    # (the names the visible byline shows, the names the metadata declares, whether the byline completes them)
    (["Todd Bates"], ["Todd"], True),  # the declared first name begins the shown name
    (["Arian Muster"], ["arianmuster"], True),  # a handle of the same letters
    (["Rudolf Doe", "Simon Roe"], ["Rudolf Doe"], True),  # one more person shown
    (["Jane Doe"], ["Jane Doe"], False),  # nothing to complete
    (["Bob Doe", "Phys.org"], ["Bob Doe"], False),  # a site's name is no person's
    (["Jane Doe", "Online-Redaktion"], ["Jane Doe"], False),  # a desk
    (["Jane Doe", "Zürich"], ["Jane Doe"], False),  # a place
    (["Jane DoeTwitter"], ["Jane Doe"], False),  # a link's text glued on, not a longer name
    (["John Roe"], ["Jane Doe"], False),  # another person: the metadata stands
]


@pytest.mark.parametrize("shown, declared, completed", COMPLETIONS)
def test_a_byline_completes_the_metadata(shown, declared, completed):
    assert completes(shown, declared) is completed


SIGNATURES = [
    # (the story's end, the reporter signing it): the last right-aligned paragraph, a person's name
    ('<p>Text of the story.</p><p style="text-align:right;"><strong>Lê Phương</strong></p>', "Lê Phương"),
    ('<p>Text.</p><p align="right">Ana María Pérez</p>', "Ana María Pérez"),
    ('<p style="text-align: right">Jane Doe</p><p>Text.</p><p style="text-align:right">© 2024 Example</p>', None),
    ('<p>Text.</p><p style="text-align:right">Read more</p>', None),  # not capitalised words
    ('<p>Text.</p><p style="text-align:right">Staff Writers</p>', None),  # not a person
    ("<p>Text.</p><p><strong>Lê Phương</strong></p>", None),  # not set apart to the right
    ('<p>Text.</p><p style="text-align:right">Lê</p>', None),  # one word
]


@pytest.mark.parametrize("end, signature", SIGNATURES)
def test_closing_signature(end, signature):
    assert closing_signature(html.fromstring(f"<html><body><h1>Title</h1>{end}</body></html>")) == signature


SITE_CREDITS = [
    # (a line below the headline, the sources it credits beside the site "Wochenblatt"): CREDIT_PARTS
    ("Wochenblatt / Última Hora", "Última Hora"),
    ("Wochenblatt / dpa / AFP", "dpa, AFP"),
    ("Wochenblatt / Politik", None),  # a link: a breadcrumb, not a credit
    ("Wochenblatt / Paraguay / Politik / Inland", None),  # a trail longer than a credit
    ("Última Hora / Wochenblatt", None),  # the site's name first
    ("Wochenblatt / die Regierung hat am Montag neue Ausschreibungen angekündigt", None),  # a sentence
    ("Wochenblatt, Última Hora", None),  # no slash
]


@pytest.mark.parametrize("line, credited", SITE_CREDITS)
def test_site_credit(line, credited):
    lines = ["Itaipu hat sechs neue Ausschreibungen", "Text of the story.", line]
    assert site_credit(lines, 0, {"wochenblatt"}, frozenset({"Wochenblatt / Politik"})) == credited

"""Credits, datelines and bylines: who a story is credited to, and the lines that say it.

"Source:" lines, agency credits, photo credits, wire datelines, bylines,
words that make a name not a person, and the agencies whose names mark a
credit without a label. The cleaning (clean.py) removes these lines from the
body and reports the credit; byline.py reads names.
"""

from __future__ import annotations

import re

# Credits: explicit "Source:" lines, in the languages newsrooms publish in.
SOURCE_LINE = re.compile(
    r"^\s*[\[【(（]?\s*(source|sources|quelle|source\s*:|fuente|fonte|bron|źródło|источник|来源|來源|稿源|出典|出所|"
    r"المصدر)\s*[:：]\s*(?P<name>[^\]】)）\n]{1,80}?)\s*[\]】)）]?\s*$",
    re.IGNORECASE,
)
# Photo credits and captions with an agency credit, e.g. "(Xinhua/Li Gang)".
PHOTO_CREDIT = re.compile(
    r"([（(][^（）()]{0,30}(摄|攝|供图|图)[^（）()]{0,20}[)）]\s*$|"
    r"[|·–]\s*(photo|foto|bild|image|crédit|credit|imagen)\s*[:：][^|]{1,60}$|"
    r"\b[A-Z]{2,10}/[A-Z][A-Z .'’-]{2,40}\s*$|"
    r"\((xinhua|reuters|afp|ap|epa|dpa|efe|getty images|photo|foto|图|摄影?)[^()]{0,40}/\s*(?-i:[A-Z])[^()]{1,40}\)|"
    r"^\s*(photo|photograph|image|foto|bild|crédit photo|图片|摄影|写真|фото)\s*[:：]\s*.{1,80}$|"
    r"^\s*(photo|image) credit\b.{0,80}$|"
    r"\((photo|photograph|image|picture|foto|bild|photo credit)s?\s*(by|courtesy( of)?|credit|:)[^()]{1,60}\)\s*$)",
    re.IGNORECASE,
)
# A trailing credit after the last sentence: "... by 2020. (Xinhua)".
TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’»。！？])\s*[(（]\s*(?P<name>[A-Za-z\u4e00-\u9fff][^()（）\d]{0,30}?)\s*[)）]\s*\.?\s*$"
)
# An editor's tag glued to the last sentence: "...資訊。（編輯：陳大文）1020627".
TRAILING_EDITOR = re.compile(
    r"\s*[（(]\s*(編輯|编辑|责编|責編|责任编辑|責任編輯|editor)\s*[:：][^）)]{1,20}[）)]\s*\d*\s*$"
)
# Reuters-style tails: "(Reporting by Jane Doe; Editing by John Smith)".
REPORTING_TAIL = re.compile(
    r"^\s*\(?\s*(reporting|additional reporting|writing|editing|compiled|berichterstattung|redacción)\s+by\b.*$",
    re.IGNORECASE,
)

# Datelines that open wire copy. The agency is the attribution; the prefix is
# not body. Forms: "BEIJING, June 27 (Xinhua) --", "GENEVA, Feb 14 (Reuters) -",
# "Madrid, 12 mar (EFE).-", "SAN JOSE, Calif., Nov. 8, 2023 /PRNewswire/ --".
DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_][\w.'’ -]{1,40}?)(?:,\s*[\w.'’ ]{1,25}?){0,3},?\s*"
    r"(?:\((?P<agency>[^()]{2,30})\)\s*\.?\s*(?:--|—|–|-|:|\.-)|/(?P<wire>[^\W\d_][\w -]{1,30})/\s*(?:--|—|–|-|\.))\s*"
)
# "New Delhi, Jun 27 (PTI) The ..." has no dash: only a known agency makes it a dateline.
DATELINE_NO_DASH = re.compile(
    r"^\s*(?P<place>[^\W\d_][\w.'’ -]{1,40}?)(?:,\s*[\w.'’ ]{1,25}?){0,3},?\s*\((?P<agency>[^()]{2,30})\)\s+(?=\S)"
)
# Agency first: "(ANSA) - ROMA, 27 GIU - ".
DATELINE_AGENCY_FIRST = re.compile(
    r"^\s*\((?P<agency>[^()]{2,20})\)\s*[-–—]\s*[^\W\d_][\w .'’]{1,30}(?:,\s*[\w .]{1,20})?\s*[-–—]\s+(?=\S)"
)
# Title-case place and a spaced dash: "Brasília - O Ministério ...", "Madrid – La ...".
DATELINE_TITLE_PLACE = re.compile(
    r"^\s*[A-ZÀ-Ý][\wÀ-ÿ'’.]{2,20}(?:\s[A-ZÀ-Ý][\wÀ-ÿ'’.]{1,20}){0,2}\s[-–—]\s(?=[A-ZÀ-Ý])"
)
# An agency credit standing alone as the last line: "(ats)", "(APA)".
CREDIT_LINE = re.compile(r"^\s*[(（]\s*(?P<name>[^()（）\d]{2,30}?)\s*[)）]\s*$")
# A dateline that names only the place: "WASHINGTON –", "NEW YORK, N.Y. —".
# Capitals only, so that a sentence opening with a name is never cut.
DATELINE_PLACE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{2,30}(,\s*[A-Z][\w.]{1,12}(\s[A-Z][\w.]{1,12})?)?\s*(--|—|–)\s+(?=\S)"
)
# Chinese wire datelines: "新华社北京6月27日电（记者 王明）".
DATELINE_ZH = re.compile(
    r"^\s*(?P<agency>新华社|新華社|中新社|中新网|人民网|央视网|光明网|中央社)\S{0,20}?[电電]\s*"
    r"([（(](记者|記者)?\s*(?P<reporter>[^）)\s]{2,4})?[^）)]{0,30}[）)])?\s*"
)
# Taiwanese style, all in brackets: "（中央社記者王小明台北27日電）".
DATELINE_ZH_BRACKETED = re.compile(
    r"^\s*[（(](?P<agency>中央社|新華社|新华社|中新社)(記者|记者)(?P<who>[^\s）)\d]{3,8}?)\d{1,2}日[電电][）)]\s*"
)

# Dateline forms, tried in order, and whether the credit must be an agency
# (True), a known agency ("known": no dash to tell it from a parenthesis), or
# nothing (the place alone).
DATELINE_FORMS = (
    (DATELINE, True),
    (DATELINE_AGENCY_FIRST, True),
    (DATELINE_NO_DASH, "known"),
    (DATELINE_ZH_BRACKETED, True),
    (DATELINE_ZH, True),
    (DATELINE_PLACE, False),
    (DATELINE_TITLE_PLACE, False),
)

# Bylines: "By Jane Doe, Science Writer", "Von Max Mustermann", "Par ...", "Written by: Jane Doe", "Autoren Max
# Muster und Eva Beispiel"; "By" glued to the name by markup that sets it in an element of its own ("ByAlex Doe").
BYLINE = re.compile(
    r"^[\s~*»>–—-]*(?:(?:(?:written|posted|published)\s+by|(?:geschrieben|verfasst|(?:ein\s+)?artikel|text)\s+von|"
    r"by|von|par|por|di|door|автор|بقلم)\s*[:：]?\s+|(?-i:By(?=[A-Z][a-z.]))|(?:作者|文|记者|記者|撰文)\s*[:：]\s*|"
    r"(?:author|autor|autorin|autoren|auteur|autore)\s*[:：]\s*|(?:autor|autorin|autoren)\s+(?-i:(?=[A-ZÀ-Ý])))"
    r"(?P<names>[^|\n]{2,120}?)\s*(\||$|\n|\s(?=(摄影|攝影|编辑|編輯|来源|來源|责任编辑|时间|發布|发布)\s*[:：]))",
    re.IGNORECASE,
)
# A byline inside a date line: "Posted on March 5, 2019 by Jane Doe | Leave a comment", "Veröffentlicht am
# 13. März 2019 von Max Muster", "8. Januar 2020 · by Jane · in Essays", "Posted in News by jdoe on May 3, 2019".
DATED_BYLINE = re.compile(
    r"(?:^|[\s·•|])(?:by|von|par|por)\s+(?P<names>[^\W\d_][^|·•\d]{1,58}?)\s*"
    r"(?=$|[|·•]|\s(?:on|am|um|le|el|in|im|at)\s|\s\d)",
    re.IGNORECASE,
)
# Such a date line is short: a longer one is a sentence ("... was signed on May 5, 2019 by the minister").
MAX_DATED_BYLINE_CHARS = 120
# ... and it is no sentence: a word and a full stop end it; an abbreviation ("4 Min.") ends a line of metadata.
SENTENCE_END = re.compile(r"[^\W\d_]{4,}[.!?]\s*$|。\s*$")
# ... and it is no picture's caption ("Photo taken on May 5, 2019 by Jane Doe").
PICTURE_WORDS = re.compile(r"\b(photo|foto|bild|image|picture|illustration|grafik|caption|aufnahme)", re.IGNORECASE)
# The lower-case words a person's name of several words may hold ("Walter von Aachen", "Jane Doe and John Roe");
# another lower-case word makes the text a phrase ("Gemeinde und Land unterzeichnet").
NAME_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "la", "le", "du", "da", "di", "dos", "das", "del", "bin", "al", "ter", "zu",
     "and", "und", "et", "y", "og", "och"}
)  # fmt: skip
# A byline inside a metadata line: "发布时间：2013-06-27  作者：王明  摄影：李华".
CJK_BYLINE = re.compile(
    r"(?:作者|记者|記者|撰文|文)\s*[:：]\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[、，,][\u4e00-\u9fff·]{2,4})*)"
)
# A byline without a label: a name, a bar and the date ("Ayşe Demir | 27.06.2013", or the date on the next
# line); the name must be a person's of 2 to 4 capitalised words, what follows the bar must open with a date.
NAME_DATE_LINE = re.compile(r"^\s*(?P<names>[^\W\d_][^|\d]{2,58}?)\s*\|\s*(?P<date>[^|]*)$")
MIN_UNLABELLED_NAME_WORDS = 2
MAX_UNLABELLED_NAME_WORDS = 4
# Words that make a byline name not a person ("Staff Writers", "Press Office").
NOT_AUTHOR_WORDS = frozenset(
    {
        "staff", "admin", "administrator", "newsroom", "desk", "office", "team", "agency", "press", "service",
        "communications", "editorial", "redaktion", "pressestelle", "rédaction", "redacción", "пресс-служба",
        "photo", "photos", "photographer", "foto", "photography", "images", "getty", "reuters", "xinhua", "afp",
        "dpa", "efe", "ap", "writers", "corp", "inc", "ltd", "llc", "gmbh", "ag", "plc", "company",
        "group", "university", "institute", "ministry", "department", "news", "media", "newswire", "wire",
        "foundation", "association", "council", "commission", "government", "bundesministerium", "ministerium",
        "ministère", "ministerio", "ministero", "ministério", "behörde", "amt", "institut", "universität",
        "université", "universidad", "agência", "agencia", "agence", "nachrichten", "noticias",
    }
)  # fmt: skip
# Chinese and Japanese organisation words: a "name" holding one is a channel or a desk.
CJK_ORGANISATION_WORDS = ("频道", "頻道", "编辑部", "編輯部", "中心", "网站", "報社", "报社", "通讯社", "新闻网",
                          "新聞網", "記者クラブ", "編集部")  # fmt: skip
JOB_TITLE = re.compile(
    r"\s*(?:,|\s[-–—·|]\s?)\s*(?:[\w-]+\s+){0,3}(writer|editor|reporter|correspondent|journalist|columnist|"
    r"producer|officer|manager|director|contributor|intern|photographer|communications|specialist|repórter|"
    r"reportero|reportera|periodista|redator|redatora|jornalista|correspondente|redakteur|redakteurin|"
    r"korrespondent|korrespondentin|journaliste|rédacteur|rédactrice)s?\b.*$",
    re.IGNORECASE,
)

# News agencies whose names mark a credit even without "Source:".
AGENCIES = frozenset(
    """xinhua reuters afp ap associated press efe dpa ansa kyodo yonhap tass ria novosti interfax anadolu bernama
    antara pti ians upi sputnik agerpres mti ctk pap tanjug belga anp apa sda ats keystone-sda epa kna wam spa
    ntb ritzau stt mena qna kuna bna ina prnewswire pr newswire business wire businesswire globenewswire accesswire
    marketwired
    cna cns chinadaily sid 新华社 新華社 中新社 人民网 共同社 时事通信社 共同通信 時事通信 中央社 共同 時事""".split()
) | frozenset(
    # Names of more than one word, as clean.py compares them (lower case) and byline.py (letters only).
    form
    for name in ("associated press", "agence france-presse", "deutsche presse-agentur", "pr newswire", "business wire")
    for form in (name, re.sub(r"\W+", "", name))
)

# ---------------------------------------------------------------------------
# Names: what a byline or an author tag holds, and what is not a person.
# ---------------------------------------------------------------------------

AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
               "byl", "citation_author",
               # the further author tags trafilatura's metadata reads (trafilatura.metadata.METANAME_AUTHOR, OG_AUTHOR)
               "authors", "dc:creator", "dc.creator.aut", "dcterms.creator.aut", "dcsext.author", "atc-metaauthor",
               "rbauthors", "shareaholic:article_author_name", "og:author", "og:article:author")  # fmt: skip
# A web address in an author tag, with or without its scheme: "facebook.com/jane.doe", "Jane Doe - http://doe.de".
ADDRESS_IN_NAME = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/\S*", re.IGNORECASE)
# Between names: "Jane Doe and John Smith", "Müller und Schmidt", "王明、李华"; Scandinavian bylines write "og" / "och".
NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\bog\b|\boch\b|&|、|，|/)\s*", re.IGNORECASE)
# A desk handle after a name, in lower case: "Elena Muster (emu)", "Corina Gall (cog.)".
DESK_HANDLE = re.compile(r"\s*\([^\W\d_A-Z]{2,4}\.?\)\s*$")
# An author tag holding the site's domain ("mdr.de", "hessenschau.de, Frankfurt, Germany") names the site, not a person.
SITE_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}", re.IGNORECASE)
# Labels before names, removed: "Posted by", "Geschrieben von", "Par"; also glued to the name by markup that
# sets them in an element of their own ("Veröffentlicht vonChris Jung", "AuthorAndreas Kalt"). Words that
# label a name only with a colon ("Text: Kirsten Freund", "Interview: Julia Lauter") need it.
NAME_LABEL = re.compile(
    r"^(?:(view all posts by|all posts by|posted by|published by|written by|author|autor|autorin|auteur|"
    r"geschrieben von|بقلم|автор|veröffentlicht von|eingestellt von|verfasst von|erstellt von|artikel von|beitrag von|"
    r"publié par|publicado por|escrito por|alles von|alle artikel von|mehr von|zum profil von|more from|more by|"
    r"articles by|stories by)(?:\b|(?-i:(?=[A-ZÀ-ÖØ-Þ])))\s*[:：]?|"
    r"(by|von|par|por|door|di|af|av)\b\s*[:：]?|"  # short: glued, they would cut "VonDrehle", "DiBiase"
    r"(text|texto|testo|interview|quelle|źródło|fotos?|redaktion)\s*[:：])\s*",
    re.IGNORECASE,
)
# What trails a name in a byline and is not part of it: a date ("on January 20", "am Samstag"), a label or a
# link ("Veröffentlicht", "Alle Artikel"), a photo credit ("Foto: © GEPA").
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|"
    "märz|juni|juli|oktober|dezember"
)
WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
    "samstag|sonntag"
)
NAME_TAIL = re.compile(
    rf"\s+(?:on|am|le|el|den|vom)\s+(?:{MONTHS}|{WEEKDAYS})\b.*$|\s+(?:{MONTHS})\s+\d.*$|"  # not "Theresa May"
    rf"[,/]\s*(?:{MONTHS})\.?$|"  # "Evan Symon, August" once the day was cut
    r"\s+@[\w.]+$|"  # a Twitter handle after the name
    r"\s+(?:veröffentlicht|published|posted|alle artikel|all posts|all articles|mehr artikel)\b.*$|"
    r"\s+(?:ein kommentar|kommentare?|leave a (?:comment|reply)|comments?)\s*$|"  # a comment link's text
    r"\s+(?:in|im|under|unter)\s+\S.*$|"  # the category a blog post is filed in: "Jane Doe in Essays"
    r"(?:,|\s)\s*(?:datum|date|lesezeit|reading time|read time)\s*[:：].*$|"  # "Jane Doe, Datum: 03.03.19"
    r"\s+(?:foto|fotos|photo|photos|bild)\s*[:：].*$|"
    r"\s+(?:illustrations?|illustrationen|fotos?|photos?|bilder)\s+(?:by|von|de|par)\s.*$",  # "Illustration von ..."
    re.IGNORECASE,
)
# Words of page furniture that a byline element or an author tag may hold instead of a name: a "name" made of
# nothing else ("Posted on", "Follow", "Mehr", "Stand", "No Author", "Archiv anzeigen") is none.
NOT_NAME_WORDS = frozenset(
    {
        "posted", "published", "on", "by", "veröffentlicht", "publiziert", "am", "von", "follow", "folgen", "mehr",
        "more", "stand", "no", "author", "autor", "archiv", "anzeigen", "view", "profile", "profil", "share",
        "teilen", "unknown", "n/a", "all", "alle", "posts", "articles", "artikel", "beiträge", "zur", "person",
        "phd", "md", "mba", "dr", "prof", "jr", "updated", "aktualisiert", "contact", "contactar", "kontakt",
        "pressemitteilung", "text", "rezept", "message", "modified", "paid", "content", "sponsored", "anzeige",
        "innen",  # "Autor:innen", the label's gender ending
    }
)  # fmt: skip
# A dash between spaces: headlines and labels have one, names do not.
SPACED_DASH = re.compile(r"\s[–—]\s")
# A job title after a name without a separator: compound words no surname is ("Christoph Hein Chefredakteur"),
# or a title glued to the name by markup that sets it in an element of its own ("Evan HalperStaff Writer").
TRAILING_JOB_TITLE = re.compile(
    r"\s+(chefredakteur|chefredakteurin|redakteur|redakteurin|korrespondent|korrespondentin|volontär|"
    r"volontärin|editor-in-chief|rédacteur en chef|rédactrice en chef)\s*$|"
    r"(?<=[^\W\d_])(?-i:(?=[A-Z]))(?:[\w-]+\s+){0,2}(writer|editor|reporter|correspondent|columnist)s?\s*$",
    re.IGNORECASE,
)
# A byline element's line that is a function, not a name: "Nachrichtenagentur", "Staff Writer", "Redakteurin".
BYLINE_FUNCTION = re.compile(
    r"(?:(?:staff|senior|chief|managing|contributing|guest|political|sports|freier|freie|leitender|leitende|"
    r"stellvertretender|stellvertretende)\s+){0,2}(?:chef|sport|lokal|online|wirtschafts|politik)?"
    r"(nachrichtenagentur|news agency|agence de presse|"
    r"agencia de noticias|writer|editor|reporter|correspondent|journalist|columnist|redakteur|redakteurin|"
    r"korrespondent|korrespondentin|journaliste|rédacteur|rédactrice|periodista|autor|autorin|author)s?",
    re.IGNORECASE,
)
# A name without a person's words that may still stand as a credit ("Пресс-служба"): letters first, short.
PLAIN_NAME = re.compile(r"[^\W\d_][\w .'’-]{2,40}")
# Characters no person's name holds: an e-mail or handle's "@", the brackets of a label ("Auteur(s)").
NOT_IN_NAMES = frozenset("@()[]")
# Longer "names" are sentences or lists; a person's name has at most this many words.
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 5
# Words this short, all capitals, sign agency copy as initials ("KH", "JA"), not names.
MAX_INITIALS_CHARS = 3
# An author value with a NOT_AUTHOR_WORDS word is an organisation only past this many words ("Press Office X").
MIN_ORGANISATION_WORDS = 3
# Class words templates give the byline, in the languages we meet ("autor", "muhabir", "auteur").
BYLINE_CLASS_WORDS = frozenset(
    {"byline", "author", "authors", "autor", "autores", "auteur", "autore", "muhabir", "yazar", "reporter",
     "writer", "journalist", "verfasser", "articleauthor", "postauthor", "entryauthor", "authorname"}
)  # fmt: skip
# A marked-up byline is a name or two: longer elements classed "author" are author boxes with a biography.
MAX_BYLINE_CHARS = 80
# ... and not a letter or two (an initial, a bullet).
MIN_BYLINE_CHARS = 3
# trafilatura's marked-up author search: its own length limit for an author string.
MAX_MARKED_AUTHOR_CHARS = 120
# A byline stands within these lines around the headline (a kicker above it, deck and date line below).
BYLINE_LINES_BEFORE = 2
BYLINE_LINES_AFTER = 10
# ... or further down, up to this line, when only short lines (share buttons, labels, a photo credit) and at most
# a deck of BYLINE_DECK_LINES longer lines stand between it and the headline.
MAX_BYLINE_LINES_AFTER = 30
BYLINE_DECK_LINES = 2
BYLINE_SHORT_LINE_CHARS = 40
# A byline's label alone on its line, the name on the next ("By" / "Jane Doe", "Auteur" / "Jean Dupont").
BYLINE_LABEL_LINE = re.compile(
    r"^[\s~*»>–—-]*(?:by|von|par|por|door|author|autor|autorin|autoren|auteur|autore|written by|text|texto|testo)"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)
# Names under such a label, one a line with "and" between: at most this many lines ("Jane Doe" / "and" / "John Roe").
BYLINE_NAME_LINES = 5
# A name beside its date on one line ("11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe", "Jane Doe,
# 21. Jan. 2015"): once the dates are cut out, what is left besides times, "Uhr" and separators is one name.
NAME_DATE_PARTS = re.compile(r"\s+[|·•–—-]\s+|\s*[|·•]\s*|,\s+")
DATE_PART_NOISE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:uhr|am|on|um|at|le|el|h)\b", re.IGNORECASE)
# A metadata line holding an inline CJK byline ("发布时间：... 作者：王明") is at most this long.
MAX_BYLINE_LINE_CHARS = 200

# ---------------------------------------------------------------------------
# Source lines in the header and below the story.
# ---------------------------------------------------------------------------

# "From:" or "Source:" alone, its name in the next cell (<dt>/<dd>).
SOURCE_LABEL = re.compile(r"^\s*(from|source|quelle|fuente|fonte|来源|來源|出典)\s*[:：]\s*$", re.IGNORECASE)
SOURCE_INLINE = re.compile(
    r"(?:来源|來源|稿源|出处|出典|source|quelle|fuente|fonte|источник|المصدر|^from)\s*[:：]\s*"
    r"(?P<name>[^|【\[\]】\s]+(?:\s(?![\d【\[|]|作者|编辑|责任编辑|时间|发布|点击|浏览|字号)[^|【\[\]】\s]+){0,3})",
    re.IGNORECASE,
)
# The header's credit stands within these lines under the headline.
HEADER_SOURCE_LINES = 7
# A header line longer than this is a paragraph, not a metadata line with a credit.
MAX_HEADER_SOURCE_LINE = 200
# The name in the cell after a "From:" label is short.
MAX_LABELLED_SOURCE = 80
# How far below the headline a standalone source line is looked for.
CLOSING_SOURCE_LINES = 120
# A standalone "Source: ..." line is short; longer ones are sentences that cite a source.
MAX_SOURCE_LINE = 120
# "Wochenblatt / Última Hora": the site's name, then the sources it credits, between slashes.
CREDIT_PARTS = re.compile(r"\s+/\s+")
# The site and at most two sources: longer trails are breadcrumbs or lists.
MAX_CREDIT_PARTS = 3
# "(Reporting by Jane Doe and John Smith in Geneva; Editing by ...)": the reporters' names.
REPORTER_NAMES = re.compile(r"(?:reporting|writing)\s+by\s+([^;)]+)", re.IGNORECASE)
# A reporter's name in such a tail has at most this many words.
MAX_REPORTER_WORDS = 4
# "（中央社記者王小明台北27日電）": a reporter's Chinese name has two or three characters, the place two.
MAX_CJK_NAME = 3
CJK_PLACE = 2
# A dateline opens one of the first paragraphs (after a deck or a byline).
DATELINE_SEARCH = 3
# An agency named in a credit "(Reuters)", "(EFE)" is short: longer parentheses are asides.
MAX_AGENCY_WORDS = 3
# A Latin-script credit that is not a known agency must be title-case and at most this many words ("(Tass News)").
MAX_TITLECASE_AGENCY_WORDS = 2

"""Dates: how they are written, where pages state their publication and update dates, how far to trust a date line.

Meta tag names and JSON-LD keys, class names of marked <time> elements,
"Published"/"Updated" labels in the languages we meet, dates in URLs, the
window around the headline where a date line is the article's own; and the
written forms datetext reads (patterns, month names, zone abbreviations,
ages such as "3 hours ago"), with the bounds of a plausible date.
"""

from __future__ import annotations

import re
from datetime import timedelta

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "published_time", "published-date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "sailthru.date",
    "parsely-pub-date", "article.published", "citation_publication_date", "citation_date", "originalpublicationdate",
    "publication_date", "publicationdate", "releasedate", "release_date", "pub_date", "created", "dc.created",
)  # fmt: skip
# Meta tags named plain "date" name no event: CMSes fill them with the item's creation, a template's stamp or
# the last change, so a firm date line under the headline outweighs them (dates.shown_wins).
GENERIC_DATE_META = frozenset({"date", "dc.date", "dcterms.date"})
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
    "last-modified", "lastmod", "article.updated", "parsely-updated",
)  # fmt: skip

UPDATED_LABEL = re.compile(
    r"(updated|modified|last (changed|edited)|aktualisiert|geändert|mis à jour|modifié|actualizad[oa]|更新|修改|"
    r"обновлено|تحديث|uppfært|oppdatert|uppdaterad|opdateret|päivitetty|aggiornat[oa]|atualizad[oa]|bijgewerkt|"
    r"zaktualizowano|aktualizováno)",
    re.IGNORECASE,
)
PUBLISHED_LABEL = re.compile(
    r"(published|posted|released|veröffentlicht|publié|publicado|发布|發布|发表|公開|опубликовано|نشر)", re.IGNORECASE
)
# Dotted numeric dates with a two-digit year ("Do 25.04.24 | 14:07 Uhr") are written day first, whatever the
# page's language; a slash form ("02/12/19") could be month first and is not read.
DOTTED_SHORT_DATE = r"\d{1,2}\.\d{1,2}\.\d{2}(?![\w.])"  # not a version ("1.9.22_1171")
URL_SLASH_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)")
# A date line stands within these lines after the headline (deck, byline, toolbar first) or just before it.
LINES_AFTER_HEADLINE = 12
LINES_BEFORE_HEADLINE = 3
# A date line is short ("By Jane Doe | March 5, 2024"); a date inside a
# sentence ("the meeting on 5 February 2020") is not the publication date.
MAX_DATE_LINE = 100
MAX_DATE_LINE_REST = 60
# A line that says "Published:"/"发布时间：" may carry more metadata beside the date.
MAX_LABELLED_LINE = 200
# Link texts this long are headlines of other stories, not author or section links.
MIN_HEADLINE_LINK = 30
# ... and the line is mostly that link (not "Carl-Ludwig-Institut für marine Ökologie, Bremen").
LINK_SHARE = 0.6
# "Published" counts as the label of a date when it ends at most this many characters before it.
LABEL_REACH = 12
# The label of a second date on a line ("Updated:") is read in this many characters before it.
SECOND_LABEL_REACH = 40

# A date line under the headline outweighs metadata that disagrees only when it is firm (dates.firm_date_line):
# with at most this much else on its line ("Stand:", a weekday, a time) ...
MAX_FIRM_LINE_REST = 30
# ... and not inside an embedded social post ("— Name (@handle) September 27, 2020").
EMBED_MARK = "@"
# "02/11/2023": day or month first? Such a shown date outweighs metadata only when its time shows the same moment.
AMBIGUOUS_NUMERIC_DATE = re.compile(r"\d/\d")
# Metadata without a time zone ("2020-04-30", "2022-01-26T14:32:06") loses to a firm shown date this many days away.
NAIVE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?")
NAIVE_METADATA_REACH = 31
# A UTC timestamp and a local wall-clock time are the same moment when they differ by a zone offset:
# whole quarter hours, at most fourteen hours.
MAX_ZONE_OFFSET = timedelta(hours=14)
ZONE_STEP = timedelta(minutes=15)

# A page that shows nothing near its headline may show its date further down: htmldate's guess that is the
# day of one of its firm date lines dates it as well as a declaration would, when such lines name at most
# this many days (more are comments, events, other stories) ...
MAX_SHOWN_DAYS = 2
# Lines naming another kind of date ("Page last reviewed:", "Termin:", "Registriert:", "©") date neither the page
# (dates.shown_days) nor the story near its headline (dates.visible_dates). "Release:" is a product's; "Released:"
# and "Release date" stay a press release's own.
NOT_PUBLISHED_LABEL = re.compile(
    r"(reviewed|geprüft|copyright|©|\btermine?\b|\brelease\s*:|\bevent\b|deadline|\bfrist\b|registriert|"
    r"\bjoined\b|member since|mitglied seit|membre depuis|miembro desde|veranstaltung)",
    re.IGNORECASE,
)

# htmldate gives January 1st for a year it found alone (a copyright line): not a day, unless a date line shows it.
YEAR_ONLY_GUESS = "-01-01"

# Class names themes give the publication's <time> ("entry-date" in WordPress) and the update's.
PUBLISHED_CLASSES = frozenset({"published", "entrydate", "postdate", "datepublished", "articledate", "publishdate",
                               "publicationdate", "pubdate", "postedon"})  # fmt: skip
UPDATED_CLASSES = frozenset({"updated", "datemodified", "modified", "lastmodified", "updatedate"})
# A marked element's machine value written day or month first ("06-08-2009T14:12:32") could be read either way:
# the date the element shows settles it (dates._marked_date).
NUMERIC_MACHINE_DATE = re.compile(r"\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")

PAGE_UPDATED = re.compile(
    r"^\s*(page\s+)?(last\s+(updated|modified|changed)|updated\s+on|zuletzt\s+(aktualisiert|geändert)|"
    r"dernière\s+mise\s+à\s+jour|mis\s+à\s+jour\s+le|última\s+actualización|更新日期|更新时间|更新時間|最終更新日?|"
    r"последнее\s+обновление)\s*(on)?\s*[:：]?\s*",
    re.IGNORECASE,
)

# How dates are written: the forms datetext reads without dateparser, and what surrounds them.

# A date before this is no web page's publication (a founding year, a historical date).
EARLIEST_YEAR = 1990
# A page's clock or time zone may run ahead of the crawler's: dates up to this far in the future are plausible.
FUTURE_TOLERANCE = timedelta(days=2)
# Numeric dates are written month first in US English ("en", "en-us"), day first in the other Englishes.
MONTH_FIRST_LANGUAGES = ("en", "en-us")

MONTH_WORD = r"[^\W\d_]{3,12}\.?"
TIME = (
    r"(?:,?\s*(?:at|um|à|a las|в)?\s*\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
)
# Date expressions as they stand in a line of text (datetext.find_date_strings), with a time after them.
DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"),
    re.compile(r"(?<!\d)\d{1,2}(?:[./]|\.\s)\d{1,2}(?:[./]|\.\s)(?:19|20)\d{2}" + TIME),  # also "4. 2. 2022"
    # "25.04.24": day, month and a two-digit year, with dots only (a slash form could be month first).
    re.compile(r"(?<![\d.])" + DOTTED_SHORT_DATE + TIME),
    re.compile(r"(?<!\d)\d{1,2}\.?\s+(?:de\s+)?" + MONTH_WORD + r",?\s+(?:de\s+)?(?:19|20)\d{2}" + TIME),
    re.compile(MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}" + TIME),
    re.compile(r"(?<!\d)(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"),
)
# Ages ("3 hours ago", "vor 5 Stunden", "3小时前"): dates relative to the moment the page was read.
RELATIVE = re.compile(
    r"\b\d{1,2}\s+(minutes?|hours?|days?|mins?|hrs?)\s+ago\b|\bvor\s+\d{1,2}\s+(minuten|stunden|tagen)\b|"
    r"\bil y a\s+\d{1,2}\s+(minutes?|heures?|jours?)\b|\bhace\s+\d{1,2}\s+(minutos?|horas?|días?)\b|"
    r"\d{1,2}\s*(分钟|小时|天)前|\d{1,2}\s*(分|時間|日)前|\d{1,2}\s+(минут[уы]?|час(а|ов)?|дн(я|ей))\s+назад",
    re.IGNORECASE,
)
# "Sat, 19 Oct 2019 00:04:00 +0200", as RSS and some meta tags write dates.
RFC2822 = re.compile(r"^\s*(\w{3},\s*)?\d{1,2}\s+\w{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# Zone abbreviations written after a time ("10:35 CET"), with their offsets.
TZ_OFFSETS = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "BST": "+01:00", "CET": "+01:00",
    "MEZ": "+01:00", "CEST": "+02:00", "MESZ": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
    "IST": "+05:30", "SGT": "+08:00", "HKT": "+08:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00",
}  # fmt: skip

# Month names of the languages whose newsrooms we meet most, full and abbreviated.
MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "en_abbr": "jan feb mar apr may jun jul aug sep oct nov dec",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "de_abbr": "jan feb mär apr mai jun jul aug sep okt nov dez",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "fr_abbr": "janv févr mars avr mai juin juil août sept oct nov déc",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "es_abbr": "ene feb mar abr may jun jul ago sep oct nov dic",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
MONTHS = {name: number for names in MONTH_NAMES.values() for number, name in enumerate(names.split(), start=1)}
# Spellings besides the lists: Austrian "Jänner", Peruvian "setiembre", French written without accents.
MONTHS.update({"sept": 9, "jänner": 1, "setiembre": 9, "févr": 2, "fevr": 2, "aout": 8, "decembre": 12})
CLOCK = (
    r"(?:,?\s*(?:at|um|à|a las|alle|às|om|-)?\s*"
    r"(?P<h>\d{1,2})[:h.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[aApP]\.?[mM]\.?)?)?"
)
# The common written forms, read exactly and fast (datetext._fast_parse); others go to dateparser.
FAST_FORMS = (
    re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?" + CLOCK),
    re.compile(r"(?P<a>\d{1,2})(?:[./]|\.\s)(?P<b>\d{1,2})(?:[./]|\.\s)(?P<y>\d{4})" + CLOCK),
    re.compile(r"(?P<d>\d{1,2})(?:\.|er)?\s+(?:de\s+)?(?P<mon>[^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(?P<y>\d{4})" + CLOCK),
    re.compile(r"(?P<mon>[^\W\d_]{3,10})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + CLOCK),
)

# A dateline opening a paragraph: a place first ("GENEVA, "), the date within this many characters, then a dash.
LEADING_PLACE = re.compile(r"^\s*(?:[^\W\d_][\w.'’ -]{1,30},\s*)?")
LEADING_DATE_REACH = 60
DASH_AFTER_DATE = re.compile(r"\s*(?:--|—|–|-)\s+")
# A line holding a date and nothing else ("2024年7月25日（星期四）") is at most this long ...
MAX_DATE_ONLY_LINE = 60
# ... and what may stand beside the date on it: a weekday, a zone, punctuation.
WEEKDAY_OR_ZONE = re.compile(
    r"[（(]?(星期|週|周)[一二三四五六日天][)）]?|[（(]?[月火水木金土日]曜?日?[)）]|(香港|北京|台北|日本|東京)?(時間|时间)|"
    r"(?i:\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|\b(" + "|".join(TZ_OFFSETS) + r")\b|[,，.\s]"
)
# A time written "15時30分", and the zones the words before it name ("香港時間").
CJK_TIME = re.compile(r"(\d{1,2})\s*[時时点點]\s*(\d{1,2})\s*分")
ZONE_WORDS = {"香港": "+08:00", "北京": "+08:00", "台北": "+08:00", "日本": "+09:00", "東京": "+09:00"}

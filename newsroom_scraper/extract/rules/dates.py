"""Dates: where pages state their publication and update dates, and how far to trust a date line.

Meta tag names and JSON-LD keys, class names of marked <time> elements,
"Published"/"Updated" labels in the languages we meet, dates in URLs, and
the window around the headline where a date line is the article's own.
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

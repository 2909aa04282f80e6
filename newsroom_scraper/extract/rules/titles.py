"""Title rules: how a <title> or og:title splits into headline, kicker and site name, and the sizes that decide.

title.find_title reads the page's headline with these: TITLE_SEPARATORS
split a metadata title into its parts to drop the site's name,
LOOSE_SEPARATORS find the parts a page may show on their own, KICKER_COLON
the headline after "Kicker: ". separator_rule names the first of those
that splits a title, so tests/test_rules_titles.py can run them row by row.
"""

from __future__ import annotations

import re

# Between a headline and a site or section name: " | ", " - ", " – ", " » ", "----", "__", "|" glued, " :: ".
TITLE_SEPARATORS = re.compile(r"\s+[|｜‖–—~:•·»›]\s+|\s+-{1,2}\s+|-{3,}|_{2,}|\s*[|｜_]\s*|\s+::\s+|\s*——\s*")
# Looser than TITLE_SEPARATORS: "Site News: Headline" is only split when the page shows the part.
LOOSE_SEPARATORS = re.compile(r"\s*[:|｜–—]\s+|\s+[-–—]\s*|-{2,}")
# "Kicker: Headline": a colon right after a word. " : " and " | " separate site names too, this does not.
KICKER_COLON = re.compile(r"(?<=\w)[:：]\s+")
# Between a kicker and its headline, in a hidden element or the text: ": ", " - ", " / ".
PART_EDGES = " :|/–—-·•\u00a0"

SEPARATOR_RULES = (
    ("kicker_colon", KICKER_COLON),
    ("site_separator", TITLE_SEPARATORS),
    ("shown_part_separator", LOOSE_SEPARATORS),
)

# The headings a headline is looked for in, in this order of preference.
HEADING_LEVELS = ("h1", "h2", "h3")
# Shorter than this, a heading is an icon's letter or a number, not a headline.
MIN_TITLE_CHARS = 3
# Longer than this, a "heading" is a paragraph styled as one (or a whole page in an <h1>), and a title is cut here.
MAX_TITLE_CHARS = 400
# A heading this much shorter than the title it is found in is a site name; a title this much shorter than
# the heading it begins is a kicker above a longer headline, not the headline cut short.
MIN_SHARE_OF_TITLE = 0.55
# A metadata title (its letters and digits) at least this long, when a heading goes on from it, was cut short.
MIN_CUT_TITLE_KEY = 21
# A headline h1 and one more below it (a box's "More from ..."); a page with more h1s uses them for its sections.
MAX_HEADLINE_H1S = 2
# A part of a metadata title shorter than this, shown on the page, is a menu label or a section, not the headline.
MIN_SHOWN_CHARS = 12
# Real titles have a headline, a section or two and a site name; past this many parts the rest is
# not a headline's, and trying every run of them is what costs (a fuzzed page had 700).
MAX_TITLE_PARTS = 24
# A title part that holds a site name and fewer than this many more letters is that name ("BBC News" for "bbc").
SITE_NAME_SLACK = 6
# Host labels that name no site: "www", and generic top-level domains.
GENERIC_HOST_LABELS = frozenset({"www", "com", "org", "net", "gov", "edu"})
# Host labels this short ("de", "co", "uk") are country and second-level domains, not names.
MIN_HOST_LABEL_CHARS = 3
# Navigation (a menu, a breadcrumb) and links name other pages, or this one as a label: not its headline.
NAVIGATION = "ancestor-or-self::nav or ancestor-or-self::a or ancestor-or-self::*[@role='navigation']"


def separator_rule(title: str) -> str | None:
    """The name of the first separator rule that splits `title`, or None when none does."""
    for name, pattern in SEPARATOR_RULES:
        if pattern.search(title):
            return name
    return None

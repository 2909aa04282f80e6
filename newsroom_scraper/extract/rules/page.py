"""Page rules: what makes a page an article, and where its header ends.

Read by the header phase (header.py), the body phase (mainbody.py) and the
is-it-an-article decision (article.decide).
"""

from __future__ import annotations

# Below this (CJK characters count triple) a page is a stub, a teaser or an error page.
MIN_BODY_LENGTH = 250
# A body whose text is mostly the page's own link texts is a list of headlines.
LISTING_LINK_SHARE = 0.5
# og:type values that declare an article (with any JSON-LD article type).
ARTICLE_OG_TYPES = ("article", "news", "newsarticle", "blogposting", "press_release")
# The breadcrumb often ends with the headline: the line before it then ends in one of these.
CRUMB_ENDS = frozenset("›>»/")
# A line that starts the headline (or that the headline starts) has at least this many letters:
# shorter lines ("News", "Home") start too many titles.
MIN_HEADLINE_PREFIX = 11
# The header (deck, byline, date line) fits in this many lines under the headline.
HEADER_WINDOW = 8
# A deck (subtitle) above the byline is a line or two of moderate length.
MAX_DECK_LINES = 2
MAX_DECK_CHARS = 250
# Shorter lines in the header are labels and names ("From:", "Department for Transport"), not a deck.
MAX_LABEL_CHARS = 40
# The language dates are read in is judged on the page's first lines: the header is among them.
READING_LINES = 400
# The markup's body is a fragment of the JSON-LD articleBody when under this share of its length ...
FRAGMENT_SHARE = 0.6
# ... and it is the same story when this share of its words is in the declared text.
SAME_STORY_SHARE = 0.8
# Where a page declares its summary; the line under the headline that repeats it is the standfirst.
DESCRIPTION_META = ("description", "og:description", "twitter:description")
# A summary is a sentence or two; shorter descriptions are labels ("News", a site slogan).
MIN_STANDFIRST_CHARS = 40

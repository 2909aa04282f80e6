"""Boilerplate by markup: the class/id tokens, tags and ARIA roles templates give boxes that are not the story.

Markup rules catch what CMS templates label; the text rules (boilerplate.py,
paragraphs.py) catch the same kinds on pages whose class names say nothing
(old table layouts, hashed CSS-in-JS names), which is most of the newsroom
web. A new rule goes into its group with its reason; a rule that was tried
and rejected is noted beside the group so it is not tried again.
"""

from __future__ import annotations

from ..classnames import name_words

# ---------------------------------------------------------------------------
# Markup: class/id tokens. A token matches a whole word of a class or id split
# on "-", "_", spaces and camelCase, so "share" hits "post-share-bar" but not
# "shareholders-report".
# ---------------------------------------------------------------------------

NAVIGATION_TOKENS = ("nav", "navbar", "navigation", "menu", "menubar", "topbar", "skiplink", "sitemap")
BREADCRUMB_TOKENS = ("breadcrumb", "breadcrumbs", "crumb", "crumbs", "crumbtrail")
TOOLBAR_TOKENS = ("share", "sharing", "sharebar", "social", "addthis", "toolbar", "tools", "printfriendly",
                  "fontsize", "textsize", "bookmark", "sns")  # fmt: skip
TEASER_TOKENS = ("sidebar", "side", "sidebox", "sidenav", "sidecol", "aside", "widget", "promo", "rightcol", "leftcol")
RELATED_TOKENS = ("related", "recommended", "recommendations", "morenews", "popular", "trending", "mostread",
                  "readmore", "relatedposts", "seealso")  # fmt: skip
CONTACT_TOKENS = ("contact", "contacts", "address", "vcard", "imprint", "impressum")
LEGAL_TOKENS = ("copyright", "footer", "legal", "disclaimer", "colophon")
CONSENT_TOKENS = ("cookie", "cookies", "consent", "gdpr", "privacy")
NEWSLETTER_TOKENS = ("newsletter", "subscribe", "subscription", "signup", "optin")
AD_TOKENS = ("ad", "ads", "advert", "adverts", "advertisement", "adslot", "sponsor", "sponsored", "dfp", "gpt")
CAPTION_TOKENS = ("caption", "credit", "credits", "photocredit", "figcaption")
COMMENT_TOKENS = ("comment", "comments", "disqus", "respond", "reply", "kommentare", "kommentar", "commentaire",
                  "commentaires",
                  "comentarios", "replies")  # fmt: skip
TAG_TOKENS = ("tags", "taglist", "tagcloud", "keywords")
PAGER_TOKENS = ("pager", "pagination", "prevnext", "postnav")
# Rejected, with why:
# - "header": article headers hold the headline and date line; they are read
#   from the raw tree, but some CMSes wrap the whole story beside them.
# - "info", "meta", "box", "content": too often the article's own container.
# - "font", "print", "position", "location": Bootstrap/Tailwind utility
#   classes ("font-bold", "d-print-none", "position-relative") sit on content.
# - "next", "prev": Next.js mounts every page in <div id="__next">.
# - "teaser", "rail": German CMSes call the article's lead "teaser", and
#   "rail" wraps whole columns; teaser boxes are caught by their text instead.
# - "cmp": Adobe AEM prefixes every component, the story's text included.
# - "more", "see", "also", "tag", "topics", "categories": WordPress puts
#   "tag-x category-y" on the <article> itself; kept only as joined tokens
#   ("readmore", "seealso") that do not occur there.

DROP_TOKEN_GROUPS = {
    "navigation": NAVIGATION_TOKENS,
    "breadcrumb": BREADCRUMB_TOKENS,
    "toolbar": TOOLBAR_TOKENS,
    "teaser": TEASER_TOKENS,
    "related": RELATED_TOKENS,
    "contact": CONTACT_TOKENS,
    "legal": LEGAL_TOKENS,
    "consent": CONSENT_TOKENS,
    "newsletter": NEWSLETTER_TOKENS,
    "ads": AD_TOKENS,
    "caption": CAPTION_TOKENS,
    "comments": COMMENT_TOKENS,
    "tags": TAG_TOKENS,
    "pager": PAGER_TOKENS,
}

# Labels sure enough to remove an element even when it holds prose: reader
# comments, consent and newsletter boxes, breadcrumbs. The other groups are
# hints, overruled by paragraphs of prose (page builders wrap the story in
# "widget" and "sidebar-layout" containers).
SURE_DROP_TOKENS = (*COMMENT_TOKENS, *CONSENT_TOKENS, *NEWSLETTER_TOKENS, *BREADCRUMB_TOKENS)

# Elements that are boilerplate whatever their class says.
DROP_TAGS = ("nav", "aside", "footer", "form", "figcaption", "button", "select", "noscript", "iframe", "template",
             "dialog", "menu", "svg", "canvas", "object", "embed")  # fmt: skip
ROLE_DROP = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu")

# Never removed, whatever their class says: the document and the story's own containers.
NEVER_DROPPED = frozenset({"html", "body", "article", "main"})
# Boxes of boilerplate are blocks; inline elements inside them are judged with their box.
BOX_TAGS = ("div", "p", "td", "th", "tr", "table", "tbody", "ul", "ol", "li", "dl", "dd", "section", "aside",
            "header", "footer", "nav", "center", "blockquote", "h2", "h3", "h4", "h5", "h6", "address", "figure",
            "span", "font")  # fmt: skip

# ---------------------------------------------------------------------------
# Guards: what no rule removes.
# ---------------------------------------------------------------------------

# "Prose": this many paragraphs of this length, mostly not links.
CONTENT_PARAGRAPHS = 2
CONTENT_PARAGRAPH_CHARS = 100
CONTENT_MAX_LINK_DENSITY = 0.3
# An element holding this share of the page's text is the article, not a box.
PROTECTED_SHARE = 0.4
# On a page with less text than this every element holds a large share of it: the share guard is off.
MIN_GUARDED_TEXT = 200


def drop_group(name: str) -> str | None:
    """The DROP_TOKEN_GROUPS group a class or id names ("post-share-bar": "toolbar"), or None."""
    words = name_words(name)
    return next((group for group, tokens in DROP_TOKEN_GROUPS.items() if words & set(tokens)), None)

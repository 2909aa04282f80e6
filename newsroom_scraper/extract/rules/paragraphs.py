"""Paragraph rules: editor tags, end markers, press-release tails and the other lines a reader skips.

Applied by the body's cleaning (clean.py) to the paragraphs trafilatura
kept. NOISE, at the end, is the table of whole-paragraph checks: each row
names a rule, and the cleaning counts paragraphs by the name that fired.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import boilerplate, credits, dates

# Editor tags and end markers.
EDITOR_TAG = re.compile(
    r"^\s*[\[【(（]?\s*(editor|editors|edited by|page editor|web editor|responsible official|nasa official|"
    r"责任编辑|責任編輯|编辑|編輯|责编|責編|校对|审核|redaktion|rédaction|redacción|edição|編集)\s*[:：]\s*"
    r"[^\]】)）]{1,60}[\]】)）]?\s*$",
    re.IGNORECASE,
)
# Lines made only of bracketed tags: "【纠错】【责任编辑：李华】".
BRACKET_TAGS = re.compile(r"^\s*(【[^】]{1,24}】\s*){2,}$|^\s*【[^】]{0,12}[:：][^】]{0,12}】\s*$")
# A paragraph that is an e-mail address and nothing else (a reporter's signature).
EMAIL_ONLY = re.compile(r"^\s*[(<]?[\w.+-]+@[\w-]+\.[\w.-]+[)>]?\s*$")
# Release numbers and reference codes: "IP/24/1432", "RELEASE 13-201", "Pressemitteilung Nr. 123/2023".
REFERENCE_LINE = re.compile(
    r"^\s*((IP|MEMO|STATEMENT|SPEECH|QANDA|AC)/\d{2}/\d+|release\s*(no\.?|number|#)?\s*:?\s*\d{2,4}-\d+|"
    r"(pressemitteilung|press release|communiqué|comunicado)\s*(nr\.?|no\.?|n°|núm\.?)?\s*:?\s*\d+\s*/\s*\d{2,4})\s*$",
    re.IGNORECASE,
)
# Licence footers: "Todo o conteúdo ... Licença Creative Commons ...".
# The lookahead names the letters a licence line can start with: most positions of a paragraph then fail on one
# test instead of four alternatives (the same matches, three times faster).
LICENSE_LINE = re.compile(r"(?=[cl])(?:creative commons|licença|licencia\s+creative|\bcc[- ]by\b)", re.IGNORECASE)
# A location line standing alone above the story: "ANKARA", "NEW DELHI".
LOCATION_LINE = re.compile(r"^\s*[A-Z][A-Z'’.-]{2,20}(\s[A-Z][A-Z'’.-]{1,20}){0,2}\s*$")
# An author's biography closing a feature: "Marcus Hale is Curio Science's health editor."
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'’.-]+(\s[A-Z][\w'’.-]+){1,3}\s+(is|was)\s+(a|an|the|(?:[A-Z][\w.-]*\s){0,3}[\w.-]+['’]s)\s[^.]{0,80}"
    r"\b(writer|editor|reporter|correspondent|journalist|columnist|contributor|author|producer)\b",
)

# Editors' initials closing agency copy: "awr/ mrr/", "jk/dpa".
EDITOR_INITIALS = re.compile(r"^\s*(?:[a-ząćęłńóśźż]{2,4}\s*/\s*){1,4}(?:[a-ząćęłńóśźż]{2,4})?\s*$")
END_MARKER = re.compile(
    r"^\s*(-+\s*end\s*-+|\(end\)|\[end\]|#{3,}|-30-|（完）|\(完\)|【完】|完|ends?)\s*$", re.IGNORECASE
)
RELEASE_MARKER = re.compile(
    r"^\s*(for immediate release|immediate release|embargoed until.*|news release|press release|"
    r"pressemitteilung|communiqué de presse|comunicado de prensa|nota de prensa)\s*[:.]?\s*$",
    re.IGNORECASE,
)

# Reader comments: from their heading ("Kommentare (12)") to the end is not the story.
COMMENTS_HEADING = re.compile(
    r"^\s*(\d+\s+)?(comments?|kommentare?|postings?|leserkommentare|commentaires?|comentarios?|commenti|reacties|"
    r"評論|评论|网友评论|コメント|"
    r"комментарии|التعليقات|leave a (reply|comment)|join the discussion)\s*\(?\d*\)?\s*[:：]?\s*$",
    re.IGNORECASE,
)

# Press-release tails: from one of these headings to the end is not the story.
TAIL_HEADING = re.compile(
    r"^\s*(about\s+(?!the\s+(study|research|report|survey|project|findings|author)\b)\S.{0,80}|"
    r"über\s+\S.{0,60}|à\s+propos\s+(de|d['’])\s*\S.{0,60}|acerca\s+de\s+\S.{0,60}|sobre\s+\S.{0,60}|"
    r"forward[- ]looking statements?|safe harbor statement|cautionary (note|statement).{0,40}|"
    r"media contacts?|press contacts?|investor (relations|contacts?)|contact presse|pressekontakt|"
    r"medienkontakt|contacto de prensa|会社概要|会社情報|企業概要|本件に関するお問い合わせ.*|关于\S{1,30}|"
    r"notes to editors|note to editors|editor'?s notes?|# # #|for more information|more information|"
    r"further information|weitere informationen|plus d'informations|más información|originalpublikation|"
    r"original publication|publication details?|journal reference|reference|referenz|bibliographie|"
    r"【?論文情報】?|[【＜<]?お問い合わせ先?[】＞>]?|【?问询】?)\s*[:：]?\s*$",
    re.IGNORECASE,
)
# Tails that open a paragraph: "About the institute: ...", "Media contact: ...", "Hinweis: ...".
TAIL_PARAGRAPH = re.compile(
    r"^\s*(about (the |our )?[\w .&'’-]{2,60}|media contacts?|press contacts?|media enquiries|press office|"
    r"hinweis( für (die )?redaktion(en)?)?|notes? to editors|note aux rédactions|contact presse|pressekontakt)\s*[:：]",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------
# Where tails start, and the whole-paragraph checks.
# ---------------------------------------------------------------------------

# Press-release tails start late: a heading "About X" in the first paragraphs
# is a section of the story ("About the study").
TAIL_MIN_POSITION = 2
# ... and in the second part of the text: "About this article" near the top
# heads a box of metadata, not a press-release tail.
TAIL_MIN_SHARE = 0.4
# A tail heading is a line; longer paragraphs that open with "About" are the story's.
MAX_TAIL_HEADING = 120
# Shorter whole-link paragraphs ("PDF", "Video") are too ambiguous to drop.
MIN_LINK_LINE = 12
# The contact lines closing a release are short; a long paragraph with a phone number is the story's.
MAX_CLOSING_CONTACT_LINE = 200
# A line with an e-mail address or a phone number, this short, is contact information, not prose.
MAX_REACHABLE_LINE = 120
# An author's biography is dropped only below a story of at least this many other paragraphs.
MIN_PARAGRAPHS_BEFORE_BIO = 2
# Rules that search a paragraph (rather than match all of it) fire only on paragraphs shorter than
# these: a story about cookies, copyright or a licence mentions them in long paragraphs.
MAX_CONSENT_PARAGRAPH = 400
MAX_COPYRIGHT_PARAGRAPH = 300
MAX_PHOTO_CREDIT_PARAGRAPH = 300
MAX_LICENSE_PARAGRAPH = 400
MAX_UPDATED_PARAGRAPH = 100
# A repeated paragraph this long is a copy; shorter repeats ("Photo", "- Yes") can be the story's own.
MIN_REPEATED_CHARS = 40
# A block this long made of the following paragraphs run together is a copy of the story.
MIN_RUN_TOGETHER_CHARS = 200
# A list of this many items, each mostly a link's text ("Naturkatastrophe: <a>headline</a>"), points elsewhere.
MIN_LINK_LIST_ITEMS = 2
LINKED_ITEM_SHARE = 0.6
# A support appeal (boilerplate.SUPPORT_APPEAL) closes an article: it is one of its last paragraphs.
APPEAL_LAST_BLOCKS = 2
# A line this short without closing punctuation, just above a support appeal, is its label.
MAX_APPEAL_LABEL_CHARS = 60


@dataclass(slots=True, frozen=True)
class Rule:
    """A whole-paragraph check: `fires(text)` is truthy when the paragraph is boilerplate of kind `name`."""

    name: str
    fires: Callable[[str], object]


def _shorter(limit: int, check: Callable[[str], object]) -> Callable[[str], object]:
    return lambda text: len(text) < limit and check(text)


# Tried in order; the first that fires names why the paragraph is not body (Body.removed counts them).
NOISE: tuple[Rule, ...] = (
    Rule("editor_tag", EDITOR_TAG.match),
    Rule("editor_initials", EDITOR_INITIALS.match),
    Rule("end_marker", END_MARKER.match),
    Rule("release_marker", RELEASE_MARKER.match),
    Rule("ad_line", boilerplate.AD_LINE.match),
    Rule("related_line", boilerplate.RELATED_LINE.match),
    Rule("related_heading", boilerplate.RELATED_HEADING.match),
    Rule("counter", boilerplate.COUNTER_LINE.match),
    Rule("more_link", boilerplate.MORE_LINK.match),
    Rule("newsletter", boilerplate.NEWSLETTER_LINE.match),  # every form is anchored at the start: match is search
    Rule("consent", _shorter(MAX_CONSENT_PARAGRAPH, boilerplate.CONSENT_LINE.search)),
    Rule("copyright", _shorter(MAX_COPYRIGHT_PARAGRAPH, boilerplate.COPYRIGHT.search)),
    Rule("photo_credit", _shorter(MAX_PHOTO_CREDIT_PARAGRAPH, credits.PHOTO_CREDIT.search)),
    Rule("toolbar", boilerplate.is_toolbar_text),
    Rule("bracket_tags", BRACKET_TAGS.match),
    Rule("email_only", EMAIL_ONLY.match),
    Rule("reference", REFERENCE_LINE.match),
    Rule("licence", _shorter(MAX_LICENSE_PARAGRAPH, LICENSE_LINE.search)),
    Rule("page_updated", _shorter(MAX_UPDATED_PARAGRAPH, dates.PAGE_UPDATED.match)),
    Rule("teaser_end", boilerplate.teaser_end),
)


def noise_rule(text: str) -> str | None:
    """The name of the first NOISE rule that fires on a whole paragraph, or None when it is the story's."""
    for rule in NOISE:
        if rule.fires(text):
            return rule.name
    return None

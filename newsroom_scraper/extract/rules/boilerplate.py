"""Boilerplate by text: what boxes and lines say when their markup says nothing.

Teasers, toolbars, contact blocks, copyright, consent, newsletter and ad
lines, related links and counters. The pruning (prune.py) applies them to
short boxes of the page; the body's cleaning (paragraphs.NOISE) to whole
paragraphs. Each rule says what it catches and why.
"""

from __future__ import annotations

import re

# Teasers: a truncated text with a "more" link. "Read more" alone is not
# enough (articles end with "Read more about the mission at ..."), so the box
# must also be truncated or mostly link text.
MORE_LINK = re.compile(
    r"^\s*(>>|»|›|\[)?\s*(read\s+more|more|see\s+more|learn\s+more|full\s+story|continue\s+reading|weiterlesen|mehr|"
    r"lire\s+la\s+suite|en\s+savoir\s+plus|leer\s+m[aá]s|ver\s+m[aá]s|更多|详细|查看全文|続きを読む|もっと見る|"
    r"подробнее|далее|المزيد)\s*(>>|»|›|\.\.\.|…|\])?\s*$",
    re.IGNORECASE,
)
TRUNCATED_END = re.compile(r"(\.\.\.|…)\s*$")
TEASER_END = re.compile(
    r"(\.\.\.|…)\s*(>>|»|›|\[)*\s*(read\s+more|more|mehr|weiter|suite|más|更多|详细|詳細)\s*(>>|»|›|\])*\s*$",
    re.IGNORECASE,
)


def has_ellipsis(text: str) -> bool:
    """What TEASER_END and TRUNCATED_END both need, tested in C first: most texts have none."""
    return "..." in text or "…" in text


def teaser_end(text: str) -> bool:
    """The text ends like a teaser: "... read more"."""
    return has_ellipsis(text) and bool(TEASER_END.search(text))


def truncated(text: str) -> bool:
    """The text trails off: "..." or "…" at its end."""
    return has_ellipsis(text) and bool(TRUNCATED_END.search(text))


# Toolbars: blocks made only of these words (plus separators, dates, "A+ A-").
TOOLBAR_WORDS = frozenset(
    """email e-mail mail print printer share tweet facebook twitter x linkedin whatsapp weibo wechat reddit
    text size font small medium large normal bigger smaller a a+ a- a++ close save pdf rss copy link
    bookmark comment comments listen download
    打印 关闭 分享 收藏 字号 大 中 小 复制链接 打印本页 关闭窗口 转发 微信 微博 【打印】 【关闭】
    drucken teilen versenden schriftgröße merken
    imprimer partager envoyer taille du texte
    imprimir compartir enviar tamaño
    印刷 共有 シェア ツイート
    печать поделиться версия для печати
    طباعة مشاركة""".split()
)
TOOLBAR_PHRASES = ("text size", "font size", "print this page", "send to a friend", "email this", "printer friendly",
                   "print version", "version imprimable", "druckversion", "artikel drucken")  # fmt: skip

# Contact blocks: two or more lines labelled like these make a block.
CONTACT_LABEL = re.compile(
    r"^\s*(address|postcode|post\s*code|zip(\s*code)?|tel|tel\.|telephone|phone|fax|e-?mail|mobile|web|website|"
    r"adresse|anschrift|telefon|tél|téléphone|courriel|dirección|teléfono|correo|"
    r"地址|邮编|邮政编码|电话|传真|邮箱|电子邮件|住所|電話|メール|адрес|телефон|факс|"
    r"العنوان|الهاتف|البريد)\b\s*\.?\s*[:：]?",
    re.IGNORECASE,
)
CONTACT_HEADING = re.compile(
    r"^\s*(contact(\s+us)?|contact\s+information|media\s+contacts?|press\s+contacts?|media\s+inquiries|"
    r"media\s+enquiries|for\s+more\s+information,?\s+contact|investor\s+contacts?|contact\s+presse|"
    r"contacts?\s+presse|pressekontakt|medienkontakt|kontakt|pressestelle|contacto(\s+de\s+prensa)?|"
    r"contacto\s+para\s+medios|联系我们|联系方式|媒体联系|お問い合わせ|本件に関するお問い合わせ.*|"
    r"контакты|للتواصل|اتصل\s+بنا)\s*[:：]?\s*$",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\(?\d[\d ()./-]{7,}\d")

# Copyright and legal lines. The lookahead holds the forms' first characters, so that the
# regex engine passes over most positions without trying each form (as CONTACT_HINT below).
COPYRIGHT = re.compile(
    r"(?=[©(cat版著вج])(©|\(c\)\s*\d{4}|copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|版权所有|版權所有|著作権|все права защищены|جميع الحقوق محفوظة)",
    re.IGNORECASE,
)

# Cookie, newsletter and ad slot lines that survive markup pruning. The consent line's lookahead names the
# letters its forms start with, so that most positions fail on one test instead of eight alternatives.
CONSENT_LINE = re.compile(r"\b(?=[wtacnu])(we use cookies|this (web)?site uses cookies|accept (all )?cookies|"
                          r"cookie settings|cookie policy|wir verwenden cookies|nous utilisons des cookies|"
                          r"utilizamos cookies)\b",
                          re.IGNORECASE)  # fmt: skip
NEWSLETTER_LINE = re.compile(
    r"^\s*(sign up for|subscribe to) (our|the) [\w\s]*newsletter|^\s*newsletter\s*(abonnieren)?\s*$|"
    r"^\s*(get|receive) (our|the latest) [\w\s]{0,40}(in|to) your inbox|"
    r"^(?=.{0,80}$)[^.!?。]*\bnewsletter\b[^.!?。]*$",
    re.IGNORECASE,
)
AD_LINE = re.compile(
    r"^\s*(advertisement|advertising|sponsored( content)?|anzeige|werbung|publicité|publicidad|广告|広告|реклама|"
    r"إعلان)\s*$",
    re.IGNORECASE,
)

# Donation, support and membership appeals that close an article ("Hat Ihnen dieser Artikel gefallen? Dann
# unterstützen Sie uns ..."); only looked for in the last two paragraphs (clean._appeal_start), where a story
# about a charity's appeal does not stand alone.
SUPPORT_APPEAL = re.compile(
    r"(unterstützen sie (uns|unsere)|jetzt unterstützen|mit einer spende|werden sie mitglied|"
    r"support (us|our (work|journalism|reporting))|donate (now|today)|make a (donation|contribution)|"
    r"become a (member|supporter)|faites un don|soutenez-nous|hazte socio|haz una donación)",
    re.IGNORECASE,
)

# Inline cross-links that interrupt the article.
RELATED_LINE = re.compile(
    r"^\s*(related|read more|read also|see also|also read|more on this|lesen sie auch|mehr zum thema|auch interessant|"
    r"à lire aussi|lire aussi|voir aussi|lee también|lea también|te puede interesar|related articles?|related stories|"
    r"related news|相关新闻|相关阅读|相关链接|延伸阅读|関連記事|читайте также|اقرأ أيضا)\b\s*[:：»›>-]",
    re.IGNORECASE,
)
RELATED_HEADING = re.compile(
    r"^\s*(related( articles| stories| news| posts| content| links)?|more (news|stories)|you may also like|"
    r"recommended( for you)?|most (read|popular)|weitere artikel|das könnte sie auch interessieren|"
    r"à lire aussi|sur le même sujet|noticias relacionadas|相关新闻|相关阅读|相关文章|関連記事|"
    r"читайте также|похожие новости|مواضيع ذات صلة)\s*[:：]?\s*$",
    re.IGNORECASE,
)

# View and comment counters.
COUNTER_LINE = re.compile(
    r"^\s*(views?|hits|reads|просмотров|просмотры|aufrufe|vues|visitas|lecturas|浏览(次数|量)?|阅读(数|量)?|点击(数|率)?|"
    r"閲覧数)\s*[:：]?\s*\d[\d,. ]*\s*(views?|次)?\s*$|^\s*\d[\d,. ]*\s*(views|reads|comments|次浏览|次阅读)\s*$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------
# Boxes: thresholds of the pruning's text rules (prune.drop_by_text).
# ---------------------------------------------------------------------------

# A box of boilerplate is short; past this it is more likely the story.
MAX_BOX_CHARS = 700
# Boxes longer than this many times MAX_BOX_CHARS, white space included, are not read at all.
BOX_SCAN_FACTOR = 4
# A toolbar is a line of a few words.
MAX_TOOLBAR_CHARS = 160
# A copyright notice is a line or two; a longer text that cites one is not a footer.
MAX_COPYRIGHT_BOX = 300
# A teaser box is mostly link text when this share of it is links.
TEASER_LINK_DENSITY = 0.5
# A list of links has two or more.
MIN_LIST_LINKS = 2
# A related list: mostly links, with two or more dates ("latest news").
DATED_LIST_LINK_DENSITY = 0.45
MIN_LIST_DATES = 2
# A menu: three or more links and next to nothing else.
MIN_MENU_LINKS = 3
MENU_LINK_DENSITY = 0.9
# A contact block: two or more labelled lines, making up a third of its lines; a labelled line is short.
MIN_CONTACT_LABELS = 2
CONTACT_LABEL_SHARE = 1 / 3
MAX_CONTACT_LINE = 160
DATE_LIKE = re.compile(
    r"\d{1,4}[-./年月]\d{1,2}[-./月日]?\d{0,4}日?|\d{1,2}:\d{2}(:\d{2})?|\b\w{3,9}\.? \d{1,2},? \d{4}\b|"
    r"\b\d{1,2}\.? \w{3,9}\.? \d{4}\b|\b\d{1,2}\s+(minutes?|hours?|days?|weeks?)\s+ago\b|"
    r"\b(yesterday|gestern|hier|ayer|ieri)\b|昨天|昨日",
    re.IGNORECASE,
)
# A caption is short and is not a sentence: no full stop at its end.
MAX_CAPTION_CHARS = 60
# The picture's own wrappers (a > p > div) are climbed this far to find what follows them.
CAPTION_CLIMB = 3
CAPTION_TYPE = frozenset({"font", "small", "em", "i", "span"})
CAPTION_END = re.compile(r"[.!?。！？:：]\s*$")
# A box with this many contact hints (labels, e-mail, phone) is judged line by line as a contact block.
MIN_CONTACT_HINTS = 2
# Contact blocks hold two or more labels, e-mail addresses or phone numbers. Labels in
# alphabetic scripts count as whole words; the others anywhere.
CONTACT_HINT_WORDS = ("address", "tel", "phone", "fax", "e-?mail", "postcode", "adresse", "telefon", "téléphone",
                      "teléfono", "courriel", "correo")  # fmt: skip
CONTACT_HINT_MARKS = ("地址", "电话", "傳真", "传真", "邮编", "電話", "メール", "телефон", "факс", "адрес", "@")
PHONE_LIKE = r"\+?\d[\d ()./-]{7,}\d"
# Matched against lower-cased text. The lookahead on the hints' first characters lets the
# regex engine pass over most positions without trying each alternative (three times faster).
_HINT_STARTS = re.escape("".join(sorted({hint[0] for hint in CONTACT_HINT_WORDS + CONTACT_HINT_MARKS})))
CONTACT_HINT = re.compile(
    rf"(?=[{_HINT_STARTS}+\d])(?:\b(?:{'|'.join(CONTACT_HINT_WORDS)})\b|{'|'.join(CONTACT_HINT_MARKS)}|{PHONE_LIKE})"
)
# CONTACT_HINT's count in two parts, since their matches never overlap (letters and marks; digits and
# punctuation): the labels and marks, looked for only in texts holding one of these pieces of them (found in C,
# where the regex engine would try its pattern at each letter); and the phone numbers, without the "+", which
# starts no other match, so that a number's match ends where it did.
CONTACT_WORD_PIECES = ("address", "adresse", "tel", "phone", "fax", "mail", "postcode", "courriel", "correo",
                       *CONTACT_HINT_MARKS)  # fmt: skip
CONTACT_WORD_HINT = re.compile(rf"\b(?:{'|'.join(CONTACT_HINT_WORDS)})\b|{'|'.join(CONTACT_HINT_MARKS)}")
PHONE_HINT = re.compile(PHONE_LIKE.removeprefix(r"\+?"))


def count_contact_hints(lowered: str, limit: int) -> int:
    """How many CONTACT_HINT matches the lower-cased text holds, counting no further than `limit`."""
    count = 0
    for piece in CONTACT_WORD_PIECES:
        if piece in lowered:
            count = _count_matches(CONTACT_WORD_HINT, lowered, limit)
            break
    return count + _count_matches(PHONE_HINT, lowered, limit - count) if count < limit else count


def _count_matches(pattern: re.Pattern, text: str, limit: int) -> int:
    """finditer's count up to `limit`, for patterns that match no empty text (a search resumes at a match's end)."""
    count = place = 0
    while count < limit:
        match = pattern.search(text, place)
        if match is None:
            break
        count, place = count + 1, match.end()
    return count


SEPARATORS = re.compile(r"[|·•/\\\[\]【】()（）<>«»:：,，;；\-–—_=+*]+")


def is_toolbar_text(text: str, lowered: str | None = None) -> bool:
    """Only toolbar words ("Email Print Text Size", "A+ A-", "打印 关闭") once dates and separators go.

    `lowered` is text.lower() where the caller has it already.
    """
    if len(text) > MAX_TOOLBAR_CHARS:
        return False  # lower-casing never shortens a text: a long paragraph is refused unread
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) > MAX_TOOLBAR_CHARS:
        return False
    if TOOLBAR_WORDS.isdisjoint(lowered.split()) and not any(p in lowered for p in TOOLBAR_PHRASES):
        return False  # cheap refusal first: most short texts hold no toolbar word at all
    for phrase in TOOLBAR_PHRASES:
        lowered = lowered.replace(phrase, " toolbarphrase ")
    lowered = SEPARATORS.sub(" ", DATE_LIKE.sub(" ", lowered))
    words = lowered.split()
    toolbar = [w for w in words if w in TOOLBAR_WORDS or w == "toolbarphrase"]
    # Two or more toolbar words and nothing else, or three or more with at most one other word.
    return len(toolbar) >= 2 and len(toolbar) == len(words) or (len(words) >= 3 and len(toolbar) >= len(words) - 1
                                                                   and len(toolbar) >= 3)  # fmt: skip

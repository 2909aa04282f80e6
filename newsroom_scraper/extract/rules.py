"""Boilerplate rules, kept as named data grouped by kind.

Each group says what it catches and why. Markup rules (class and id tokens)
catch what CMS templates label; text rules catch the same kinds on pages whose
class names say nothing (old table layouts, hashed CSS-in-JS names), which is
most of the newsroom web. A new rule goes into its group with its reason; a
rule that was tried and rejected is noted beside the group so it is not tried
again.
"""

from __future__ import annotations

import re

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

# ---------------------------------------------------------------------------
# Text rules. Each is applied to one block's text (a paragraph or a short box).
# ---------------------------------------------------------------------------

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

# Copyright and legal lines.
COPYRIGHT = re.compile(
    r"(©|\(c\)\s*\d{4}|copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|版权所有|版權所有|著作権|все права защищены|جميع الحقوق محفوظة)",
    re.IGNORECASE,
)

# Cookie, newsletter and ad slot lines that survive markup pruning.
CONSENT_LINE = re.compile(r"\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie settings|"
                          r"cookie policy|wir verwenden cookies|nous utilisons des cookies|utilizamos cookies)\b",
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
LICENSE_LINE = re.compile(r"creative commons|licença|licencia\s+creative|\bcc[- ]by\b", re.IGNORECASE)
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

# Bylines: "By Jane Doe, Science Writer", "Von Max Mustermann", "Par ...".
BYLINE = re.compile(
    r"^\s*(?:(?:by|von|par|por|di|door|автор|بقلم)\s*[:：]?\s+|(?:作者|文|记者|記者|撰文)\s*[:：]\s*)"
    r"(?P<names>[^|\n]{2,120}?)\s*(\||$|\n|\s(?=(摄影|攝影|编辑|編輯|来源|來源|责任编辑|时间|發布|发布)\s*[:：]))",
    re.IGNORECASE,
)
# A byline inside a metadata line: "发布时间：2013-06-27  作者：王明  摄影：李华".
CJK_BYLINE = re.compile(
    r"(?:作者|记者|記者|撰文|文)\s*[:：]\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[、，,][\u4e00-\u9fff·]{2,4})*)"
)
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
        "université", "universidad", "agência", "agencia", "agence",
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
    mena qna kuna bna ina prnewswire pr newswire business wire businesswire globenewswire accesswire marketwired
    cna cns chinadaily 新华社 新華社 中新社 人民网 共同社 时事通信社 共同通信 時事通信 中央社 共同 時事""".split()
)

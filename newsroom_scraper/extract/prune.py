"""Remove boilerplate from the parsed tree before trafilatura picks the main content.

Trafilatura judges blocks by text and link density, so a sidebar teaser with
a full sentence or a contact block in a table cell looks like content to it.
Removing those kinds first, by markup where the template labels them and by
text where it does not, leaves it less to get wrong. Metadata (title, date,
breadcrumb, byline) is read before this runs, so pruning may remove the
header lines that carry it.

Every rule is guarded: an element holding the headline or a large share of
the page's text is never removed, whatever its class says, because CMSes put
"tag-x" or "widget" classes on the article container itself.
"""

from __future__ import annotations

from functools import cached_property
from itertools import islice

from lxml import html

from .classnames import name_words, remember
from .rules import boilerplate as rules
from .rules import markup
from .rules.boilerplate import is_toolbar_text
from .text import LinkTexts, block_lines, element_text, link_density, short_text, squash, text_bytes, text_lengths

DROP_TOKENS = frozenset(token for group in markup.DROP_TOKEN_GROUPS.values() for token in group)
SURE_TOKENS = frozenset(markup.SURE_DROP_TOKENS)
SURE, HINT = 2, 1
DROP_TAGS = frozenset(markup.DROP_TAGS)
ROLE_DROP = frozenset(markup.ROLE_DROP)
# Class names, and whole class/id values, recur within a page and across a site: each is judged once
# while it is in this cache, which starts afresh when full (classnames.remember).
_NAME_LABELS: dict[str, int] = {}


class Guard:
    """Decides which elements are too important to remove."""

    def __init__(self, tree: html.HtmlElement, headline: html.HtmlElement | None, floor: int = 0) -> None:
        body = tree.find("body")
        # The page's text as pruning starts, as UTF-8 (text_content() without making it a str), for `total`:
        # decoded and squashed only if an element is too long to be judged against `floor` alone.
        self._text = text_bytes(body if body is not None else tree)
        self.floor = floor  # at most `total`, known without reading the text (mainbody.text_floor)
        self.protected: set = set()
        if headline is not None:
            self.protected.update(headline.iterancestors())
            self.protected.add(headline)

    @cached_property
    def total(self) -> int:
        """The length of the page's squashed text as pruning started (1 when it had none)."""
        return len(squash(self._text.decode("utf-8"))) or 1

    def keeps(self, element: html.HtmlElement) -> bool:
        """Never removed, whatever its text: the document, the story's containers, the headline's ancestors."""
        return element.tag in markup.NEVER_DROPPED or element in self.protected

    def allows(self, element: html.HtmlElement, length: int | None = None) -> bool:
        """Not kept, and holding a small share of the page's text (`length`: its squashed text's, when known)."""
        if self.keeps(element):
            return False
        share = markup.PROTECTED_SHARE
        if length is None:
            raw = element.text_content()
            if len(raw) < self.floor * share or len(raw) < self.total * share:
                return True  # squashing white space only shortens a text
            length = len(squash(raw))
        return length < self.floor * share or length < self.total * share or self.total < markup.MIN_GUARDED_TEXT


def _remove(element: html.HtmlElement) -> None:
    """Remove the element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()


def is_contentful(element: html.HtmlElement) -> bool:
    """Holds paragraphs of prose, not links and snippets: page builders label such wrappers "widget" or "sidebar"."""
    long_paragraphs = (p for p in element.iter("p") if len(element_text(p)) >= markup.CONTENT_PARAGRAPH_CHARS)
    # Counting stops at the last paragraph needed: a page-sized wrapper is not read paragraph by paragraph.
    enough = next(islice(long_paragraphs, markup.CONTENT_PARAGRAPHS - 1, None), None) is not None
    return enough and link_density(element) < markup.CONTENT_MAX_LINK_DENSITY


def drop_by_markup(tree: html.HtmlElement, guard: Guard) -> int:
    """Boilerplate the template labels: tags, ARIA roles, class/id tokens, hidden elements.

    Labels that are only hints (sidebar, widget, menu, aside) do not remove an
    element that holds paragraphs of prose; sure labels (comments, consent,
    newsletter, breadcrumb) and hidden elements do.
    """
    doomed: list = []
    end = None  # the last node of the newest doomed subtree: the walk passes over nodes up to it
    for element in tree.iter():
        if end is not None:
            end = None if element is end else end
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in markup.NEVER_DROPPED:
            continue
        attributes = element.items()
        if not attributes and tag not in DROP_TAGS:
            continue  # nothing labels it: most <p>, <a>, <span> of a page
        label = _label(tag, attributes)
        if label and (label == SURE or not is_contentful(element)) and guard.allows(element):
            doomed.append(element)
            end = last_node(element)
    for element in doomed:
        _remove(element)
    return len(doomed)


def last_node(element: html.HtmlElement) -> html.HtmlElement | None:
    """The node iter() yields last within the element's subtree (None for a leaf).

    A walk in document order is inside a subtree exactly until it has passed this
    node: comparing with it costs one test per node, where reading the node's
    ancestors cost a dozen, and most of a page's nodes lie in doomed sidebars.
    """
    last = None
    while len(element):
        element = last = element[-1]
    return last


def _label(tag: str, attributes: list[tuple[str, str]]) -> int:
    """SURE, HINT or 0 for what the tag and attributes say: class/id words, role, a hiding style.

    Runs once per element of the page, so it reads the attribute list once.
    """
    label = HINT if tag in DROP_TAGS else 0
    for key, value in attributes:
        if key == "class" or key == "id":
            named = _NAME_LABELS.get(value)  # the whole value first: templates repeat it element after element
            if named is None:
                named = _names_label(value)
            if named > label:
                label = named
        elif key == "role" and value in ROLE_DROP:
            label = label or HINT
        elif key == "style" or key == "hidden" or key == "aria-hidden":
            label = SURE if _hides(key, value) else label
    return label


def _hides(key: str, value: str) -> bool:
    if key == "style":
        style = value.replace(" ", "").lower()
        return "display:none" in style or "visibility:hidden" in style
    return key == "hidden" or value == "true"


def _names_label(value: str) -> int:
    """The strongest label among the names of a class or id value; kept for the value and for each name."""
    label = 0
    for name in value.split():
        named = _NAME_LABELS.get(name)
        label = max(label, _name_label(name) if named is None else named)
    return remember(_NAME_LABELS, value, label)


def _name_label(name: str) -> int:
    words = name_words(name)
    label = SURE if words & SURE_TOKENS else HINT if words & DROP_TOKENS else 0
    return remember(_NAME_LABELS, name, label)


def _remove_outermost(elements: list) -> int:
    chosen = set(elements)
    count = 0
    for element in elements:
        if any(ancestor in chosen for ancestor in element.iterancestors()):
            continue
        _remove(element)
        count += 1
    return count


def is_contact_block(lines: list[str]) -> bool:
    """Lines labelled address/postcode/tel/fax/e-mail, or a contact heading over phone or e-mail lines."""
    if not lines:
        return False
    labelled = sum(1 for line in lines if rules.CONTACT_LABEL.match(line) and len(line) < rules.MAX_CONTACT_LINE)
    reachable = sum(1 for line in lines if rules.EMAIL.search(line) or rules.PHONE.search(line))
    if labelled >= rules.MIN_CONTACT_LABELS and labelled >= len(lines) * rules.CONTACT_LABEL_SHARE:
        return True
    return bool(rules.CONTACT_HEADING.match(lines[0])) and (labelled or reachable) >= 1


def is_teaser_or_link_list(element: html.HtmlElement, text: str, links: LinkTexts, more_links: set) -> bool:
    """A teaser box or a list of links, the box's links read once for both.

    A teaser: a short box ending in a "more" link whose text is truncated or
    mostly links. "Read more" alone is not enough: articles end with "Read more
    about the mission at ...". A paragraph ending in "..." alone is not enough
    either: quotes trail off. A list: headlines with dates (related lists,
    "latest news"), or a run of links and nothing else (menus).
    """
    if rules.teaser_end(text):
        return True
    anchors = element.findall(".//a")
    if not anchors:
        return False  # no "more" link, no link text, no list
    density = links.density(element, text, anchors)
    more = [links[a] for a in anchors if a in more_links] if more_links else []
    if more:
        stripped = text
        for link_text in more:
            stripped = stripped.replace(link_text, " ").strip()
        if rules.truncated(stripped) or density >= rules.TEASER_LINK_DENSITY:
            return True
    elif rules.truncated(text) and density >= rules.TEASER_LINK_DENSITY:
        return True
    if len(anchors) < rules.MIN_LIST_LINKS:
        return False
    if density >= rules.DATED_LIST_LINK_DENSITY and len(rules.DATE_LIKE.findall(text)) >= rules.MIN_LIST_DATES:
        return True
    return len(anchors) >= rules.MIN_MENU_LINKS and density >= rules.MENU_LINK_DENSITY


def says_boilerplate(text: str) -> bool | None:
    """True for a toolbar or copyright text; None when it holds contact hints, to be judged by its lines."""
    lowered = text.lower()
    if is_toolbar_text(text, lowered) or (len(text) < rules.MAX_COPYRIGHT_BOX and rules.COPYRIGHT.search(text)):
        return True
    hints = rules.MIN_CONTACT_HINTS
    return None if rules.count_contact_hints(lowered, hints) == hints else False


def drop_by_text(tree: html.HtmlElement, guard: Guard) -> int:
    """Boilerplate recognised by what it says: toolbars, contact blocks, teasers, copyright lines.

    Boxes nest (td > div > p with one text), so what a text says is judged
    once per page, and a box inside one already doomed is not judged at all.
    """
    doomed: list = []
    body = tree.find("body")
    scope = body if body is not None else tree
    lengths = text_lengths(scope)
    links = LinkTexts()
    more_links = {a for a in scope.iter("a") if rules.MORE_LINK.match(links[a])}
    verdicts: dict[str, bool | None] = {}
    inside: set = set()  # the boxes of doomed boxes: a set, not a walk up every later box's ancestors
    for element in scope.iter(*markup.BOX_TAGS):
        length = lengths.get(element, 0)
        if not length or length > rules.MAX_BOX_CHARS * rules.BOX_SCAN_FACTOR:
            continue  # no text at all, or white space aside far too long to be a box
        if element in inside:
            continue
        text = squash(element.text_content())
        if not text or len(text) > rules.MAX_BOX_CHARS or not guard.allows(element, len(text)):
            continue
        if text not in verdicts:
            verdicts[text] = says_boilerplate(text)
        said = verdicts[text]
        if (
            said
            or (said is None and is_contact_block(block_lines(element)))
            or is_teaser_or_link_list(element, text, links, more_links)
        ):
            doomed.append(element)
            inside.update(element.iter(*markup.BOX_TAGS))
    for element in doomed:
        _remove(element)
    return len(doomed)


def drop_form_boxes(tree: html.HtmlElement, guard: Guard) -> int:
    """The box around a form (newsletter sign-up, comment form, search): heading, pitch and fields."""
    doomed = []
    for form in tree.iter("form"):
        box = form
        for ancestor in form.iterancestors():
            if guard.keeps(ancestor):
                break
            length = len(element_text(ancestor))  # read once, for the guard too
            if length > rules.MAX_BOX_CHARS or not guard.allows(ancestor, length) or is_contentful(ancestor):
                break  # past the box: the page's own prose begins
            box = ancestor
        if guard.allows(box):
            doomed.append(box)
    return _remove_outermost(doomed)


def _no_text(element: html.HtmlElement) -> bool:
    """No text but white space: what holds a picture (an ancestor of one) and nothing else.

    The walk stops at the first word: a page-sized wrapper is not copied whole to find it has text.
    """
    for text in element.itertext():
        if text.strip():
            return False
    return True


def _styled_as_caption(element: html.HtmlElement) -> bool:
    """Centred, or all in small/italic/coloured type, and not a heading: how old templates set captions."""
    if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li"):
        return False
    style = (element.get("style") or "").replace(" ", "").lower()
    if element.get("align") == "center" or "text-align:center" in style:
        return True
    children = [child for child in element if isinstance(child.tag, str)]
    return len(children) == 1 and children[0].tag in rules.CAPTION_TYPE and not (element.text or "").strip()


def drop_image_captions(tree: html.HtmlElement, guard: Guard) -> int:
    """A short line right under a picture, with no sentence punctuation: its caption ("毕业典礼现场").

    Figures with <figcaption> go by markup; old templates put the picture in
    one paragraph and the caption in the next.
    """
    doomed = []
    for image in tree.iter("img"):
        holder = image
        for _ in range(rules.CAPTION_CLIMB):
            parent = holder.getparent()
            if parent is None or parent.tag == "body" or not _no_text(parent):
                break
            holder = parent
        following = holder.getnext()
        if following is None or not isinstance(following.tag, str):
            continue
        if not _styled_as_caption(following):  # asked first: it reads a few attributes, not the text
            continue
        text = short_text(following, rules.MAX_CAPTION_CHARS)
        if text and not rules.CAPTION_END.search(text) and guard.allows(following):
            doomed.append(following)
    return _remove_outermost(doomed)


def prune_boilerplate(
    tree: html.HtmlElement, headline: html.HtmlElement | None, drops=(), floor: int = 0
) -> dict[str, int]:
    """Prune `tree` in place; returns how many elements each stage removed.

    `drops` are a site profile's compiled selectors: what they match goes first, unguarded.
    `floor`: at most the length of the squashed text of the page's <body> (0 when unknown).
    """
    guard = Guard(tree, headline, floor)
    removed = {"profile": 0}
    for selector in drops:
        removed["profile"] += _remove_outermost([n for n in selector(tree) if isinstance(n, html.HtmlElement)])
    removed["forms"] = drop_form_boxes(tree, guard)
    removed["captions"] = drop_image_captions(tree, guard)
    removed["markup"] = drop_by_markup(tree, guard)
    removed["text"] = drop_by_text(tree, guard)
    return removed

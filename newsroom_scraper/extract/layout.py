"""Layout tables become plain blocks before trafilatura sees them.

Old newsroom templates (TRS, early CMSes) lay out the whole page in nested
tables: header, breadcrumb, headline, story and sidebar are cells. Taken as a
data table, the story's paragraphs are flattened into one cell and the
sidebar joins the article. A table whose cells hold blocks (paragraphs,
lists, other tables) is layout, not data, and is turned into divs; a data
table (cells of short inline text) is left alone.
"""

from __future__ import annotations

from lxml import html

from .sweeps import BODY
from .vocabulary import Vocabulary

LAYOUT_TAGS = {"table": "div", "tbody": "div", "thead": "div", "tfoot": "div", "tr": "div", "td": "div", "th": "div"}
# A cell holding one of these is a layout cell.
CELL_BLOCKS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3")


def is_layout_table(table: html.HtmlElement) -> bool:
    return table.get("role") == "presentation" or any(
        _in_cell(block, table) for block in table.iterdescendants(*CELL_BLOCKS)
    )


def _in_cell(element: html.HtmlElement, table: html.HtmlElement) -> bool:
    """Whether a <td> stands between the element and the table.

    The walk up stops at the table, so nested tables cost their depth, not the
    quadratic node sets of an XPath ".//td//p".
    """
    for ancestor in element.iterancestors():
        if ancestor is table:
            return False
        if ancestor.tag == "td":
            return True
    return False


def unwrap_layout_tables(tree: html.HtmlElement) -> int:
    """Rename the elements of layout tables in place; returns how many tables were unwrapped."""
    count = 0
    for table in list(tree.iter("table")):
        if not is_layout_table(table):
            continue
        count += 1
        own = [e for e in table.iterdescendants("tbody", "thead", "tfoot", "tr", "td", "th") if _owner(e) is table]
        for element in [table, *own]:
            element.tag = LAYOUT_TAGS[element.tag]
    return count


def _owner(element: html.HtmlElement):
    """The table an element belongs to (its nearest table ancestor)."""
    return next(element.iterancestors("table"), None)


# Elements that flow inside a paragraph; anything else starts a block of its own.
INLINE_TAGS = frozenset(
    "a abbr b big cite code em font i img kbd label mark q s samp small span strike strong sub sup time tt u var br "
    "wbr".split()
)
MIN_LOOSE_TEXT = 150
PARAGRAPH_PARENTS = ("div", "td", "th", "center", "section", "article", "main", "blockquote", "body", "font")


def _loose_text(element: html.HtmlElement) -> int:
    """How many characters of text stand directly in the element, outside its children."""
    return len((element.text or "").strip()) + sum(len((child.tail or "").strip()) for child in element)


def _needs_paragraphs(element: html.HtmlElement) -> bool:
    """Prose written as loose text beside blocks or split by <br><br>, as old templates write paragraphs.

    A little loose text (a label before a code block, a caption) is left alone.
    """
    if _loose_text(element) < MIN_LOOSE_TEXT:
        return False
    tags = [child.tag for child in element if isinstance(child.tag, str)]
    return any(tag not in INLINE_TAGS for tag in tags) or tags.count("br") >= 2


def _append_inline(paragraph: html.HtmlElement, node) -> None:
    if isinstance(node, str):
        if len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + node
        else:
            paragraph.text = (paragraph.text or "") + node
    else:
        paragraph.append(node)


def _has_content(paragraph: html.HtmlElement) -> bool:
    return bool(paragraph.text_content().strip()) or paragraph.find(".//img") is not None


def paragraphize(tree: html.HtmlElement) -> int:
    """Wrap loose text runs in <p>, splitting at <br><br> and at block children; returns paragraphs made.

    Trafilatura reads <p> well and loose text badly: lists beside loose text
    get flattened and <br><br>-separated paragraphs run together.
    """
    made = 0
    for element in list(tree.iter(*PARAGRAPH_PARENTS)):
        if not _needs_paragraphs(element):
            continue
        nodes: list = [element.text] if element.text else []
        for child in list(element):
            tail, child.tail = child.tail, None
            element.remove(child)
            nodes.append(child)
            if tail:
                nodes.append(tail)
        element.text = None
        paragraph = html.Element("p")
        last_was_br = False
        for node in nodes:
            if isinstance(node, str):
                if node.strip():
                    last_was_br = False
                _append_inline(paragraph, node)
            elif node.tag == "br" and last_was_br:
                paragraph.remove(paragraph[-1]) if len(paragraph) and paragraph[-1].tag == "br" else None
                made += _flush(element, paragraph)
                paragraph = html.Element("p")
                last_was_br = False
            elif isinstance(node.tag, str) and node.tag in INLINE_TAGS:
                last_was_br = node.tag == "br"
                _append_inline(paragraph, node)
            else:
                made += _flush(element, paragraph)
                paragraph = html.Element("p")
                element.append(node)
                last_was_br = False
        made += _flush(element, paragraph)
    return made


def _flush(parent: html.HtmlElement, paragraph: html.HtmlElement) -> int:
    if _has_content(paragraph):
        parent.append(paragraph)
        return 1
    return 0


# A paragraph this long counts towards its parent being the story's container.
MIN_SCORED_PARAGRAPH = 40
# The container chosen holds at least this share of the page's prose.
MAIN_SHARE = 0.6


def _container_found_by_trafilatura(tree: html.HtmlElement) -> bool:
    """Whether one of trafilatura's BODY_XPATH finds the story's container.

    Two of them take any <article> or <main>: those are looked for first, in
    C, before the others' regular expressions run (in Python) on the <div>s with a class or id.
    """
    if tree.find(".//article") is not None or tree.find(".//main") is not None:
        return True
    return any(expression(tree) for expression in Vocabulary(tree).able(BODY))


def mark_main_container(tree: html.HtmlElement) -> html.HtmlElement | None:
    """Name the story's container <article> when trafilatura would find no container at all.

    Without one, trafilatura falls back to reading loose paragraphs and drops
    subheadings and lists. The container is the element whose own paragraphs
    hold the most text. Pages where trafilatura recognises a container are
    left to its judgement.
    """
    scores: dict = {}
    for paragraph in tree.iter("p"):
        length = len(paragraph.text_content().strip())
        parent = paragraph.getparent()
        if length >= MIN_SCORED_PARAGRAPH and parent is not None:
            scores[parent] = scores.get(parent, 0) + length
    if not scores or _container_found_by_trafilatura(tree):
        return None
    best = max(scores, key=scores.get)
    total = sum(scores.values())
    # The story may be split over sibling blocks: climb to the element holding most of the prose.
    while best.tag not in ("body", "html") and _prose_in(best) < total * MAIN_SHARE:
        best = best.getparent()
    if best is None or best.tag in ("body", "html"):
        return None
    best.tag = "article"
    return best


def _prose_in(element: html.HtmlElement) -> int:
    lengths = (len(p.text_content().strip()) for p in element.iter("p"))
    return sum(length for length in lengths if length >= MIN_SCORED_PARAGRAPH)

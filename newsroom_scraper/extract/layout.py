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

LAYOUT_TAGS = {"table": "div", "tbody": "div", "thead": "div", "tfoot": "div", "tr": "div", "td": "div", "th": "div"}
BLOCKS_IN_CELLS = ".//td//*[self::p or self::div or self::table or self::ul or self::ol or self::h1 or self::h2 or self::h3]"


def is_layout_table(table: html.HtmlElement) -> bool:
    return bool(table.xpath(BLOCKS_IN_CELLS)) or table.get("role") == "presentation"


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

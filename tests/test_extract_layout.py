"""Layout tables are unwrapped into blocks; data tables stay tables; a story without a container gets one."""

from __future__ import annotations

from trafilatura.xpaths import BODY_XPATH

from newsroom_scraper.extract.layout import is_layout_table, mark_main_container, unwrap_layout_tables
from newsroom_scraper.extract.parse import parse_html

PAGE = """<html><body>
<table id="page"><tr><td><h1>Council approves harbour plan</h1>
<p>The city council approved a new plan on Tuesday.</p>
<table id="figures"><tr><th>Year</th><th>Cost</th></tr><tr><td>2025</td><td>4.1m</td></tr></table>
</td><td><ul><li><a href="/a">Other story</a></li></ul></td></tr></table>
<table id="prices"><tr><td>Coffee</td><td>2.10</td></tr></table>
<table id="spacer" role="presentation"><tr><td>Menu</td></tr></table>
</body></html>"""


def tables():
    tree = parse_html(PAGE)
    return tree, {table.get("id"): table for table in tree.iter("table")}


def test_tables_are_told_apart():
    _, found = tables()
    assert is_layout_table(found["page"])
    assert not is_layout_table(found["figures"])  # inside a layout cell, itself data
    assert not is_layout_table(found["prices"])
    assert is_layout_table(found["spacer"])


def test_only_layout_tables_and_their_own_cells_are_unwrapped():
    tree, _ = tables()
    assert unwrap_layout_tables(tree) == 2
    remaining = {table.get("id"): [cell.tag for cell in table.iter("td", "th")] for table in tree.iter("table")}
    assert remaining == {"figures": ["th", "th", "td", "td"], "prices": ["td", "td"]}
    assert tree.find(".//div[@id='page']") is not None


STORY = "<p>" + "The harbour plan passed after a long debate in the council chamber. " * 2 + "</p>"


def test_container_is_named_only_where_trafilatura_finds_none():
    loose = parse_html(f"<html><body><div class='x'><h1>Plan</h1>{STORY}{STORY}</div></body></html>")
    named = mark_main_container(loose)
    assert named is not None and named.tag == "article" and named.get("class") == "x"
    for wrapper in ("article", "main"):
        # The <article>/<main> short cut stands in for two of trafilatura's BODY_XPATH: they must agree.
        tree = parse_html(f"<html><body><div><{wrapper}>{STORY}{STORY}</{wrapper}></div></body></html>")
        assert any(expression(tree) for expression in BODY_XPATH)
        assert mark_main_container(tree) is None
        assert tree.find(".//article") is None or wrapper == "article"

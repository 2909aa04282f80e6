"""The section from breadcrumbs that templates do not label: found by shape, on small realistic pages.

The shape search is confined to the ancestors of root links unless some text
starts a "You are here:" label; these tests pin both routes.
"""

from __future__ import annotations

import json
import re

from newsroom_scraper.extract import section, trailmarks
from newsroom_scraper.extract.header import page_link_texts
from newsroom_scraper.extract.parse import parse_html
from newsroom_scraper.extract.section import find_section
from newsroom_scraper.extract.structured import read_metadata
from newsroom_scraper.extract.text import squash

TITLE = "Council approves harbour flood defence plan"
STORY = f"<h1>{TITLE}</h1><p>The city council approved a new plan on Tuesday to expand the harbour's defences.</p>"


def section_of(body: str, head: str = "", url: str = "") -> str | None:
    tree = parse_html(f"<html><head><title>{TITLE}</title>{head}</head><body>{body}</body></html>")
    return find_section(tree, read_metadata(tree), TITLE, url)[0]


def jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_trail_from_home_link_without_markup():
    body = '<div><a href="/">Home</a> &gt; <a href="/news/">Newsroom</a> &gt; <a href="/news/city/">City</a></div>'
    assert section_of(body + STORY) == "City"


def test_trail_opened_by_a_root_link_with_any_label():
    body = '<div><a href="https://www.example.org/">Harbour City</a> / <a href="/press/">Press releases</a></div>'
    assert section_of(body + STORY) == "Press releases"


def test_menu_is_not_a_trail():
    body = '<div><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></div>'
    assert section_of(body + STORY) is None


def test_label_split_by_markup():
    body = (
        '<div class="pfad"><b>Sie</b> sind hier: <a href="/presse/">Presse</a> &gt; '
        '<a href="/presse/mitteilungen/">Mitteilungen</a></div>'
    )
    assert section_of(body + STORY) == "Mitteilungen"


def test_label_in_a_text_node_of_its_own():
    body = '<p><span>当前位置：</span><a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/kyjz/">科研进展</a></p>'
    assert section_of(body + STORY) == "科研进展"


def test_first_trail_in_the_page_wins():
    first = '<div><a href="/">Home</a> &gt; <a href="/news/">News</a></div>'
    second = '<div><a href="/">Home</a> &gt; <a href="/events/">Events</a></div>'
    assert section_of(first + STORY + second) == "News"


def test_labelled_trail_beats_an_earlier_one():
    first = '<div><a href="/">Home</a> &gt; <a href="/news/">News</a></div>'
    labelled = '<div>You are here: <a href="/science/">Science</a> &gt; <a href="/science/ocean/">Ocean</a></div>'
    assert section_of(first + STORY + labelled) == "Ocean"


def test_word_location_in_the_story_does_not_hide_a_trail():
    story = STORY + "<p>The location of the new pumping station is still open.</p>"
    body = '<div><a href="/">Home</a> » <a href="/news/">Newsroom</a></div>'
    assert section_of(body + story) == "Newsroom"


def test_year_level_and_the_article_are_not_the_section():
    body = (
        '<ol class="breadcrumb"><li><a href="/">Startseite</a></li><li><a href="/presse/">Presse</a></li>'
        '<li><a href="/presse/2022/">2022</a></li>'
        "<li><strong>Council approves harbour flood defence plan</strong></li></ol>"
    )
    assert section_of(body + STORY) == "Presse"


def test_monthly_archive_levels_named_after_the_section():
    crumbs = ["Startseite", "Nachrichten", "Nachrichten 2022", "Nachrichten Februar 2022"]
    links = "".join(f'<li><a href="/n/{index}">{name}</a></li>' for index, name in enumerate(crumbs))
    body = f'<ol class="breadcrumb">{links}<li>Council approves harbour flood defence plan</li></ol>'
    assert section_of(body + STORY) == "Nachrichten"


def test_last_crumb_worded_as_the_url_slug_is_the_article():
    body = (
        '<nav class="breadcrumb"><a href="/">Home</a> / <a href="/newsroom/">Newsroom</a> / '
        "<span>Harbour defences: the plan the council approved</span></nav>"
    )
    url = "https://www.example.org/newsroom/harbour-defences-the-plan-the-council-approved.html"
    assert section_of(body + STORY, url=url) == "Newsroom"
    assert section_of(body + STORY, url="https://www.example.org/newsroom/4711") == (
        "Harbour defences: the plan the council approved"
    )


def test_title_inside_a_crumb_with_an_icon_label():
    body = (
        '<div class="breadcrumbs"><a href="/home/">Home</a> <a href="/city/">City</a> '
        "<span>Chevron Right Council approves harbour flood defence plan</span></div>"
    )
    assert section_of(body + STORY) == "City"


def test_template_label_and_separators_in_a_crumb():
    body = '<ol class="breadcrumb"><li><a href="/">Website</a> /<a href="/aktuelles">Aktuelles</a> /Single News</ol>'
    assert section_of(body + STORY) == "Aktuelles"


def test_script_inside_the_trail_is_not_an_item():
    body = (
        '<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/sport/">Sport</a>'
        "<script>var adformtag = adformtag || []; adformtag.push(function() {});</script></div>"
    )
    assert section_of(body + STORY) == "Sport"


def test_trail_naming_no_section_falls_back_to_the_declared_one():
    body = '<div class="breadcrumb"><a href="/">Home</a> &gt; Council approves harbour flood defence plan</div>'
    head = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "articleSection": "Media Industry "})
    assert section_of(body + STORY, head) == "Media Industry"
    assert section_of(body + STORY) is None


def test_declared_section_list_gives_its_first_and_a_sentence_gives_none():
    article = {"@context": "https://schema.org", "@type": "NewsArticle"}
    assert section_of(STORY, jsonld({**article, "articleSection": ["Politics", "World"]})) == "Politics"
    assert section_of(STORY, jsonld({**article, "articleSection": "Politics, World, Elections"})) == "Politics"
    teaser = "Der dreimalige Olympiasieger und seine Teamkollegen müssen nach positiven Tests in Quarantäne"
    assert section_of(STORY, jsonld({**article, "articleSection": teaser})) is None
    assert section_of(STORY, jsonld({**article, "articleSection": "Artikel"})) is None


def test_meta_section_comes_before_json_ld_article_section():
    head = '<meta property="article:section" content="Opinion">' + jsonld(
        {"@context": "https://schema.org", "@type": "NewsArticle", "articleSection": "opinion-columns"}
    )
    assert section_of(STORY, head) == "Opinion"


def test_json_ld_trail_names_unescaped():
    trail = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home"},
        {"@type": "ListItem", "position": 2, "name": "News &amp; Analysis"},
        {"@type": "ListItem", "position": 3, "name": "Council approves harbour flood defence plan"},
    ]}  # fmt: skip
    assert section_of(STORY, jsonld(trail)) == "News & Analysis"


def test_links_to_the_article_urls_folders_are_a_trail():
    url = "https://www.example.org/news/2020/02/18/national/crime-legal/council-approves-plan/"
    kicker = (
        '<h3><a href="https://www.example.org/news_category/national/">National</a><span> / </span>'
        '<a href="https://www.example.org/news_category/crime-legal/">Crime &amp; Legal</a></h3>'
    )
    assert section_of(kicker + STORY, url=url) == "Crime & Legal"
    # The same links elsewhere, or joined by nothing as a menu joins them, are no trail.
    assert section_of(kicker + STORY, url="https://www.example.org/news/2020/02/18/council-approves-plan/") is None
    menu = kicker.replace("<span> / </span>", " ")
    assert section_of(menu + STORY, url=url) is None
    backwards = '<p><a href="/crime-legal/">Crime &amp; Legal</a> / <a href="/national/">National</a></p>'
    assert section_of(backwards + STORY, url=url) is None


def test_broken_url_and_huge_declared_section_give_an_answer():
    body = '<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/city/">City</a></div>'
    assert section_of(body + STORY, url="http://[::1/news/city/plan") == "City"
    huge = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "articleSection": "- " * 200_000 + "x"})
    assert section_of(STORY, huge, url="http://[::1") is None


def test_a_mark_split_across_an_elements_class_and_id_still_marks_it():
    """Only elements holding a mark's last word are read: "ruta de" + "navegacion" join to a mark."""
    decoy = '<div class="ruta de"><a href="/x/">X</a> <a href="/y/">Y</a></div>'
    links = '<a href="/noticias/">Noticias</a> / <a href="/prensa/">Prensa</a>'
    trail = f'<div class="ruta de" id="navegacion">{links}</div>'
    assert section_of(decoy + trail + STORY) == "Prensa"


def test_the_headers_link_texts_give_the_same_section():
    body = '<div><a href="/">Home</a> &gt; <a href="/news/">Newsroom</a> &gt; <a href="/news/city/">City</a></div>'
    tree = parse_html(f"<html><head><title>{TITLE}</title></head><body>{body}{STORY}</body></html>")
    found = find_section(tree, read_metadata(tree), TITLE, "", page_link_texts(tree))
    assert found[0] == "City" and found[1] is tree.find(".//div")


# The searches below are shortcuts, in C, for a test per text node, link or class value: each must find
# exactly what that test finds.


def test_label_search_finds_every_text_node_that_starts_a_label():
    starts = ["Y", "you", "  \u200b You are here", "Sie", "SIND", "İ", "Lo", "location: x", "Es gibt", "está en",
              "вы", "Вы здесь", "当前位置：", "所", "Usted", "c", "Contact", "\xa0Y\xa0", "Y\u200bou", "Yo u", "y o",
              "\u200b\u200bYou", "CURRENT LOCATION", "vous êtes", "Y\n", "s"]  # fmt: skip
    for start in starts:
        for page in (f"<p>{start}</p>", f"<div><p>Story</p><p>x<b>{start}</b> y</p></div>"):
            body = parse_html(f"<html><body>{page}</body></html>").find("body")
            one_by_one = any(trailmarks.starts_here_label(node) for node in trailmarks.ALL_TEXT(body))
            assert trailmarks.labelled_here(body) == one_by_one, start
    assert trailmarks.labelled_here(parse_html("<html><body><p>Y</p></body></html>").find("body"))
    assert not trailmarks.labelled_here(parse_html("<html><body><p>Yes</p><p>Story</p></body></html>").find("body"))


def test_label_search_knows_every_character_that_lower_cases_to_a_label_letter():
    letters = {label[place] for label in trailmarks.HERE_LABELS for place in (0, 1)}
    for code in range(0x110000):
        char = chr(code)
        if char.lower()[:1] in letters:
            assert char in trailmarks._any_case(char.lower()[:1]), hex(code)
        assert (re.match(r"\s", char) is not None) == char.isspace(), hex(code)  # what str.lstrip strips


def test_home_link_text_in_one_match():
    texts = ["Home", "home page", "You are here: Home", "you are here:home", "Location Startseite", "Homepage",
             "Home sweet home", "Location", "You are here: News", "首页", "当前位置：首页", "Start", "Inicio ",
             "Sie sind hier: Startseite", "Vous êtes ici : Accueil", "Here: Home", "Current location Home"]  # fmt: skip
    for text in texts:
        two_steps = section.HOME.match(squash(section._without_here_label(squash(text))))
        assert bool(section.HOME_LINK_TEXT.match(squash(text))) == bool(two_steps), text


def test_marked_trail_found_when_lower_casing_lengthens_the_class_values():
    body = (
        '<div class="İstanbul"><div class="Breadcrumbs"><a href="/">Home</a> &gt; <a href="/news/">Newsroom</a>'
        "</div></div>"
    )
    assert section_of(body + STORY) == "Newsroom"


def test_marked_trails_in_document_order_whichever_attribute_marks_them():
    first = '<div id="crumbs"><a href="/">Home</a> &gt; <a href="/news/">News</a></div>'
    second = '<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/events/">Events</a></div>'
    body = parse_html(f"<html><body>{first}{STORY}{second}</body></html>").find("body")
    assert [element.get("id") or element.get("class") for element in trailmarks.marked_elements(body)] == [
        "crumbs",
        "breadcrumb",
    ]
    assert section_of(first + STORY + second) == "News"


def test_mark_of_several_words_read_in_the_order_the_page_holds_the_values():
    # "ruta de navegaci" spans the class and the id: it counts where the page's values, joined, hold it.
    spanning = '<div class="ruta de" id="navegacion"><a href="/">Inicio</a> &gt; <a href="/prensa/">Prensa</a></div>'
    body = parse_html(f"<html><body>{spanning}{STORY}</body></html>").find("body")
    assert [element.get("id") for element in trailmarks.marked_elements(body)] == ["navegacion"]
    assert trailmarks.marked_elements(parse_html(f"<html><body>{STORY}</body></html>").find("body")) == []

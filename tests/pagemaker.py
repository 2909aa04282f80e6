"""Small, realistic newsroom pages written by tests that need pages the fixtures do not have."""

from __future__ import annotations

PARAGRAPHS = (
    "The city council approved a new plan on Tuesday to expand the harbour's flood defences, after two winters of "
    "storm surges that damaged homes and businesses along the waterfront.",
    "Under the plan, the sea wall will be raised by 80 centimetres over four years, and three pumping stations will "
    "be rebuilt to cope with heavier rainfall, the council said in a statement.",
    "Engineers expect the first section, between the ferry terminal and the old fish market, to be finished before "
    "the autumn storm season of next year.",
)


def article_page(title: str, date_line: str, paragraphs=PARAGRAPHS, charset: str | None = "utf-8", extra="") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}<title>{title} | Harbour City News</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/contact/">Contact</a></nav>
<main><article>
<h1>{title}</h1>
<p class="dateline">{date_line}</p>
{body}
{extra}
</article></main>
<footer>Copyright &copy; 2024 Harbour City Council. All rights reserved.</footer>
</body></html>"""


def listing_page(links: list[str]) -> str:
    items = "\n".join(f'<li><a href="{href}">Story {n}: a headline long enough to be one</a></li>' for n, href in
                      enumerate(links))  # fmt: skip
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News | Harbour City</title></head>
<body><h1>News</h1><ul>{items}</ul></body></html>"""

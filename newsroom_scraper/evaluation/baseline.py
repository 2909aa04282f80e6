"""Plain trafilatura, as the yardstick: bare_extraction with metadata and favor_precision."""

from __future__ import annotations

import trafilatura

from ..extract.decode import UndecodableError, decode_html

BASELINE_OPTIONS = {"with_metadata": True, "favor_precision": True, "include_comments": False}


def baseline_fields(html: bytes, url: str) -> dict:
    """trafilatura's title, date, authors and text for a page, in our field names (None where it has none)."""
    try:
        text = decode_html(html).text
    except UndecodableError:
        text = html.decode("utf-8", errors="replace")
    try:
        document = trafilatura.bare_extraction(text, url=url, **BASELINE_OPTIONS)
    except Exception:  # noqa: BLE001 - a crash of the yardstick counts as an empty answer
        document = None
    if document is None:
        return {"title": None, "date": None, "authors": [], "body": "", "attribution": None, "section": None}
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return {
        "title": document.title,
        "date": document.date,
        "authors": authors,
        "body": document.text or "",
        "attribution": None,
        "section": None,
        "language": document.language,
    }

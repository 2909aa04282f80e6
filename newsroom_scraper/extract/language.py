"""The page's language as an ISO 639-1 code.

The declared language (html lang, Content-Language, og:locale) is trusted
when the text does not contradict it; templates often keep lang="en" on every
page of a multilingual site, so a declaration is checked against the script
of the text (a page of Han characters is not English) and, where nothing is
declared, the text is classified with py3langid.
"""

from __future__ import annotations

import functools
import logging
import re

from lxml import html

from .evidence import Resolved, Source
from .structured import PageMetadata

SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
# Letters are counted in runs (a match per word, not per letter): CJK pages have thousands.
SCRIPT_RUNS = tuple((code, re.compile(pattern.pattern + "+")) for code, pattern in SCRIPTS)
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# Any letter of the scripts above: most pages have none, and one search then settles all their counts.
NON_LATIN = re.compile("[" + "".join(pattern.pattern[1:-1] for _, pattern in SCRIPTS) + "]")
# Languages that share a script: a declaration of one of these is kept when
# the text is in that script.
SCRIPT_FAMILY = {"zh": {"zh", "ja"}, "ru": {"ru", "uk", "bg", "sr", "be", "mk", "kk"}, "ar": {"ar", "fa", "ur"}}
CODE = re.compile(r"^([a-zA-Z]{2})(?:[-_].*)?$")

logger = logging.getLogger(__name__)


def _code(value: str | None) -> str | None:
    match = CODE.match((value or "").strip())
    return match.group(1).lower() if match else None


def dominant_script(text: str) -> str | None:
    """The non-Latin script most of the text is in, 'latin', or None for no letters."""
    sample = text[:5000]
    latin = sum(map(len, LATIN.findall(sample)))
    if not NON_LATIN.search(sample):
        return "latin" if latin else None
    counts = {code: sum(map(len, pattern.findall(sample))) for code, pattern in SCRIPT_RUNS}
    if counts["ja"] and counts["ja"] * 5 >= counts["zh"]:
        counts["ja"] += counts["zh"]
    best = max(counts, key=counts.get)
    if counts[best] > latin / 2 and counts[best] > 0:
        return best
    return "latin" if latin else None


def declared_language(tree: html.HtmlElement, meta: PageMetadata, content_language: str | None = None) -> str | None:
    """What the page says it is written in: html lang, xml:lang, meta tags, Content-Language, og:locale."""
    return (
        _code(tree.get("lang"))
        or _code(tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
        or _code(meta.first("content-language", "dc.language", "language"))
        or _code(content_language)
        or _code(meta.first("og:locale"))
    )


def language_of(text: str, declared: str | None) -> Resolved[str | None]:
    """The language of `text`: the declaration unless the script contradicts it, else the script, else py3langid."""
    script = dominant_script(text)
    if script is None:
        return Resolved(declared, Source.DECLARED if declared else None)
    if script != "latin":
        if declared and declared in SCRIPT_FAMILY.get(script, {script}):
            return Resolved(declared, Source.DECLARED)
        return Resolved(script, Source.SCRIPT)
    if declared and declared not in {code for code, _ in SCRIPTS}:
        return Resolved(declared, Source.DECLARED)
    code = classify(text[:3000])
    return Resolved(code, Source.LANGID) if code else Resolved(declared, Source.DECLARED if declared else None)


def classify(text: str) -> str | None:
    """py3langid's guess, or None when its model cannot be loaded.

    The model is unpacked into a temporary file on first use: on a full disk
    that fails, and every page without a declared language would otherwise
    fail with it. Loaded on first need: it takes half a second.
    """
    import py3langid

    try:
        code, _ = py3langid.classify(text)
    except OSError as error:
        _model_missing(str(error))
        return None
    return code


@functools.cache
def _model_missing(why: str) -> None:
    """Warn once per process and cause, not once per page."""
    logger.warning("Cannot load py3langid's model (%s): languages only from declarations and scripts", why)

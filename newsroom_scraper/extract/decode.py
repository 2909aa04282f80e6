"""Bytes to text: the declared charset when it is right, detection when it is not.

Newsrooms declare GB2312, Big5, Shift_JIS or windows-1251 as often as UTF-8,
and a fair share declare the wrong one (a CMS template saying ISO-8859-1 over
UTF-8 text, a server header contradicting the meta tag). The order here is:
byte-order mark; UTF-16/32 recognised by their NUL bytes; valid UTF-8 with
non-ASCII bytes (a legacy-encoded page almost never happens to be valid
UTF-8, while UTF-8 mislabelled as Latin-1 is common); the HTTP header; the
meta tag; then statistical detection. A declared charset
is accepted when it decodes with (almost) no errors; w3lib maps the declared
names to the supersets browsers really use (GB2312 to GB18030, Latin-1 to
windows-1252).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

# Real pages in a legacy charset often hold a few stray bytes (a pasted quote,
# a truncated multi-byte character); rejecting them for that would lose the page.
MAX_REPLACEMENT_RATIO = 0.002
# Past this share of undecodable characters the text is garbage, whatever we try.
UNDECODABLE_RATIO = 0.05

# A few NUL bytes are a text page's stray damage (parsing drops them); more are binary data.
NUL_SNIFF_BYTES = 2048
MAX_NUL_SHARE = 0.01
# UTF-32 first: a UTF-32 page read as UTF-16 keeps half its NULs, so it is refused below.
WIDE_ENCODINGS = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
WIDE_SNIFF_BYTES = 4096

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


class UndecodableError(ValueError):
    """The bytes are not text in any charset we can identify."""


@dataclass(slots=True, frozen=True)
class DecodedPage:
    text: str
    encoding: str
    # The body itself where it is the text's UTF-8 exactly (valid UTF-8, no byte-order mark): parsing
    # reads it, rather than encoding the text again.
    utf8: bytes | None = None


def _decode(body: bytes, encoding: str) -> tuple[str, int] | None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return None
    text = body.decode(encoding, errors="replace")
    return text, text.count("\ufffd")


def _acceptable(text: str, errors: int) -> bool:
    return errors <= max(1, len(text) * MAX_REPLACEMENT_RATIO)


def declared_encodings(body: bytes, content_type: str | None) -> list[str]:
    """The encodings the page claims, strongest claim first, normalised by w3lib."""
    found = []
    for name in (http_content_type_encoding(content_type or ""), html_body_declared_encoding(body[:4096])):
        resolved = resolve_encoding(name) if name else None
        if resolved and resolved not in found:
            found.append(resolved)
    return found


def _wide_encoding(body: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark: the one whose start decodes to markup without NULs.

    Such pages are rare but real (a server that sends UTF-16 and says so only in
    its header); their NUL bytes must not make them look like binary data.
    """
    head = body[:WIDE_SNIFF_BYTES]
    for encoding in WIDE_ENCODINGS:
        try:
            text = head[: len(head) - len(head) % 4].decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and "<" in text:
            return encoding
    return None


def decode_html(body: bytes, content_type: str | None = None) -> DecodedPage:
    """Decode an HTML response body; raise UndecodableError for binary or garbled bytes."""
    if not body.strip():
        return DecodedPage("", "utf-8")
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return DecodedPage(body[len(bom) :].decode(bom_encoding, errors="replace"), bom_encoding)
    nuls = body[:NUL_SNIFF_BYTES].count(b"\x00")
    if nuls:
        wide = _wide_encoding(body)
        if wide is not None:
            return DecodedPage(body.decode(wide, errors="replace"), wide)
        if nuls > len(body[:NUL_SNIFF_BYTES]) * MAX_NUL_SHARE:
            raise UndecodableError("binary content (NUL bytes)")
    if not body.isascii():
        try:
            return DecodedPage(body.decode("utf-8"), "utf-8", body)
        except UnicodeDecodeError:
            pass
    for encoding in declared_encodings(body, content_type):
        decoded = _decode(body, encoding)
        if decoded and _acceptable(*decoded):
            return DecodedPage(decoded[0], encoding)
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and best.encoding:
        encoding = resolve_encoding(best.encoding) or best.encoding
        decoded = _decode(body, encoding)
        if decoded and decoded[1] <= len(decoded[0]) * UNDECODABLE_RATIO:
            return DecodedPage(decoded[0], encoding)
    text, errors = _decode(body, "utf-8")  # type: ignore[misc]
    if errors > len(text) * UNDECODABLE_RATIO:
        raise UndecodableError(f"{errors} undecodable characters in {len(text)}")
    return DecodedPage(text, "utf-8")


def strip_xml_declaration(text: str) -> str:
    """lxml refuses str input that still carries an encoding declaration."""
    return XML_DECLARATION.sub("", text, count=1)

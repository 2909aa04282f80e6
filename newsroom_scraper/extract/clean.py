"""Paragraph-level cleaning of the extracted body, collecting the credits it removes.

What trafilatura keeps still holds lines a reader skips: the headline again,
the byline and date line, the dateline prefix of wire copy, trailing credits
"(Xinhua)", "Source: ..." lines, editor tags, captions, inline ad and
"Related:" slots, and the tails of press releases. Credits are not thrown
away: they are the record's attribution, so each rule that removes one
reports it in `Credits`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate

from .body import Block
from .datetext import is_date_line, leading_date
from .evidence import Source
from .prune import is_contact_block
from .rules import boilerplate, paragraphs
from .rules import credits as rules
from .rules.paragraphs import noise_rule
from .text import comparable, squash


@dataclass(slots=True)
class Credits:
    """Credits found while cleaning, strongest kind first in DESIGN.md's order."""

    source: str | None = None
    agency: str | None = None
    agency_in: Source | None = None  # DATELINE or CREDIT: where the agency was named
    reporters: list[str] = field(default_factory=list)
    # A date line closing the text ("2024年7月25日（星期四）"), as written.
    closing_date: str | None = None

    def credit_agency(self, name: str, where: Source) -> None:
        """The first agency credited wins."""
        if not self.agency:
            self.agency, self.agency_in = name, where

    def merge(self, other: Credits) -> None:
        """Add what `other` found and this did not (a second reading of the same page)."""
        self.source = self.source or other.source
        if other.agency:
            self.credit_agency(other.agency, other.agency_in or Source.CREDIT)
        self.closing_date = self.closing_date or other.closing_date
        self.reporters.extend(name for name in other.reporters if name not in self.reporters)


def _agency_name(name: str) -> bool:
    """ "(Reuters)", "(EFE)", "(واس)", "(dpa/lni)" are credits; "(left)", "(2019)" are not."""
    name = name.strip()
    if not name or any(ch.isdigit() for ch in name) or len(name.split()) > rules.MAX_AGENCY_WORDS:
        return False
    if name.lower() in rules.AGENCIES or name.lower().split("/")[0] in rules.AGENCIES or name.isupper():
        return True
    words = name.split()
    latin = all(w[:1].isascii() for w in words)
    return (not latin) or all(w[:1].isupper() for w in words) and len(words) <= rules.MAX_TITLECASE_AGENCY_WORDS


def _agency_of(match: re.Match) -> str | None:
    """The credited agency of a dateline match, if it names one."""
    groups = match.groupdict()
    name = (groups.get("agency") or groups.get("wire") or "").strip()
    return name if name and (_agency_name(name) or name.lower() in rules.AGENCIES) else None


def strip_dateline(text: str, credits: Credits) -> str | None:
    """Remove "BEIJING, June 27 (Xinhua) --" from the start of a paragraph; None when there is none.

    Each form in rules.DATELINE_FORMS says whether it must name an agency; a
    reporter named in a Chinese dateline ("记者王明") is an author.
    """
    for pattern, needs_agency in rules.DATELINE_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        agency = _agency_of(match) if "agency" in match.groupdict() or "wire" in match.groupdict() else None
        if needs_agency and not agency:
            continue
        if needs_agency == "known" and agency.lower().split("/")[0] not in rules.AGENCIES:
            continue
        if agency:
            credits.credit_agency(agency, Source.DATELINE)
        reporter = match.groupdict().get("reporter") or _reporter_before_place(match.groupdict().get("who"))
        if reporter:
            credits.reporters.append(reporter)
        return text[match.end() :].lstrip()
    opening = leading_date(text)
    if opening:
        return text[opening[1] :].lstrip()
    return None


def _reporter_before_place(who: str | None) -> str | None:
    """ "王小明台北" -> "王小明": a Chinese name of two or three characters, then a place of two."""
    if not who:
        return None
    if len(who) <= rules.MAX_CJK_NAME + rules.CJK_PLACE:
        return who[: len(who) - rules.CJK_PLACE]
    return who[: rules.MAX_CJK_NAME]


def strip_trailing_credit(text: str, credits: Credits) -> str:
    """Remove "(Xinhua)" after the last sentence of a paragraph, and an editor's tag glued there."""
    text = rules.TRAILING_EDITOR.sub("", text)
    match = rules.TRAILING_CREDIT.search(text)
    if not match or not _agency_name(match.group("name")):
        return text
    credits.credit_agency(match.group("name").strip(), Source.CREDIT)
    return text[: match.start()].rstrip()


def _tail_start(blocks: list[Block]) -> int | None:
    """Index where a press-release tail (About X, media contact, forward-looking statements) begins."""
    earliest = max(paragraphs.TAIL_MIN_POSITION, len(blocks) * paragraphs.TAIL_MIN_SHARE)
    for index, block in enumerate(blocks):
        if index and paragraphs.COMMENTS_HEADING.match(block.text):
            return index
        if index < earliest or len(block.text) > paragraphs.MAX_TAIL_HEADING:
            continue
        if paragraphs.TAIL_HEADING.match(block.text) or boilerplate.CONTACT_HEADING.match(block.text):
            return index
    for index, block in enumerate(blocks):
        if index >= earliest and paragraphs.TAIL_PARAGRAPH.match(block.text):
            return index
    return _appeal_start(blocks)


def _appeal_start(blocks: list[Block]) -> int | None:
    """Where a closing support appeal begins, with the short label heading it ("Links lesen, Rechts bekämpfen").

    Only the last paragraphs close an article: an appeal earlier on (an NGO's
    petition, a list of tips) is the page's own text.
    """
    start = max(paragraphs.TAIL_MIN_POSITION, len(blocks) - paragraphs.APPEAL_LAST_BLOCKS)
    for index in range(start, len(blocks)):
        if blocks[index].kind != "list" and boilerplate.SUPPORT_APPEAL.search(blocks[index].text):
            label = blocks[index - 1].text
            short = len(label) <= paragraphs.MAX_APPEAL_LABEL_CHARS and label[-1:] not in '.!?:;"”'
            return index - 1 if short else index
    return None


def clean_blocks(
    blocks: list[Block],
    title: str,
    credits: Credits,
    header_lines: set[str] | frozenset[str],
    link_texts: set[str] | frozenset[str] = frozenset(),
    removed: Counter[str] | None = None,
) -> list[Block]:
    """The article's own paragraphs; credits found on the way go into `credits`.

    `header_lines` are the texts of the byline and date line found near the
    headline; a paragraph equal to one of them is not body. `link_texts` are
    the texts of the page's links: a paragraph that is wholly a link
    ("Read more:" lists, "More from ..." headlines) is a pointer elsewhere.
    `removed` counts the paragraphs dropped, by the name of the rule or stage.
    """
    removed = Counter() if removed is None else removed
    title_key = comparable(title)
    header_keys = {comparable(line) for line in header_lines if line}
    kept: list[Block] = []
    keys: dict[str, str] = {}
    for block in blocks:
        text = squash(block.text) if block.kind != "list" else block.text.strip()
        key = keys[text] = comparable(text)
        if key and key == title_key and all(done.kind == "head" for done in kept):
            removed["header"] += len(kept) + 1  # the headline, and headings above it: a page label, a kicker
            kept = []
            continue
        if not key or key in header_keys:
            removed["header" if key else "blank"] += 1
            continue
        reason = _not_body(block.kind, text, credits, link_texts)
        if reason:
            removed[reason] += 1
            continue
        kept.append(Block(block.kind, text))
    tail = _tail_start(kept)
    if tail is not None:
        removed["tail"] += len(kept) - tail
        kept = kept[:tail]
    stages = (
        ("contact_run", _drop_contact_run),
        ("repeats", lambda blocks: drop_repeats(blocks, keys)),
        ("closing_date", lambda blocks: _drop_closing_date(blocks, credits)),
        ("edges", _drop_edges),
        ("before_dateline", lambda blocks: _strip_dateline(blocks, credits)),
    )
    for name, stage in stages:
        count = len(kept)
        kept = stage(kept)
        removed[name] += count - len(kept)
    if kept:
        kept[-1] = Block(kept[-1].kind, strip_trailing_credit(kept[-1].text, credits))
    return [block for block in kept if block.text]


def _not_body(kind: str, text: str, credits: Credits, link_texts: set[str] | frozenset[str]) -> str | None:
    """Why a paragraph is not the story's (the name of a rule), or None; credits it names go into `credits`."""
    source = rules.SOURCE_LINE.match(text)
    if source and len(text) < rules.MAX_SOURCE_LINE:
        credits.source = credits.source or source.group("name").strip()
        return "source_line"
    if rules.REPORTING_TAIL.match(text):
        credits.reporters.extend(_reporters(text))
        return "reporting_tail"
    if kind != "list":
        noise = noise_rule(text)
        if noise:
            return noise
        if len(text) > paragraphs.MIN_LINK_LINE and text in link_texts:
            return "link_line"
    elif is_link_list(text, link_texts):
        return "link_list"
    credit = rules.CREDIT_LINE.match(text)
    if credit and _agency_name(credit.group("name")):
        credits.credit_agency(credit.group("name").strip(), Source.CREDIT)
        return "credit_line"
    return None


def is_link_list(text: str, link_texts: set[str] | frozenset[str]) -> bool:
    """A list whose every item is mostly the text of a link on the page: headlines of other stories."""
    items = [line.lstrip("- ").strip() for line in text.splitlines() if line.strip()]
    if len(items) < paragraphs.MIN_LINK_LIST_ITEMS:
        return False
    share = paragraphs.LINKED_ITEM_SHARE
    shortest = min(len(item) for item in items) * share
    longest = max(len(item) for item in items)
    candidates = [link for link in link_texts if shortest <= len(link) <= longest]  # the links an item may hold
    return all(
        item in link_texts or any(len(link) >= share * len(item) and link in item for link in candidates)
        for item in items
    )


def drop_repeats(blocks: list[Block], keys: dict[str, str] | None = None) -> list[Block]:
    """The text once: a paragraph repeated (a summary box shown twice, for mobile and desktop), or one
    long block that is the following paragraphs run together (a teaser or hidden copy of the story).

    `keys` holds texts' comparable() forms already made."""
    keys = {} if keys is None else keys
    seen: set[str] = set()
    unique: list[tuple[Block, str]] = []
    for block in blocks:
        key = keys[block.text] if block.text in keys else comparable(block.text)
        if len(key) >= paragraphs.MIN_REPEATED_CHARS and key in seen:
            continue
        seen.add(key)
        unique.append((block, key))
    # The following paragraphs run together are the joined keys after this one's end.
    joined = "".join(key for _, key in unique)
    ends = list(accumulate(len(key) for _, key in unique))
    return [
        block
        for index, (block, key) in enumerate(unique)
        if len(key) < paragraphs.MIN_RUN_TOGETHER_CHARS or joined.find(key, ends[index]) < 0
    ]


def _drop_edges(blocks: list[Block]) -> list[Block]:
    """A location line above the story ("ANKARA") and an author's biography below it."""
    while blocks and len(blocks) > 1 and paragraphs.LOCATION_LINE.match(blocks[0].text):
        blocks = blocks[1:]
    while len(blocks) > paragraphs.MIN_PARAGRAPHS_BEFORE_BIO and paragraphs.AUTHOR_BIO.match(blocks[-1].text):
        blocks = blocks[:-1]
    return blocks


def _drop_closing_date(blocks: list[Block], credits: Credits) -> list[Block]:
    """Date and time lines after the last paragraph (government releases sign off that way)."""
    end = len(blocks)
    while end > 1 and is_date_line(blocks[end - 1].text):
        end -= 1
    if end < len(blocks):
        credits.closing_date = " ".join(block.text for block in blocks[end:])
    return blocks[:end]


def _strip_dateline(blocks: list[Block], credits: Credits) -> list[Block]:
    """Wire copy starts at its dateline: what stands before it (deck, byline) is header, not body."""
    for index, block in enumerate(blocks[: rules.DATELINE_SEARCH]):
        rest = strip_dateline(block.text, credits) if block.kind == "p" else None
        if rest is not None:
            return [Block("p", rest)] + blocks[index + 1 :]
    return blocks


def _contact_like(text: str) -> bool:
    return bool(
        boilerplate.CONTACT_LABEL.match(text)
        or boilerplate.CONTACT_HEADING.match(text)
        or (
            len(text) < paragraphs.MAX_REACHABLE_LINE
            and (boilerplate.EMAIL.search(text) or boilerplate.PHONE.search(text))
        )
    )


def _drop_contact_run(blocks: list[Block]) -> list[Block]:
    """Contact lines at the end (address/tel/fax/e-mail) that survived as separate paragraphs."""
    start = len(blocks)
    while (
        start > 1
        and len(blocks[start - 1].text) < paragraphs.MAX_CLOSING_CONTACT_LINE
        and _contact_like(blocks[start - 1].text)
    ):
        start -= 1
    if start < len(blocks) and is_contact_block([b.text for b in blocks[start:]]):
        return blocks[:start]
    return blocks


def _reporters(text: str) -> list[str]:
    names: list[str] = []
    for match in rules.REPORTER_NAMES.finditer(text):
        for name in re.split(r",|\band\b", match.group(1)):
            name = re.sub(r"\s+in\s+.*$", "", name).strip()
            if name and name[0].isupper() and len(name.split()) <= rules.MAX_REPORTER_WORDS:
                names.append(name)
    return names

"""The standfirst: the summary under the headline, which is the first paragraph of the body.

CMSes render it in a container of its own, beside the story's, so
trafilatura often leaves it out; and a line under the headline may as well
be a kicker, a caption or a teaser. The page says which line is its summary
when the line repeats the description it declares (<meta name=description>,
og:description, twitter:description, JSON-LD description): that line, shown
between the headline and the story's first paragraph, is the standfirst.
"""

from __future__ import annotations

from .body import Block
from .rules.page import DESCRIPTION_META, MIN_STANDFIRST_CHARS
from .structured import PageMetadata
from .text import comparable


def declared_descriptions(meta: PageMetadata) -> set[str]:
    """The page's descriptions of itself, compared by their letters and digits; labels and slogans left out."""
    values = [value for name in DESCRIPTION_META for value in meta.meta.get(name, ())]
    declared = meta.article_value("description")
    values += [declared] if isinstance(declared, str) else []
    return {comparable(value) for value in values if len(value.strip()) >= MIN_STANDFIRST_CHARS}


def with_standfirst(
    blocks: list[Block], lines: list[str], headline_index: int | None, meta: PageMetadata
) -> list[Block]:
    """`blocks` with the standfirst put first, when the page shows one under the headline and the body lacks it."""
    if headline_index is None or not blocks:
        return blocks
    descriptions = declared_descriptions(meta)
    if not descriptions:
        return blocks
    first = comparable(blocks[0].text)
    for line in lines[headline_index + 1 :]:
        key = comparable(line)
        if key and (key == first or first.startswith(key) and len(key) > MIN_STANDFIRST_CHARS):
            return blocks  # the story starts before any line repeats the description
        if key in descriptions:
            if any(comparable(block.text) in descriptions for block in blocks):
                return blocks  # the body has it already, further down
            return [Block("p", line), *blocks]
    return blocks

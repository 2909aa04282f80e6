"""The parsed page every phase reads, and the one order in which the phases may edit its tree.

The header is read from the intact tree; the body phase then removes the
breadcrumb, the <head> and the boilerplate, reshapes the layout and hands
the tree to trafilatura; trafilatura's marked-up author search prunes what
is left. A phase that edited the tree out of this order would read what
another phase removed, so each edit names its step and `ParsedPage.edit`
refuses a step that comes before one already taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from lxml import html

from .evidence import Source
from .profile import SiteProfile
from .structured import PageMetadata


class TreeEdit(IntEnum):
    """The tree edits, in the only order they may happen."""

    NONE = 0  # the header phase reads the intact tree
    DROP_BREADCRUMB = 1  # its section is read; the trail would be body text to trafilatura
    REMOVE_HEAD = 2  # read by the header phase; pruning and trafilatura would only walk it
    KEEP_PROFILE_BODY = 3  # a profile's body selector makes its elements the whole <body>
    PRUNE_BOILERPLATE = 4  # profile drops, form boxes, captions, markup and text rules
    UNWRAP_LAYOUT_TABLES = 5
    PARAGRAPHIZE = 6
    MARK_MAIN_CONTAINER = 7  # then trafilatura reads the tree
    SEARCH_MARKED_AUTHORS = 8  # trafilatura's author search prunes in place: nothing reads the tree after it


class TreeEditOrderError(RuntimeError):
    """A phase edited the tree out of TreeEdit's order."""


@dataclass(slots=True, frozen=True)
class Listed:
    """The date a feed or sitemap gave for the page's URL (ISO 8601), and which of the two it was."""

    date: str
    by: Source = Source.FEED


@dataclass(slots=True)
class ParsedPage:
    """The page as every phase reads it: its tree, metadata and lines, and the inputs beside it."""

    html_text: str
    url: str
    now: datetime
    profile: SiteProfile
    tree: html.HtmlElement
    meta: PageMetadata
    lines: list[str]  # the intact <body>'s text, line by line as a browser breaks it
    content_language: str | None = None
    listed: Listed | None = None
    guess_dates: bool = True
    last_edit: TreeEdit = TreeEdit.NONE

    def edit(self, step: TreeEdit) -> html.HtmlElement:
        """The tree, for the edit `step`; raises when an edit of a later step was already made."""
        if step <= self.last_edit:
            raise TreeEditOrderError(f"tree edit {step.name} after {self.last_edit.name}")
        self.last_edit = step
        return self.tree

"""A site profile: what one site's sources-file entry adds to the generic extraction.

One type serves the sources file (`sources.py` validates and builds it) and the
extraction (every resolver consults it first). The generic path needs none:
most sources have no profile beyond their name and URLs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class SiteProfile:
    """Per-site selectors and settings.

    Selectors are CSS, or XPath written "xpath:...". Each one that finds
    something overrides the generic result for its field; `drop` removes
    what it matches before the pruning. `language` and `date_order` stand
    when the site does not declare them (or declares them wrongly).
    """

    title: str | None = None
    date: str | None = None
    body: str | None = None
    attribution: str | None = None
    drop: tuple[str, ...] = ()
    language: str | None = None
    date_order: str | None = None


NO_PROFILE = SiteProfile()

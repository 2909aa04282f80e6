"""What one page may cost: a deadline and a size/complexity budget, checked before the costly stages.

A fuzzed or hostile page can hold 50,000 links, markup nested 50,000 deep or
a million elements; the stages after parsing (pruning, trafilatura, the
headline and date searches) walk the tree many times, so such a page costs
minutes. No newsroom article needs that: the thresholds below are 4 to 10
times the largest of 2,160 real pages in the evaluation corpora (10,106
elements, depth 43, 2,215 links, 2.2 million characters, 19,629 "<"), and a
page over one is refused as `too_complex` before or right after parsing. The
deadline (NEWSROOM_EXTRACT_TIMEOUT) is checked at stage boundaries; guard.py
also interrupts a stage that overruns.

The budget is active only inside `page_budget()` (the extraction entry point
sets it), so parsing elsewhere (evaluation, the CLI's helpers) is unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from lxml import etree

# 5x the largest real page seen (10,106 elements). Every stage is linear in elements but many walk
# them all (trafilatura's pruning alone takes 6 s on 90,000 on a loaded machine): the time goes with it.
MAX_ELEMENTS = 50_000
# libxml2's own default limit for XML documents; real pages reach 43, and Python-recursive
# stages (trafilatura's among them) fail past about 900.
MAX_DEPTH = 256
# 9x the most links on a real page (2,215: a federal agency's topic page with its whole site map).
MAX_LINKS = 20_000
# 4x the longest real page (2.2 million characters of HTML). Stages read the text of the elements
# around the main content, each a copy: a 10-million-character paragraph cost 13 s.
MAX_CHARS = 8_000_000
# 10x the most "<" in a real page (19,629): tags, and the "<" of scripts, counted before parsing.
MAX_TAGS = 200_000
# Seconds for one page (NEWSROOM_EXTRACT_TIMEOUT's default): 10x the slowest real page measured.
DEFAULT_TIMEOUT = 20.0

COUNT_ELEMENTS = etree.XPath("count(//*)")
COUNT_LINKS = etree.XPath("count(//a)")
# True when some element is deeper than MAX_DEPTH: libxml2 walks level by level, so this
# costs one visit per element, where counting each element's ancestors costs depth times more.
TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")


class OverBudget(BaseException):  # noqa: N818 - a reason, not a bug
    """The page went over its budget; `reason` is the NotAnArticle reason.

    A BaseException, like KeyboardInterrupt: libraries that catch Exception
    around their own steps (trafilatura does) must not swallow it.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


# What a budget's seconds count: wall-clock time (the crawl: a page must not hold a worker), or the
# process's CPU time (evaluations and benchmarks on a loaded machine, where waiting for a core is not the page's cost).
CLOCKS = {"wall": time.monotonic, "cpu": time.process_time}


@dataclass(slots=True, frozen=True)
class Budget:
    """One page's limits; `expires` is an instant of `clock` (one of CLOCKS' values)."""

    expires: float
    timeout: float
    clock: Callable[[], float] = time.monotonic
    max_elements: int = MAX_ELEMENTS
    max_links: int = MAX_LINKS

    def check_deadline(self, stage: str) -> None:
        if self.clock() > self.expires:
            raise OverBudget("extraction_timeout", f"over {self.timeout:g} s, at {stage}")


_CURRENT: ContextVar[Budget | None] = ContextVar("newsroom_page_budget", default=None)


@contextmanager
def page_budget(timeout: float, clock: str = "wall"):
    """Make a budget of `timeout` seconds of `clock` ("wall" or "cpu") current for the extraction inside the block."""
    now = CLOCKS[clock]
    budget = Budget(expires=now() + timeout, timeout=timeout, clock=now)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def check_deadline(stage: str) -> None:
    """A stage boundary: raise OverBudget when the current page's time is up."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.check_deadline(stage)


def check_text(text: str) -> None:
    """Before parsing: raise OverBudget when a budget is current and the text is too long or too tag-dense.

    Parsing itself costs time and memory by the tag (2.3 million empty tags: 12 s, 375 MiB), so what
    can be judged from the text is judged before it is parsed.
    """
    budget = _CURRENT.get()
    if budget is None:
        return
    if len(text) > MAX_CHARS:
        raise OverBudget("too_complex", f"{len(text)} characters, over {MAX_CHARS}")
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise OverBudget("too_complex", f"{tags} '<' characters, over {MAX_TAGS}")


def check_tree(tree: etree._Element) -> None:
    """After parsing: raise OverBudget when a budget is current and the tree exceeds it."""
    budget = _CURRENT.get()
    if budget is None:
        return
    budget.check_deadline("parse")
    elements = int(COUNT_ELEMENTS(tree))
    if elements > budget.max_elements:
        raise OverBudget("too_complex", f"{elements} elements, over {budget.max_elements}")
    if TOO_DEEP(tree):
        raise OverBudget("too_complex", f"elements nested deeper than {MAX_DEPTH}")
    links = int(COUNT_LINKS(tree))
    if links > budget.max_links:
        raise OverBudget("too_complex", f"{links} links, over {budget.max_links}")

"""The extraction always answers: every page ends as a record or a counted reason, in bounded time.

`guarded` wraps the extraction entry point. Inside it the page has a budget
(budget.py: a deadline and size limits checked at stage boundaries), and on
the main thread of a Unix process a timer interrupts a stage that runs past
the deadline between two boundaries (one XPath over a pathological page can
take minutes). An exception no stage expected becomes
NotAnArticle("extraction_error", "<Type>: <message>"), logged with the URL:
one bad page must cost its own record, never the crawl's item or its log.
Worker processes add what no in-process check can: a hard kill and a memory
limit (see workerpool.py).
"""

from __future__ import annotations

import functools
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .budget import DEFAULT_TIMEOUT, OverBudget, page_budget

logger = logging.getLogger(__name__)

# Longest exception message kept in a reason's detail: enough to recognise it, short enough for stats logs.
MAX_DETAIL_CHARS = 200


# The interval timer and its signal for each clock a budget can count (Unix only: elsewhere there is none).
TIMERS = (
    {"wall": (signal.ITIMER_REAL, signal.SIGALRM), "cpu": (signal.ITIMER_PROF, signal.SIGPROF)}
    if hasattr(signal, "setitimer")
    else {}
)


def _interrupt(signum, frame) -> None:
    raise OverBudget("extraction_timeout", "interrupted at the deadline")


@contextmanager
def interrupt_after(seconds: float, clock: str = "wall") -> Iterator[None]:
    """Raise OverBudget in this thread after `seconds`; a no-op where signals cannot do it.

    Only the main thread receives signals, and only Unix has setitimer; elsewhere
    the stage-boundary checks are the budget. A handler already installed for
    the timer's signal is left alone (it is someone else's), and restored afterwards.
    `clock` "cpu" counts the process's CPU time instead of wall-clock time (for
    benchmarks on a loaded machine: waiting for a core does not use the budget).
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    timer, signum = TIMERS[clock] if usable else (None, None)
    if not usable or signal.getsignal(signum) not in (signal.SIG_DFL, signal.SIG_IGN, None):
        yield
        return
    previous = signal.signal(signum, _interrupt)
    signal.setitimer(timer, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signum, previous)


def failure_detail(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:MAX_DETAIL_CHARS]


def guarded(not_an_article: Callable[[str, str], object]):
    """Decorate `extract(body, url, ...)`: it gains `timeout` and `clock` keywords and never raises.

    `clock` "cpu" counts the budget in the process's CPU time (evaluations on a loaded machine).

    `not_an_article(reason, detail)` builds the answer for a page over budget
    (`too_complex`, `extraction_timeout`) or one that raised (`extraction_error`).
    """

    def decorate(extract):
        @functools.wraps(extract)
        def run(body, url, *args, timeout: float | None = None, clock: str = "wall", **kwargs):
            seconds = DEFAULT_TIMEOUT if timeout is None else timeout
            try:
                with page_budget(seconds, clock), interrupt_after(seconds, clock):
                    return extract(body, url, *args, **kwargs)
            except OverBudget as over:
                logger.info("Extraction over budget on %s: %s", url, over)
                return not_an_article(over.reason, over.detail)
            except MemoryError as error:
                logger.warning("Extraction ran out of memory on %s", url)
                return not_an_article("too_complex", failure_detail(error) or "MemoryError")
            except Exception as error:  # noqa: BLE001 - the whole point: no page may cost the item
                logger.warning("Extraction error on %s: %s", url, failure_detail(error))
                logger.debug("Traceback of the extraction error on %s", url, exc_info=True)
                return not_an_article("extraction_error", failure_detail(error))

        return run

    return decorate

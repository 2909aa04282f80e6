"""A worker's heap over a long crawl: the warm-up kept out of the garbage collector, freed pages given back.

An extraction worker (workerpool.py) holds the same objects from its warm-up
to its end: modules, py3langid's model, jusText's stoplists. Python's
collector still walks them at every full collection, and with its default
thresholds it collects about three times a page, finding almost nothing:
over 400 real pages, 1.6 ms of CPU a page (of about 45) went to collections
that freed 86 objects in all. Frozen after the warm-up and collected every
10,000 net new objects instead of 700, that is 0.4 ms a page
(benchmarks/notes/crawl-memory-2026-11-26.md). Cyclic garbage is rare here,
so the larger threshold costs little memory.

glibc keeps the pages a large page's parse freed inside its heap, where a
later page may or may not reuse them, so a worker's RSS creeps up over a
crawl. `HeapTrimmer` gives them back (malloc_trim) after a task that left
the RSS well above where the last trim left it: one trim costs about
0.8 ms, so it runs after the tasks that grew the heap, not after every one.
Both do nothing where they cannot (no /proc, no glibc).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os

# Net new container objects between two young collections (CPython's default is 700).
GC_YOUNG_THRESHOLD = 10_000
# RSS growth past the last trim, in KiB, that makes the next task end with a trim.
TRIM_STEP_KIB = 16 * 1024
STATM = "/proc/self/statm"
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def settle_after_warm_up() -> None:
    """What the warm-up left stays for the worker's life: out of the collector's walks, and collect less often."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)


def rss_kib() -> int | None:
    """This process's resident memory, or None where /proc is missing."""
    try:
        with open(STATM, "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_KIB
    except (OSError, ValueError, IndexError):
        return None


def _malloc_trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc: musl and macOS have no malloc_trim
        return None


class HeapTrimmer:
    """Call `after_task` after each task: it trims the heap when the RSS grew by `step_kib` since the last trim."""

    def __init__(self, step_kib: int = TRIM_STEP_KIB) -> None:
        self.step_kib = step_kib
        self.trim = _malloc_trim()
        self.mark = rss_kib()
        self.trims = 0

    def after_task(self) -> None:
        if self.trim is None or self.mark is None:
            return
        rss = rss_kib()
        if rss is None or rss < self.mark + self.step_kib:
            return
        self.trim(0)
        self.trims += 1
        self.mark = rss_kib() or rss

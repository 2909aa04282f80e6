"""A worker's heap: the warm-up frozen out of the collector, and freed pages given back after a task that grew it."""

from __future__ import annotations

import sys

import pytest

from newsroom_scraper.workerheap import GC_YOUNG_THRESHOLD, HeapTrimmer, rss_kib
from newsroom_scraper.workerpool import WorkerPool

from . import pooljobs

linux_glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or HeapTrimmer().trim is None, reason="needs /proc and glibc's malloc_trim"
)


def test_a_worker_collects_less_often_with_its_warm_up_frozen():
    pool = WorkerPool(1, timeout=30.0)
    try:
        assert pool.submit(pooljobs.collector_state).result(timeout=60) == (GC_YOUNG_THRESHOLD, True)
    finally:
        pool.shutdown()


def fragmented_heap(chunks: int = 40_000, size: int = 1500) -> list[bytes]:
    """About 60 MB of glibc heap freed again, but for every 100th chunk, which pins it: free() keeps it all."""
    allocated = [bytes(size) for _ in range(chunks)]
    return allocated[::100]


@linux_glibc
def test_a_task_that_grew_the_heap_ends_with_its_free_pages_given_back():
    trimmer = HeapTrimmer(step_kib=20 * 1024)
    kept = fragmented_heap()
    grown = rss_kib()
    assert grown >= trimmer.mark + 20 * 1024
    trimmer.after_task()
    assert trimmer.trims == 1
    assert rss_kib() < grown - 20 * 1024
    trimmer.after_task()  # no growth since: no second trim
    assert trimmer.trims == 1
    assert kept


def test_a_task_that_did_not_grow_the_heap_leaves_it_alone():
    trimmer = HeapTrimmer(step_kib=1024 * 1024)
    trimmer.after_task()
    assert trimmer.trims == 0

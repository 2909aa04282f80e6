"""A worker's heap: the warm-up frozen out of the collector, and freed pages given back after a task that grew it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsroom_scraper.workerheap import GC_YOUNG_THRESHOLD, HeapTrimmer
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


# Run in a fresh interpreter: in the test process the heap already holds whatever earlier tests freed, which a
# new allocation reuses without growing the RSS. About 60 MB of glibc heap is allocated, then freed but for
# every 100th chunk, which pins it: free() keeps it all, and only malloc_trim gives the pages back.
FRAGMENTED_HEAP = """
import json
from newsroom_scraper.workerheap import HeapTrimmer, rss_kib
trimmer = HeapTrimmer(step_kib=20 * 1024)
start = trimmer.mark
allocated = [bytes(1500) for _ in range(40_000)]
kept = allocated[::100]
del allocated
grown = rss_kib()
trimmer.after_task()
trimmed, after = trimmer.trims, rss_kib()
trimmer.after_task()  # no growth since: no second trim
print(json.dumps([start, grown, trimmed, after, trimmer.trims, len(kept)]))
"""


@linux_glibc
def test_a_task_that_grew_the_heap_ends_with_its_free_pages_given_back():
    done = subprocess.run([sys.executable, "-c", FRAGMENTED_HEAP], capture_output=True, text=True, timeout=60)
    start, grown, trimmed, after, trims, kept = json.loads(done.stdout)
    assert grown >= start + 20 * 1024
    assert trimmed == 1
    assert after < grown - 20 * 1024
    assert trims == 1
    assert kept == 400


def test_a_task_that_did_not_grow_the_heap_leaves_it_alone():
    trimmer = HeapTrimmer(step_kib=1024 * 1024)
    trimmer.after_task()
    assert trimmer.trims == 0

"""Tasks for the worker-pool tests: importable by spawned workers, each misbehaving in one real way."""

from __future__ import annotations

import os
import time

# Larger than the memory limit the tests give their workers.
HOG_BYTES = 2 * 1024**3


def echo(value):
    return value


def pid_of_worker(_=None) -> int:
    return os.getpid()


def hang(seconds: float = 3600.0):
    time.sleep(seconds)


def eat_memory(_=None):
    return len(bytearray(HOG_BYTES))


def die(_=None):
    os._exit(9)


def fail(_=None):
    raise KeyError("no such thing")


def misbehaving_extract(item, rules, timeout):
    """extract_page, except for URLs ending in /hang, /memory, /die or /fail, which do what they say."""
    if item.url.endswith("/hang"):
        return hang()
    if item.url.endswith("/memory"):
        return eat_memory()
    if item.url.endswith("/die"):
        return die()
    if item.url.endswith("/fail"):
        return fail()
    from newsroom_scraper.pagetask import extract_page  # here: the pool tests' workers start light

    return extract_page(item, rules, timeout)


def collector_state(_=None) -> tuple[int, bool]:
    """The worker's young-generation threshold, and whether its warm-up was frozen out of the collector."""
    import gc

    return gc.get_threshold()[0], gc.get_freeze_count() > 0

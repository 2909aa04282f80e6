"""The worker pool: a task that hangs, eats memory or kills its worker fails alone; the others come back."""

from __future__ import annotations

import time
from concurrent.futures import wait

import pytest

from newsroom_scraper.workerpool import RemoteError, TaskFailed, WorkerPool

from . import pooljobs


@pytest.fixture
def pool():
    pool = WorkerPool(2, timeout=3.0, memory_mb=512)
    yield pool
    pool.shutdown()


def results(futures, timeout=60):
    done, not_done = wait(futures, timeout=timeout)
    assert not not_done, "the pool lost tasks"
    return [future.result() if future.exception() is None else future.exception() for future in futures]


def test_tasks_run_and_return(pool):
    assert results([pool.submit(pooljobs.echo, n) for n in range(10)]) == list(range(10))


def test_a_hanging_task_is_killed_and_only_it_fails(pool):
    started = time.monotonic()
    futures = [pool.submit(pooljobs.hang)] + [pool.submit(pooljobs.echo, n) for n in range(6)]
    outcome = results(futures)
    assert outcome[0] == TaskFailed("timeout", "killed after 3 s")
    assert outcome[1:] == list(range(6))
    assert pool.replaced == 1
    assert time.monotonic() - started < 30
    # The replacement worker takes tasks like the others.
    assert results([pool.submit(pooljobs.echo, "after")]) == ["after"]


def test_a_task_over_the_memory_limit_fails_alone(pool):
    futures = [pool.submit(pooljobs.echo, "before"), pool.submit(pooljobs.eat_memory), pool.submit(pooljobs.echo, 1)]
    outcome = results(futures)
    assert outcome[0] == "before" and outcome[2] == 1
    assert outcome[1] == TaskFailed("memory", "out of memory (limit 512 MiB)")
    assert pool.replaced == 1


def test_a_worker_that_dies_fails_its_task_only(pool):
    futures = [pool.submit(pooljobs.die)] + [pool.submit(pooljobs.echo, n) for n in range(4)]
    outcome = results(futures)
    assert isinstance(outcome[0], TaskFailed) and outcome[0].kind == "died"
    assert "status -9" in outcome[0].detail or "status 9" in outcome[0].detail
    assert outcome[1:] == list(range(4))


def test_an_exception_comes_back_to_the_submitter_and_the_worker_lives(pool):
    started = {worker.process.pid for worker in pool._workers}
    outcome = results([pool.submit(pooljobs.fail)])
    assert isinstance(outcome[0], RemoteError) and str(outcome[0]) == "KeyError: 'no such thing'"
    # The same processes answer after (on a busy machine the second may only now be ready: no subset of a sample).
    after = set(results([pool.submit(pooljobs.pid_of_worker) for _ in range(4)]))
    assert after <= started and pool.replaced == 0


def test_shutdown_answers_queued_tasks():
    pool = WorkerPool(1, timeout=30.0)
    futures = [pool.submit(pooljobs.hang, 2)] + [pool.submit(pooljobs.echo, n) for n in range(3)]
    pool.shutdown()
    outcome = results(futures, timeout=10)
    assert all(result == TaskFailed("died", "pool shut down") for result in outcome[1:])
    with pytest.raises(RuntimeError):
        pool.submit(pooljobs.echo, 1)

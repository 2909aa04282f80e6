"""A process pool where one task can fail only itself: killed past its time, capped in memory, replaced.

concurrent.futures' ProcessPoolExecutor breaks as a whole when one worker
dies (BrokenProcessPool: every task in flight is lost) and cannot stop a
task that runs too long. A crawl's extraction needs both: a hostile page may
loop in C code for minutes or allocate gigabytes. Here each worker has its
own pipe and runs one task at a time under an address-space limit
(RLIMIT_AS); a dispatcher thread hands tasks to idle workers and watches
them. A task past its deadline gets its worker killed; a worker that dies
fails its own task; either way a fresh worker takes its place and the other
workers' tasks go on untouched. Such a task's future gets a `TaskFailed`
(not an exception) saying why.

`submit` never blocks: it queues the task and wakes the dispatcher, so the
crawl's reactor thread only ever waits on futures. A task's `data` (a page's
bytes) travels beside its small pickled header as raw bytes, not inside the
pickle, so a large body is not copied into a pickle buffer on its way.
A worker keeps its heap flat over a long crawl (workerheap.py): what its
warm-up loaded is frozen out of the garbage collector, and freed pages go
back to the system after a task that grew the heap.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from .workerheap import HeapTrimmer, settle_after_warm_up

logger = logging.getLogger(__name__)

# Seconds a worker gets to start (spawn, imports, initializer) before it counts as dead.
START_TIMEOUT = 120.0
# Workers that die before they are ready, in a row, before the pool gives up (a broken install, not a page).
MAX_START_FAILURES = 3
READY = "ready"
# Seconds a worker gets to exit after being asked to, at shutdown, before it is killed.
STOP_TIMEOUT = 5.0


@dataclass(slots=True, frozen=True)
class TaskFailed:
    """Why a task gave no result: `kind` is "timeout", "memory" or "died"; `detail` says more."""

    kind: str
    detail: str


class RemoteError(RuntimeError):
    """The task raised in its worker; the message is "<Type>: <message>" from there."""


@dataclass(slots=True)
class _Task:
    function: Callable
    args: tuple
    data: bytes | None = None
    future: Future = field(default_factory=Future)


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: _Task | None = None
    deadline: float = 0.0


class WorkerPool:
    """`workers` processes; a task over `timeout` seconds or `memory_mb` MiB fails alone."""

    def __init__(
        self,
        workers: int,
        *,
        timeout: float,
        memory_mb: int | None = None,
        initializer: Callable[[], None] | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"a worker pool needs at least one worker, not {workers}")
        self.size = workers
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.initializer = initializer
        self.replaced = 0  # workers killed or dead and started again
        self.peak_waiting = 0  # the most tasks queued or running at once (bounded by the submitter)
        self._start_failures = 0
        self._context = multiprocessing.get_context("spawn")
        self._pending: deque[_Task] = deque()
        self._lock = threading.Lock()
        self._wake_reader, self._wake_writer = self._context.Pipe(duplex=False)
        self._wake_sent = False  # a wake-up is on its way: the dispatcher takes every queued task when it wakes
        self._workers = [self._start_worker() for _ in range(workers)]
        self._closing = False
        self._thread = threading.Thread(target=self._dispatch, name="workerpool-dispatcher", daemon=True)
        self._thread.start()

    def submit(self, function: Callable, *args, data: bytes | None = None) -> Future:
        """Queue `function(*args)`, or `function(data, *args)` when data is given.

        Its future gets the return value, a TaskFailed, or a RemoteError.
        """
        task = _Task(function, args, data)
        with self._lock:
            if self._closing:
                raise RuntimeError("the worker pool is shut down")
            self._pending.append(task)
            busy = sum(1 for worker in self._workers if worker.task is not None)
            self.peak_waiting = max(self.peak_waiting, len(self._pending) + busy)
            if not self._wake_sent:  # one write per dispatcher turn, not one per page
                self._wake_sent = True
                self._wake_writer.send_bytes(b"")
        return task.future

    def shutdown(self) -> None:
        """Stop the workers; tasks still queued get TaskFailed("died", "pool shut down")."""
        with self._lock:
            self._closing = True
            self._wake_writer.send_bytes(b"")
        self._thread.join()
        for worker in self._workers:
            self._stop(worker)
        for task in self._pending:
            task.future.set_result(TaskFailed("died", "pool shut down"))
        self._pending.clear()

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=serve, args=(child, self.memory_mb, self.initializer), name="newsroom-worker", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent, deadline=time.monotonic() + START_TIMEOUT)

    def _stop(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except (OSError, ValueError):
            pass
        worker.process.join(STOP_TIMEOUT)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        if worker.task is not None:
            worker.task.future.set_result(TaskFailed("died", "pool shut down"))

    def _dispatch(self) -> None:
        try:
            while self._turn():
                pass
        except Exception as error:  # noqa: BLE001 - a dead dispatcher must not leave futures waiting forever
            logger.exception("The worker pool's dispatcher failed: every waiting task fails")
            with self._lock:
                self._closing = True
            failure = TaskFailed("died", f"pool dispatcher failed: {type(error).__name__}: {error}")
            for task in [*self._pending, *(w.task for w in self._workers if w.task)]:
                if not task.future.done():
                    task.future.set_result(failure)
            self._pending.clear()

    def _turn(self) -> bool:
        """Hand out tasks, wait for a reply, a death, a deadline or a new task; False once closing."""
        with self._lock:
            if self._closing:
                return False
            self._wake_sent = False  # from here on a new task wakes the wait below
            assigned = self._assign()
        for worker, task in assigned:
            try:
                worker.conn.send((task.function, task.args, task.data is not None))
                if task.data is not None:
                    worker.conn.send_bytes(task.data)
                    task.data = None  # the worker has it: do not keep the bytes alive while it works
            except Exception as error:  # noqa: BLE001 - an unpicklable task fails alone
                worker.task = None
                task.future.set_exception(error)
        now = time.monotonic()
        wait_for = min((w.deadline for w in self._workers if w.task or not w.ready), default=now + 60) - now
        ready = wait([self._wake_reader, *(w.conn for w in self._workers)], timeout=max(wait_for, 0))
        if self._wake_reader in ready:
            while self._wake_reader.poll():
                self._wake_reader.recv_bytes()
        for index, worker in enumerate(self._workers):
            if worker.conn in ready:
                self._receive(index, worker)
        self._expire(time.monotonic())
        return True

    def _assign(self) -> list[tuple[_Worker, _Task]]:
        """Pair idle workers with queued tasks (under the lock; sending happens outside it)."""
        assigned = []
        for worker in self._workers:
            while self._pending and worker.ready and worker.task is None:
                task = self._pending.popleft()
                if task.future.set_running_or_notify_cancel():
                    worker.task, worker.deadline = task, time.monotonic() + self.timeout
                    assigned.append((worker, task))
        return assigned

    def _receive(self, index: int, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(STOP_TIMEOUT)
            self._replace(index, TaskFailed("died", f"worker exited with status {worker.process.exitcode}"))
            return
        if message == READY:
            worker.ready = True
            return
        task, worker.task = worker.task, None
        kind, value = message
        if task is None:
            return
        if kind == "ok":
            task.future.set_result(value)
        elif kind == "memory":
            worker.task = task  # the worker exits after a MemoryError: start afresh, then answer
            self._replace(index, TaskFailed("memory", value))
        else:
            task.future.set_exception(RemoteError(value))

    def _expire(self, now: float) -> None:
        for index, worker in enumerate(self._workers):
            if now < worker.deadline or not (worker.task or not worker.ready):
                continue
            if worker.task is None:
                self._replace(index, TaskFailed("died", f"worker did not start in {START_TIMEOUT:g} s"))
            else:
                self._replace(index, TaskFailed("timeout", f"killed after {self.timeout:g} s"))

    def _replace(self, index: int, failure: TaskFailed) -> None:
        """Kill the worker if alive, start another in its place, then fail the task it held."""
        worker = self._workers[index]
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._start_failures = 0 if worker.ready else self._start_failures + 1
        if self._start_failures >= MAX_START_FAILURES:
            self._give_up(failure)
        self.replaced += 1
        self._workers[index] = self._start_worker()
        if worker.task is not None:
            logger.warning("Worker %s replaced: %s", worker.process.pid, failure.detail)
            worker.task.future.set_result(failure)

    def _give_up(self, failure: TaskFailed) -> None:
        """Workers die before they can take a task: fail what waits instead of retrying forever."""
        logger.error("Extraction workers fail to start (%s): queued tasks fail", failure.detail)
        reason = TaskFailed("died", f"workers fail to start: {failure.detail}")
        with self._lock:
            while self._pending:
                self._pending.popleft().future.set_result(reason)
        self._start_failures = 0


def serve(conn: Connection, memory_mb: int | None, initializer: Callable[[], None] | None) -> None:
    """A worker's life: cap memory, warm up, then run tasks one at a time until told to stop."""
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if initializer is not None:
        initializer()
    settle_after_warm_up()
    heap = HeapTrimmer()
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        function, args, has_data = message
        if has_data:
            args = (conn.recv_bytes(), *args)
        try:
            reply = ("ok", function(*args))
        except MemoryError:
            conn.send(("memory", f"out of memory (limit {memory_mb} MiB)"))
            return  # the pool replaces this worker
        except Exception as error:  # noqa: BLE001 - reported to the submitter, the worker lives on
            reply = ("error", f"{type(error).__name__}: {error}")
        conn.send(reply)
        del reply, args
        heap.after_task()

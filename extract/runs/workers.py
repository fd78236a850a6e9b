"""Documents processed in worker processes that the run supervises.

A Python signal handler does not run while spaCy's tokenizer or the model is inside a long C call, so a
document cannot be stopped from within its own process. Each worker instead says when a document enters
its pipeline and when its records are ready; a worker that goes ``timeout`` seconds without a word while
a document is in it is killed and replaced, that document gets a named error (E061), and the rest of its
batch goes on in the new worker. A worker that dies (out of memory, a crash) is treated the same way
(E062). Results come back in input order.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

from .. import pipeline
from ..errors import Errors
from .process import stream_outcomes
from .settings import DEFAULT_PARSE_CACHE

PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)
PARENT_POLL_SECONDS = 0.5  # how often a worker checks that the run that started it is still there
TASKS_PER_WORKER = 2  # one worked on, one waiting in its pipe
# A batch goes out in tasks of this many documents, to whichever worker is free: with whole batches of 64,
# the last batch of a run kept one worker busy for half a second or more while the other had nothing to do.
TASK_DOCS = 16
STOP_SECONDS = 5.0  # how long a worker asked to stop may take before it is killed
# Forked workers start with the run's pipeline already loaded (the run loads it once, before the first fork):
# starting one, or replacing one that ran over its budget, costs a fork, where a spawned worker imports spaCy
# and loads the model again (some 3 to 7 s on a loaded 2-core machine). Fork is safe on Linux only.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


def watch_parent(parent: int, every: float = PARENT_POLL_SECONDS, *, from_main_thread: bool = False) -> None:
    """In each worker: exit as soon as the run that started it is gone (``kill -9`` leaves no time to
    stop the pool, and a worker holds a pipeline of some 200 MB).

    On Linux, for a worker forked from the run's main thread (whose end is the run's), the kernel does it:
    PR_SET_PDEATHSIG kills the worker when the thread that forked it ends. The worker then has no
    thread but its own, which keeps the C library's single-thread fast paths (while spaCy's parser took the
    GIL's lock on every call of its state methods, it ran 20% slower with a second thread in the process;
    ``stepped_parser`` now holds the GIL instead). Elsewhere, or if the call fails, a daemon thread polls
    for the parent."""
    if os.getppid() != parent:  # gone before this worker started
        os._exit(1)
    if from_main_thread and _die_with_parent():
        if os.getppid() != parent:  # gone between the check above and the call
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="extract-parent-watch", daemon=True).start()


def _die_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when the thread that forked it ends; False where that is not
    available."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _serve(conn: Any, parent: int, model: str, parse_cache: int, from_main_thread: bool = False) -> None:
    """A worker's life: load the pipeline once, then process the batches it is sent, saying ("start", i)
    as document i enters the pipeline and ("done", outcome) as its records are ready."""
    watch_parent(parent, from_main_thread=from_main_thread)
    while True:
        job = conn.recv()
        if job is None:
            return
        docs, solo = job
        try:
            for i, outcome in enumerate(stream_outcomes(docs, model, solo=solo, parse_cache=parse_cache,
                                                        on_start=lambda i: conn.send(("start", i, None)))):
                conn.send(("done", i, outcome))
        except Exception as exc:  # noqa: BLE001 - the pipeline itself could not be built: the run must stop
            conn.send(("fatal", 0, repr(exc)))
            return
        conn.send(("end", 0, None))


@dataclass
class _Job:
    """One batch, in input order; ``outcomes`` fill in as its documents finish (or fail)."""

    seq: int
    docs: list[Any]
    outcomes: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.outcomes = [None] * len(self.docs)

    @property
    def finished(self) -> bool:
        return all(o is not None for o in self.outcomes)

    def remaining(self) -> list[int]:
        return [i for i, o in enumerate(self.outcomes) if o is None]


@dataclass
class _Task:
    """Documents of a job sent to a worker (``positions`` in the job, in the order sent)."""

    job: _Job
    positions: list[int]
    solo: bool = False


class _Worker:
    """One process with its pipe, the tasks sent to it (the first is the one it works on: one more waits
    in its pipe, so that it never idles while the run reads the next batch), and which documents are in
    its pipeline."""

    def __init__(self, ctx: Any, model: str, parse_cache: int) -> None:
        here, there = ctx.Pipe()
        from_main_thread = threading.current_thread() is threading.main_thread()
        self.process = ctx.Process(target=_serve, args=(there, os.getpid(), model, parse_cache, from_main_thread),
                                   daemon=True, name="extract-worker")
        gc.freeze()  # a forked worker's collector then leaves the inherited objects (and their pages) alone
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        there.close()
        self.conn = here
        self.tasks: deque[_Task] = deque()
        self.in_flight: set[int] = set()  # positions (in the first task's job) started and not done
        self.last_started: Optional[int] = None  # index in the first task of the document that entered last
        self.last_event = time.monotonic()
        self.heard = False  # any word from it yet (one that dies unheard could not start at all)

    def give(self, task: _Task) -> None:
        self.tasks.append(task)
        self.conn.send(([task.job.docs[i] for i in task.positions], task.solo))

    def finish_task(self) -> None:
        self.tasks.popleft()
        self.in_flight, self.last_started = set(), None

    def deadline(self, timeout: Optional[float]) -> Optional[float]:
        """When this worker is over budget: only while a document is in its pipeline (loading the
        pipeline, or waiting for work, has no budget), counted from its last word (a document's start, or
        a piece of a long document done: a 20 MB text goes through piece by piece)."""
        if timeout is None or not self.in_flight:
            return None
        return self.last_event + timeout

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(STOP_SECONDS)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _doc_name(doc: Any) -> str:
    return f"{doc.source} ({doc.doc_id})"


class SupervisedPool:
    """``workers`` processes, one pipeline each, each document held to ``timeout`` seconds (None: no
    budget). ``failed(doc, message)`` builds the outcome of a document that could not be processed;
    ``parse_cache``: sentence parses each worker's pipeline remembers."""

    def __init__(self, workers: int, model: str, timeout: Optional[float], failed: Callable[[Any, str], Any],
                 parse_cache: int = DEFAULT_PARSE_CACHE) -> None:
        import multiprocessing

        self.ctx = multiprocessing.get_context(START_METHOD)
        self.model = model
        self.parse_cache = parse_cache
        self.timeout = timeout
        self.failed = failed
        self.size = workers
        self.workers: list[_Worker] = []
        self.retries: deque[_Task] = deque()  # what a replaced worker left, to do first
        self.queued: deque[_Task] = deque()  # tasks of the batches read, not yet given to a worker

    def run(self, batches: Iterator[list[Any]]) -> Iterator[list[Any]]:
        """Outcomes per batch, in input order; at most ``2 * workers`` batches in hand, so memory stays flat."""
        from multiprocessing.connection import wait

        if START_METHOD == "fork":
            pipeline.default_pipeline(self.model, self.parse_cache)  # loaded here once, and inherited by every worker forked
        self.workers = [_Worker(self.ctx, self.model, self.parse_cache) for _ in range(self.size)]
        pending: dict[int, _Job] = {}
        seq = next_out = 0
        exhausted = False
        try:
            while True:
                for w in self.workers:
                    while len(w.tasks) < TASKS_PER_WORKER:
                        if self.retries or self.queued:
                            w.give((self.retries or self.queued).popleft())
                            continue
                        if exhausted or len(pending) >= 2 * self.size:
                            break
                        batch = next(batches, None)
                        if batch is None:
                            exhausted = True
                            break
                        pending[seq] = _Job(seq, batch)
                        self.queued.extend(_Task(pending[seq], list(range(i, min(i + TASK_DOCS, len(batch)))))
                                           for i in range(0, len(batch), TASK_DOCS))
                        seq += 1
                while next_out in pending and pending[next_out].finished:
                    yield pending.pop(next_out).outcomes
                    next_out += 1
                if exhausted and not pending:
                    return
                busy = [w for w in self.workers if w.tasks]
                deadlines = [d for d in (w.deadline(self.timeout) for w in busy) if d is not None]
                wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
                for w in busy:
                    if w.conn in ready or w.process.sentinel in ready:
                        self._read(w)
                now = time.monotonic()
                for w in list(self.workers):
                    d = w.deadline(self.timeout)
                    if d is not None and now >= d:
                        self._replace(w, lambda doc: Errors.E061.format(doc=doc, budget=self.timeout))
        finally:
            for w in self.workers:
                w.stop()

    def _read(self, w: _Worker) -> None:
        """Every message the worker has sent; a worker that is gone is replaced."""
        try:
            while w.conn.poll():
                kind, i, value = w.conn.recv()
                w.last_event, w.heard = time.monotonic(), True
                task = w.tasks[0] if w.tasks else None
                if kind == "start":
                    w.in_flight.add(task.positions[i])
                    w.last_started = i
                elif kind == "done":
                    w.in_flight.discard(task.positions[i])
                    task.job.outcomes[task.positions[i]] = value
                elif kind == "end":
                    w.finish_task()
                else:  # "fatal": the pipeline cannot be built; no worker will do better
                    raise RuntimeError(value)
        except (EOFError, OSError):
            pass
        if not w.process.is_alive() and w.tasks:
            code = w.process.exitcode
            if not w.heard:
                raise RuntimeError(Errors.E063.format(code=code))
            self._replace(w, lambda doc: Errors.E062.format(doc=doc, code=code))

    @staticmethod
    def _culprit(w: _Worker) -> Optional[int]:
        """The document that held ``w``, when that is certain: the only one in its pipeline; or, in a batch,
        the last to enter while others were still to come. ``nlp.pipe`` gets the whole batch as one, so
        the parser (the one component that batches) takes every document before it parses any: until the
        last has entered, only the one that entered last is being worked on."""
        task = w.tasks[0]
        if len(w.in_flight) == 1:
            return next(iter(w.in_flight))
        if not task.solo and w.last_started is not None and w.last_started < len(task.positions) - 1:
            return task.positions[w.last_started]
        return None

    def _replace(self, w: _Worker, message: Callable[[str], str]) -> None:
        """Kill ``w`` and start another in its place. The document that held it (see ``_culprit``) gets
        ``message``; when that is not certain (a batch inside the model), the rest of the job goes on one
        document at a time, so that the next overrun names exactly one."""
        culprit = self._culprit(w) if w.tasks else None
        w.kill()
        self.workers[self.workers.index(w)] = _Worker(self.ctx, self.model, self.parse_cache)
        if not w.tasks:
            return
        current, *waiting = w.tasks
        job = current.job
        if culprit is not None:
            job.outcomes[culprit] = self.failed(job.docs[culprit], message(_doc_name(job.docs[culprit])))
        if job.remaining():
            self.retries.append(_Task(job, job.remaining(), solo=True))
        self.retries.extend(waiting)  # sent, never started: as they were

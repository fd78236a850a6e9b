"""Documents processed in worker processes that the run supervises.

A Python signal handler does not run while spaCy's tokenizer or the model is inside a long C call, so a
document cannot be stopped from within its own process. Each worker instead says when a document enters
its pipeline and when its records are ready; a worker that goes ``timeout`` seconds without a word while
a document is in it is killed and replaced, that document gets a named error (E061), and the rest of its
batch goes on in the new worker. A worker that dies (out of memory, a crash) is treated the same way
(E062). Results come back in input order.
"""
from __future__ import annotations

import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

from ..errors import Errors
from .process import stream_outcomes

PARENT_POLL_SECONDS = 0.5  # how often a worker checks that the run that started it is still there
STOP_SECONDS = 5.0  # how long a worker asked to stop may take before it is killed
# Forked workers start with the run's imports already made (spawned ones import spaCy again: some 0.5 to
# 5 s per worker on a loaded 2-core machine, paid again for each replacement); fork is safe on Linux only.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


def watch_parent(parent: int, every: float = PARENT_POLL_SECONDS) -> None:
    """In each worker: exit as soon as the run that started it is gone (``kill -9`` leaves no time to
    stop the pool, and a worker holds a pipeline of some 200 MB). A daemon thread, so it never keeps a
    worker alive. (Linux's PR_SET_PDEATHSIG would fire when the *thread* that started the worker ends,
    which in a process pool is not the run's end.)"""
    import threading

    if os.getppid() != parent:  # gone before this worker started
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="extract-parent-watch", daemon=True).start()


def _serve(conn: Any, parent: int, model: str) -> None:
    """A worker's life: load the pipeline once, then process the batches it is sent, saying ("start", i)
    as document i enters the pipeline and ("done", outcome) as its records are ready."""
    watch_parent(parent)
    while True:
        job = conn.recv()
        if job is None:
            return
        docs, solo = job
        try:
            for i, outcome in enumerate(stream_outcomes(docs, model, solo=solo,
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


class _Worker:
    """One process with its pipe, the batch it works on and which documents are in its pipeline."""

    def __init__(self, ctx: Any, model: str) -> None:
        here, there = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(there, os.getpid(), model), daemon=True,
                                   name="extract-worker")
        self.process.start()
        there.close()
        self.conn = here
        self.job: Optional[_Job] = None
        self.sent: list[int] = []  # positions in the job of the documents sent, in the order sent
        self.in_flight: set[int] = set()  # positions started and not done
        self.last_event = time.monotonic()
        self.heard = False  # any word from it yet (one that dies unheard could not start at all)

    def give(self, job: _Job, positions: list[int], solo: bool) -> None:
        self.job, self.sent, self.in_flight = job, positions, set()
        self.conn.send(([job.docs[i] for i in positions], solo))

    def deadline(self, timeout: Optional[float]) -> Optional[float]:
        """When this worker is over budget: only while a document is in its pipeline (loading the
        pipeline, or waiting for work, has no budget)."""
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
    budget). ``failed(doc, message)`` builds the outcome of a document that could not be processed."""

    def __init__(self, workers: int, model: str, timeout: Optional[float], failed: Callable[[Any, str], Any]) -> None:
        import multiprocessing

        self.ctx = multiprocessing.get_context(START_METHOD)
        self.model = model
        self.timeout = timeout
        self.failed = failed
        self.size = workers
        self.workers: list[_Worker] = []
        self.retries: deque[tuple[_Job, list[int]]] = deque()  # what a replaced worker left, to do first

    def run(self, batches: Iterator[list[Any]]) -> Iterator[list[Any]]:
        """Outcomes per batch, in input order; at most ``2 * workers`` batches in hand, so memory stays flat."""
        from multiprocessing.connection import wait

        self.workers = [_Worker(self.ctx, self.model) for _ in range(self.size)]
        pending: dict[int, _Job] = {}
        seq = next_out = 0
        exhausted = False
        try:
            while True:
                for w in self.workers:
                    if w.job is not None:
                        continue
                    if self.retries:
                        job, positions = self.retries.popleft()
                        w.give(job, positions, solo=True)
                    elif not exhausted and len(pending) < 2 * self.size:
                        batch = next(batches, None)
                        if batch is None:
                            exhausted = True
                            continue
                        pending[seq] = _Job(seq, batch)
                        w.give(pending[seq], list(range(len(batch))), solo=False)
                        seq += 1
                while next_out in pending and pending[next_out].finished:
                    yield pending.pop(next_out).outcomes
                    next_out += 1
                if exhausted and not pending:
                    return
                busy = [w for w in self.workers if w.job is not None]
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
                if kind == "start":
                    w.in_flight.add(w.sent[i])
                elif kind == "done":
                    w.in_flight.discard(w.sent[i])
                    w.job.outcomes[w.sent[i]] = value
                elif kind == "end":
                    w.job, w.sent, w.in_flight = None, [], set()
                else:  # "fatal": the pipeline cannot be built; no worker will do better
                    raise RuntimeError(value)
        except (EOFError, OSError):
            pass
        if not w.process.is_alive() and w.job is not None:
            code = w.process.exitcode
            if not w.heard:
                raise RuntimeError(Errors.E063.format(code=code))
            self._replace(w, lambda doc: Errors.E062.format(doc=doc, code=code))

    def _replace(self, w: _Worker, message: Callable[[str], str]) -> None:
        """Kill ``w`` and start another in its place. The one document that was in its pipeline gets
        ``message``; when several were (a batch inside the model), the rest of the job goes on one
        document at a time, so that the next overrun names exactly one."""
        job, in_flight = w.job, set(w.in_flight)
        w.kill()
        self.workers[self.workers.index(w)] = _Worker(self.ctx, self.model)
        if job is None:
            return
        if len(in_flight) == 1:
            (pos,) = in_flight
            job.outcomes[pos] = self.failed(job.docs[pos], message(_doc_name(job.docs[pos])))
        if job.remaining():
            self.retries.append((job, job.remaining()))

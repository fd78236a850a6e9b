"""Batch runs over a corpus: streaming, several processes, resumable, and every bad input reported.

Exit status of ``extract run`` (see README): 0 when every input was read and
processed, 1 when any input or document failed (the rest are still written),
2 for a usage error.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Optional, Union

from .errors import Errors
from .io import (DEFAULT_ID_FIELD, DEFAULT_MAX_BYTES, DEFAULT_TEXT_FIELD, Document, InputError, Item, SideFile,
                 done_doc_ids, iter_documents, output_format, record_writer, repair_jsonl, side_paths)
from .records import Record

log = logging.getLogger("extract")
DEFAULT_BATCH_SIZE = 64


@dataclass
class Summary:
    documents: int = 0
    records: int = 0
    errors: int = 0
    skipped: int = 0  # already done (--resume)
    words: int = 0
    elapsed: float = 0.0
    error_messages: list[str] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        return (f"documents: {self.documents}  records: {self.records}  errors: {self.errors}  "
                f"skipped: {self.skipped}  elapsed: {self.elapsed:.1f}s  words/s: {self.words_per_second:,.0f}")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("error_messages")
        d["words_per_second"] = self.words_per_second
        return d


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its records, or the reason it failed."""

    doc_id: str
    source: str
    words: int
    records: tuple[Record, ...] = ()
    error: Optional[str] = None


@lru_cache(maxsize=1)
def _worker_pipeline(model: str):  # type: ignore[no-untyped-def]
    from .pipeline import load

    return load(model=model)


def _failed(doc: Document, message: str) -> Outcome:
    return Outcome(doc.doc_id, doc.source, len(doc.text.split()), error=message)


def _outcome(nlp: Any, doc: Any, d: Document) -> Outcome:
    from .records import records_from_doc

    doc._.doc_id = d.doc_id
    return Outcome(d.doc_id, d.source, len(d.text.split()), tuple(records_from_doc(doc, d.doc_id)))


def _one_by_one(nlp: Any, docs: list[Document], first: int, on_start: Callable[[int], None]) -> Iterator[Outcome]:
    for i in range(first, len(docs)):
        d = docs[i]
        on_start(i)
        try:
            yield _outcome(nlp, nlp(d.text), d)
        except Exception as exc:  # noqa: BLE001 - reported with the document's name, never raised
            yield _failed(d, Errors.E023.format(doc_id=f"{d.source} ({d.doc_id})", reason=repr(exc)))


def stream_outcomes(docs: list[Document], model: str, *, solo: bool = False,
                    on_start: Callable[[int], None] = lambda i: None) -> Iterator[Outcome]:
    """Outcomes of ``docs`` in order, as each finishes; ``on_start(i)`` is called as document i enters the
    pipeline. Batched through ``nlp.pipe``; one by one with ``solo``, or from where a batch raised, so one
    bad document does not sink its batch."""
    nlp = _worker_pipeline(model)
    done = 0
    if not solo:
        def texts() -> Iterator[str]:
            for i, d in enumerate(docs):
                on_start(i)
                yield d.text

        try:
            for doc in nlp.pipe(texts(), batch_size=len(docs) or 1):
                outcome = _outcome(nlp, doc, docs[done])
                done += 1
                yield outcome
            return
        except Exception:  # noqa: BLE001 - redone one by one below, each failure named
            pass
    yield from _one_by_one(nlp, docs, done, on_start)


def process_documents(docs: list[Document], model: str) -> list[Outcome]:
    """In this process: one pipeline per process, documents in batches."""
    return list(stream_outcomes(docs, model))


def _batches(items: Iterable[Union[Document, InputError]], size: int, on_error: Callable[[InputError], None],
             on_document: Callable[[Document], None]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        on_document(item)
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_outcomes(batches: Iterator[list[Document]], model: str, workers: int,
                  doc_timeout: Optional[float] = None) -> Iterator[list[Outcome]]:
    """Results in input order. One worker and no time budget: in this process. Otherwise in supervised
    worker processes (see ``workers``), which can stop a document that runs over its budget."""
    if workers <= 1 and not doc_timeout:
        for batch in batches:
            yield process_documents(batch, model)
        return
    from .workers import SupervisedPool

    yield from SupervisedPool(workers, model, doc_timeout or None, _failed).run(batches)


PROGRESS_EVERY = 500  # documents between two progress lines when stderr is not a terminal


class _Progress:
    """A bar on a terminal, a log line every ``every`` documents elsewhere."""

    def __init__(self, enabled: bool, every: Optional[int] = None) -> None:
        self.every = every or PROGRESS_EVERY
        self.seen = 0  # documents finished, failed ones included
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=sys.stderr)

    def update(self, summary: Summary, n: int) -> None:
        self.seen += n
        if self.bar is not None:
            self.bar.update(n)
        elif n and self.seen // self.every != (self.seen - n) // self.every:
            log.info("%s", summary.line())

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _forget_unfinished(out: str, fmt: str, done: set[str]) -> None:
    """On resume, drop records of documents that were not marked done (interrupted mid-document)."""
    if fmt not in ("jsonl", "csv") or not os.path.exists(out):
        return
    repair_jsonl(out)
    tmp = out + ".tmp"
    with open(out, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
        if fmt == "jsonl":
            for line in src:
                try:
                    if json.loads(line).get("doc_id") in done:
                        dst.write(line)
                except ValueError:
                    continue
        else:
            import csv

            reader = csv.DictReader(src)
            writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
            writer.writeheader()
            for row in reader:
                if row.get("doc_id") in done:
                    writer.writerow(row)
    os.replace(tmp, out)


def check_output_folder(out: str) -> None:
    """An OSError naming ``out`` as the user wrote it when its folder is missing or not writable: the
    side files beside it are opened first, and their names would only puzzle."""
    folder = os.path.dirname(out.rstrip("/") or out) or "."
    reason = None
    if not os.path.exists(folder):
        reason = f"the folder {folder!r} does not exist"
    elif not os.path.isdir(folder):
        reason = f"{folder!r} is not a folder"
    elif not os.access(folder, os.W_OK | os.X_OK):
        reason = f"the folder {folder!r} is not writable"
    elif os.path.isdir(out) and output_format(out) != "parquet":
        reason = "it is a folder"
    if reason is not None:
        raise OSError(Errors.E042.format(path=out, reason=reason))


class _Run:
    """One run on one output: its side files, its summary, and the documents whose records are
    accepted but not yet on disk (a Parquet part still filling)."""

    def __init__(self, out: str, *, resume: bool, say: Callable[[str], None]) -> None:
        self.summary = Summary()
        self.say = say
        self.paths = side_paths(out)
        self.errors = SideFile(self.paths["errors"], keep=resume)
        self.done = SideFile(self.paths["done"], keep=resume)
        self.texts = SideFile(self.paths["texts"], keep=resume)
        self.unsaved: list[Outcome] = []  # processed, records not yet on disk
        self.started = time.perf_counter()

    def own_files(self, out: str) -> tuple[str, ...]:
        """What this run writes, so that it never reads it back as input."""
        return (out, *self.paths.values(), *(p + ".tmp" for p in self.paths.values()))

    def report(self, message: str) -> None:
        self.summary.errors += 1
        self.summary.error_messages.append(message)
        self.errors.write([message])
        self.say(message)

    def fresh(self, items: Iterable[Item], done: set[str]) -> Iterator[Item]:
        """Inputs not done by an earlier run (``--resume``)."""
        for item in items:
            if isinstance(item, Document) and item.doc_id in done:
                self.summary.skipped += 1
                continue
            yield item

    def on_document(self, doc: Document) -> None:
        if doc.note:
            self.say(doc.note)
        if doc.extracted:  # offsets refer to this text: keep it beside the records
            self.texts.write([json.dumps({"doc_id": doc.doc_id, "source": doc.source, "text": doc.text},
                                         ensure_ascii=False)])

    def take(self, outcomes: list[Outcome], writer: Any) -> None:
        """Write one batch's records. Documents are marked done only once their records are on disk; a
        write that fails is an error (E064) for every document it loses, never a silent gap."""
        written = [oc for oc in outcomes if oc.error is None]
        for oc in outcomes:
            if oc.error is not None:  # not processed: its words would only inflate words/s
                self.report(oc.error)
        try:
            writer.write([r for oc in written for r in oc.records])
        except Exception as exc:  # noqa: BLE001 - every record lost is reported by its document
            self.lose(written, writer, exc)
            return
        self.count(written, +1)
        self.unsaved += written
        if not writer.pending_rows:
            self.saved()

    def count(self, outcomes: list[Outcome], sign: int) -> None:
        s = self.summary
        s.documents += sign * len(outcomes)
        s.words += sign * sum(oc.words for oc in outcomes)
        s.records += sign * sum(len(oc.records) for oc in outcomes)

    def saved(self) -> None:
        self.done.write([oc.doc_id for oc in self.unsaved])
        self.unsaved = []

    def lose(self, uncounted: list[Outcome], writer: Any, exc: Exception) -> None:
        """The documents held for a part that could not be written, and ``uncounted`` ones, are errors."""
        self.count(self.unsaved, -1)
        lost, self.unsaved = self.unsaved + uncounted, []
        for oc in lost:
            self.report(Errors.E064.format(out=writer.path, doc=f"{oc.source} ({oc.doc_id})", reason=exc))

    def close(self, writer: Any) -> None:
        try:
            writer.close()
        except Exception as exc:  # noqa: BLE001 - as in take()
            self.lose([], writer, exc)
        self.saved()

    def finish(self) -> None:
        self.summary.elapsed = time.perf_counter() - self.started
        for side in (self.errors, self.done, self.texts):  # put in place, or gone when empty
            side.close()


def _resume_state(out: str, fmt: str, done_file: SideFile) -> set[str]:
    """Documents an earlier run finished: its done list (its records of any other document are dropped),
    or, without one, the doc_ids in the output."""
    done = done_file.lines()
    if done:
        _forget_unfinished(out, fmt, done)
        return done
    return done_doc_ids(out, fmt)


def run_batch(paths: Iterable[str], out: str, *, fmt: Optional[str] = None, workers: int = 1,
              resume: bool = False, batch_size: int = DEFAULT_BATCH_SIZE, id_field: str = DEFAULT_ID_FIELD,
              text_field: str = DEFAULT_TEXT_FIELD, max_bytes: int = DEFAULT_MAX_BYTES,
              model: Optional[str] = None, progress: bool = True, stdin: Optional[BinaryIO] = None,
              on_message: Optional[Callable[[str], None]] = None, encoding: Optional[str] = None,
              doc_timeout: Optional[float] = None) -> Summary:
    """Extract every readable document under ``paths`` into ``out``; see the module docstring. With
    ``doc_timeout`` (seconds), documents are processed in a worker process that is replaced when one
    document holds it longer (the document gets E061)."""
    from .pipeline import DEFAULT_MODEL

    fmt = output_format(out, fmt)
    check_output_folder(out)
    lock = OutputLock(out)  # one writer per output: a second run on the same --out is refused
    lock.acquire()
    try:
        run = _Run(out, resume=resume, say=on_message or (lambda msg: print(msg, file=sys.stderr)))
        bar = _Progress(progress)
        try:
            done = _resume_state(out, fmt, run.done) if resume else set()
            with record_writer(out, fmt, append=resume and os.path.exists(out)) as writer:
                items = run.fresh(iter_documents(paths, id_field=id_field, text_field=text_field, max_bytes=max_bytes,
                                                 stdin=stdin, encoding=encoding, exclude=run.own_files(out),
                                                 on_skip=run.say), done)
                batches = _batches(items, batch_size, lambda err: run.report(err.message), run.on_document)
                for outcomes in _run_outcomes(batches, model or DEFAULT_MODEL, workers, doc_timeout):
                    run.take(outcomes, writer)
                    run.summary.elapsed = time.perf_counter() - run.started  # the progress line shows it
                    bar.update(run.summary, len(outcomes))
                run.close(writer)
        finally:
            bar.close()
            run.finish()
    finally:
        lock.release()
    return run.summary


class OutputLock:
    """An exclusive lock on ``OUT.lock`` for the length of a run (``fcntl.flock``: the system drops it if
    the process dies, so a killed run never leaves a stale lock that refuses the next one)."""

    def __init__(self, out: str) -> None:
        self.out = out
        self.path = side_paths(out)["lock"]
        self._fh: Optional[Any] = None

    def acquire(self) -> None:
        import fcntl

        fh = open(self.path, "a", encoding="utf-8")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise OSError(Errors.E043.format(path=self.out, lock=self.path)) from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            os.remove(self.path)  # while still held: a run waiting on it finds no stale file
        except OSError:
            pass
        self._fh.close()
        self._fh = None

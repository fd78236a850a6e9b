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
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Optional, Union

from .errors import Errors
from .io import (DEFAULT_ID_FIELD, DEFAULT_MAX_BYTES, DEFAULT_TEXT_FIELD, Document, InputError, RecordWriter,
                 done_doc_ids, iter_documents, output_format, repair_jsonl)
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


def _sidecar(out: str, suffix: str) -> str:
    return f"{out.rstrip('/')}{suffix}"


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

    model = model or DEFAULT_MODEL
    fmt = output_format(out, fmt)
    summary = Summary()
    errors_path, done_path, texts_path = (_sidecar(out, s) for s in (".errors.log", ".done", ".texts.jsonl"))
    done: set[str] = set()
    if resume and os.path.exists(done_path):
        repair_jsonl(done_path)
        done = set(Path(done_path).read_text(encoding="utf-8").split("\n")) - {""}
        _forget_unfinished(out, fmt, done)
    elif resume:
        done = done_doc_ids(out, fmt)
    append = resume and (os.path.exists(out))
    say = on_message or (lambda msg: print(msg, file=sys.stderr))
    check_output_folder(out)
    lock = OutputLock(out)  # one writer per output: a second run on the same --out is refused
    lock.acquire()
    errors_fh = open(errors_path, "a" if resume else "w", encoding="utf-8")
    done_fh = open(done_path, "a" if resume else "w", encoding="utf-8")
    texts_fh = open(texts_path, "a" if resume else "w", encoding="utf-8")
    bar = _Progress(progress)
    started = time.perf_counter()

    def report(message: str) -> None:
        summary.errors += 1
        summary.error_messages.append(message)
        errors_fh.write(message + "\n")
        errors_fh.flush()
        say(message)

    def fresh(items: Iterable[Union[Document, InputError]]) -> Iterator[Union[Document, InputError]]:
        for item in items:
            if isinstance(item, Document) and item.doc_id in done:
                summary.skipped += 1
                continue
            yield item

    def on_input_error(err: InputError) -> None:
        report(err.message)

    def on_document(doc: Document) -> None:
        if doc.note:
            say(doc.note)
        if doc.extracted:  # offsets refer to this text: keep it beside the records
            texts_fh.write(json.dumps({"doc_id": doc.doc_id, "source": doc.source, "text": doc.text},
                                      ensure_ascii=False) + "\n")

    pending_done: list[str] = []
    try:
        with RecordWriter(out, fmt, append=append) as writer:
            own = (out, errors_path, done_path, texts_path, lock.path)  # a run never reads what it writes
            items = fresh(iter_documents(paths, id_field=id_field, text_field=text_field, max_bytes=max_bytes, stdin=stdin,
                                         encoding=encoding, exclude=own, on_skip=say))
            batches = _batches(items, batch_size, on_input_error, on_document)
            for outcomes in _run_outcomes(batches, model, workers, doc_timeout):
                for oc in outcomes:
                    if oc.error is not None:  # not processed: its words would only inflate words/s
                        report(oc.error)
                        continue
                    summary.documents += 1
                    summary.words += oc.words
                    summary.records += writer.write(oc.records)
                    pending_done.append(oc.doc_id)
                if not writer.pending_rows:  # mark documents done only once their records are on disk
                    done_fh.write("".join(d + "\n" for d in pending_done))
                    done_fh.flush()
                    pending_done = []
                summary.elapsed = time.perf_counter() - started  # the progress line shows it
                bar.update(summary, len(outcomes))
            writer.close()
            if pending_done:
                done_fh.write("".join(d + "\n" for d in pending_done))
    finally:
        bar.close()
        summary.elapsed = time.perf_counter() - started
        for fh in (errors_fh, done_fh, texts_fh):
            fh.close()
        if os.path.getsize(texts_path) == 0:
            os.remove(texts_path)  # only .txt inputs: their text is on disk already
        lock.release()
    return summary


class OutputLock:
    """An exclusive lock on ``OUT.lock`` for the length of a run (``fcntl.flock``: the system drops it if
    the process dies, so a killed run never leaves a stale lock that refuses the next one)."""

    def __init__(self, out: str) -> None:
        self.out = out
        self.path = _sidecar(out, ".lock")
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

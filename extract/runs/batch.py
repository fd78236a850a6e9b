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
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Optional, Union

from ..errors import Errors
from .io import Document, Item, iter_documents
from .process import Outcome, failed_outcome, process_documents
from .settings import DEFAULT_PARSE_CACHE, RunSettings, run_format
from .sidefiles import SideFile, done_doc_ids, done_line, keep_only_done, parse_done_line, side_paths, text_digest
from .sources import InputError
from .workers import SupervisedPool
from .writers import OutputLock, check_not_an_input, check_output_folder, check_resume_format, record_writer

log = logging.getLogger("extract")


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
                  doc_timeout: Optional[float] = None, parse_cache: int = DEFAULT_PARSE_CACHE) -> Iterator[list[Outcome]]:
    """Results in input order. One worker and no time budget: in this process. Otherwise in supervised
    worker processes (see ``workers``), which can stop a document that runs over its budget."""
    if workers <= 1 and not doc_timeout:
        for batch in batches:
            yield process_documents(batch, model, parse_cache)
        return
    yield from SupervisedPool(workers, model, doc_timeout or None, failed_outcome, parse_cache).run(batches)


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
        self.digests: dict[str, str] = {}  # digest of each document read, written beside its done mark
        # Texts an earlier run kept (--resume): a document read again is not kept twice.
        self.texts_kept = {_doc_id_of(line) for line in self.texts.lines()} if resume else set()
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
            if isinstance(item, Document):
                self.digests[item.doc_id] = text_digest(item.text)
            yield item

    def on_document(self, doc: Document) -> None:
        if doc.note:
            self.say(doc.note)
        if doc.extracted and doc.doc_id not in self.texts_kept:  # offsets refer to this text: keep it beside the records
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
        self.done.write([done_line(oc.doc_id, self.digests.pop(oc.doc_id, None)) for oc in self.unsaved])
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


def _doc_id_of(line: str) -> Optional[str]:
    """The doc_id of an ``OUT.texts.jsonl`` line (None for a line that is not one)."""
    try:
        return json.loads(line).get("doc_id")
    except (ValueError, AttributeError):
        return None


def _resume_state(out: str, fmt: str, done_file: SideFile, current: Callable[[], dict[str, str]]) -> set[str]:
    """Documents an earlier run finished: its done list (its records of any other document are dropped),
    or, without one, the doc_ids in the output. A document whose input changed since it was done (its text's
    digest, ``current()``, differs from the one kept beside its done mark) is not done: it leaves the done list
    first, then its records leave the output, so that a run killed between the two still redoes it."""
    marks = dict(parse_done_line(line) for line in done_file.lines())
    if not marks:
        return done_doc_ids(out, fmt)
    if any(marks.values()):
        now = current()
        changed = {d for d, h in marks.items() if h is not None and d in now and now[d] != h}
        if changed:
            done_file.drop(lambda line: parse_done_line(line)[0] in changed)
            marks = {d: h for d, h in marks.items() if d not in changed}
    done = set(marks)
    keep_only_done(out, fmt, done)
    return done


def run_batch(paths: Iterable[str], out: str, settings: Optional[RunSettings] = None, *,
              stdin: Optional[BinaryIO] = None, on_message: Optional[Callable[[str], None]] = None,
              **options: Any) -> Summary:
    """Extract every readable document under ``paths`` into ``out``; see the module docstring.
    ``settings``, or the same as keywords (``workers=2, resume=True, id_field="key"``: the fields of
    ``RunSettings`` and ``ReadOptions``). With a ``doc_timeout`` (seconds), documents are processed in a
    worker process that is replaced when one document holds it longer (that document gets E061)."""
    settings = settings or RunSettings.from_options(**options)
    paths = [paths] if isinstance(paths, str) else list(paths)
    check_output_folder(out)
    fmt = run_format(out, settings.fmt)
    check_not_an_input(paths, out)
    if settings.resume:
        check_resume_format(out, fmt)
    lock = OutputLock(out)  # one writer per output: a second run on the same --out is refused
    lock.acquire()
    try:
        run = _Run(out, resume=settings.resume, say=on_message or (lambda msg: print(msg, file=sys.stderr)))
        try:
            _write_all(run, paths, out, fmt, settings, stdin)
        finally:
            run.finish()
    finally:
        lock.release()
    return run.summary


def _write_all(run: _Run, paths: Iterable[str], out: str, fmt: str, settings: RunSettings,
               stdin: Optional[BinaryIO]) -> None:
    """Read, process and write, batch by batch, with progress shown."""
    from ..pipeline import DEFAULT_MODEL

    def current() -> dict[str, str]:  # the inputs' digests now (stdin cannot be read twice: none)
        if stdin is not None:
            return {}
        docs = iter_documents(paths, exclude=run.own_files(out), **settings.read.as_kwargs())
        return {d.doc_id: text_digest(d.text) for d in docs if isinstance(d, Document)}

    done = _resume_state(out, fmt, run.done, current) if settings.resume else set()
    bar = _Progress(settings.progress)
    try:
        with record_writer(out, fmt, append=settings.resume and os.path.exists(out)) as writer:
            documents = iter_documents(paths, stdin=stdin, exclude=run.own_files(out), on_skip=run.say,
                                       **settings.read.as_kwargs())
            batches = _batches(run.fresh(documents, done), settings.batch_size, lambda err: run.report(err.message),
                               run.on_document)
            for outcomes in _run_outcomes(batches, settings.model or DEFAULT_MODEL, settings.workers,
                                          settings.doc_timeout, settings.parse_cache):
                run.take(outcomes, writer)
                run.summary.elapsed = time.perf_counter() - run.started  # the progress line shows it
                bar.update(run.summary, len(outcomes))
            run.close(writer)
    finally:
        bar.close()

"""One batch of documents through the pipeline, in whatever process runs it: each document's outcome as
it finishes, and a bad document never sinks its batch."""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

from .. import pipeline
from ..chunks import DEFAULT_CHUNK_CHARS
from ..errors import Errors
from ..records import Record, records_from_doc, span_keys
from .io import Document
from .settings import DEFAULT_PARSE_CACHE


# Texts longer than this are counted a slice at a time. ``len(text.split())`` builds every word as a string
# at once: some 3.3 million of them, 230 MB, for a 20 MB document, which was the largest peak of its run.
WORD_COUNT_SLICE = 1_000_000
SPACE = re.compile(r"\s")  # for str patterns, exactly the characters str.isspace() (and so str.split()) takes


def count_words(text: str, piece: int = WORD_COUNT_SLICE) -> int:
    """``len(text.split())`` in the memory of one slice: slices end where whitespace starts, so no word is cut."""
    n, start, end_of_text = 0, 0, len(text)
    while start < end_of_text:
        cut = SPACE.search(text, min(start + piece, end_of_text))
        end = cut.start() if cut else end_of_text
        n += len(text[start:end].split())
        start = end + 1 if cut else end_of_text
    return n


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its records, or the reason it failed."""

    doc_id: str
    source: str
    words: int
    records: tuple[Record, ...] = ()
    error: Optional[str] = None


def failed_outcome(doc: Document, message: str) -> Outcome:
    return Outcome(doc.doc_id, doc.source, count_words(doc.text), error=message)


def _outcome(d: Document, records: Iterable[Record]) -> Outcome:
    return Outcome(d.doc_id, d.source, count_words(d.text), tuple(records))


def _piece_done(i: int, on_start: Callable[[int], None]) -> None:
    """A piece of a long document is done: free its Doc, and say the document is still moving (as a start
    does). A Doc whose extensions hold its own spans is a reference cycle that only a full collection
    frees, and with the records of a long document alive those come seldom: Docs of finished pieces piled
    up to 160 MB over the first 6 MB of a document. A collection costs some 0.1 s against about 1.5 s for
    the piece, and next to nothing in a forked worker, whose pipeline is frozen out of the collector."""
    gc.collect()
    on_start(i)


def _one_by_one(nlp: Any, docs: list[Document], first: int, on_start: Callable[[int], None]) -> Iterator[Outcome]:
    """Each document on its own; a long one in pieces (``extract.chunks``), with the same records."""
    for i in range(first, len(docs)):
        d = docs[i]
        on_start(i)
        try:
            yield _outcome(d, pipeline.chunked_records(nlp, d.text, d.doc_id, on_piece=lambda: _piece_done(i, on_start)))
        except Exception as exc:  # noqa: BLE001 - reported with the document's name, never raised
            yield failed_outcome(d, Errors.E023.format(doc_id=f"{d.source} ({d.doc_id})", reason=repr(exc)))


def stream_outcomes(docs: list[Document], model: str, *, solo: bool = False,
                    on_start: Callable[[int], None] = lambda i: None,
                    parse_cache: int = DEFAULT_PARSE_CACHE) -> Iterator[Outcome]:
    """Outcomes of ``docs`` in order, as each finishes; ``on_start(i)`` is called as document i enters the
    pipeline. Batched through ``nlp.pipe``; one by one with ``solo``, or from where a batch raised, so one
    bad document does not sink its batch. ``parse_cache``: sentence parses the process's pipeline remembers."""
    nlp = pipeline.default_pipeline(model, parse_cache)  # the one pipeline of this process (a worker's, or the run's)
    done = 0
    solo = solo or any(len(d.text) > DEFAULT_CHUNK_CHARS for d in docs)  # long documents go in pieces
    if not solo:
        def texts() -> Iterator[str]:
            for i, d in enumerate(docs):
                on_start(i)
                yield d.text

        keys = span_keys(nlp)
        try:
            for doc in nlp.pipe(texts(), batch_size=len(docs) or 1):
                doc._.doc_id = docs[done].doc_id
                outcome = _outcome(docs[done], records_from_doc(doc, docs[done].doc_id, keys=keys))
                done += 1
                yield outcome
            return
        except Exception:  # noqa: BLE001 - redone one by one below, each failure named
            pass
    yield from _one_by_one(nlp, docs, done, on_start)


def process_documents(docs: list[Document], model: str, parse_cache: int = DEFAULT_PARSE_CACHE) -> list[Outcome]:
    """In this process: one pipeline per process, documents in batches."""
    return list(stream_outcomes(docs, model, parse_cache=parse_cache))

"""Build the pipeline and run it: the Python API researchers call."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import groups, sentences, studies  # noqa: F401  (registers the factories)
from .model import parser
from .percentages import component as percentages  # noqa: F401  (registers survey_percentages)
from .samples import component as samples  # noqa: F401  (registers survey_samples)
from .chunks import (DEFAULT_CHUNK_CHARS, DEFAULT_CONTEXT_AFTER, DEFAULT_CONTEXT_BEFORE, plan_chunks, record_start,
                     shift, studies_component, study_records)
from .errors import Errors
from .extensions import register_extensions
from .records import Record, StudyRecord, records_from_doc, span_keys
from .runs.sources import surrogate_at
from .tokenizer import blank_english

DEFAULT_MODEL = parser.DEFAULT_MODEL
DEFAULT_PARSE_CACHE = parser.DEFAULT_CACHE_SIZE
PIPE_NAMES = ("survey_sentences", "survey_percentages", "survey_parser", "survey_samples", "survey_groups", "survey_studies")
DEFAULT_BATCH_SIZE = 64
# spaCy refuses texts over 1,000,000 characters (E088) to guard a parser run over the whole text; this
# pipeline parses only selected sentences, each on its own. A UTF-8 text of N bytes has at most N
# characters, so every document `extract run`'s default --max-bytes lets in (20 MB) fits.
DEFAULT_MAX_LENGTH = 20_000_000


def load(*, model: str = DEFAULT_MODEL, select: str = "candidates", parse_cache: int = DEFAULT_PARSE_CACHE) -> Language:
    """The extraction pipeline. ``select="all"`` parses every sentence (slower, same records);
    ``parse_cache`` is how many sentence parses it remembers (0: none; same records)."""
    register_extensions()
    nlp = blank_english()
    nlp.max_length = DEFAULT_MAX_LENGTH
    nlp.add_pipe("survey_sentences")
    nlp.add_pipe("survey_percentages")
    nlp.add_pipe("survey_parser", config={"model": model, "select": select, "cache_size": parse_cache})
    nlp.add_pipe("survey_samples")
    nlp.add_pipe("survey_groups")
    nlp.add_pipe("survey_studies")
    return nlp


@lru_cache(maxsize=2)
def default_pipeline(model: str = DEFAULT_MODEL, parse_cache: int = DEFAULT_PARSE_CACHE) -> Language:
    """One pipeline per process for the convenience functions; built on first use, never at import."""
    return load(model=model, parse_cache=parse_cache)


def check_text(text: object, func: str = "extract_text") -> str:
    """The text itself, or a TypeError that names what was passed: spaCy's own messages for bytes or
    None ('unpack(b) received extra data', E1041) do not say what went wrong. A str that is not text (an
    unpaired surrogate) is a ValueError (E006)."""
    if isinstance(text, str):
        pos = surrogate_at(text)
        if pos is not None:  # spaCy would take it, and writing its records would fail (UnicodeEncodeError)
            raise ValueError(Errors.E006.format(func=func, char=f"\\u{ord(text[pos]):04x}", pos=pos))
        return text
    hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray, memoryview)) else ""
    raise TypeError(Errors.E005.format(func=func, type=type(text).__name__, hint=hint))


def process(nlp: Language, text: str, doc_id: str = "") -> Doc:
    doc = nlp(check_text(text))
    doc._.doc_id = doc_id
    return doc


def chunked_records(nlp: Language, text: str, doc_id: str = "", *, chunk_chars: int = DEFAULT_CHUNK_CHARS,
                    context_before: int = DEFAULT_CONTEXT_BEFORE, context_after: int = DEFAULT_CONTEXT_AFTER,
                    on_piece: Callable[[], None] = lambda: None) -> list[Record]:
    """Records of a text read in pieces (``extract.chunks``), with offsets into the whole text: the same
    records as reading it whole, in the memory of one piece. ``on_piece()`` is called as each piece is
    done (a run's time budget then counts from the last piece, not from the document's start)."""
    chunks = plan_chunks(text, chunk_chars, context_before, context_after)
    keys = span_keys(nlp)
    if len(chunks) == 1:
        return records_from_doc(process(nlp, text, doc_id), doc_id, keys=keys)
    out: list[Record] = []
    for chunk in chunks:
        doc = process(nlp, text[chunk.start:chunk.end], doc_id)
        for rec in records_from_doc(doc, doc_id, keys=keys):
            if not isinstance(rec, StudyRecord) and chunk.keep_start <= rec.start + chunk.start < chunk.keep_end:
                out.append(shift(rec, chunk.start))
        del doc
        on_piece()
    finder = studies_component(nlp)
    if finder is not None:
        out.extend(study_records(nlp, finder, text, doc_id))
    return sorted(out, key=lambda r: (record_start(r), r.type))


def extract_text(text: str, doc_id: str = "", *, nlp: Optional[Language] = None,
                 chunk_chars: int = DEFAULT_CHUNK_CHARS) -> list[Record]:
    """Records for one article, in reading order. A text longer than ``chunk_chars`` is read in pieces
    with the same records (see ``extract.chunks``)."""
    pipeline = nlp if nlp is not None else default_pipeline()
    return chunked_records(pipeline, check_text(text), doc_id, chunk_chars=chunk_chars)


def extract_many(items: Iterable[tuple[str, str]], *, nlp: Optional[Language] = None,
                 batch_size: int = DEFAULT_BATCH_SIZE,
                 chunk_chars: int = DEFAULT_CHUNK_CHARS) -> Iterator[tuple[str, list[Record]]]:
    """(doc_id, text) pairs in, (doc_id, records) out, in order: articles in batches through
    ``nlp.pipe``, a text longer than ``chunk_chars`` alone and in pieces.
    For several processes use ``extract.runs.batch.run_batch(..., workers=N)``."""
    pipeline = nlp if nlp is not None else default_pipeline()
    batch: list[tuple[str, str]] = []
    for doc_id, text in items:
        text = check_text(text, "extract_many")
        if len(text) > chunk_chars:
            yield from _pipe(pipeline, batch, batch_size)
            batch = []
            yield doc_id, chunked_records(pipeline, text, doc_id, chunk_chars=chunk_chars)
            continue
        batch.append((text, doc_id))
        if len(batch) >= batch_size:
            yield from _pipe(pipeline, batch, batch_size)
            batch = []
    yield from _pipe(pipeline, batch, batch_size)


def _pipe(nlp: Language, batch: list[tuple[str, str]], batch_size: int) -> Iterator[tuple[str, list[Record]]]:
    keys = span_keys(nlp)
    for doc, doc_id in nlp.pipe(batch, as_tuples=True, batch_size=batch_size):
        doc._.doc_id = doc_id
        yield doc_id, records_from_doc(doc, doc_id, keys=keys)

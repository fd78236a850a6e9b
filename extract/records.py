"""Records exactly as docs/annotation.md defines them, field for field and in its order."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, NamedTuple, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Errors
from .extensions import doc_text
from .lexicon import KINDS  # noqa: F401  (records name the kinds the lexicon defines)

PERCENT_KEY = "survey_percentages"
SAMPLE_KEY = "survey_samples"
STUDY_KEY = "survey_studies"


class SpanKeys(NamedTuple):
    """The ``doc.spans`` keys the records are read from (each component's ``spans_key``)."""

    percentages: str = PERCENT_KEY
    samples: str = SAMPLE_KEY
    studies: str = STUDY_KEY


# the factory whose spans make each type of record -> its field in SpanKeys
FACTORY_KEYS = {"survey_percentages": "percentages", "survey_samples": "samples", "survey_studies": "studies"}


def span_keys(nlp: Language) -> SpanKeys:
    """Where this pipeline's components put their spans: the ``spans_key`` each was configured with."""
    found = {}
    for name, pipe in nlp.pipeline:
        field_name = FACTORY_KEYS.get(nlp.get_pipe_meta(name).factory)
        if field_name is not None and hasattr(pipe, "spans_key"):
            found[field_name] = pipe.spans_key
    return SpanKeys(**found)


@dataclass(frozen=True)
class PercentageRecord:
    doc_id: str
    type: str
    value: float
    start: int
    end: int
    text: str
    bound: str
    kind: str
    group: Optional[str]
    group_start: Optional[int]
    group_end: Optional[int]
    statement: Optional[str] = None
    time: Optional[str] = None


@dataclass(frozen=True)
class SampleSizeRecord:
    doc_id: str
    type: str
    value: int
    start: int
    end: int
    text: str
    bound: str
    population: Optional[str]
    population_start: Optional[int]
    population_end: Optional[int]


@dataclass(frozen=True)
class StudyRecord:
    doc_id: str
    type: str
    org: Optional[str]
    org_start: Optional[int]
    org_end: Optional[int]
    title: Optional[str]
    title_start: Optional[int]
    title_end: Optional[int]
    year: Optional[int]


Record = Union[PercentageRecord, SampleSizeRecord, StudyRecord]
RECORD_TYPES: dict[str, type] = {"percentage": PercentageRecord, "sample_size": SampleSizeRecord, "study": StudyRecord}
FIELDS: dict[str, tuple[str, ...]] = {name: tuple(f.name for f in fields(cls)) for name, cls in RECORD_TYPES.items()}
ALL_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(c for cols in FIELDS.values() for c in cols))


def to_dict(record: Record) -> dict[str, Any]:
    return asdict(record)


def to_json(record: Record) -> str:
    return json.dumps(asdict(record), ensure_ascii=False)


def _span_fields(span: Optional[Span]) -> tuple[Optional[str], Optional[int], Optional[int]]:
    if span is None:
        return None, None, None
    return _text_of(span), span.start_char, span.end_char


def _text_of(span: Span) -> str:
    """The span's text as written: the text the tokenizer was given, which may differ from the tokens' text in
    a hard wrap's line break (``tokenizer.unwrapped``)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def records_from_doc(doc: Doc, doc_id: Optional[str] = None, *, keys: SpanKeys = SpanKeys()) -> list[Record]:
    """All records of a processed Doc, in reading order (percentages and samples interleaved).

    ``keys`` says where the spans are; for components configured with another ``spans_key``, pass
    ``span_keys(nlp)``."""
    doc_id = doc_id if doc_id is not None else (doc._.doc_id or "")
    out: list[tuple[int, Record]] = []
    for span in doc.spans.get(keys.percentages, []):
        group, gs, ge = _span_fields(span._.group)
        out.append((span.start_char, PercentageRecord(
            doc_id=doc_id, type="percentage", value=float(span._.value), start=span.start_char, end=span.end_char,
            text=_text_of(span), bound=span._.bound, kind=span._.kind, group=group, group_start=gs, group_end=ge,
            statement=_text_of(span._.statement) if span._.statement is not None else None,
            time=_text_of(span._.time) if span._.time is not None else None)))
    for span in doc.spans.get(keys.samples, []):
        pop, ps, pe = _span_fields(span._.population)
        out.append((span.start_char, SampleSizeRecord(
            doc_id=doc_id, type="sample_size", value=int(span._.value), start=span.start_char, end=span.end_char,
            text=_text_of(span), bound=span._.bound, population=pop, population_start=ps, population_end=pe)))
    for span in doc.spans.get(keys.studies, []):
        org, os_, oe = _span_fields(span._.org)
        title, ts, te = _span_fields(span._.title)
        out.append((span.start_char, StudyRecord(
            doc_id=doc_id, type="study", org=org, org_start=os_, org_end=oe, title=title, title_start=ts,
            title_end=te, year=span._.year)))
    out.sort(key=lambda pair: (pair[0], pair[1].type))
    return [r for _, r in out]


def record_from_dict(data: dict[str, Any]) -> Record:
    """Inverse of to_dict; unknown or missing fields raise (callers report them with file and line)."""
    cls = RECORD_TYPES.get(data.get("type"))  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(Errors.E094.format(type=data.get("type"), types=sorted(RECORD_TYPES)))
    names = FIELDS[data["type"]]
    unknown = set(data) - set(names)
    if unknown:
        raise ValueError(Errors.E095.format(fields=sorted(unknown)))
    optional = {"statement", "time"}
    missing = [n for n in names if n not in data and n not in optional]
    if missing:
        raise ValueError(Errors.E096.format(fields=missing))
    return cls(**{n: data.get(n) for n in names})

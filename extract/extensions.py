"""Every custom attribute the package sets, declared once and only where missing.

Figures live in ``doc.spans[...]``; what a figure means lives on the span:
``span._.value``, ``span._.bound``, ``span._.kind``, ``span._.group`` (a Span or
None), ``span._.population`` (a Span or None) and the rest below.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS: dict[str, Any] = {
    "value": None,        # float for percentages, int for sample sizes
    "bound": None,        # exact | lower | upper | approx
    "kind": None,         # share | point_change | other
    "form": None,         # how the figure is written: numeric, words, fraction, ratio, count, range_low, ...
    "unit": None,         # percent | points
    "group": None,        # Span naming the respondent group, or None
    "statement": None,    # Span: what the group holds or does
    "time": None,         # Span: period other than the survey's own ("last year", "2013")
    "population": None,   # Span: who a sample size counts
    "org": None,          # Span: who ran a study
    "title": None,        # Span: a study's title
    "year": None,         # int: a study's year
    "restates": None,     # Span: the verbal figure an exact one restates ("Four in five consumers (80 per cent)")
}
DOC_EXTENSIONS: dict[str, Any] = {
    "doc_id": None,            # the document's id, as records carry it
    "parsed_sents": None,      # list of (start, end) token offsets of sentences the model parsed
}


def register_extensions() -> None:
    """Idempotent: never overwrite an attribute another package (or an earlier call) declared."""
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


TEXT_KEY = ("extract", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, and several
    components read the text. Keyed by length so a retokenized or edited Doc is not served stale."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    text = doc.text
    keep_text(doc, text)
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Remember ``text`` as the Doc's text (the tokenizer knows it: spaCy's tokens keep every character)."""
    doc.user_data[TEXT_KEY] = (len(doc), text)

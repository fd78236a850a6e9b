"""Which sentences the rules read (and the model parses): those that can hold a survey figure.

Most sentences of an article carry no figure. A sentence is read when it holds a percentage or a
sample-size cue (a survey word with a count nearby), and so is the sentence before one that refers
back to a group ("they", "these leaders", "both groups"). ``survey_parser`` makes the selection and
stores it on the Doc; ``survey_samples`` and ``survey_groups`` read it from there, or make the same
selection themselves on a Doc parsed by someone else's pipeline.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Optional, Protocol

import numpy
import regex
from spacy.tokens import Doc

from .extensions import doc_text
from .percentages import DEFAULT_SPANS_KEY as PERCENT_KEY
from .sentences import TokenSpan, sentence_bounds

# Words that point back to a group named in the previous sentence: parse that one too.
ANAPHORA = regex.compile(r"\b(?:they|them|these|those|both|the\s+two|the\s+latter|the\s+former|this\s+group)\b", regex.I)


class CueFinder(Protocol):
    """What selection needs of the sample patterns (``samples.SamplePatterns``)."""

    def cue_offsets(self, text: str) -> list[int]: ...


def candidate_sentences(doc: Doc, cues: CueFinder, spans_keys: Iterable[str] = (PERCENT_KEY,),
                        bounds: Optional[list[TokenSpan]] = None) -> list[TokenSpan]:
    """Sentences the rules read: those with a figure or a sample-size cue, and the sentence
    before one that refers back to a group ("they", "these leaders", "both groups")."""
    bounds = sentence_bounds(doc) if bounds is None else bounds
    if not bounds:
        return []
    text = doc_text(doc)
    figure_tokens = numpy.zeros(len(doc), dtype=bool)
    for key in spans_keys:
        for span in doc.spans.get(key, []):
            figure_tokens[span.start:span.end] = True
    cue_chars = sorted(cues.cue_offsets(text))
    chosen: set[int] = set()
    for n, (s, e) in enumerate(bounds):
        if s >= e:
            continue
        start_char, end_char = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        k = bisect_left(cue_chars, start_char)
        has_cue = figure_tokens[s:e].any() or (k < len(cue_chars) and cue_chars[k] < end_char)
        if not has_cue:
            continue
        chosen.add(n)
        if n > 0 and ANAPHORA.search(text, start_char, end_char):
            chosen.add(n - 1)
    return [bounds[n] for n in sorted(chosen) if bounds[n][0] < bounds[n][1]]


def readable_sentences(doc: Doc, cues: CueFinder, spans_keys: Iterable[str] = (PERCENT_KEY,)) -> list[TokenSpan]:
    """The sentences the rules may read: those ``survey_parser`` chose, else the same selection
    made on a doc parsed by someone else's pipeline."""
    chosen = doc._.parsed_sents
    return list(chosen) if chosen is not None else candidate_sentences(doc, cues, spans_keys)

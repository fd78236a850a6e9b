"""Which sentences the rules read (and the model parses): those that can hold a survey figure.

Most sentences of an article carry no figure. A sentence is read when it holds a percentage or a
sample-size cue (a survey word with a count nearby), and so is the sentence before one that refers
back to a group ("they", "these leaders", "both groups"). ``survey_parser`` makes the selection and
stores it on the Doc; ``survey_samples`` and ``survey_groups`` read it from there, or make the same
selection themselves on a Doc parsed by someone else's pipeline.
"""
from __future__ import annotations

from typing import Iterable, Optional, Protocol

import numpy
import regex
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from .extensions import doc_text
from .grammar import BACK_REFERENCES
from .lexicon import phrase_alternation
from .percentages.component import DEFAULT_SPANS_KEY as PERCENT_KEY
from .sentences import TokenSpan, sentence_bounds

# Words that point back to a group named in the previous sentence: parse that one too.
ANAPHORA = regex.compile(rf"\b(?:{phrase_alternation(BACK_REFERENCES)})\b", regex.I)
# A question put to people, right before the figures that answer it: "respondents were asked if they agreed ...",
# "asked participants how much they agreed ..."; it names who gave the answers.
ASKING = regex.compile(r"\basked\b", regex.I)


class CueFinder(Protocol):
    """What selection needs of the sample patterns (``samples.patterns.SamplePatterns``)."""

    def cue_offsets(self, text: str) -> list[int]: ...


def candidate_sentences(doc: Doc, cues: CueFinder, spans_keys: Iterable[str] = (PERCENT_KEY,),
                        bounds: Optional[list[TokenSpan]] = None) -> list[TokenSpan]:
    """Sentences the rules read: those with a figure or a sample-size cue, and the sentence
    before one that refers back to a group ("they", "these leaders", "both groups") or that asks the
    question its figures answer ("respondents were asked if ...")."""
    bounds = sentence_bounds(doc) if bounds is None else bounds
    if not bounds:
        return []
    text = doc_text(doc)
    figure_tokens = numpy.zeros(len(doc) + 1, dtype="int64")
    for key in spans_keys:
        for span in doc.spans.get(key, []):
            figure_tokens[span.start + 1:span.end + 1] = 1
    figures_before = numpy.cumsum(figure_tokens)  # figure tokens before token i
    first, last = (numpy.array(x, dtype="int64") for x in zip(*bounds))
    chars = doc.to_array([IDX, LENGTH]).astype("int64")
    nonempty = first < last
    start_char = chars[numpy.minimum(first, len(doc) - 1), 0]
    end_char = numpy.where(nonempty, chars[last - 1, 0] + chars[last - 1, 1], start_char)
    cue_chars = numpy.array(sorted(cues.cue_offsets(text)), dtype="int64")
    k = numpy.searchsorted(cue_chars, start_char)
    has_cue = figures_before[last] > figures_before[first]
    if len(cue_chars):
        has_cue |= (k < len(cue_chars)) & (cue_chars[numpy.minimum(k, len(cue_chars) - 1)] < end_char)
    chosen: set[int] = set()
    for n in numpy.flatnonzero(has_cue & nonempty).tolist():
        chosen.add(n)
        if n > 0 and (ANAPHORA.search(text, int(start_char[n]), int(end_char[n]))
                      or ASKING.search(text, int(start_char[n - 1]), int(end_char[n - 1]))):
            chosen.add(n - 1)
    return [bounds[n] for n in sorted(chosen) if bounds[n][0] < bounds[n][1]]


def readable_sentences(doc: Doc, cues: CueFinder, spans_keys: Iterable[str] = (PERCENT_KEY,)) -> list[TokenSpan]:
    """The sentences the rules may read: those ``survey_parser`` chose, else the same selection
    made on a doc parsed by someone else's pipeline."""
    chosen = doc._.parsed_sents
    return list(chosen) if chosen is not None else candidate_sentences(doc, cues, spans_keys)

"""Sentence boundaries from punctuation and line breaks, without a model.

The model's own segmentation needs the parse we want to avoid running
everywhere; trade-press and news text is well punctuated, and paragraph breaks
are hard boundaries.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "survey_sentences"
DEFAULT_END_PUNCT = (".", "!", "?", "...", "\u2026")
# Longer than any sentence in the corpus (123 tokens): a cap for text with no boundaries, not a rule.
MAX_SENTENCE_TOKENS = 250
CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})


def sentence_starts(doc: Doc, end_punct: tuple[str, ...] = DEFAULT_END_PUNCT,
                    max_tokens: int = MAX_SENTENCE_TOKENS) -> list[bool]:
    """A start after sentence-final punctuation (and any closing quotes) when the next word
    does not begin in lower case, after every line break, and after ``max_tokens`` tokens."""
    starts = [False] * len(doc)
    if not len(doc):
        return starts
    starts[0] = True
    ends = set(end_punct)
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if tok.is_space and "\n" in tok.text:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        if tok.text in ends:
            j = i + 1
            while j < n and doc[j].text in CLOSERS:
                j += 1
            k = j
            while k < n and doc[k].is_space:
                k += 1
            if k < n and not doc[k].text[:1].islower():
                starts[k] = True
            i = j
            continue
        i += 1
    return cap_sentences(starts, max_tokens)


def cap_sentences(starts: list[bool], max_tokens: int = MAX_SENTENCE_TOKENS) -> list[bool]:
    """A new sentence every ``max_tokens`` tokens of a sentence with no boundary of its own: the rules do
    per figure work in proportion to its sentence, so one endless 'sentence' (a table flattened to a
    line, '50% ' repeated) would make an article's time grow with the square of its length."""
    last = 0
    for i, start in enumerate(starts):
        if start:
            last = i
        elif i - last >= max_tokens:
            starts[i] = True
            last = i
    return starts


class SentenceSegmenter:
    """spaCy component: sets ``token.is_sent_start`` on every token."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, end_punct: tuple[str, ...] = DEFAULT_END_PUNCT) -> None:
        self.name = name
        self.end_punct = tuple(end_punct)

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
            return doc  # an earlier component already decided
        starts = sentence_starts(doc, self.end_punct)
        if starts:
            doc.from_array([SENT_START], numpy.array([[1 if x else -1] for x in starts], dtype="int32").astype("uint64"))
        return doc


@Language.factory(FACTORY, assigns=["token.is_sent_start"], default_config={"end_punct": list(DEFAULT_END_PUNCT)})
def make_survey_sentences(nlp: Language, name: str, end_punct: list[str]) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name, end_punct=tuple(end_punct))

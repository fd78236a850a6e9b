"""Sentence boundaries from punctuation and line breaks, without a model: the one segmentation the
pipeline, the checks and the review page use.

The model's own segmentation needs the parse we want to avoid running everywhere; trade-press and news
text is well punctuated, and paragraph breaks are hard boundaries. The rules are read off the token
arrays (which tokens are end punctuation, closing quotes, line breaks) and only the few candidate
places are looked at one by one, so segmenting costs little more than the tokenizer's pass.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

import numpy
from spacy.attrs import DEP, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .tokenizer import blank_english

FACTORY = "survey_sentences"
DEFAULT_END_PUNCT = (".", "!", "?", "...", "\u2026")
# Longer than any sentence in the corpus (123 tokens): a cap for text with no boundaries, not a rule.
MAX_SENTENCE_TOKENS = 250
CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})
TokenSpan = tuple[int, int]
# A paragraph starts at the first non-space character after a line break (a sentence start), unless a single
# break is followed by a word in lower case: hard-wrapped text goes on.
PARAGRAPH_START = re.compile(r"\n\s*(?=\S)")
# A sentence starts at a non-lower-case word after . ! ? (and closing quotes or brackets) and a space.
SENTENCE_START = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*[ \t]+(?=[^\s])")
WORD_START = re.compile(r"\s+(?=\S)")  # last resort, for text with no sentence end (a flattened table)
# Text is segmented in blocks of at most this many characters cut at paragraph starts (memory).
BLOCK_CHARS = 200_000


def _next_index(members: numpy.ndarray, after: numpy.ndarray, n: int) -> numpy.ndarray:
    """For each position in ``after``, the first index >= it whose ``members`` flag is set (else n)."""
    where = numpy.flatnonzero(members)
    k = numpy.searchsorted(where, after)
    return numpy.where(k < len(where), where[numpy.minimum(k, len(where) - 1)] if len(where) else n, n)


def _among(values: numpy.ndarray, members: list[int]) -> numpy.ndarray:
    """``numpy.isin`` for the few members these sets have (a handful of punctuation or space forms): one
    comparison per member, without the sort ``isin`` does."""
    out = numpy.zeros(len(values), dtype=bool)
    for member in members:
        out |= values == member
    return out


def sentence_starts(doc: Doc, end_punct: tuple[str, ...] = DEFAULT_END_PUNCT,
                    max_tokens: int = MAX_SENTENCE_TOKENS) -> numpy.ndarray:
    """A start after sentence-final punctuation (and any closing quotes) when the next word
    does not begin in lower case, after every line break, and after ``max_tokens`` tokens."""
    n = len(doc)
    starts = numpy.zeros(n, dtype=bool)
    if not n:
        return starts
    starts[0] = True
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_SPACE])
    orth, space = arr[:, 0], arr[:, 1].astype(bool)
    space_forms = numpy.unique(orth[space])
    breaks = _among(orth, [h for h in space_forms.tolist() if "\n" in strings[h]]) & space
    single = _among(orth, [h for h in space_forms.tolist() if strings[h].count("\n") == 1]) & space
    # A line break: the next token that is not space starts a sentence, unless the text is hard-wrapped there:
    # a single break followed by a word in lower case ("400 senior\nmarketing executives") continues the line.
    at = numpy.flatnonzero(breaks)
    after_break = _next_index(~space, at + 1, n)
    for b, k in zip(at.tolist(), after_break.tolist()):
        if k < n and not (single[b] and strings[int(orth[k])][:1].islower()):
            starts[k] = True
    # End punctuation, any closing quotes or brackets, any space, then a word not in lower case.
    ends = numpy.flatnonzero(_among(orth, [strings.add(p) for p in end_punct]))
    closer = _among(orth, [strings.add(c) for c in CLOSERS])
    after_end = _next_index(~space, _next_index(~closer, ends + 1, n), n)
    for k in after_end[after_end < n].tolist():
        if not strings[int(orth[k])][:1].islower():
            starts[k] = True
    return cap_sentences(starts, max_tokens)


def cap_sentences(starts: Sequence[bool], max_tokens: int = MAX_SENTENCE_TOKENS) -> numpy.ndarray:
    """A new sentence every ``max_tokens`` tokens of a sentence with no boundary of its own: the rules do
    per figure work in proportion to its sentence, so one endless 'sentence' (a table flattened to a
    line, '50% ' repeated) would make an article's time grow with the square of its length."""
    out = numpy.array(starts, dtype=bool)
    if not len(out):
        return out
    first = numpy.flatnonzero(out).tolist()
    for a, b in zip(first, first[1:] + [len(out)]):
        if b - a > max_tokens:
            out[a:b:max_tokens] = True
    if not out[0]:  # tokens before the first start count from 0
        b = first[0] if first else len(out)
        out[max_tokens:b:max_tokens] = True
    return out


def sentence_bounds(doc: Doc) -> list[TokenSpan]:
    """Sentence token offsets, from whatever set them (``doc.sents``), else from punctuation."""
    n = len(doc)
    if "sents" in doc.user_hooks:
        return [(s.start, s.end) for s in doc.sents]
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        first = numpy.flatnonzero(doc.to_array([SENT_START])[1:] == 1) + 1
    else:
        first = numpy.flatnonzero(sentence_starts(doc)[1:]) + 1
    idx = [0] + first.tolist() + [n] if n else []
    return list(zip(idx[:-1], idx[1:]))


def _starts(pattern: re.Pattern, text: str, lo: int, hi: int) -> list[int]:
    out = []
    for m in pattern.finditer(text, lo, hi):
        if m.end() >= hi or pattern is SENTENCE_START and text[m.end()].islower():
            continue
        if pattern is PARAGRAPH_START and m.group().count("\n") == 1 and text[m.end()].islower():
            continue  # a hard-wrapped line goes on (as in sentence_starts)
        out.append(m.end())
    return out


def cut_points(text: str, size: int) -> list[int]:
    """Offsets where a piece may start: paragraph starts, and in a stretch longer than ``size`` without
    one, sentence starts, and failing those word starts. Sorted, from 0 to len(text)."""
    cuts = paragraph_starts(text)
    out = [0]
    for lo, hi in zip(cuts, cuts[1:]):
        if hi - lo > size:
            inner = _starts(SENTENCE_START, text, lo, hi)
            gaps = [lo] + inner + [hi]
            for a, b in zip(gaps, gaps[1:]):
                if b - a > size:
                    inner += _starts(WORD_START, text, a, b)
            out.extend(sorted(set(inner)))
        out.append(hi)
    return sorted(set(out))


def paragraph_starts(text: str) -> list[int]:
    """0, every paragraph start, and len(text)."""
    return [0] + _starts(PARAGRAPH_START, text, 0, len(text)) + [len(text)]


def pieces(cuts: list[int], size: int) -> list[int]:
    """Boundaries of consecutive pieces of at most ``size`` characters, each starting at one of ``cuts``
    (a piece is longer only where two cuts are further apart)."""
    keeps = [0]
    while keeps[-1] < cuts[-1]:
        k = bisect_right(cuts, keeps[-1] + size) - 1
        keeps.append(cuts[k] if cuts[k] > keeps[-1] else cuts[bisect_right(cuts, keeps[-1])])
    return keeps


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    return blank_english()


@lru_cache(maxsize=8)
def _char_starts(text: str) -> list[int]:
    """Where the pipeline starts each sentence of ``text`` (in blocks cut at paragraph starts, where
    tokenization and segmentation start afresh anyway)."""
    out: list[int] = []
    keeps = pieces(cut_points(text, BLOCK_CHARS), BLOCK_CHARS)
    for lo, hi in zip(keeps, keeps[1:]):
        doc = _tokenizer().make_doc(text[lo:hi])
        out.extend(doc[i].idx + lo for i in numpy.flatnonzero(sentence_starts(doc)).tolist())
    return out


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the sentence holding text[start:end], as the pipeline splits the text
    (for messages and checks that quote where a figure stands). A figure that a sentence boundary
    runs through gets the sentence where it starts, widened to where it ends."""
    starts = _char_starts(text)
    k = bisect_right(starts, start) - 1
    left = starts[k] if k >= 0 else 0
    j = bisect_right(starts, max(start, end - 1))
    right = starts[j] if j < len(starts) else len(text)
    while left < start and text[left].isspace():
        left += 1
    while right > max(left, end) and text[right - 1].isspace():
        right -= 1
    return left, right


class SentenceSegmenter:
    """spaCy component: sets ``token.is_sent_start`` on every token."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, end_punct: tuple[str, ...] = DEFAULT_END_PUNCT) -> None:
        self.name = name
        self.end_punct = tuple(end_punct)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) <= 1 or "sents" in doc.user_hooks:
            return doc
        marks = doc.to_array([DEP, SENT_START])
        if marks[:, 0].any() or marks[1:, 1].any():  # ``doc.has_annotation``, read from one array
            return doc  # an earlier component already decided
        starts = numpy.where(sentence_starts(doc, self.end_punct), 1, -1).astype("int32").astype("uint64")
        doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc


@Language.factory(FACTORY, assigns=["token.is_sent_start"], default_config={"end_punct": list(DEFAULT_END_PUNCT)})
def make_survey_sentences(nlp: Language, name: str, end_punct: list[str]) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name, end_punct=tuple(end_punct))

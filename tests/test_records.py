"""Records serialize to exactly the fields of ANNOTATION.md, in its order."""
from __future__ import annotations

import json

import pytest

import extract
from extract.records import FIELDS, record_from_dict, to_json

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

"""The scorer on hand-built cases, one behaviour each."""
from __future__ import annotations

import pytest

from extract.review.scoring import evaluate
from extract.review.similarity import group_lenient, group_strict, normalize_group, token_f1


def pct(doc="d", start=0, end=3, value=60.0, text="60%", bound="exact", kind="share", group="marketers", gs=7, ge=16):
    return {"doc_id": doc, "type": "percentage", "value": value, "start": start, "end": end, "text": text, "bound": bound,
            "kind": kind, "group": group, "group_start": gs if group else None, "group_end": ge if group else None,
            "statement": None, "time": None}


def n(doc="d", start=20, value=131, population="U.S. executives"):
    return {"doc_id": doc, "type": "sample_size", "value": value, "start": start, "end": start + len(str(value)),
            "text": str(value), "bound": "exact", "population": population, "population_start": 30,
            "population_end": 30 + len(population or "")}


def test_scoring_perfect_match():
    m, errors = evaluate([pct(), n()], [pct(), n()])
    assert (m["pct_precision"], m["pct_recall"], m["pct_f1"]) == (1.0, 1.0, 1.0)
    assert (m["kind_acc"], m["bound_acc"], m["group_strict"], m["group_lenient"]) == (1.0, 1.0, 1.0, 1.0)
    assert (m["n_f1"], m["population_strict"]) == (1.0, 1.0)
    assert errors.empty


def test_scoring_overlapping_shifted_span_still_matches():
    m, errors = evaluate([pct(start=5, end=8)], [pct(start=0, end=6, text="over 6")])
    assert m["pct_tp"] == 1 and errors.empty


def test_scoring_value_must_agree_within_tolerance():
    m, _ = evaluate([pct(value=66.7)], [pct(value=66.66)])
    assert m["pct_tp"] == 1
    m, errors = evaluate([pct(value=60.0)], [pct(value=61.0)])
    assert (m["pct_tp"], m["pct_fp"], m["pct_fn"]) == (0, 1, 1)
    assert sorted(errors["error"]) == ["false_negative", "false_positive"]


def test_scoring_wrong_group_strict_versus_lenient():
    m, errors = evaluate([pct(group="tech management leaders")], [pct(group="the tech management leaders surveyed")])
    assert m["group_strict"] == 0.0 and m["group_lenient"] == 1.0
    assert list(errors["error"]) == ["group_not_exact"]
    m, errors = evaluate([pct(group="marketers")], [pct(group="IT executives")])
    assert m["group_lenient"] == 0.0 and list(errors["error"]) == ["wrong_group"]


def test_scoring_kind_and_bound_errors_are_listed():
    m, errors = evaluate([pct(kind="share", bound="lower")], [pct(kind="other", bound="exact", group=None)])
    assert (m["kind_acc"], m["bound_acc"]) == (0.0, 0.0)
    assert {"wrong_kind", "wrong_bound", "wrong_group"} <= set(errors["error"])


def test_scoring_missing_and_spurious():
    m, errors = evaluate([pct(), pct(start=40, end=43, value=20.0, text="20%")], [pct(), pct(start=90, end=93, value=5.0)])
    assert (m["pct_tp"], m["pct_fp"], m["pct_fn"]) == (1, 1, 1)
    assert m["pct_precision"] == m["pct_recall"] == 0.5


def test_scoring_document_with_no_gold_records():
    """A labeled document with nothing in it: every prediction there is a false positive."""
    m, errors = evaluate([], [pct(doc="empty")], gold_docs=["empty"])
    assert (m["documents"], m["pct_fp"], m["pct_precision"]) == (1, 1, 0.0)
    assert m["pct_recall"] == 1.0  # nothing to find


def test_scoring_unlabeled_documents_are_not_scored():
    m, _ = evaluate([pct()], [pct(), pct(doc="other")])
    assert m["unscored_docs"] == ["other"] and m["pct_fp"] == 0


def test_scoring_sample_sizes_match_on_value_and_score_population():
    m, errors = evaluate([n(value=400, population="senior marketing")], [n(value=400, start=99, population="marketing")])
    assert m["n_tp"] == 1 and m["population_strict"] == 0.0 and m["population_lenient"] == 1.0
    m, _ = evaluate([n(value=400)], [n(value=250)])
    assert (m["n_tp"], m["n_fp"], m["n_fn"]) == (0, 1, 1)


def test_scoring_per_document_table():
    m, _ = evaluate([pct(doc="a"), pct(doc="b")], [pct(doc="a")])
    per_doc = m["per_doc"].set_index("doc_id")
    assert per_doc.loc["a", "pct_f1"] == 1.0 and per_doc.loc["b", "pct_recall"] == 0.0


@pytest.mark.parametrize("gold,pred,strict,lenient", [
    ("those with an effective relationship", "Those with an effective relationship", True, True),
    ("the respondents", "respondents.", True, True),
    ("marketers and IT types", "marketers", False, False),
    ("U.S. executives who hold a director title or higher", "U.S. executives", False, False),
    ("marketing and tech management leaders", "tech management leaders", False, True),
    (None, None, True, True),
    (None, "marketers", False, False),
])
def test_scoring_group_comparison(gold, pred, strict, lenient):
    assert group_strict(gold, pred) is strict
    assert group_lenient(gold, pred) is lenient


def test_scoring_normalize_trims_leading_words_and_punctuation():
    assert normalize_group("  “Those polled,” ") == "polled"
    assert token_f1("a b", "a b") == 1.0

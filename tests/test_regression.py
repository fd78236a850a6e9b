"""The extractor's figures on gold/ stay at or above floors set just below what it measures now.

Raise a floor when the extractor improves; never lower one to make a change pass.
"""
from __future__ import annotations

import pytest

from extract.pipeline import extract_many
from extract.review.evaluation import evaluate_corpus
from extract.review.gold import read_splits

from .helpers import CORPUS, GOLD

FLOORS = {
    "seeds": {"pct_recall": 1.0, "pct_precision": 1.0, "kind_acc": 1.0, "bound_acc": 1.0,
              "group_strict": 1.0, "group_lenient": 1.0, "n_f1": 1.0, "population_lenient": 1.0, "study_f1": 1.0},
    "wild": {"pct_f1": 0.99, "kind_acc": 0.96, "bound_acc": 0.99, "group_strict": 0.95, "group_lenient": 0.98,
             "n_f1": 0.97, "population_lenient": 0.99, "study_f1": 0.49},
    "wild_heldout": {"pct_f1": 0.99, "kind_acc": 0.98, "group_strict": 0.96, "group_lenient": 0.99, "n_f1": 0.99,
                     "study_f1": 0.28},
    # Trade-press and poll articles: dev2_tune was read while writing rules; dev2_heldout was measured at the
    # end of its session before its errors were read (README), and fixes came from reading it after that
    # (its errors and wild_heldout's were read again on 2026-12-07, third session).
    "dev2_tune": {"pct_f1": 0.99, "kind_acc": 0.98, "bound_acc": 0.99, "group_strict": 0.91, "group_lenient": 0.91,
                  "n_f1": 0.94, "population_lenient": 0.92, "study_f1": 0.79},
    "dev2_heldout": {"pct_f1": 0.99, "kind_acc": 0.98, "bound_acc": 0.98, "group_strict": 0.85, "group_lenient": 0.94,
                     "n_f1": 0.90, "population_lenient": 0.84, "study_f1": 0.77},
    # Health, workplace, consumer, IT and poll articles: dev3_tune read while writing rules, dev3_heldout never read
    # (docs/evaluation.md has the first measurement of both).
    "dev3_tune": {"pct_f1": 0.98, "kind_acc": 0.97, "bound_acc": 0.99, "group_strict": 0.87, "group_lenient": 0.88,
                  "n_f1": 0.97, "population_lenient": 0.95, "study_f1": 0.58},
    "dev3_heldout": {"pct_f1": 0.99, "kind_acc": 0.97, "bound_acc": 0.99,
                     "n_f1": 0.94, "population_lenient": 0.88, "study_f1": 0.66},
    # dev3_heldout without its six articles read on 2026-12-07 (gold/splits.json says which and why; the floors
    # hold the lowest of its 16-, 15-, 14- and 12-article figures)
    "dev3_heldout_unread": {"pct_f1": 0.99, "kind_acc": 0.96, "bound_acc": 0.99,
                            "n_f1": 0.86, "population_lenient": 0.75, "study_f1": 0.61},
}
# The held-out splits' groups, as the number of matched shares whose group is right (strict, lenient): a ratio
# over matched shares falls when more figures are found whose group is wrong, as on 2026-12-07 (fifth session),
# when three more of their shares were found (percentages F1 98.4 to 99.4 on the 14 unread) and the right groups
# stayed 99 / 105 of them (135 / 146 of the 18). Counted, a floor still catches a group lost. The sixth session's
# rules (2026-12-07) raised the 18's to 141 / 148 through its four read articles; the 14 unread stayed at 99 / 105.
# The eighth session took two more out of the unread (gold/splits.json): the 12 left have 85 / 91 right of 117.
# The ninth session's rules (2026-12-08) raised the 18's to 147 / 154 through its six read articles.
RIGHT_GROUP_FLOORS = {"dev3_heldout": (147, 154), "dev3_heldout_unread": (85, 91)}


@pytest.fixture(scope="module")
def seed_metrics(nlp):
    (m, _), problems = evaluate_corpus(GOLD, CORPUS, None, docs=read_splits(GOLD)["seeds"], nlp=nlp)
    assert problems == []
    return m


@pytest.fixture(scope="module")
def corpus_metrics(corpus_records):
    """Each split scored from the session's records of the corpus (extracted once, not once per split)."""
    splits = read_splits(GOLD)
    records = [r for recs in corpus_records.values() for r in recs]
    out = {}
    for name in FLOORS:
        (m, _), problems = evaluate_corpus(GOLD, CORPUS, None, docs=splits[name], records=records)
        assert problems == []
        out[name] = m
    return out


def test_regression_records_given_score_as_records_extracted(nlp, seed_metrics):
    """Scoring records handed in (as the whole-corpus floors do) is scoring a run of the extractor."""
    seeds = read_splits(GOLD)["seeds"]
    texts = {d: next(CORPUS.rglob(f"{d}.txt")).read_text(encoding="utf-8") for d in seeds}
    records = [r for _, recs in extract_many(texts.items(), nlp=nlp) for r in recs]
    (given, _), _ = evaluate_corpus(GOLD, CORPUS, None, docs=seeds, records=records)
    assert {k: v for k, v in given.items() if k != "per_doc"} == {k: v for k, v in seed_metrics.items() if k != "per_doc"}


@pytest.mark.parametrize("metric,floor", FLOORS["seeds"].items())
def test_regression_floor_seeds(seed_metrics, metric, floor):
    assert seed_metrics[metric] >= floor, f"seeds {metric} = {seed_metrics[metric]:.3f} < {floor}"


@pytest.mark.slow  # the whole corpus: every gold article through the pipeline
@pytest.mark.parametrize("split,metric,floor", [(s, k, v) for s, f in FLOORS.items() for k, v in f.items()])
def test_regression_floor(corpus_metrics, split, metric, floor):
    assert corpus_metrics[split][metric] >= floor, f"{split} {metric} = {corpus_metrics[split][metric]:.3f} < {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("split,floors", RIGHT_GROUP_FLOORS.items())
def test_regression_right_groups_floor(corpus_metrics, split, floors):
    m = corpus_metrics[split]
    right = tuple(round(m[key] * m["shares_matched"]) for key in ("group_strict", "group_lenient"))
    assert all(r >= f for r, f in zip(right, floors)), f"{split} right groups (strict, lenient) {right} < {floors}"

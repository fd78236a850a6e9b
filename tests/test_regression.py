"""The extractor's figures on gold/ stay at or above floors set just below what it measures now.

Raise a floor when the extractor improves; never lower one to make a change pass.
"""
from __future__ import annotations

import pytest

from extract.review.evaluation import evaluate_corpus
from extract.review.gold import read_splits

from .conftest import CORPUS, GOLD

FLOORS = {
    "seeds": {"pct_recall": 1.0, "pct_precision": 1.0, "kind_acc": 1.0, "bound_acc": 1.0,
              "group_strict": 1.0, "group_lenient": 1.0, "n_f1": 1.0, "population_lenient": 1.0, "study_f1": 1.0},
    "wild": {"pct_f1": 0.99, "kind_acc": 0.93, "bound_acc": 0.99, "group_strict": 0.92, "group_lenient": 0.95,
             "n_f1": 0.94, "population_lenient": 0.99, "study_f1": 0.43},
    "wild_heldout": {"pct_f1": 0.99, "kind_acc": 0.93, "group_strict": 0.92, "group_lenient": 0.96},
    # Trade-press and poll articles: dev2_tune was read while writing rules; dev2_heldout was measured at the
    # end before its errors were read (README), and fixes came from reading it after that.
    "dev2_tune": {"pct_f1": 0.97, "kind_acc": 0.94, "bound_acc": 0.99, "group_strict": 0.74, "group_lenient": 0.77,
                  "n_f1": 0.90, "population_lenient": 0.83, "study_f1": 0.68},
    "dev2_heldout": {"pct_f1": 0.99, "kind_acc": 0.91, "bound_acc": 0.98, "group_strict": 0.69, "group_lenient": 0.70,
                     "n_f1": 0.85, "study_f1": 0.66},
}


@pytest.fixture(scope="module")
def metrics(nlp):
    splits = read_splits(GOLD)
    out = {}
    for name in FLOORS:
        (m, _), problems = evaluate_corpus(GOLD, CORPUS, None, docs=splits[name], nlp=nlp)
        assert problems == []
        out[name] = m
    return out


@pytest.mark.parametrize("split,metric,floor", [(s, k, v) for s, f in FLOORS.items() for k, v in f.items()])
def test_regression_floor(metrics, split, metric, floor):
    assert metrics[split][metric] >= floor, f"{split} {metric} = {metrics[split][metric]:.3f} < {floor}"

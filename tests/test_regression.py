"""The extractor's figures on gold/ stay at or above floors set just below what it measures now.

Raise a floor when the extractor improves; never lower one to make a change pass.
"""
from __future__ import annotations

import pytest

from extract.evaluation import evaluate_corpus
from extract.gold import read_splits

from .conftest import CORPUS, GOLD

FLOORS = {
    "seeds": {"pct_recall": 1.0, "pct_precision": 0.97, "kind_acc": 1.0, "bound_acc": 1.0,
              "group_strict": 0.98, "group_lenient": 0.98, "n_f1": 1.0, "population_lenient": 1.0},
    "wild": {"pct_f1": 0.99, "kind_acc": 0.92, "bound_acc": 0.99, "group_strict": 0.90, "group_lenient": 0.93,
             "n_f1": 0.92, "population_lenient": 0.95},
    "wild_heldout": {"pct_f1": 0.98, "kind_acc": 0.90, "group_strict": 0.85, "group_lenient": 0.89},
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

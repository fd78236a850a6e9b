"""The parametrized table of real phrasings: value, bound, kind and group of each figure.

Each row is a sentence (with the sentence naming its group, where that comes
earlier) from the seeds, the wild articles of gold/splits.json's wild_tune or the
trade-press and poll articles of dev2_tune (never dev2_heldout), with what the gold
set says of one figure in it. Rows the rules still get
wrong are strict xfails with the reason, so a fix shows up as XPASS.
"""
from __future__ import annotations

import json

import pytest

import extract
from extract.review.scoring import group_strict

from extract.review.gold import read_splits

from .helpers import DATA, GOLD

ROWS = [json.loads(line) for line in (DATA / "phrasings.jsonl").read_text(encoding="utf-8").splitlines()]
PARAMS = [
    pytest.param(r, id=f"{r['source'][:16]}-{r['figure']}-{n}",
                 marks=[pytest.mark.xfail(reason=r["xfail"], strict=True)] if r.get("xfail") else [])
    for n, r in enumerate(ROWS)
]


def test_phrasings_table_is_large_and_real():
    assert len(ROWS) >= 80
    assert {r["kind"] for r in ROWS} == {"share", "point_change", "other"}
    assert sum(1 for r in ROWS if r["source"].startswith("bbc_")) >= 40
    assert sum(1 for r in ROWS if r["source"].startswith("dev2_")) >= 60
    heldout = set(read_splits(GOLD)["dev2_heldout"]) | set(read_splits(GOLD)["wild_heldout"])
    assert not heldout & {r["source"] for r in ROWS}, "held-out articles never feed the rules' tests"


@pytest.mark.parametrize("row", PARAMS)
def test_phrasings_value_bound_kind_group(nlp, row):
    records = [r for r in extract.extract_text(row["text"], nlp=nlp) if r.type == "percentage" and r.text == row["figure"]]
    assert records, f"{row['figure']!r} not found"
    rec = min(records, key=lambda r: abs(r.value - row["value"]))
    assert rec.value == pytest.approx(row["value"], abs=0.05)
    assert rec.bound == row["bound"]
    assert rec.kind == row["kind"]
    assert group_strict(row["group"], rec.group), (row["group"], rec.group)

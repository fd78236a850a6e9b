"""Score any record set against the gold set, by the rules at the end of docs/annotation.md.

- Percentages match when they are in the same document, their spans overlap and
  their values differ by at most 0.05; pairs are made one to one, best overlap first.
- On matched pairs: kind and bound accuracy; group accuracy strict (case-folded
  text equal after trimming punctuation and a leading the/those/these) and lenient
  (token-overlap F1 >= 0.5). A null group matches only a null group.
- Sample sizes match on document and value (nearest offsets first); population
  is scored like groups.
- Studies match one to one when their orgs match leniently (token-overlap F1 >= 0.5; the
  same survey is often credited "Harris" in one place and "Harris Interactive" in another),
  or, where either side has no org, when their titles do; on matched pairs the year is scored.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Sequence

import pandas as pd

from ..records import Record, to_dict
from ..sentences import sentence_around
from .similarity import LENIENT_F1, group_lenient, group_strict, token_f1

VALUE_TOLERANCE = 0.05
ERROR_COLUMNS = ["doc_id", "type", "error", "gold_value", "pred_value", "gold_text", "pred_text", "start", "end",
                 "gold_kind", "pred_kind", "gold_bound", "pred_bound", "gold_group", "pred_group", "sentence"]


def _as_dict(rec: Record | Mapping[str, Any]) -> dict[str, Any]:
    return dict(rec) if isinstance(rec, Mapping) else to_dict(rec)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    # Nothing predicted is perfect precision only when there was nothing to find: empty predictions scored
    # precision 100 (F1 was 0 all the same). Nothing to find stays perfect recall, whatever was predicted.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    """Correct out of total, for the accuracies measured on matched pairs."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def rate(self) -> Optional[float]:
        return self.correct / self.total if self.total else None


@dataclass
class DocScore:
    percentages: Counts = field(default_factory=Counts)
    samples: Counts = field(default_factory=Counts)
    kind: Tally = field(default_factory=Tally)
    bound: Tally = field(default_factory=Tally)
    group_strict: Tally = field(default_factory=Tally)       # on matched pairs whose gold kind is share
    group_lenient: Tally = field(default_factory=Tally)
    group_strict_all: Tally = field(default_factory=Tally)   # on every matched pair (null == null counts)
    group_lenient_all: Tally = field(default_factory=Tally)
    population_strict: Tally = field(default_factory=Tally)
    population_lenient: Tally = field(default_factory=Tally)
    studies: Counts = field(default_factory=Counts)
    study_year: Tally = field(default_factory=Tally)

    def merge(self, other: "DocScore") -> None:
        for name, value in vars(other).items():
            mine = getattr(self, name)
            for attr in vars(value):
                setattr(mine, attr, getattr(mine, attr) + getattr(value, attr))

    def summary(self) -> dict[str, Any]:
        p, s = self.percentages, self.samples
        return {
            "pct_tp": p.tp, "pct_fp": p.fp, "pct_fn": p.fn,
            "pct_precision": p.precision, "pct_recall": p.recall, "pct_f1": p.f1,
            "kind_acc": self.kind.rate, "bound_acc": self.bound.rate,
            "group_strict": self.group_strict.rate, "group_lenient": self.group_lenient.rate,
            "group_strict_all": self.group_strict_all.rate, "group_lenient_all": self.group_lenient_all.rate,
            "shares_matched": self.group_strict.total,
            "n_tp": s.tp, "n_fp": s.fp, "n_fn": s.fn,
            "n_precision": s.precision, "n_recall": s.recall, "n_f1": s.f1,
            "population_strict": self.population_strict.rate, "population_lenient": self.population_lenient.rate,
            "study_tp": self.studies.tp, "study_fp": self.studies.fp, "study_fn": self.studies.fn,
            "study_precision": self.studies.precision, "study_recall": self.studies.recall, "study_f1": self.studies.f1,
            "study_year": self.study_year.rate,
        }


class Evaluation(NamedTuple):
    """``metrics`` (micro-averaged, plus ``per_doc``) and one row per error."""

    metrics: dict[str, Any]
    errors: pd.DataFrame


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match_percentages(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): overlapping spans, values within tolerance."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0 and abs(float(g["value"]) - float(p["value"])) <= VALUE_TOLERANCE + 1e-9:
                cands.append(((-ov, abs(g["start"] - p["start"])), gi, pi))
    return _one_to_one(cands)


def match_samples(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs on equal values, nearest offsets first."""
    return _one_to_one([((abs(g["start"] - p["start"]),), gi, pi) for gi, g in enumerate(gold)
                        for pi, p in enumerate(pred) if int(g["value"]) == int(p["value"])])


def match_studies(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs of studies that name the same org (leniently), or the same title where an org is missing."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.get("org") and p.get("org"):
                f1 = token_f1(g["org"], p["org"])
            else:
                f1 = token_f1(g.get("title"), p.get("title")) if g.get("title") and p.get("title") else 0.0
            if f1 >= LENIENT_F1:
                cands.append(((-f1,), gi, pi))
    return _one_to_one(cands)


def _one_to_one(candidates: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """Greedy matching: best-ranked candidate pairs first, each side used once."""
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _sentence(texts: Mapping[str, str], doc_id: str, start: int, end: int) -> Optional[str]:
    text = texts.get(doc_id)
    if text is None:
        return None
    left, right = sentence_around(text, start, end)
    return text[left:right].strip()


def _error(doc_id: str, typ: str, error: str, g: Optional[Mapping[str, Any]], p: Optional[Mapping[str, Any]],
           texts: Mapping[str, str], group_key: str = "group") -> dict[str, Any]:
    ref = g or p
    assert ref is not None
    return {
        "doc_id": doc_id, "type": typ, "error": error,
        "gold_value": g["value"] if g else None, "pred_value": p["value"] if p else None,
        "gold_text": g["text"] if g else None, "pred_text": p["text"] if p else None,
        "start": ref["start"], "end": ref["end"],
        "gold_kind": g.get("kind") if g else None, "pred_kind": p.get("kind") if p else None,
        "gold_bound": g.get("bound") if g else None, "pred_bound": p.get("bound") if p else None,
        "gold_group": g.get(group_key) if g else None, "pred_group": p.get(group_key) if p else None,
        "sentence": _sentence(texts, doc_id, ref["start"], ref["end"]),
    }


def score_document(doc_id: str, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]],
                   texts: Mapping[str, str] | None = None) -> tuple[DocScore, list[dict[str, Any]]]:
    texts = texts or {}
    score, errors = DocScore(), []
    gp = [r for r in gold if r["type"] == "percentage"]
    pp = [r for r in pred if r["type"] == "percentage"]
    pairs = match_percentages(gp, pp)
    score.percentages = Counts(tp=len(pairs), fp=len(pp) - len(pairs), fn=len(gp) - len(pairs))
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    errors += [_error(doc_id, "percentage", "false_negative", g, None, texts) for i, g in enumerate(gp) if i not in matched_g]
    errors += [_error(doc_id, "percentage", "false_positive", None, p, texts) for i, p in enumerate(pp) if i not in matched_p]
    for gi, pi in pairs:
        g, p = gp[gi], pp[pi]
        score.kind.add(g["kind"] == p["kind"])
        score.bound.add(g["bound"] == p["bound"])
        strict, lenient = group_strict(g["group"], p["group"]), group_lenient(g["group"], p["group"])
        score.group_strict_all.add(strict)
        score.group_lenient_all.add(lenient)
        if g["kind"] == "share":
            score.group_strict.add(strict)
            score.group_lenient.add(lenient)
        if g["kind"] != p["kind"]:
            errors.append(_error(doc_id, "percentage", "wrong_kind", g, p, texts))
        if g["bound"] != p["bound"]:
            errors.append(_error(doc_id, "percentage", "wrong_bound", g, p, texts))
        if not strict:
            errors.append(_error(doc_id, "percentage", "wrong_group" if lenient is False else "group_not_exact", g, p, texts))
    gs = [r for r in gold if r["type"] == "sample_size"]
    ps = [r for r in pred if r["type"] == "sample_size"]
    spairs = match_samples(gs, ps)
    score.samples = Counts(tp=len(spairs), fp=len(ps) - len(spairs), fn=len(gs) - len(spairs))
    mg, mp = {g for g, _ in spairs}, {p for _, p in spairs}
    errors += [_error(doc_id, "sample_size", "false_negative", g, None, texts, "population") for i, g in enumerate(gs) if i not in mg]
    errors += [_error(doc_id, "sample_size", "false_positive", None, p, texts, "population") for i, p in enumerate(ps) if i not in mp]
    for gi, pi in spairs:
        g, p = gs[gi], ps[pi]
        strict, lenient = group_strict(g["population"], p["population"]), group_lenient(g["population"], p["population"])
        score.population_strict.add(strict)
        score.population_lenient.add(lenient)
        if not strict:
            errors.append(_error(doc_id, "sample_size", "wrong_population" if not lenient else "population_not_exact",
                                 g, p, texts, "population"))
    gst = [r for r in gold if r["type"] == "study"]
    pst = [r for r in pred if r["type"] == "study"]
    stpairs = match_studies(gst, pst)
    score.studies = Counts(tp=len(stpairs), fp=len(pst) - len(stpairs), fn=len(gst) - len(stpairs))
    for gi, pi in stpairs:
        if gst[gi].get("year") is not None:
            score.study_year.add(gst[gi]["year"] == pst[pi].get("year"))
    mg, mp = {g for g, _ in stpairs}, {p for _, p in stpairs}
    errors += [_study_error(doc_id, "false_negative", g, None) for i, g in enumerate(gst) if i not in mg]
    errors += [_study_error(doc_id, "false_positive", None, p) for i, p in enumerate(pst) if i not in mp]
    return score, errors


def _study_error(doc_id: str, error: str, g: Optional[Mapping[str, Any]], p: Optional[Mapping[str, Any]]) -> dict[str, Any]:
    ref = g or p
    assert ref is not None
    name = " / ".join(x for x in (ref.get("org"), ref.get("title")) if x)
    start = ref.get("org_start") if ref.get("org_start") is not None else ref.get("title_start")
    end = ref.get("org_end") if ref.get("org_end") is not None else ref.get("title_end")
    row = {c: None for c in ERROR_COLUMNS}
    row.update(doc_id=doc_id, type="study", error=error, start=start, end=end,
               gold_text=name if g else None, pred_text=name if p else None)
    return row


def evaluate(gold: Iterable[Record | Mapping[str, Any]], predictions: Iterable[Record | Mapping[str, Any]], *,
             gold_docs: Optional[Iterable[str]] = None, texts: Optional[Mapping[str, str]] = None) -> Evaluation:
    """Score ``predictions`` against ``gold`` (records from any system that writes the record format).

    ``gold_docs`` names the documents the gold set covers, including labeled documents with no
    records (whose predictions are all false positives); predictions on other documents are not
    scored and are listed in ``metrics["unscored_docs"]``.
    """
    by_doc_gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_doc_pred: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in gold:
        d = _as_dict(rec)
        by_doc_gold[d["doc_id"]].append(d)
    for rec in predictions:
        d = _as_dict(rec)
        by_doc_pred[d["doc_id"]].append(d)
    docs = set(by_doc_gold) | set(gold_docs or ())
    total = DocScore()
    rows, errors = [], []
    for doc_id in sorted(docs):
        score, errs = score_document(doc_id, by_doc_gold.get(doc_id, []), by_doc_pred.get(doc_id, []), texts)
        total.merge(score)
        errors.extend(errs)
        rows.append({"doc_id": doc_id, **score.summary()})
    metrics = {"documents": len(docs), **total.summary(),
               "unscored_docs": sorted(set(by_doc_pred) - docs),
               "per_doc": pd.DataFrame(rows)}
    return Evaluation(metrics, pd.DataFrame(errors, columns=ERROR_COLUMNS))

"""Glue between files and the scorer: gold on disk, texts on disk, predictions from a file or a run."""
from __future__ import annotations

import fnmatch
import json
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .gold import GoldSet, Problem, read_gold, select_docs
from .runs.io import load_texts
from .records import record_from_dict, to_dict
from .scoring import Evaluation, evaluate


def read_predictions(path: Union[str, Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Records from a JSONL file written by any system; malformed lines are reported, not fatal."""
    records, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(to_dict(record_from_dict(json.loads(line))))
            except (ValueError, TypeError) as exc:
                problems.append(Problem(str(path), n, str(exc)))
    return records, problems


def predict(texts: dict[str, str], docs: Iterable[str], nlp: Any = None) -> list[dict[str, Any]]:
    from .pipeline import extract_many

    items = [(d, texts[d]) for d in docs if d in texts]
    return [to_dict(r) for _, recs in extract_many(items, nlp=nlp) for r in recs]


def evaluate_corpus(gold_path: Union[str, Path], corpus: Optional[Union[str, Path]], pred_path: Optional[Union[str, Path]],
                    *, docs: Optional[Iterable[str]] = None, nlp: Any = None) -> tuple[Evaluation, list[Problem]]:
    texts = load_texts(corpus) if corpus is not None else {}
    gold: GoldSet = read_gold(gold_path, texts if corpus is not None else None)
    problems = list(gold.problems)
    if docs:
        patterns = list(docs)
        gold = select_docs(gold, [d for d in gold.docs if any(fnmatch.fnmatch(d, p) for p in patterns)])
    if pred_path is not None:
        predictions, bad = read_predictions(pred_path)
        problems += bad
        keep = set(gold.docs)
        predictions = [p for p in predictions if p["doc_id"] in keep] if docs else predictions
    else:
        missing = [d for d in gold.docs if d not in texts]
        if missing:
            problems.append(Problem(str(corpus), None, f"no text for {len(missing)} gold document(s): {missing[:5]}"))
        predictions = predict(texts, gold.docs, nlp)
    return evaluate(gold.records, predictions, gold_docs=gold.docs, texts=texts), problems

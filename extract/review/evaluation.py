"""Glue between files and the scorer: gold on disk, texts on disk, predictions from a file or a run."""
from __future__ import annotations

import fnmatch
import json
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

import pandas as pd
from spacy.language import Language

from ..errors import Errors, Warnings
from ..runs.io import load_texts
from ..pipeline import extract_many
from ..records import Record, record_from_dict, to_dict
from .gold import SPLITS_FILE, GoldSet, Problem, read_gold, read_splits, select_docs
from .scoring import Evaluation, evaluate


def read_predictions(path: Union[str, Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Records from a JSONL file written by any system; malformed lines are reported, not fatal."""
    records, problems = [], []
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw.decode("utf-8"))
                if not isinstance(data, dict):  # '[1, 2]' is JSON, not a record
                    raise ValueError(Warnings.W018)
                records.append(to_dict(record_from_dict(data)))
            except UnicodeDecodeError as exc:
                problems.append(Problem(str(path), n, Warnings.W014.format(pos=exc.start, reason=exc.reason)))
            except (ValueError, TypeError) as exc:
                problems.append(Problem(str(path), n, str(exc)))
            except RecursionError:  # nested deeper than Python's stack: one bad line, not a traceback
                problems.append(Problem(str(path), n, Warnings.W015.format(reason="nested too deeply")))
    return records, problems


def extract_records(texts: Mapping[str, str], docs: Optional[Iterable[str]] = None, *,
                    nlp: Optional[Language] = None) -> list[dict[str, Any]]:
    """This extractor's records of ``texts`` (only ``docs`` when given), for review code given no records."""
    items = [(d, texts[d]) for d in (texts if docs is None else docs) if d in texts]
    return [to_dict(r) for _, recs in extract_many(items, nlp=nlp) for r in recs]


def evaluate_corpus(gold_path: Union[str, Path], corpus: Optional[Union[str, Path]], pred_path: Optional[Union[str, Path]],
                    *, docs: Optional[Iterable[str]] = None, nlp: Optional[Language] = None,
                    records: Optional[Iterable[Record | Mapping[str, Any]]] = None) -> tuple[Evaluation, list[Problem]]:
    """Score predictions against the gold set: read from ``pred_path``, given as ``records`` (any system's),
    or else extracted from the texts in ``corpus``; ``docs`` keeps only documents matching these globs."""
    texts = load_texts(corpus) if corpus is not None else {}
    gold: GoldSet = read_gold(gold_path, texts if corpus is not None else None)
    if not gold.docs and not gold.records:
        raise ValueError(Errors.E098.format(path=gold_path))
    problems = list(gold.problems)
    if docs:
        patterns = list(docs)
        gold = select_docs(gold, [d for d in gold.docs if any(fnmatch.fnmatch(d, p) for p in patterns)])
    if pred_path is not None or records is not None:
        if records is not None:
            predictions = [dict(r) if isinstance(r, Mapping) else to_dict(r) for r in records]
        else:
            predictions, bad = read_predictions(pred_path)
            problems += bad
        keep = set(gold.docs)
        predictions = [p for p in predictions if p["doc_id"] in keep] if docs else predictions
    else:
        missing = [d for d in gold.docs if d not in texts]
        if missing:
            problems.append(Problem(str(corpus), None, Warnings.W017.format(count=len(missing), docs=missing[:5])))
        predictions = extract_records(texts, gold.docs, nlp=nlp)
    return evaluate(gold.records, predictions, gold_docs=gold.docs, texts=texts), problems


# --------------------------------------------------------------------------------------- output
TABLE_FORMATS = ("table", "json", "csv")
PER_DOC_COLUMNS = ["doc_id", "pct_tp", "pct_fp", "pct_fn", "pct_f1", "group_strict", "group_lenient", "n_tp", "n_fp", "n_fn"]


def _pct(v: Optional[float]) -> str:
    return "   -  " if v is None else f"{100 * v:6.1f}"


def metrics_table(metrics: Mapping[str, Any]) -> str:
    """The micro-averaged figures, one line a measure, as ``extract evaluate`` prints them."""
    m, pct = metrics, _pct
    rows = [
        ("documents", f"{m['documents']}"),
        ("percentages  P / R / F1", f"{pct(m['pct_precision'])} {pct(m['pct_recall'])} {pct(m['pct_f1'])}"
                                    f"   (tp {m['pct_tp']}, fp {m['pct_fp']}, fn {m['pct_fn']})"),
        ("kind accuracy", pct(m["kind_acc"])),
        ("bound accuracy", pct(m["bound_acc"])),
        ("group (shares) strict / lenient", f"{pct(m['group_strict'])} {pct(m['group_lenient'])}"
                                            f"   ({m['shares_matched']} matched shares)"),
        ("group (all matched) strict / lenient", f"{pct(m['group_strict_all'])} {pct(m['group_lenient_all'])}"),
        ("sample sizes P / R / F1", f"{pct(m['n_precision'])} {pct(m['n_recall'])} {pct(m['n_f1'])}"
                                    f"   (tp {m['n_tp']}, fp {m['n_fp']}, fn {m['n_fn']})"),
        ("population strict / lenient", f"{pct(m['population_strict'])} {pct(m['population_lenient'])}"),
        ("studies P / R / F1 (org lenient)", f"{pct(m['study_precision'])} {pct(m['study_recall'])} "
                                             f"{pct(m['study_f1'])}   (tp {m['study_tp']}, "
                                             f"fp {m['study_fp']}, fn {m['study_fn']})"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def error_lines(errors: pd.DataFrame) -> str:
    """Each false positive, false negative and wrong group: gold and prediction side by side, in its sentence."""
    out = []
    for row in errors.itertuples():
        gold = f"gold {row.gold_text!r}={row.gold_value} {row.gold_kind or ''}/{row.gold_bound or ''} [{row.gold_group}]"
        pred = f"pred {row.pred_text!r}={row.pred_value} {row.pred_kind or ''}/{row.pred_bound or ''} [{row.pred_group}]"
        out.append(f"\n{row.doc_id} {row.type} {row.error} @{row.start}\n  {gold}\n  {pred}\n  | {row.sentence}\n")
    return "".join(out)


def format_evaluation(result: Evaluation, fmt: str = "table", *, per_doc: bool = False, errors: bool = False) -> str:
    """The scores as a table a reader scans, JSON, or CSV (the errors, else the per-document rows, else the
    metrics), with the per-document rows and the error list when asked for."""
    metrics = dict(result.metrics)
    table = metrics.pop("per_doc")
    if fmt == "json":
        payload: dict[str, Any] = {"metrics": metrics}
        if per_doc:
            payload["per_doc"] = table.to_dict(orient="records")
        if errors:
            payload["errors"] = result.errors.to_dict(orient="records")
        return json.dumps(payload, indent=1, default=str) + "\n"
    if fmt == "csv":
        frame = result.errors if errors else table if per_doc else pd.DataFrame([metrics]).drop(columns=["unscored_docs"])
        return frame.to_csv(index=False)
    text = metrics_table(metrics) + "\n"
    if per_doc:
        text += "\n" + table[PER_DOC_COLUMNS].to_string(index=False, float_format=lambda v: f"{v:.2f}") + "\n"
    return text + (error_lines(result.errors) if errors else "")


def split_docs(gold_path: Union[str, Path], split: str) -> list[str]:
    """The documents of a named split in GOLD/splits.json; an unknown name is a ValueError naming the file."""
    splits = read_splits(gold_path)
    try:
        return splits[split]
    except KeyError:
        raise ValueError(Errors.E092.format(split=split, path=Path(gold_path) / SPLITS_FILE, known=", ".join(splits))) from None

"""The gold set: reading it, and checking every record against the guide and the text.

A gold set is a directory of ``<doc_id>.jsonl`` files (one per labeled document,
empty when the document has no figures) or a single JSONL file of records.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

from ..errors import Errors, Warnings
from ..lexicon import BOUNDS, KINDS
from ..records import FIELDS

OPTIONAL = frozenset({"statement", "time"})
SPAN_FIELDS = {"percentage": (("start", "end", "text"), ("group_start", "group_end", "group")),
               "sample_size": (("start", "end", "text"), ("population_start", "population_end", "population")),
               "study": (("org_start", "org_end", "org"), ("title_start", "title_end", "title"))}


@dataclass(frozen=True)
class Problem:
    path: str
    line: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class GoldSet:
    records: list[dict[str, Any]] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def gold_files(path: Union[str, Path]) -> list[Path]:
    p = Path(path)
    if p.is_dir():
        return sorted(f for f in p.glob("*.jsonl") if f.is_file())
    if p.is_file() and p.suffix == ".jsonl":
        return [p]
    raise FileNotFoundError(Errors.E041.format(path=p))


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_num(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool)) and math.isfinite(v)


def check_record(rec: Any, text: Optional[str], expected_doc: Optional[str]) -> list[str]:
    """Everything wrong with one record, as short sentences (empty when it is right)."""
    if not isinstance(rec, dict):
        return [Warnings.W018]
    typ = rec.get("type")
    if typ not in FIELDS:
        return [Warnings.W001.format(field="type", value=typ, allowed=", ".join(FIELDS))]
    problems = []
    names = FIELDS[typ]
    unknown = sorted(set(rec) - set(names))
    if unknown:
        problems.append(Warnings.W002.format(fields=unknown))
    missing = [n for n in names if n not in rec and n not in OPTIONAL]
    if missing:
        problems.append(Warnings.W003.format(fields=missing))
        return problems
    if not isinstance(rec["doc_id"], str) or not rec["doc_id"]:
        problems.append(Warnings.W004.format(field="doc_id", what="a non-empty string"))
    elif expected_doc is not None and rec["doc_id"] != expected_doc:
        problems.append(Warnings.W005.format(doc_id=rec["doc_id"], expected=expected_doc))
    if typ == "percentage":
        if not _is_num(rec["value"]):
            problems.append(Warnings.W006.format(value=rec["value"], what="a finite number"))
        if rec["kind"] not in KINDS:
            problems.append(Warnings.W001.format(field="kind", value=rec["kind"], allowed=sorted(KINDS)))
        elif rec["kind"] == "other" and rec.get("group") is not None:
            problems.append(Warnings.W007)
        for opt in ("statement", "time"):
            if rec.get(opt) is not None and not isinstance(rec[opt], str):
                problems.append(Warnings.W004.format(field=opt, what="a string or null"))
    if typ == "sample_size" and (not _is_int(rec["value"]) or rec["value"] <= 0):
        problems.append(Warnings.W006.format(value=rec["value"], what="a positive integer"))
    if typ in ("percentage", "sample_size") and rec["bound"] not in BOUNDS:
        problems.append(Warnings.W001.format(field="bound", value=rec["bound"], allowed=sorted(BOUNDS)))
    if typ == "study":
        if rec["year"] is not None and not _is_int(rec["year"]):
            problems.append(Warnings.W004.format(field="year", what="an integer or null"))
        if rec["org"] is None and rec["title"] is None:
            problems.append(Warnings.W008)
    for (s_key, e_key, t_key) in SPAN_FIELDS[typ]:
        problems += _check_span(rec, s_key, e_key, t_key, text, required=(s_key == "start"))
    return problems


def _check_span(rec: Mapping[str, Any], s_key: str, e_key: str, t_key: str, text: Optional[str], required: bool) -> list[str]:
    s, e, t = rec.get(s_key), rec.get(e_key), rec.get(t_key)
    if s is None and e is None and t is None and not required:
        return []
    if not (_is_int(s) and _is_int(e)):
        return [Warnings.W004.format(field=f"{s_key}/{e_key}", what=f"integers (got {s!r}, {e!r})")]
    if not isinstance(t, str) or not t:
        return [Warnings.W009.format(text_key=t_key, start_key=s_key)]
    if not 0 <= s < e:
        return [Warnings.W010.format(start_key=s_key, start=s, end_key=e_key, end=e)]
    if text is None:
        return []
    if e > len(text):
        return [Warnings.W011.format(end_key=e_key, end=e, length=len(text))]
    if text[s:e] != t:
        return [Warnings.W012.format(text_key=t_key, text=t, start=s, end=e, actual=text[s:e])]
    return []


def read_gold(path: Union[str, Path], texts: Optional[Mapping[str, str]] = None) -> GoldSet:
    """Read and check a gold set; bad lines are left out and reported, good ones kept."""
    gold = GoldSet()
    for f in gold_files(path):
        per_file = Path(path).is_dir()
        expected = f.stem if per_file else None
        if per_file:
            gold.docs.append(f.stem)
            if texts is not None and f.stem not in texts:
                gold.problems.append(Problem(str(f), None, Warnings.W013.format(doc_id=f.stem)))
        try:
            raw = f.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            gold.problems.append(Problem(str(f), None, Warnings.W014.format(pos=exc.start, reason=exc.reason)))
            continue
        seen: Counter[tuple[Any, ...]] = Counter()
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as exc:
                gold.problems.append(Problem(str(f), n, Warnings.W015.format(reason=exc)))
                continue
            except RecursionError:  # nested deeper than Python's stack: one bad line, not a traceback
                gold.problems.append(Problem(str(f), n, Warnings.W015.format(reason="nested too deeply")))
                continue
            doc = rec.get("doc_id") if isinstance(rec, dict) else None
            text = texts.get(doc) if texts is not None and isinstance(doc, str) else None
            problems = check_record(rec, text, expected)
            if texts is not None and isinstance(doc, str) and doc not in texts and not per_file:
                problems.append(Warnings.W013.format(doc_id=doc))
            if not problems:
                key = (rec["doc_id"], rec["type"], rec.get("start", rec.get("org_start")), rec.get("end", rec.get("org_end")),
                       rec.get("value"), rec.get("title_start"))
                seen[key] += 1
                if seen[key] > 1:
                    problems.append(Warnings.W016.format(type=rec["type"]))
            gold.problems.extend(Problem(str(f), n, p) for p in problems)
            if not problems:
                gold.records.append(rec)
                if not per_file and rec["doc_id"] not in gold.docs:
                    gold.docs.append(rec["doc_id"])
    return gold


def validate(path: Union[str, Path], texts: Mapping[str, str]) -> list[Problem]:
    """All problems in a gold set; empty means valid."""
    return read_gold(path, texts).problems


def select_docs(gold: GoldSet, docs: Iterable[str]) -> GoldSet:
    keep = set(docs)
    return GoldSet([r for r in gold.records if r["doc_id"] in keep], [d for d in gold.docs if d in keep], gold.problems)


SPLITS_FILE = "splits.json"


def read_splits(path: Union[str, Path]) -> dict[str, list[str]]:
    """Named subsets of a gold directory (``splits.json``: name -> list of doc_ids)."""
    f = Path(path) / SPLITS_FILE
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(Errors.E090.format(path=f)) from None
    except ValueError as exc:
        raise ValueError(Errors.E091.format(path=f, reason=exc)) from None
    return {k: list(v) for k, v in data.items() if isinstance(v, list)}

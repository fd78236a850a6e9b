"""What a check says, the rounding every comparison allows, and the ways results are written out.

Every printed figure is rounded: ``71%`` stands for anything from 70.5 to 71.5. A claim fails only
when no unrounded values could make it true; a result says when it holds only thanks to rounding.
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, Optional, TextIO

import regex

HOLDS, FAILS, CANNOT = "holds", "fails", "cannot_check"
STATUSES = (HOLDS, FAILS, CANNOT)
FORMATS = ("jsonl", "csv", "table")
DATA_FILE = "review.json"
CSV_COLUMNS = ["check", "status", "doc_id", "doc_ids", "figures", "computed", "stated", "rounding", "reason",
               "explanation", "sentence"]


@lru_cache(maxsize=None)
def review_words(section: str) -> Mapping[str, Any]:
    """A section of the review word lists (``data/review.json``), read once."""
    text = (resources.files("extract.data") / DATA_FILE).read_text(encoding="utf-8")
    return json.loads(text)[section]


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    doc_id: str = ""

    @classmethod
    def of(cls, rec: Mapping[str, Any]) -> "Figure":
        return cls(rec["text"], rec["start"], rec["end"], float(rec["value"]), rec["doc_id"])


@dataclass
class CheckResult:
    check: str
    status: str
    doc_id: str
    figures: list[Figure]
    computed: Optional[float]
    stated: Optional[float]
    sentence: str
    explanation: str
    reason: Optional[str] = None
    rounding: bool = False  # holds only thanks to the rounding of the printed figures
    doc_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["figures"] = [asdict(f) for f in self.figures]
        return d


# --------------------------------------------------------------------------------------- rounding
def precision(text: str) -> float:
    """Half the unit of the last printed digit: '71%' -> 0.5, '13.3%' -> 0.05; words and fractions -> 0.5."""
    m = regex.search(r"\d+(?:[.,]\d+)*", text)
    if not m:
        return 0.5
    digits = m.group().replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10 ** -decimals


def interval(fig: Figure) -> tuple[float, float]:
    p = precision(fig.text)
    return fig.value - p, fig.value + p


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def verdict(exact: bool, within_rounding: bool) -> tuple[str, bool]:
    """(status, rounding): holds as printed, holds only within the rounding of the figures, or fails."""
    if exact:
        return HOLDS, False
    if within_rounding:
        return HOLDS, True
    return FAILS, False


def fmt_number(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else str(int(round(x)))


# --------------------------------------------------------------------------------------- output
def result_row(result: CheckResult) -> dict[str, Any]:
    """A flat row for CSV and tables: figures as 'text@start-end'."""
    d = result.to_dict()
    d["figures"] = "; ".join(f"{f['text']}@{f['start']}-{f['end']}" for f in d["figures"])
    d["doc_ids"] = " ".join(d["doc_ids"])
    return {k: d[k] for k in CSV_COLUMNS}


def select(results: Iterable[CheckResult], show: str = "all") -> list[CheckResult]:
    """All results, or only those of one status."""
    return [r for r in results if show == "all" or r.status == show]


def output_format(out: Optional[str], fmt: Optional[str] = None) -> str:
    """The format asked for, else from the output's extension (.csv, else jsonl), else a table on stdout."""
    return fmt or ("csv" if out and out.endswith(".csv") else "jsonl" if out else "table")


def write_results(results: Iterable[CheckResult], handle: TextIO, fmt: str) -> None:
    """Results as JSON lines, CSV, or a table a reader can scan."""
    if fmt == "jsonl":
        for r in results:
            handle.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for r in results:
            writer.writerow(result_row(r))
    else:
        for r in results:
            figs = ", ".join(f.text for f in r.figures)
            handle.write(f"{r.status:<12} {r.check:<17} {' + '.join(r.doc_ids)}  [{figs}]\n    {r.explanation}\n")


def save_results(results: Iterable[CheckResult], out: Optional[str] = None, fmt: Optional[str] = None) -> None:
    """Write results to ``out`` (format from ``fmt`` or the extension) or, without it, to stdout."""
    kind = output_format(out, fmt)
    if out is None:
        write_results(results, sys.stdout, kind)
        return
    with open(out, "w", encoding="utf-8", newline="") as handle:
        write_results(results, handle, kind)


def status_counts(results: Iterable[CheckResult]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for r in results:
        counts[r.status] += 1
    return counts


def summary_line(results: list[CheckResult], unreadable: int = 0) -> str:
    counts = status_counts(results)
    return (f"checks: {len(results)}  holds: {counts[HOLDS]}  fails: {counts[FAILS]}  "
            f"cannot_check: {counts[CANNOT]}  unreadable inputs: {unreadable}")

"""One self-contained HTML page to review every figure in its sentence, with its group, sample and checks.

The page works offline (inline CSS and JS, a Content-Security-Policy that forbids
any request) and stays light for hundreds of articles: each article's marked-up
text is a <template> (parsed, never rendered) until it is opened. Every piece of
article text is escaped on the Python side; the script only ever inserts text
with textContent, so an article containing markup shows it as text.
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, TextIO, Union

from importlib.resources import files

from ..checks import CheckResult, check
from ..evaluation import extract_records
from ..gold import read_gold
from ...lexicon import BOUNDS, KINDS
from ...records import FIELDS, Record, to_dict
from ...runs.io import read_inputs
from ...sentences import sentence_around
from ..scoring import group_strict, match_percentages, match_samples

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
KIND_CLASS = {"share": "k-share", "point_change": "k-change", "other": "k-other"}


@dataclass
class ArticleView:
    doc_id: str
    text: str
    records: list[dict[str, Any]]
    checks: list[CheckResult] = field(default_factory=list)
    flags: dict[int, list[str]] = field(default_factory=dict)  # record index -> gold problems (fp, wrong_group, ...)
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold records the extractor missed


# ------------------------------------------------------------------------------------------ gold
def gold_flags(records: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> tuple[dict[int, list[str]], list[dict[str, Any]]]:
    """Per predicted record, what the gold set says is wrong with it; and the gold records missed."""
    flags: dict[int, list[str]] = defaultdict(list)
    missed: list[dict[str, Any]] = []
    for typ, matcher in (("percentage", match_percentages), ("sample_size", match_samples)):
        pred_idx = [i for i, r in enumerate(records) if r["type"] == typ]
        gold_t = [g for g in gold if g["type"] == typ]
        pairs = matcher(gold_t, [records[i] for i in pred_idx])
        matched_pred = {pred_idx[p] for _, p in pairs}
        matched_gold = {g for g, _ in pairs}
        for i in pred_idx:
            if i not in matched_pred:
                flags[i].append("false positive")
        missed += [g for n, g in enumerate(gold_t) if n not in matched_gold]
        for g, p in pairs:
            rec, ref = records[pred_idx[p]], gold_t[g]
            key = "group" if typ == "percentage" else "population"
            if not group_strict(ref[key], rec[key]):
                flags[pred_idx[p]].append(f"wrong {key} (gold: {ref[key]})")
            if typ == "percentage" and ref["kind"] != rec["kind"]:
                flags[pred_idx[p]].append(f"wrong kind (gold: {ref['kind']})")
            if typ == "percentage" and ref["bound"] != rec["bound"]:
                flags[pred_idx[p]].append(f"wrong bound (gold: {ref['bound']})")
    return dict(flags), missed


# ------------------------------------------------------------------------------------------ text
def _figure_spans(view: ArticleView) -> list[tuple[int, int, str, dict[str, str]]]:
    """(start, end, class, data attributes) of every mark: records, and gold figures that were missed."""
    spans = []
    for i, r in enumerate(view.records):
        if r["type"] == "study":
            continue
        classes = ["fig", KIND_CLASS.get(r.get("kind") or "", "k-sample") if r["type"] == "percentage" else "k-sample"]
        problems = view.flags.get(i, [])
        if any(p == "false positive" for p in problems):
            classes.append("g-fp")
        elif problems:
            classes.append("g-wrong")
        spans.append((r["start"], r["end"], " ".join(classes), {"rid": str(i), "start": str(r["start"]), "end": str(r["end"])}))
    taken = [(s, e) for s, e, _, _ in spans]
    for n, g in enumerate(view.missed):
        if all(g["end"] <= s or g["start"] >= e for s, e in taken):
            spans.append((g["start"], g["end"], "fig g-fn", {"gid": str(n), "start": str(g["start"]), "end": str(g["end"])}))
    return sorted(spans)


def _group_spans(view: ArticleView) -> list[tuple[int, int, int]]:
    out = []
    for i, r in enumerate(view.records):
        for s_key, e_key in (("group_start", "group_end"), ("population_start", "population_end")):
            if r.get(s_key) is not None:
                out.append((r[s_key], r[e_key], i))
    return out


def _attrs(data: Mapping[str, str]) -> str:
    return "".join(f' data-{k}="{html.escape(v, quote=True)}"' for k, v in data.items())


def article_html(view: ArticleView) -> str:
    """The article's text, escaped, with every figure as one <mark> and group mentions as spans that
    list the figures they belong to. Check results sit after the sentence's last figure."""
    text = view.text
    figs = _figure_spans(view)
    groups = _group_spans(view)
    check_at: dict[int, list[int]] = defaultdict(list)
    for n, c in enumerate(view.checks):
        ends = [f.end for f in c.figures if f.doc_id in ("", view.doc_id)]
        if ends:  # after the last of its figures in this article
            check_at[max(ends)].append(n)
    bounds = {0, len(text)} | {b for s, e, _, _ in figs for b in (s, e)} | {b for s, e, _ in groups for b in (s, e)}
    bounds |= {b for b in check_at if 0 <= b <= len(text)}
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    fig_at = {s: (s, e, cls, data) for s, e, cls, data in figs}
    out: list[str] = []
    open_fig: Optional[int] = None
    for a, b in zip(cuts, cuts[1:]):
        if a in fig_at and open_fig is None:
            s, e, cls, data = fig_at[a]
            out.append(f'<mark class="{cls}"{_attrs(data)}>')
            open_fig = e
        owners = sorted({i for s, e, i in groups if s <= a and b <= e})
        piece = html.escape(text[a:b])
        if owners:
            out.append(f'<span class="grp" data-of="{" ".join(map(str, owners))}">{piece}</span>')
        else:
            out.append(piece)
        if open_fig is not None and b >= open_fig:
            out.append("</mark>")
            open_fig = None
        for n in check_at.get(b, []):
            c = view.checks[n]
            symbol = {"holds": "\u2713", "fails": "\u2717"}.get(c.status, "?")
            out.append(f'<sup class="chk c-{c.status}" data-check="{n}" title="{html.escape(c.explanation, quote=True)}">'
                       f"{symbol}</sup>")
    return "".join(out)


# ------------------------------------------------------------------------------------------ charts
def comparisons(view: ArticleView) -> list[dict[str, Any]]:
    """Statements on which the article compares groups: sentences with shares of two or more groups."""

    by_sentence: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for r in view.records:
        if r["type"] == "percentage" and r["kind"] == "share" and r["group"]:
            by_sentence[sentence_around(view.text, r["start"], r["end"])].append(r)
    out = []
    for (s, e), recs in sorted(by_sentence.items()):
        if len({r["group"] for r in recs}) < 2:
            continue
        label = view.text[s:e].strip()
        out.append({"statement": label if len(label) < 160 else label[:157] + "...",
                    "bars": [{"group": r["group"], "value": r["value"], "text": r["text"], "time": r.get("time")} for r in recs]})
    return out


# ------------------------------------------------------------------------------------------ page
def asset(name: str) -> str:
    """The page, its CSS or its script: package data beside this module (page.html, report.css, report.js)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def _json_script(data: Any) -> str:
    """JSON that cannot close its <script> element, whatever the articles contain."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def build_views(texts: Mapping[str, str], records: Iterable[Record | Mapping[str, Any]],
                gold: Optional[Iterable[Mapping[str, Any]]] = None, gold_docs: Optional[Iterable[str]] = None,
                with_checks: bool = True) -> list[ArticleView]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        d = dict(r) if isinstance(r, Mapping) else to_dict(r)
        by_doc[d["doc_id"]].append(d)
    for recs in by_doc.values():
        recs.sort(key=lambda r: (r.get("start", r.get("org_start")) or 0, r["type"]))
    checks_by_doc: dict[str, list[CheckResult]] = defaultdict(list)
    if with_checks:
        for c in check([r for recs in by_doc.values() for r in recs], texts):
            for d in dict.fromkeys(c.doc_ids or [c.doc_id]):
                checks_by_doc[d].append(c)
    gold_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold or []:
        gold_by_doc[g["doc_id"]].append(dict(g))
    labeled = set(gold_docs or []) | set(gold_by_doc)
    views = []
    for doc_id in sorted(texts):
        view = ArticleView(doc_id, texts[doc_id], by_doc.get(doc_id, []), checks_by_doc.get(doc_id, []))
        if gold is not None and doc_id in labeled:
            view.flags, view.missed = gold_flags(view.records, gold_by_doc.get(doc_id, []))
        views.append(view)
    return views


HEADLINE_CHARS = 140  # of an article's first line, in the index


def headline(text: str) -> str:
    """The article's first non-blank line (its title, in the corpus files), cut to fit the index."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= HEADLINE_CHARS else first[:HEADLINE_CHARS - 1].rstrip() + "\u2026"


def failed_html(failed: Sequence[str]) -> str:
    """The inputs that could not be read, listed on the page itself (escaped; no script needed)."""
    if not failed:
        return ""
    items = "".join(f"<li>{html.escape(m)}</li>" for m in failed)
    noun = "input" if len(failed) == 1 else "inputs"
    return f'<details id="failed" open><summary>{len(failed)} {noun} could not be read</summary><ul>{items}</ul></details>'


def render(views: Sequence[ArticleView], *, title: str = "Survey statistics: review", with_gold: bool = False,
           failed: Sequence[str] = (), editable: bool = False, blank: bool = False) -> str:
    """The page as one string (``write_page`` into memory)."""
    buffer = io.StringIO()
    write_page(buffer, views, title=title, with_gold=with_gold, failed=failed, editable=editable, blank=blank)
    return buffer.getvalue()


_DATA, _TEMPLATES = "\0data\0", "\0templates\0"  # where the page's two long parts go (no asset holds a NUL)


def write_page(fh: TextIO, views: Sequence[ArticleView], *, title: str = "Survey statistics: review",
               with_gold: bool = False, failed: Sequence[str] = (), editable: bool = False, blank: bool = False) -> None:
    """Write the page article by article: the data block and the templates are never held whole (a page
    of 6,000 articles is some 130 MB of text, and held as one string, with its copies, took over 1 GB).
    ``editable`` adds the corrections editor (edit.js): each article's text goes into the data block, the
    script draws the article from it and the records (no templates), and corrections are kept in the browser
    and exported as gold JSONL. ``blank`` (labeling from scratch) keeps them apart from the corrections of
    the same articles' records."""
    css, js = asset("report.css"), asset("report.js")
    extra: dict[str, Any] = {}
    if editable:
        extra = {"editable": True, "store": store_key(views, "blank" if blank else "records"), "fields": FIELDS,
                 "bounds": list(BOUNDS), "kinds": list(KINDS)}
        css, js = css + asset("edit.css"), asset("edit.js") + "\n" + js
    page = asset("page.html").format(csp=CSP, title=html.escape(title), css=css, js=js,
                                     data=_DATA, templates=_TEMPLATES, failed=failed_html(failed))
    head, rest = page.split(_DATA)
    middle, tail = rest.split(_TEMPLATES)
    fh.write(head)
    fh.write('{"docs": [')
    for n, v in enumerate(views):
        entry = _doc_data(n, v, with_gold)
        if editable:
            entry["text"] = v.text
        fh.write((", " if n else "") + _json_script(entry))
    fh.write('], "gold": ' + _json_script(with_gold))
    for key, value in extra.items():
        fh.write(f', "{key}": ' + _json_script(value))
    fh.write("}")
    fh.write(middle)
    if not editable:
        for n, v in enumerate(views):
            fh.write(("\n" if n else "") + f'<template id="doc-{n}" data-doc="{html.escape(v.doc_id, quote=True)}">'
                     f'<div class="text">{article_html(v)}</div></template>')
    fh.write(tail)


def _doc_data(n: int, v: ArticleView, with_gold: bool) -> dict[str, Any]:
    """One article's entry in the page's data block."""
    fails = sum(c.status == "fails" for c in v.checks)
    errors = sum(len(p) for p in v.flags.values()) + len(v.missed)
    studies = [r for r in v.records if r["type"] == "study"]
    return {
        "id": v.doc_id, "n": n, "headline": headline(v.text),
        "figures": sum(r["type"] == "percentage" for r in v.records),
        "samples": sum(r["type"] == "sample_size" for r in v.records),
        "fails": fails, "errors": errors if with_gold else None,
        "study": ", ".join(filter(None, [studies[0].get("title"), studies[0].get("org")])) if studies else "",
        "records": v.records,
        "flags": {str(k): p for k, p in v.flags.items()},
        "missed": v.missed,
        "checks": [c.to_dict() for c in v.checks],
        "charts": comparisons(v),
    }


def store_key(views: Sequence[ArticleView], mode: str) -> str:
    """Where the page keeps its corrections in the browser: one key per set of article texts and mode, so
    that two pages of the same articles share their corrections (a page written again after the extractor
    changed still shows them), pages of other articles never see them, and a blank page never shows the
    corrected records of an editable one."""
    digest = hashlib.sha256(mode.encode("utf-8"))
    for v in views:
        digest.update(json.dumps([v.doc_id, v.text], ensure_ascii=False).encode("utf-8"))
    return "survey-extract:" + digest.hexdigest()[:16]


def report(paths: Union[str, Iterable[str], None] = None, *, out: Optional[Union[str, Path]] = None,
           records: Optional[Iterable[Record | Mapping[str, Any]]] = None, texts: Optional[Mapping[str, str]] = None,
           gold: Optional[Union[str, Path]] = None, nlp: Any = None, title: str = "Survey statistics: review",
           failed: Sequence[str] = (), editable: bool = False, blank: bool = False) -> str:
    """The review page for the articles under ``paths`` (or given ``texts``), from ``records`` when given
    (any system's) or from running the extractor; with ``gold`` (a gold directory), errors are marked.
    Inputs that could not be read (``failed``, and any under ``paths``) are listed on the page.

    ``editable`` lets the reader correct the records and export them as gold; ``blank`` (editable too)
    shows the articles with no records at all, for labeling a new batch without the extractor's bias."""
    views, failed = report_views(paths, records, texts, gold, nlp, failed, blank=blank)
    page = render(views, title=title, with_gold=gold is not None, failed=failed, editable=editable or blank,
                  blank=blank)
    if out is not None:
        Path(out).write_text(page, encoding="utf-8")
    return page


def write_report(out: Union[str, Path], paths: Union[str, Iterable[str], None] = None, *,
                 records: Optional[Iterable[Record | Mapping[str, Any]]] = None,
                 texts: Optional[Mapping[str, str]] = None, gold: Optional[Union[str, Path]] = None, nlp: Any = None,
                 title: str = "Survey statistics: review", failed: Sequence[str] = (), editable: bool = False,
                 blank: bool = False) -> int:
    """``report`` written straight to ``out`` (``extract report``): the same page, never held whole in
    memory. Returns how many articles it shows. An OSError names what could not be written."""
    views, failed = report_views(paths, records, texts, gold, nlp, failed, blank=blank)
    save_page(out, views, title=title, with_gold=gold is not None, failed=failed, editable=editable or blank,
              blank=blank)
    return len(views)


def save_page(out: Union[str, Path], views: Sequence[ArticleView], **options: Any) -> None:
    """``write_page`` into ``OUT.tmp``, put in place whole (``os.replace``): a page cut short by a full
    disk never replaces a good one."""
    tmp = f"{out}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            write_page(fh, views, **options)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def report_views(paths: Union[str, Iterable[str], None], records: Optional[Iterable[Record | Mapping[str, Any]]],
                 texts: Optional[Mapping[str, str]], gold: Optional[Union[str, Path]], nlp: Any,
                 failed: Sequence[str], *, blank: bool = False) -> tuple[list[ArticleView], list[str]]:
    """The articles to show, and every input that could not be read; ``blank``: with no records, the extractor
    not run."""
    failed = list(failed)
    if texts is None:
        inputs = read_inputs(paths or [])
        texts, failed = inputs.texts, [*failed, *inputs.messages]
    if blank:
        records = []
    elif records is None:
        records = extract_records(texts, nlp=nlp)
    gold_records, gold_docs = None, None
    if gold is not None:
        g = read_gold(gold, texts)
        gold_records, gold_docs = g.records, g.docs
    return build_views(texts, records, gold_records, gold_docs, with_checks=not blank), failed





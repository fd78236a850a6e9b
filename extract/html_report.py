"""One self-contained HTML page to review every figure in its sentence, with its group, sample and checks.

The page works offline (inline CSS and JS, a Content-Security-Policy that forbids
any request) and stays light for hundreds of articles: each article's marked-up
text is a <template> (parsed, never rendered) until it is opened. Every piece of
article text is escaped on the Python side; the script only ever inserts text
with textContent, so an article containing markup shows it as text.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from .checks import CheckResult, check
from .records import Record, to_dict
from .scoring import group_strict, match_percentages, match_samples

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
    from .sentences import sentence_around

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


def render(views: Sequence[ArticleView], *, title: str = "Survey statistics: review", with_gold: bool = False) -> str:
    docs, templates = [], []
    for n, v in enumerate(views):
        fails = sum(c.status == "fails" for c in v.checks)
        errors = sum(len(p) for p in v.flags.values()) + len(v.missed)
        studies = [r for r in v.records if r["type"] == "study"]
        docs.append({
            "id": v.doc_id, "n": n,
            "figures": sum(r["type"] == "percentage" for r in v.records),
            "samples": sum(r["type"] == "sample_size" for r in v.records),
            "fails": fails, "errors": errors if with_gold else None,
            "study": ", ".join(filter(None, [studies[0].get("title"), studies[0].get("org")])) if studies else "",
            "records": v.records,
            "flags": {str(k): p for k, p in v.flags.items()},
            "missed": v.missed,
            "checks": [c.to_dict() for c in v.checks],
            "charts": comparisons(v),
        })
        templates.append(f'<template id="doc-{n}" data-doc="{html.escape(v.doc_id, quote=True)}">'
                         f'<div class="text">{article_html(v)}</div></template>')
    return PAGE.format(csp=CSP, title=html.escape(title), css=CSS, js=JS, data=_json_script({"docs": docs, "gold": with_gold}),
                       templates="\n".join(templates))


def report(paths: Union[str, Iterable[str], None] = None, *, out: Optional[Union[str, Path]] = None,
           records: Optional[Iterable[Record | Mapping[str, Any]]] = None, texts: Optional[Mapping[str, str]] = None,
           gold: Optional[Union[str, Path]] = None, nlp: Any = None, title: str = "Survey statistics: review") -> str:
    """The review page for the articles under ``paths`` (or given ``texts``), from ``records`` when given
    (any system's) or from running the extractor; with ``gold`` (a gold directory), errors are marked."""
    from .io import Document, iter_documents

    if texts is None:
        items = [paths] if isinstance(paths, str) else list(paths or [])
        texts = {d.doc_id: d.text for d in iter_documents(items) if isinstance(d, Document)}
    if records is None:
        from .pipeline import extract_many

        records = [to_dict(r) for _, recs in extract_many(texts.items(), nlp=nlp) for r in recs]
    gold_records, gold_docs = None, None
    if gold is not None:
        from .gold import read_gold

        g = read_gold(gold, texts)
        gold_records, gold_docs = g.records, g.docs
    page = render(build_views(texts, records, gold_records, gold_docs), title=title, with_gold=gold is not None)
    if out is not None:
        Path(out).write_text(page, encoding="utf-8")
    return page


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{css}</style></head>
<body>
<header><h1>{title}</h1>
<nav><button data-tab="index" class="on">Articles</button><button data-tab="table">All records</button></nav></header>
<main>
<section id="index"><div class="bar"><input id="doc-filter" placeholder="filter articles"><span id="doc-pages"></span></div>
<table id="docs"><thead><tr><th data-key="id">article</th><th data-key="figures">figures</th><th data-key="samples">sample sizes</th>
<th data-key="fails">checks that fail</th><th data-key="errors" class="gold-only">gold errors</th><th data-key="study">study</th></tr></thead><tbody></tbody></table>
<div id="view" hidden><h2 id="view-title"></h2>
<div class="legend"><mark class="fig k-share">share</mark> <mark class="fig k-change">point change</mark> <mark class="fig k-other">other</mark> <mark class="fig k-sample">sample size</mark> <span class="grp">group / population</span>
<span class="gold-only"><mark class="fig k-other g-fp">false positive</mark> <mark class="fig k-other g-wrong">wrong group/kind/bound</mark> <mark class="fig g-fn">missed (gold)</mark></span></div>
<div class="cols"><article id="article"></article><aside><div id="details"><p class="hint">Hover or click a figure.</p></div>
<h3>Checks</h3><ol id="checks"></ol><h3>Groups compared</h3><div id="charts"></div></aside></div></div></section>
<section id="table" hidden><div class="bar"><select id="f-doc"><option value="">all articles</option></select>
<select id="f-kind"><option value="">all kinds</option><option>share</option><option>point_change</option><option>other</option><option value="sample_size">sample size</option></select>
<input id="f-group" placeholder="group contains"><button id="export">Export CSV</button><span id="rec-pages"></span></div>
<table id="records"><thead><tr><th>article</th><th>type</th><th>text</th><th>value</th><th>bound</th><th>kind</th><th>group / population</th><th>time</th><th>statement</th></tr></thead><tbody></tbody></table></section>
</main>
<script type="application/json" id="data">{data}</script>
{templates}
<script>{js}</script>
</body></html>
"""

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#24344d;color:#fff;padding:.6em 1.2em;display:flex;gap:2em;align-items:center}
header h1{font-size:1.1em;margin:0}nav button{background:none;border:0;color:#cfd8e6;font-size:1em;cursor:pointer;padding:.3em .8em}
nav button.on{color:#fff;border-bottom:2px solid #fff}main{padding:1em 1.2em}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #e3e3e3;padding:.3em .5em;text-align:left;vertical-align:top}
th{cursor:pointer;background:#eef1f5;position:sticky;top:0}tr.doc:hover{background:#f3f6fb;cursor:pointer}
.bar{display:flex;gap:.6em;align-items:center;margin:.4em 0}.bar input,.bar select{padding:.2em .4em}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2em}
article .text{white-space:pre-wrap;background:#fff;padding:1em;border:1px solid #ddd;border-radius:4px}
mark.fig{padding:0 .1em;border-radius:3px;cursor:pointer}
.k-share{background:#cfe8ff}.k-change{background:#ffe2b8}.k-other{background:#e6e6e6}.k-sample{background:#d8f5d0}
.grp{border-bottom:2px dotted #6b8fc4}.grp.lit{background:#fff3a8;border-bottom-color:#c9a400}
mark.fig.sel{outline:2px solid #24344d}
.g-fp{outline:2px dashed #d33}.g-wrong{outline:2px solid #e08a00}mark.g-fn{background:none;outline:2px dashed #7a3fb0}
sup.chk{font-weight:bold;margin-left:.15em;cursor:help}.c-holds{color:#1a7f37}.c-fails{color:#d33}.c-cannot_check{color:#888}
#details{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.6em;min-height:4em}
#details dl{display:grid;grid-template-columns:auto 1fr;gap:.1em .8em;margin:0}#details dt{color:#666}
#checks li{margin-bottom:.4em}#checks .st{font-weight:bold}.hint{color:#888}
.legend{margin:.4em 0 .8em;font-size:.9em}.gold-only{display:none}body.with-gold .gold-only{display:inline}
body.with-gold th.gold-only{display:table-cell}svg text{font:11px system-ui,sans-serif}
"""

JS = r"""
(function(){
'use strict';
const DATA = JSON.parse(document.getElementById('data').textContent);
const docs = DATA.docs;
if (DATA.gold) document.body.classList.add('with-gold');
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; };
const PAGE = 50;
let sortKey = 'id', sortDir = 1, docPage = 0, current = null;

function tab(name){
  document.querySelectorAll('nav button').forEach(b => b.classList.toggle('on', b.dataset.tab === name));
  document.getElementById('index').hidden = name !== 'index';
  document.getElementById('table').hidden = name !== 'table';
  if (name === 'table') renderRecords();
}
document.querySelectorAll('nav button').forEach(b => b.addEventListener('click', () => tab(b.dataset.tab)));

function renderIndex(){
  const q = document.getElementById('doc-filter').value.toLowerCase();
  const rows = docs.filter(d => d.id.toLowerCase().includes(q) || (d.study || '').toLowerCase().includes(q));
  rows.sort((a, b) => { const x = a[sortKey], y = b[sortKey]; return (x > y ? 1 : x < y ? -1 : 0) * sortDir; });
  const pages = Math.max(1, Math.ceil(rows.length / PAGE)); docPage = Math.min(docPage, pages - 1);
  const body = document.querySelector('#docs tbody'); body.replaceChildren();
  for (const d of rows.slice(docPage * PAGE, docPage * PAGE + PAGE)) {
    const tr = el('tr', null, 'doc'); tr.dataset.n = d.n;
    tr.append(el('td', d.id), el('td', d.figures), el('td', d.samples), el('td', d.fails));
    const g = el('td', d.errors === null ? '' : d.errors, 'gold-only'); tr.append(g, el('td', d.study));
    tr.addEventListener('click', () => openDoc(d.n)); body.append(tr);
  }
  pager(document.getElementById('doc-pages'), pages, docPage, p => { docPage = p; renderIndex(); });
}
function pager(holder, pages, page, go){
  holder.replaceChildren();
  if (pages < 2) return;
  const prev = el('button', '\u2039'); prev.disabled = page === 0; prev.onclick = () => go(page - 1);
  const next = el('button', '\u203a'); next.disabled = page >= pages - 1; next.onclick = () => go(page + 1);
  holder.append(prev, el('span', ` page ${page + 1} of ${pages} `), next);
}
document.querySelectorAll('#docs th').forEach(th => th.addEventListener('click', () => {
  const k = th.dataset.key; sortDir = sortKey === k ? -sortDir : 1; sortKey = k; renderIndex(); }));
document.getElementById('doc-filter').addEventListener('input', () => { docPage = 0; renderIndex(); });

function openDoc(n){
  const d = docs[n]; current = d;
  const tpl = document.getElementById('doc-' + n);
  const art = document.getElementById('article'); art.replaceChildren(tpl.content.cloneNode(true));
  document.getElementById('view').hidden = false;
  document.getElementById('view-title').textContent = d.id + (d.study ? ' \u2014 ' + d.study : '');
  document.getElementById('details').replaceChildren(el('p', 'Hover or click a figure.', 'hint'));
  art.querySelectorAll('mark.fig').forEach(m => {
    m.addEventListener('mouseenter', () => show(m)); m.addEventListener('click', () => show(m, true)); });
  const list = document.getElementById('checks'); list.replaceChildren();
  d.checks.forEach((c, i) => { const li = el('li'); li.append(el('span', c.status.replace('_', ' '), 'st c-' + c.status), el('span', ' ' + c.check + ': ' + c.explanation)); list.append(li); });
  if (!d.checks.length) list.append(el('li', 'none', 'hint'));
  charts(d);
  document.getElementById('view').scrollIntoView();
}
function show(mark, pin){
  const d = current; const box = document.getElementById('details'); box.replaceChildren();
  document.querySelectorAll('mark.sel').forEach(m => m.classList.remove('sel'));
  document.querySelectorAll('.grp.lit').forEach(g => g.classList.remove('lit'));
  mark.classList.add('sel');
  const dl = el('dl');
  const add = (k, v) => { if (v !== null && v !== undefined && v !== '') dl.append(el('dt', k), el('dd', v)); };
  if (mark.dataset.rid !== undefined) {
    const r = d.records[+mark.dataset.rid];
    add('figure', r.text); add('value', r.value); add('bound', r.bound); add('kind', r.kind || 'sample size');
    add('group', r.group); add('population', r.population); add('time', r.time); add('statement', r.statement);
    add('offsets', r.start + '\u2013' + r.end);
    (d.flags[mark.dataset.rid] || []).forEach(p => add('gold', p));
    document.querySelectorAll('#article .grp').forEach(g => { if ((g.dataset.of || '').split(' ').includes(mark.dataset.rid)) g.classList.add('lit'); });
  } else {
    const g = d.missed[+mark.dataset.gid];
    add('missed (gold)', g.text); add('value', g.value); add('kind', g.kind); add('group', g.group || g.population);
  }
  box.append(dl);
}
function charts(d){
  const holder = document.getElementById('charts'); holder.replaceChildren();
  if (!d.charts.length) { holder.append(el('p', 'No statement compares two groups.', 'hint')); return; }
  const NS = 'http://www.w3.org/2000/svg';
  const mk = (tag, attrs, text) => { const e = document.createElementNS(NS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; };
  for (const c of d.charts) {
    holder.append(el('p', c.statement, 'hint'));
    const h = 22 * c.bars.length + 8, w = 380;
    const svg = mk('svg', {width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: 'img'});
    c.bars.forEach((b, i) => {
      const y = 4 + i * 22, len = Math.max(1, Math.min(100, b.value)) * 1.9;
      svg.append(mk('text', {x: 0, y: y + 13}, (b.group.length > 24 ? b.group.slice(0, 23) + '\u2026' : b.group) + (b.time ? ` (${b.time})` : '')));
      svg.append(mk('rect', {x: 160, y: y, width: len, height: 16, fill: b.time ? '#9bb5d6' : '#3f6fb0'}));
      svg.append(mk('text', {x: 164 + len, y: y + 13}, b.text));
    });
    holder.append(svg);
  }
}

let recPage = 0;
const allRecords = docs.flatMap(d => d.records.filter(r => r.type !== 'study').map(r => ({doc: d.id, ...r})));
const docSelect = document.getElementById('f-doc');
docs.forEach(d => docSelect.append(el('option', d.id)));
function filtered(){
  const doc = docSelect.value, kind = document.getElementById('f-kind').value, grp = document.getElementById('f-group').value.toLowerCase();
  return allRecords.filter(r => (!doc || r.doc === doc) && (!kind || r.kind === kind || r.type === kind)
    && (!grp || ((r.group || r.population || '').toLowerCase().includes(grp))));
}
function renderRecords(){
  const rows = filtered(); const pages = Math.max(1, Math.ceil(rows.length / 100)); recPage = Math.min(recPage, pages - 1);
  const body = document.querySelector('#records tbody'); body.replaceChildren();
  for (const r of rows.slice(recPage * 100, recPage * 100 + 100)) {
    const tr = el('tr');
    [r.doc, r.type, r.text, r.value, r.bound, r.kind || '', r.group || r.population || '', r.time || '', r.statement || ''].forEach(v => tr.append(el('td', v)));
    body.append(tr);
  }
  pager(document.getElementById('rec-pages'), pages, recPage, p => { recPage = p; renderRecords(); });
}
['f-doc', 'f-kind', 'f-group'].forEach(id => document.getElementById(id).addEventListener('input', () => { recPage = 0; renderRecords(); }));
document.getElementById('export').addEventListener('click', () => {
  const cols = ['doc_id', 'type', 'value', 'start', 'end', 'text', 'bound', 'kind', 'group', 'group_start', 'group_end', 'statement', 'time', 'population', 'population_start', 'population_end'];
  const q = v => { if (v === null || v === undefined) return ''; const s = String(v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  const lines = [cols.join(',')].concat(filtered().map(r => cols.map(c => q(r[c])).join(',')));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], {type: 'text/csv'}));
  a.download = 'records.csv'; document.body.append(a); a.click(); a.remove();
});
renderIndex();
})();
"""

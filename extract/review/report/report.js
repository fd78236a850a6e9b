(function(){
'use strict';
const DATA = JSON.parse(document.getElementById('data').textContent);
const docs = DATA.docs;
if (DATA.gold) document.body.classList.add('with-gold');
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; };
const PAGE = 50;
let sortKey = 'id', sortDir = 1, docPage = 0, current = null;
// The corrections editor (edit.js), on pages written with --editable or --blank: it draws the article from
// its text and the corrected records, and adds the forms, the export and the import.
const ED = DATA.editable && window.surveyEditor ? window.surveyEditor({DATA, docs, el, show: (m, pin) => show(m, pin),
  bindMarks: art => bindMarks(art), current: () => current,
  refresh: () => { renderIndex(); if (!document.getElementById('table').hidden) renderRecords(); }}) : null;
const recordsOf = d => ED ? ED.records(d) : d.records;

function tab(name){
  document.querySelectorAll('nav button').forEach(b => b.classList.toggle('on', b.dataset.tab === name));
  document.getElementById('index').hidden = name !== 'index';
  document.getElementById('table').hidden = name !== 'table';
  if (name === 'table') renderRecords();
}
document.querySelectorAll('nav button').forEach(b => b.addEventListener('click', () => tab(b.dataset.tab)));

function renderIndex(){
  const q = document.getElementById('doc-filter').value.toLowerCase();
  const rows = docs.filter(d => [d.id, d.headline, d.study].some(v => (v || '').toLowerCase().includes(q)));
  rows.sort(by(sortKey, sortDir));
  marked(document.querySelectorAll('#docs th'), sortKey, sortDir);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE)); docPage = Math.min(docPage, pages - 1);
  const body = document.querySelector('#docs tbody'); body.replaceChildren();
  for (const d of rows.slice(docPage * PAGE, docPage * PAGE + PAGE)) {
    const tr = el('tr', null, 'doc'); tr.dataset.n = d.n;
    const link = el('a', d.id); link.href = '#doc=' + encodeURIComponent(d.id);
    const idCell = el('td'); idCell.append(link);
    tr.append(idCell, el('td', d.headline, 'headline'), el('td', d.figures), el('td', d.samples), el('td', d.fails));
    const g = el('td', d.errors === null ? '' : d.errors, 'gold-only'); tr.append(g, el('td', d.study));
    if (ED) tr.append(el('td', d.reviewed ? '\u2713' : '', 'edit-only'));
    tr.addEventListener('click', e => { if (e.target.tagName !== 'A') go(d); });
    body.append(tr);
  }
  pager(document.getElementById('doc-pages'), pages, docPage, p => { docPage = p; renderIndex(); });
}
function by(key, dir){  // numbers as numbers, text as text, empty last
  return (a, b) => { const x = a[key], y = b[key];
    if (x === y) return 0; if (x === null || x === undefined || x === '') return 1; if (y === null || y === undefined || y === '') return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir; };
}
function marked(headers, key, dir){
  headers.forEach(th => { if (th.dataset.key === key) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending'); else th.removeAttribute('aria-sort'); });
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

function fromHash(){  // #doc=<id> opens that article: a link to share, and the back button works
  const m = /^#doc=(.*)$/.exec(location.hash); if (!m) return;
  const id = decodeURIComponent(m[1]); const d = docs.find(x => x.id === id);
  if (d) { tab('index'); openDoc(d.n); }
}
window.addEventListener('hashchange', fromHash);
function go(d){ const h = '#doc=' + encodeURIComponent(d.id); if (location.hash === h) fromHash(); else location.hash = h; }
function openDoc(n){
  const d = docs[n]; current = d;
  const art = document.getElementById('article');
  if (ED) ED.render(d, art); else art.replaceChildren(document.getElementById('doc-' + n).content.cloneNode(true));
  document.getElementById('view').hidden = false;
  document.getElementById('view-title').textContent = d.id + (d.study ? ' \u2014 ' + d.study : '');
  document.getElementById('details').replaceChildren(el('p', ED ? 'Click a figure to correct it.' : 'Hover or click a figure.', 'hint'));
  bindMarks(art);
  const list = document.getElementById('checks'); list.replaceChildren();
  d.checks.forEach((c, i) => { const li = el('li'); li.append(el('span', c.status.replace('_', ' '), 'st c-' + c.status), el('span', ' ' + c.check + ': ' + c.explanation)); list.append(li); });
  if (!d.checks.length) list.append(el('li', 'none', 'hint'));
  charts(d);
  document.getElementById('view').scrollIntoView();
}
function bindMarks(art){  // hovering shows a figure; on an editable page only a click does, not to replace a form
  art.querySelectorAll('mark.fig').forEach(m => {
    if (!ED) m.addEventListener('mouseenter', () => show(m));
    m.addEventListener('click', () => show(m, true)); });
}
function show(mark, pin){
  const d = current; const box = document.getElementById('details'); box.replaceChildren();
  document.querySelectorAll('mark.sel').forEach(m => m.classList.remove('sel'));
  document.querySelectorAll('.grp.lit').forEach(g => g.classList.remove('lit'));
  mark.classList.add('sel');
  const dl = el('dl');
  const add = (k, v) => { if (v !== null && v !== undefined && v !== '') dl.append(el('dt', k), el('dd', v)); };
  if (mark.dataset.rid !== undefined) {
    const r = recordsOf(d)[+mark.dataset.rid];
    add('figure', r.text); add('value', r.value); add('bound', r.bound); add('kind', r.kind || 'sample size');
    add('group', r.group); add('population', r.population); add('time', r.time); add('statement', r.statement);
    add('offsets', r.start + '\u2013' + r.end);
    ((ED && ED.edited(d)) ? [] : (d.flags[mark.dataset.rid] || [])).forEach(p => add('gold', p));
    document.querySelectorAll('#article .grp').forEach(g => { if ((g.dataset.of || '').split(' ').includes(mark.dataset.rid)) g.classList.add('lit'); });
  } else {
    const g = d.missed[+mark.dataset.gid];
    add('missed (gold)', g.text); add('value', g.value); add('kind', g.kind); add('group', g.group || g.population);
  }
  box.append(dl);
  if (ED && mark.dataset.rid !== undefined) ED.details(d, +mark.dataset.rid, box);
}
function charts(d){
  const holder = document.getElementById('charts'); holder.replaceChildren();
  if (!d.charts.length) { holder.append(el('p', 'No statement compares two groups.', 'hint')); return; }
  const NS = 'http://www.w3.org/2000/svg';
  const mk = (tag, attrs, text) => { const e = document.createElementNS(NS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; };
  for (const c of d.charts) {
    holder.append(el('p', c.statement, 'hint'));
    const h = 22 * c.bars.length + 8, w = 420;
    const svg = mk('svg', {width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: 'img'});
    c.bars.forEach((b, i) => {
      const y = 4 + i * 22, len = Math.max(1, Math.min(100, b.value)) * 1.9;
      svg.append(mk('text', {x: 0, y: y + 13}, (b.group.length > 24 ? b.group.slice(0, 23) + '\u2026' : b.group) + (b.time ? ` (${b.time})` : '')));
      svg.append(mk('rect', {x: 190, y: y, width: len, height: 16, fill: b.time ? '#9bb5d6' : '#3f6fb0'}));
      svg.append(mk('text', {x: 194 + len, y: y + 13}, b.text));
    });
    holder.append(svg);
  }
}

let recPage = 0;
const allRecords = () => docs.flatMap(d => recordsOf(d).filter(r => r.type !== 'study').map(r => ({doc: d.id, who: r.group || r.population || '', ...r})));
let recKey = null, recDir = 1;
document.querySelectorAll('#records th').forEach(th => th.addEventListener('click', () => {
  const k = th.dataset.key; recDir = recKey === k ? -recDir : 1; recKey = k; recPage = 0; renderRecords(); }));
const docSelect = document.getElementById('f-doc');
docs.forEach(d => docSelect.append(el('option', d.id)));
function filtered(){
  const doc = docSelect.value, kind = document.getElementById('f-kind').value, grp = document.getElementById('f-group').value.toLowerCase();
  return allRecords().filter(r => (!doc || r.doc === doc) && (!kind || r.kind === kind || r.type === kind)
    && (!grp || ((r.group || r.population || '').toLowerCase().includes(grp))));
}
function renderRecords(){
  const rows = filtered(); const pages = Math.max(1, Math.ceil(rows.length / 100)); recPage = Math.min(recPage, pages - 1);
  if (recKey) { rows.sort(by(recKey, recDir)); marked(document.querySelectorAll('#records th'), recKey, recDir); }
  const body = document.querySelector('#records tbody'); body.replaceChildren();
  for (const r of rows.slice(recPage * 100, recPage * 100 + 100)) {
    const tr = el('tr');
    [r.doc, r.type, r.text, r.value, r.bound, r.kind || '', r.who, r.time || '', r.statement || ''].forEach(v => tr.append(el('td', v)));
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
fromHash();
})();

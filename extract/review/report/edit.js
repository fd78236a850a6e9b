// The corrections editor of the review page (extract report --editable / --blank).
//
// Offsets: the records count Python str indices, i.e. code points, while JS strings count UTF-16 units (an
// emoji is one code point and two units). Every offset here is a code point index into the article's text
// (Array.from(text)); the article is drawn from that array as text nodes whose first code point is known,
// so a selection's (node, UTF-16 offset) becomes a code point offset by counting the code points before it.
// Article text is only ever inserted with createTextNode / textContent.
window.surveyEditor = function (api) {
  'use strict';
  const {DATA, docs, el} = api;
  const KEY = DATA.store;
  const points = new Map();  // doc id -> the article's code points
  const starts = new WeakMap();  // text node -> code point offset of its first character
  let state = load();
  let lastSel = null;  // the last span of words selected in the article: {start, end, text}
  let selected = null;  // the record whose details are shown (its index in the article's records)

  // ------------------------------------------------------------------ state, kept in localStorage
  function load(){
    try { const s = JSON.parse(localStorage.getItem(KEY) || 'null'); if (s && s.v === 1 && s.docs) return s; }
    catch (e) { /* unreadable: start afresh, the page's records are still there */ }
    return {v: 1, docs: {}};
  }
  function save(){
    try { localStorage.setItem(KEY, JSON.stringify(state)); say('corrections saved in this browser'); }
    catch (e) { say('could not save in this browser (' + e.message + '): export to keep your corrections', true); }
  }
  const entry = d => state.docs[d.id];
  const records = d => entry(d) ? entry(d).records : d.records;
  const edited = d => !!(entry(d) && entry(d).changed);
  function own(d){  // the article's records as this page's own copy, to change
    if (!entry(d)) state.docs[d.id] = {records: d.records.map(r => ({...r})), reviewed: false, changed: false};
    return state.docs[d.id];
  }
  function counts(d){
    const recs = records(d);
    d.figures = recs.filter(r => r.type === 'percentage').length;
    d.samples = recs.filter(r => r.type === 'sample_size').length;
    d.reviewed = !!(entry(d) && entry(d).reviewed);
  }
  docs.forEach(counts);

  // ------------------------------------------------------------------ code points
  const cps = d => { if (!points.has(d.id)) points.set(d.id, Array.from(d.text)); return points.get(d.id); };
  const slice = (d, s, e) => cps(d).slice(s, e).join('');
  const textRoot = () => document.querySelector('#article .text');
  function pointToCp(d, node, off){
    if (node.nodeType === Node.TEXT_NODE && starts.has(node)) return starts.get(node) + Array.from(node.data.slice(0, off)).length;
    const root = textRoot();
    if (!root || !(root === node || root.contains(node))) return null;
    const probe = document.createRange(); probe.setStart(node, off);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (probe.comparePoint(t, 0) >= 0 && starts.has(t)) return starts.get(t);
    return cps(d).length;
  }
  function selectedSpan(){
    const d = api.current(), sel = document.getSelection(), root = textRoot();
    if (!d || !root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
    let s = pointToCp(d, r.startContainer, r.startOffset), e = pointToCp(d, r.endContainer, r.endOffset);
    if (s === null || e === null) return null;
    const c = cps(d);
    while (s < e && /\s/u.test(c[s])) s++;
    while (e > s && /\s/u.test(c[e - 1])) e--;
    return s < e ? {start: s, end: e, text: slice(d, s, e)} : null;
  }
  document.addEventListener('selectionchange', () => {
    const sp = selectedSpan(); if (!sp) return;
    lastSel = sp; selInfo.textContent = `selected: \u201c${sp.text}\u201d (${sp.start}\u2013${sp.end})`;
  });

  // ------------------------------------------------------------------ drawing the article
  function render(d, art){
    const c = cps(d), recs = records(d), marks = [], groups = [];
    recs.forEach((r, i) => {
      if (r.type === 'study') return;
      const cls = ['fig', r.type === 'percentage' ? ({share: 'k-share', point_change: 'k-change', other: 'k-other'}[r.kind] || 'k-sample') : 'k-sample'];
      const problems = edited(d) ? [] : (d.flags[i] || []);
      if (problems.includes('false positive')) cls.push('g-fp'); else if (problems.length) cls.push('g-wrong');
      marks.push({s: r.start, e: r.end, cls: cls.join(' '), data: {rid: i}});
      for (const [sk, ek] of [['group_start', 'group_end'], ['population_start', 'population_end']])
        if (r[sk] !== null && r[sk] !== undefined) groups.push({s: r[sk], e: r[ek], i});
    });
    if (!edited(d)) d.missed.forEach((g, n) => {
      if (marks.every(m => g.end <= m.s || g.start >= m.e)) marks.push({s: g.start, e: g.end, cls: 'fig g-fn', data: {gid: n}});
    });
    marks.sort((a, b) => a.s - b.s);
    const cuts = [...new Set([0, c.length, ...marks.flatMap(m => [m.s, m.e]), ...groups.flatMap(g => [g.s, g.e])])]
      .filter(b => b >= 0 && b <= c.length).sort((a, b) => a - b);
    const at = new Map(marks.map(m => [m.s, m]));
    const root = el('div', null, 'text');
    let open = null, openEnd = null;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      if (open === null && at.has(a)) {
        const m = at.get(a); open = el('mark', null, m.cls);
        for (const key in m.data) open.dataset[key] = String(m.data[key]);
        open.dataset.start = String(m.s); open.dataset.end = String(m.e); openEnd = m.e; root.append(open);
      }
      const node = document.createTextNode(c.slice(a, b).join('')); starts.set(node, a);
      const owners = groups.filter(g => g.s <= a && b <= g.e).map(g => g.i);
      let holder = node;
      if (owners.length) { holder = el('span', null, 'grp'); holder.dataset.of = [...new Set(owners)].sort((x, y) => x - y).join(' '); holder.append(node); }
      (open || root).append(holder);
      if (open !== null && b >= openEnd) { open = null; openEnd = null; }
    }
    art.replaceChildren(root);
    reviewedBox.checked = !!(entry(d) && entry(d).reviewed);
    selected = null;
  }
  function redraw(rid){
    const d = api.current(), art = document.getElementById('article');
    render(d, art); api.bindMarks(art); counts(d); api.refresh();
    const m = rid === null || rid === undefined ? null : art.querySelector(`mark[data-rid="${rid}"]`);
    if (m) api.show(m, true); else document.getElementById('details').replaceChildren(el('p', 'Click a figure to correct it.', 'hint'));
  }
  function change(fn){  // apply one correction to the open article (fn returns the record to show), keep it, show it
    const d = api.current(), e = own(d);
    const shown = fn(e.records);
    e.changed = true;
    e.records.sort((a, b) => at0(a) - at0(b));
    save(); redraw(shown ? e.records.indexOf(shown) : null);
    if (note) { say(note, true); note = null; }
  }
  let note = null;  // what a correction has to tell the reader, said after 'saved'

  const at0 = r => r.start ?? r.org_start ?? r.title_start ?? 0;

  // ------------------------------------------------------------------ the details form
  function details(d, rid, box){
    selected = rid;
    const r = records(d)[rid];
    if (!r || r.type === 'study') return;
    const form = el('div', null, 'ed-form');
    const row = (label, input) => { const l = el('label', label + ' '); l.append(input); form.append(l); };
    const value = el('input'); value.type = 'number'; value.step = r.type === 'percentage' ? 'any' : '1'; value.id = 'ed-value';
    value.value = r.value === null || r.value === undefined ? '' : String(r.value);
    value.addEventListener('change', () => {
      const v = r.type === 'percentage' ? parseFloat(value.value) : parseInt(value.value, 10);
      if (!Number.isFinite(v)) { say('the value must be a number', true); return; }
      change(recs => { const x = sameRec(recs, r); x.value = v; return x; });
    });
    row('value', value);
    const bound = select('ed-bound', DATA.bounds, r.bound);
    bound.addEventListener('change', () => change(recs => { const x = sameRec(recs, r); x.bound = bound.value; return x; }));
    row('bound', bound);
    if (r.type === 'percentage') {
      const kind = select('ed-kind', DATA.kinds, r.kind);
      kind.addEventListener('change', () => change(recs => {
        const x = sameRec(recs, r); x.kind = kind.value;
        if (x.kind === 'other') { x.group = x.group_start = x.group_end = null; note = 'kind other has no group: group cleared'; }
        return x;
      }));
      row('kind', kind);
    }
    const who = r.type === 'percentage' ? 'group' : 'population';
    const clear = el('button', 'clear ' + who); clear.id = 'ed-clear-group'; clear.disabled = r[who] === null;
    clear.addEventListener('click', () => change(recs => { const x = sameRec(recs, r); x[who] = x[who + '_start'] = x[who + '_end'] = null; return x; }));
    const del = el('button', 'delete this record'); del.id = 'ed-delete';
    del.addEventListener('click', () => change(recs => { recs.splice(recs.indexOf(sameRec(recs, r)), 1); return null; }));
    form.append(clear, del);
    box.append(form);
  }
  // the record `r` (as shown) in `recs` (the article's own copy, being changed): same type and place
  const sameRec = (recs, r) => recs.find(x => x.type === r.type && x.start === r.start && x.end === r.end);
  function select(id, options, value){
    const s = el('select'); s.id = id;
    for (const o of options) { const opt = el('option', o); opt.value = o; s.append(opt); }
    s.value = value; return s;
  }

  // ------------------------------------------------------------------ the toolbar over the article
  const bar = el('div', null, 'ed-bar');
  const reviewedLabel = el('label', null, 'ed-reviewed');
  const reviewedBox = el('input'); reviewedBox.type = 'checkbox'; reviewedBox.id = 'ed-reviewed';
  reviewedLabel.append(reviewedBox, el('span', ' reviewed (exported as gold)'));
  reviewedBox.addEventListener('change', () => {
    const d = api.current(); own(d).reviewed = reviewedBox.checked; counts(d); save(); api.refresh(); });
  const button = (id, label, fn) => { const b = el('button', label); b.id = id; b.addEventListener('click', fn); bar.append(b); return b; };
  const selInfo = el('span', 'select words in the text', 'ed-sel'); selInfo.id = 'ed-sel';
  bar.append(reviewedLabel);
  button('ed-set-group', 'set selection as group / population', () => {
    const d = api.current(), sp = lastSel;
    if (selected === null) { say('click the figure first, then select its group in the text', true); return; }
    if (!sp) { say('select the words of the group in the text', true); return; }
    const r = records(d)[selected];
    if (r.type === 'percentage' && r.kind === 'other') { say('a figure of kind other has no group: change its kind first', true); return; }
    const who = r.type === 'percentage' ? 'group' : 'population';
    change(recs => { const x = sameRec(recs, r); x[who] = sp.text; x[who + '_start'] = sp.start; x[who + '_end'] = sp.end; return x; });
  });
  button('ed-add-figure', 'add figure', () => add('percentage'));
  button('ed-add-sample', 'add sample size', () => add('sample_size'));
  button('ed-revert', 'undo all corrections here', () => {
    const d = api.current(); delete state.docs[d.id]; save(); redraw(null);
  });
  bar.append(selInfo);
  function add(type){
    const d = api.current(), sp = lastSel;
    if (!sp) { say('select the figure in the text first', true); return; }
    if (records(d).some(r => r.type === type && r.start < sp.end && sp.start < r.end)) { say('a record of that type is already there', true); return; }
    const number = parseFloat(sp.text.replace(/,/g, '').replace(/^[^\d.-]+/, ''));
    const rec = type === 'percentage'
      ? {doc_id: d.id, type, value: Number.isFinite(number) ? number : null, start: sp.start, end: sp.end, text: sp.text, bound: 'exact',
         kind: 'share', group: null, group_start: null, group_end: null, statement: null, time: null}
      : {doc_id: d.id, type, value: Number.isFinite(number) ? Math.round(number) : null, start: sp.start, end: sp.end, text: sp.text,
         bound: 'exact', population: null, population_start: null, population_end: null};
    if (rec.value === null) note = 'no number in the words selected: type its value';
    change(recs => { recs.push(rec); return rec; });
  }
  const view = document.getElementById('view');
  view.insertBefore(bar, view.querySelector('.cols'));

  // ------------------------------------------------------------------ export and import, in the header
  const io = el('div', null, 'ed-io');
  const exportOne = el('button', 'export gold (one file)'); exportOne.id = 'ed-export-one';
  const exportEach = el('button', 'export gold (a file per article)'); exportEach.id = 'ed-export-each';
  const importLabel = el('label', 'import ', 'ed-import');
  const importInput = el('input'); importInput.type = 'file'; importInput.accept = '.jsonl'; importInput.multiple = true; importInput.id = 'ed-import';
  importLabel.append(importInput);
  const status = el('span', '', 'ed-status'); status.id = 'ed-status'; status.setAttribute('role', 'status');
  io.append(exportOne, exportEach, importLabel, status);
  document.querySelector('header').append(io);
  function say(text, bad){ status.textContent = text; status.classList.toggle('bad', !!bad); }

  function goldRecord(d, r){  // the record as the guide writes it: its fields in order, texts read off the article
    const out = {};
    for (const f of DATA.fields[r.type]) out[f] = r[f] === undefined ? null : r[f];
    out.doc_id = d.id;
    for (const [sk, ek, tk] of [['start', 'end', 'text'], ['group_start', 'group_end', 'group'],
                                ['population_start', 'population_end', 'population'], ['org_start', 'org_end', 'org'], ['title_start', 'title_end', 'title']])
      if (tk in out && out[sk] !== null && out[ek] !== null && out[sk] !== undefined) out[tk] = slice(d, out[sk], out[ek]);
    return out;
  }
  const lines = d => records(d).map(r => JSON.stringify(goldRecord(d, r)) + '\n').join('');
  function reviewedDocs(){
    const done = docs.filter(d => entry(d) && entry(d).reviewed);
    if (!done.length) say('mark the articles you have checked as reviewed: only those are exported as gold', true);
    return done;
  }
  function download(name, text){
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], {type: 'application/x-ndjson'}));
    a.download = name; document.body.append(a); a.click(); a.remove();
  }
  exportOne.addEventListener('click', () => {
    const done = reviewedDocs(); if (!done.length) return;
    download('gold.jsonl', done.map(lines).join(''));
    say(`exported ${done.length} reviewed article(s) to gold.jsonl`);
  });
  exportEach.addEventListener('click', () => {
    const done = reviewedDocs(); if (!done.length) return;
    done.forEach(d => download(d.id + '.jsonl', lines(d)));
    say(`exported ${done.length} reviewed article(s), a file each`);
  });
  importInput.addEventListener('change', async () => {
    const byId = new Map(docs.map(d => [d.id, d])), got = new Map();
    let bad = 0, unknown = 0;
    for (const file of importInput.files) {
      for (const line of (await file.text()).split('\n')) {
        if (!line.trim()) continue;
        let r; try { r = JSON.parse(line); } catch (e) { bad++; continue; }
        const d = r && byId.get(r.doc_id);
        if (!d) { unknown++; continue; }
        if (!DATA.fields[r.type]) { bad++; continue; }
        const span = r.type === 'study' ? (r.org ? [r.org_start, r.org_end, r.org] : [r.title_start, r.title_end, r.title]) : [r.start, r.end, r.text];
        if (slice(d, span[0], span[1]) !== span[2]) { bad++; continue; }
        if (!got.has(d.id)) got.set(d.id, []);
        got.get(d.id).push(r);
      }
      const stem = file.name.replace(/\.jsonl$/, '');
      if (byId.has(stem) && !got.has(stem)) got.set(stem, []);  // an article's own file, empty: it has no figures
    }
    for (const [id, recs] of got) { recs.sort((a, b) => at0(a) - at0(b)); state.docs[id] = {records: recs, reviewed: true, changed: true}; }
    docs.forEach(counts); save(); api.refresh();
    if (api.current()) redraw(null);
    say(`imported ${[...got.values()].reduce((n, r) => n + r.length, 0)} records for ${got.size} article(s)` +
        (bad ? `; ${bad} line(s) left out (not JSON, or text not at its offsets)` : '') + (unknown ? `; ${unknown} of articles not on this page` : ''), bad > 0);
    importInput.value = '';
  });
  document.body.classList.add('editable');
  return {records, edited, render, details};
};

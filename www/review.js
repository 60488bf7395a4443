// The teacher review page (review.html): an article, an answer key and many student
// exports in; per-student scores, class agreement (Fleiss' and Cohen's κ), a heat map of
// the sentences and CSV out. The scoring is the classroom wasm module's `Review` (matching
// rules: src/classroom/mod.rs); this file reads files, caches the report and renders it.
// Student files are untrusted: everything they contain is inserted as text, never as HTML.
// Not imported by the widget (claimmark.js): the widget's bundle does not carry it.
import { loadClassroom, setCoreBase, normalizeNewlines } from './claim/wasm.js';
import { DEFAULT_TAGS } from './claim/tags.js';
import { R } from './claim/strings.js';

setCoreBase(new URL('./pkg/', import.meta.url));

const $ = (id) => document.getElementById(id);
const PAIRS_SHOWN = 200;
const KEY_NAME = /(^|[^a-z])(key|answers?)([^a-z]|$)/i;
const TAG_COLORS = { none: '#6b6b6b', ...Object.fromEntries(DEFAULT_TAGS.map((t) => [t.id, t.color])) };
const OTHER_COLORS = ['#7b1fa2', '#00838f', '#ad1457', '#5d4037'];
const tagLabel = (id) => (id === 'none' ? R.none : DEFAULT_TAGS.find((t) => t.id === id)?.label || id);
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Creates an element with text content (never HTML) and attributes/properties. */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'className') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...children);
  return e;
}

const state = {
  mod: null,         // the classroom wasm module
  review: null,      // its Review for the current article
  articleTitle: '',
  files: new Map(),  // name -> {name, text} or {name, error}; insertion order
  key: '',           // name of the file used as the key ('' = none)
  failed: [],        // [{name, message}] of the last scoring
  report: null,      // the last report (parsed), cached: report() rescoring costs as much as scoring
  csv: {},           // CSV tables of that report, cached on first download
  pairsAll: false,
};

// Every change runs after the previous one (files dropped while the article loads, etc.).
let queue = Promise.resolve();
const enqueue = (fn) => {
  queue = queue.then(fn).catch((e) => { $('status').textContent = e.message; });
  return queue;
};

// ---- Article ----

async function setArticle(text) {
  const mod = state.mod || (state.mod = await loadClassroom());
  state.review?.free();
  state.review = new mod.Review(text);
  const first = normalizeNewlines(text).split('\n').find((l) => l.trim()) || '';
  state.articleTitle = first.trim().slice(0, 100);
  await rescore(performance.now(), {});
}

function articleChoice() {
  const v = document.querySelector('input[name=article]:checked').value;
  $('article-file').disabled = v !== 'file';
  $('article-paste').disabled = v !== 'paste';
  $('article-use').disabled = v !== 'paste';
  if (v === 'seed') enqueue(loadSeed);
}

async function loadSeed() {
  $('article-status').textContent = R.loadingArticle;
  try {
    const res = await fetch(new URL('articles/ap-koreas-talks-2021.txt', document.baseURI));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await setArticle(await res.text());
  } catch (e) {
    $('article-status').textContent = R.articleFail(e.message);
  }
}

// ---- Files ----

/** Reads `fileList` (input or drop) and adds the files; a file of the same name replaces the old one. */
function addFiles(fileList) {
  const t0 = performance.now();
  const list = [...fileList];
  if (!list.length) return queue;
  $('status').textContent = R.reading(list.length);
  return enqueue(async () => {
    const read = await Promise.all(list.map(async (f) => {
      try {
        return { name: f.name, text: await f.text() };
      } catch (e) {
        return { name: f.name, error: e.message || R.notText };
      }
    }));
    const tRead = performance.now();
    for (const f of read) {
      state.files.delete(f.name);
      state.files.set(f.name, f);
    }
    if (!state.key || !state.files.has(state.key)) {
      state.key = read.find((f) => KEY_NAME.test(f.name.replace(/\.[^.]*$/, '')))?.name || '';
    }
    fillKeySelect();
    await rescore(t0, { read: tRead - t0 });
  });
}

function fillKeySelect() {
  const sel = $('key');
  const opts = [el('option', { value: '', text: R.noKey })];
  for (const name of state.files.keys()) opts.push(el('option', { value: name, text: name }));
  sel.replaceChildren(...opts);
  sel.value = state.key;
}

/** Scores every file against the key, caches the report and renders it. */
async function rescore(t0, phases) {
  const { review } = state;
  if (!review) return;
  let t = performance.now();
  review.clear();
  const failed = [];
  const keyFile = state.files.get(state.key);
  if (keyFile) {
    try {
      if (keyFile.error) throw new Error(keyFile.error);
      review.setKey(keyFile.name, keyFile.text);
    } catch (e) {
      failed.push({ name: keyFile.name, message: R.keyFailed(e.message) });
    }
  }
  for (const f of state.files.values()) {
    if (f === keyFile) continue;
    try {
      if (f.error) throw new Error(f.error);
      review.addStudent(f.name, f.text);
    } catch (e) {
      failed.push({ name: f.name, message: e.message });
    }
  }
  phases.import = performance.now() - t;
  t = performance.now();
  state.report = JSON.parse(review.report());
  state.csv = {};
  state.failed = failed;
  state.pairsAll = false;
  phases.report = performance.now() - t;
  t = performance.now();
  render();
  phases.render = performance.now() - t;
  await frame();
  const ms = performance.now() - t0;
  const r = state.report;
  $('article-status').textContent = R.article(state.articleTitle, r.sentences);
  $('status').textContent = state.files.size
    ? R.scored(r.students.length, r.key, failed.length, ms)
    : R.empty;
  document.dispatchEvent(new CustomEvent('review-scored', {
    detail: { ms, phases, students: r.students.length, failed: failed.length },
  }));
}

// ---- Rendering ----

function render() {
  const r = state.report;
  const fl = $('failed-list');
  fl.replaceChildren(...state.failed.map((f) => el('li', {},
    el('strong', { text: f.name }), document.createTextNode(`: ${f.message}`))));
  $('failed').hidden = !state.failed.length;
  $('results').hidden = !r.students.length && !r.key;
  renderStudents(r);
  renderAgreement(r);
  renderHeat(r);
}

const num = (text, extra = {}) => el('td', { className: 'rv-num', text, ...extra });

function renderStudents(r) {
  const keyed = r.key !== null;
  $('students-note').textContent = keyed ? '' : R.noKeyNote;
  // Tag columns: every tag any student is scored on, in the report's category order.
  const seen = new Set(r.students.flatMap((s) => Object.keys(s.tags)));
  const tags = [...r.categories.filter((c) => seen.has(c)), ...[...seen].filter((c) => !r.categories.includes(c))];
  const metrics = ['precision', 'recall', 'f1'];
  const span2 = keyed && tags.length ? 2 : undefined;
  const head1 = el('tr', {},
    el('th', { scope: 'col', rowspan: span2, text: R.student }),
    el('th', { scope: 'col', rowspan: span2, text: R.annotations }));
  if (keyed) {
    head1.append(el('th', { scope: 'col', rowspan: span2, text: R.accuracy }));
    for (const t of tags) head1.append(el('th', { scope: 'colgroup', colspan: 3, text: tagLabel(t) }));
    head1.append(el('th', { scope: 'col', rowspan: span2, text: R.missed }));
  }
  const thead = el('thead', {}, head1);
  if (span2) {
    thead.append(el('tr', {}, ...tags.flatMap((t) => metrics.map((m) => el('th', { scope: 'col' },
      el('abbr', { title: `${tagLabel(t)} ${R.metricLong[m]}`, text: R.metric[m] }))))));
  }
  const rows = r.students.map((s) => {
    const tr = el('tr', {},
      el('th', { scope: 'row', text: s.name }),
      num(R.annCount(s.annotations, s.ignored)));
    if (!keyed) return tr;
    const a = s.accuracy;
    tr.append(num(a.value === null ? R.accNone(a.scored) : R.accCell(a.value, a.correct, a.scored)));
    for (const t of tags) {
      for (const m of metrics) {
        const v = s.tags[t] ? s.tags[t][m] : null;
        tr.append(num(v === null ? R.na : R.ratio(v)));
      }
    }
    tr.append(missedCell(s));
    return tr;
  });
  $('students').replaceChildren(el('caption', { text: R.studentsCaption }), thead, el('tbody', {}, ...rows));
}

// The missed key highlights, listed when the reader opens them (200 students × 100 would be a lot of DOM).
function missedCell(s) {
  const n = s.missed.length;
  if (!n) return num('0');
  const list = el('ul', { className: 'rv-missed' });
  const d = el('details', {}, el('summary', { text: R.missedSummary(n) }), list);
  d.addEventListener('toggle', () => {
    if (d.open && !list.childElementCount) {
      list.append(...s.missed.map((m) => el('li', { text: R.missedItem(tagLabel(m.tag), m.quote) })));
    }
  });
  return el('td', { className: 'rv-num' }, d);
}

function kappaText(k) {
  return k.value === null ? R.undef(k.undefined) : R.kappa(k.value);
}

function renderAgreement(r) {
  const ag = r.agreement;
  $('fleiss').textContent = R.fleiss(kappaText(ag.fleiss), ag.raters, r.sentences);
  const defined = ag.cohen.filter((p) => p.kappa.value !== null).length;
  $('cohen-mean').textContent = ag.cohen_mean === null
    ? R.undef(ag.cohen.length ? R.noPair : R.fewerStudents)
    : R.cohenMean(R.kappa(ag.cohen_mean), defined, ag.cohen.length);
  renderPairs();
}

function renderPairs() {
  const pairs = state.report.agreement.cohen;
  const shown = state.pairsAll ? pairs.length : Math.min(pairs.length, PAIRS_SHOWN);
  const rows = [];
  for (let i = 0; i < shown; i++) {
    const p = pairs[i];
    rows.push(el('tr', {}, el('td', { text: p.a }), el('td', { text: p.b }),
      el('td', { className: p.kappa.value === null ? '' : 'rv-num', text: kappaText(p.kappa) })));
  }
  const table = $('pairs');
  table.hidden = !pairs.length;
  table.replaceChildren(
    el('caption', { text: R.pairsCaption(shown, pairs.length) }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: R.pairA }),
      el('th', { scope: 'col', text: R.pairB }), el('th', { scope: 'col', text: R.cohen }))),
    el('tbody', {}, ...rows));
  const more = $('pairs-more');
  more.hidden = shown >= pairs.length;
  more.textContent = R.pairsMore(pairs.length);
}

function tagColor(c, i) {
  return TAG_COLORS[c] || OTHER_COLORS[i % OTHER_COLORS.length];
}

function renderHeat(r) {
  const keyed = r.key !== null;
  const raters = r.agreement.raters;
  const head = el('tr', {}, el('th', { scope: 'col', text: R.rank }), el('th', { scope: 'col', text: R.sentence }));
  if (keyed) head.append(el('th', { scope: 'col', text: R.key }));
  for (const c of r.categories) head.append(el('th', { scope: 'col', text: tagLabel(c) }));
  head.append(el('th', { scope: 'col', text: R.dispute }));
  const rows = r.heat.map((h, i) => {
    const tr = el('tr', {}, num(String(i + 1)), el('th', { scope: 'row', className: 'rv-sentence', text: h.text }));
    if (keyed) tr.append(el('td', { text: tagLabel(h.key) }));
    r.categories.forEach((c, j) => {
      const n = h.counts[c] || 0;
      const td = num(String(n), { className: 'rv-num rv-cell', 'data-share': raters ? n / raters : 0, 'data-color': tagColor(c, j) });
      tr.append(td);
    });
    tr.append(num(R.ratio(h.entropy)));
    return tr;
  });
  $('heat').replaceChildren(el('caption', { text: R.heatCaption }), el('thead', {}, head), el('tbody', {}, ...rows));
  paintHeat();
}

// Cell colours, computed here (not color-mix) so the contrast of the number on top is known:
// at most 55 % of the tag's colour over the page background keeps it above 4.5:1 in both schemes.
const dark = matchMedia('(prefers-color-scheme: dark)');
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
function paintHeat() {
  const base = dark.matches ? [0x16, 0x16, 0x16] : [0xff, 0xff, 0xff];
  for (const td of $('heat').querySelectorAll('td.rv-cell')) {
    const share = +td.dataset.share;
    if (!share) { td.style.backgroundColor = ''; continue; }
    const k = 0.08 + 0.47 * share;
    const c = rgb(td.dataset.color).map((v, i) => Math.round(v * k + base[i] * (1 - k)));
    td.style.backgroundColor = `rgb(${c.join(',')})`;
  }
}
dark.addEventListener('change', () => { if (state.report) paintHeat(); });

// ---- CSV ----

function download(table) {
  if (!state.review || !state.report) return;
  // Cached: csv() scores the class again each call.
  const csv = state.csv[table] ?? (state.csv[table] = state.review.csv(table));
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: R.csvName(table) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- Wiring ----

for (const r of document.querySelectorAll('input[name=article]')) r.addEventListener('change', articleChoice);
$('article-file').addEventListener('change', (e) => {
  const f = e.target.files[0];
  if (!f) return;
  enqueue(async () => {
    try {
      await setArticle(await f.text());
    } catch (err) {
      $('article-status').textContent = R.articleFail(err.message);
    }
  });
});
$('article-use').addEventListener('click', () => {
  const text = $('article-paste').value;
  if (text.trim()) enqueue(() => setArticle(text));
});
$('files').addEventListener('change', (e) => {
  addFiles(e.target.files);
  e.target.value = '';
});
$('key').addEventListener('change', (e) => {
  state.key = e.target.value;
  const t0 = performance.now();
  enqueue(() => rescore(t0, {}));
});
$('clear').addEventListener('click', () => {
  state.files.clear();
  state.key = '';
  fillKeySelect();
  const t0 = performance.now();
  enqueue(() => rescore(t0, {}));
});
$('pairs-more').addEventListener('click', () => {
  state.pairsAll = true;
  renderPairs();
});
for (const b of document.querySelectorAll('[data-csv]')) b.addEventListener('click', () => download(b.dataset.csv));

const drop = $('drop');
drop.addEventListener('dragenter', (e) => { e.preventDefault(); drop.classList.add('rv-over'); });
drop.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
drop.addEventListener('dragleave', (e) => { if (!drop.contains(e.relatedTarget)) drop.classList.remove('rv-over'); });
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('rv-over');
  addFiles(e.dataTransfer.files);
});
// A file dropped beside the zone must not replace the page.
addEventListener('dragover', (e) => e.preventDefault());
addEventListener('drop', (e) => e.preventDefault());

enqueue(loadSeed);

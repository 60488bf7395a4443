// The teacher review page (review.html): an article, an answer key and many student
// exports in; per-student scores, class agreement (Fleiss' and Cohen's κ), a heat map of
// the sentences and CSV out. The scoring is the classroom wasm module's `Review` (matching
// rules, duplicate files, the article check: src/classroom/mod.rs); this file reads files,
// caches the report and renders it. Student files are untrusted: everything they contain is
// inserted as text, never as HTML. Not imported by the widget (claimmark.js): the widget's
// bundle does not carry it.
//
// Files are kept under an id of their own (two files may have the same name: the second is
// shown as "name (2)"). The key is chosen explicitly: the key file picker, or the "Answer key"
// menu listing every loaded file; an exercise file with a key is taken as the key when none
// is chosen yet, and then brings its article.
//
// Students' files come one by one (file picker, drop) or as a folder (the folder picker, a
// dropped folder: an LMS's download of the submissions), from which the .json and .jsonld
// files are taken, subfolders included, each named by its path in the folder.
//
// Every string is in the table R (review-strings.js, English; a translation is one file with
// the same keys, loaded when shown). The language: ?lang=… in the URL, else the page's
// <html lang> when not the default "en", else the browser's; the menu in the header switches
// it and re-renders what is loaded.
import { loadClassroom, setCoreBase, normalizeNewlines } from './claim/wasm.js';
import { DEFAULT_TAGS } from './claim/tags.js';
import { R as EN } from './review-strings.js';

setCoreBase(new URL('./pkg/', import.meta.url));

// Languages with a table besides English: the file, next to this script (fetched, not bundled).
const LANGS = { fr: './review-strings-fr.js' };
const R = { ...EN };
let lang = 'en';

const $ = (id) => document.getElementById(id);
const PAIRS_SHOWN = 200;
// Only a hint that a file may be an exercise (the core reads and checks it): the key's
// `"type"` at any depth, never inside a string (a string's quotes would be escaped).
const EXERCISE_HINT = /"type"\s*:\s*"claimmark-exercise"/;
const TAG_COLORS = { none: '#6b6b6b', ...Object.fromEntries(DEFAULT_TAGS.map((t) => [t.id, t.color])) };
const OTHER_COLORS = ['#7b1fa2', '#00838f', '#ad1457', '#5d4037'];
const tagLabel = (id) => (Object.hasOwn(R.tags, id) ? R.tags[id] : DEFAULT_TAGS.find((t) => t.id === id)?.label || id);
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
  review: null,      // its Review for the article in use
  reviewText: null,  // the text that Review was made for
  articleText: null, // the article chosen in section 1 (an exercise key's article replaces it)
  articleTitle: '',
  files: new Map(),  // id -> {id, file (its own name), name (unique), text, error?, exercise?}; insertion order
  nextId: 1,
  key: '',           // id of the file used as the key ('' = none)
  failed: [],        // [{name, message (the module's; null: not readable as text), key}] of the last scoring
  ignored: 0,        // files of the last folder added that were not .json/.jsonld
  report: null,      // the last report (parsed), cached: report() rescoring costs as much as scoring
  csv: {},           // CSV tables of that report, cached on first download
  pairsAll: false,
};
const classroom = async () => state.mod || (state.mod = await loadClassroom());

// Every change runs after the previous one (files dropped while the article loads, etc.).
let queue = Promise.resolve();
const enqueue = (fn) => {
  queue = queue.then(fn).catch((e) => say('status', () => e.message));
  return queue;
};

// ---- Language ----

// What the status lines say, as functions of the table, so a change of language says it again.
const said = new Map();
function say(id, text) {
  said.set(id, text);
  $(id).textContent = text();
}

/** `*word*` in a static string is emphasised; the rest is text. */
function rich(text) {
  return text.split(/\*([^*]+)\*/).map((part, i) => (i % 2 ? el('em', { text: part }) : document.createTextNode(part)));
}

/** The language to show first: ?lang=…, else <html lang> when not the default "en", else the browser's. */
function firstLanguage() {
  const code = (l) => String(l || '').toLowerCase().split('-')[0];
  const known = (l) => code(l) === 'en' || Object.hasOwn(LANGS, code(l));
  const wanted = [new URLSearchParams(location.search).get('lang')];
  if (code(document.documentElement.lang) !== 'en') wanted.push(document.documentElement.lang);
  wanted.push(...(navigator.languages || []), navigator.language);
  return code(wanted.find(known) || 'en');
}

/** Shows the page in `code` (English when it has no table or the table cannot be loaded):
 *  the static strings, then everything loaded, from the cached report. */
async function setLanguage(code) {
  let table = EN;
  if (code !== 'en' && Object.hasOwn(LANGS, code)) {
    try {
      table = (await import(new URL(LANGS[code], import.meta.url).href)).R;
    } catch {
      code = 'en';
    }
  } else {
    code = 'en';
  }
  Object.assign(R, table);
  lang = code;
  document.documentElement.lang = code;
  $('lang').value = code;
  for (const e of document.querySelectorAll('[data-s]')) e.replaceChildren(...rich(R[e.dataset.s]));
  for (const e of document.querySelectorAll('[data-s-label]')) e.setAttribute('aria-label', R[e.dataset.sLabel]);
  fillKeySelect();
  if (state.report) render();
  for (const [id, text] of said) $(id).textContent = text();
  document.dispatchEvent(new CustomEvent('review-language', { detail: { lang } }));
}

// ---- Article ----

const titleOf = (text) => (normalizeNewlines(text).split('\n').find((l) => l.trim()) || '').trim().slice(0, 100);

async function setArticle(text) {
  await classroom();
  state.articleText = text;
  await rescore(performance.now(), {});
}

/** The Review for `text`, made anew only when the text changes. */
function reviewFor(text) {
  if (state.review && state.reviewText === text) return state.review;
  state.review?.free();
  state.review = new state.mod.Review(text);
  state.reviewText = text;
  state.articleTitle = titleOf(text);
  return state.review;
}

function articleChoice() {
  const v = document.querySelector('input[name=article]:checked').value;
  $('article-file').disabled = v !== 'file';
  $('article-paste').disabled = v !== 'paste';
  $('article-use').disabled = v !== 'paste';
  if (v === 'seed') enqueue(loadSeed);
}

async function loadSeed() {
  say('article-status', () => R.loadingArticle);
  try {
    const res = await fetch(new URL('articles/ap-koreas-talks-2021.txt', document.baseURI));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await setArticle(await res.text());
  } catch (e) {
    say('article-status', () => R.articleFail(e.message));
  }
}

// ---- Files ----

/** Reads the files and adds them, each under an id of its own; with `asKey` (the key file
 *  picker) the first becomes the key. `source`: Files (a FileList or an array), or a promise of
 *  a folder's {files: [{name, file} | {name, error}], ignored} (see folderFiles). */
function addFiles(source, asKey = false) {
  const t0 = performance.now();
  const folder = typeof source.then === 'function';
  const gathered = folder ? source : { files: [...source].map((file) => ({ name: file.name, file })), ignored: 0 };
  if (!folder && !gathered.files.length) return queue;
  say('status', folder ? () => R.readingFolder : () => R.reading(gathered.files.length));
  return enqueue(async () => {
    const { files: picked, ignored } = await gathered;
    state.ignored = picked.length ? ignored : 0;
    if (!picked.length) {
      say('status', () => R.nothingInFolder(ignored));
      return;
    }
    if (folder) say('status', () => R.reading(picked.length));
    const mod = await classroom();
    const read = await Promise.all(picked.map(async (p) => {
      if (!p.file) return { file: p.name, error: p.error || null };
      try {
        return { file: p.name, text: await p.file.text() };
      } catch (e) {
        return { file: p.name, error: e.message || null }; // null: "not a text file"
      }
    }));
    const tRead = performance.now();
    const taken = new Set([...state.files.values()].map((f) => f.name));
    for (const f of read) {
      f.id = `f${state.nextId++}`;
      f.name = f.file;
      for (let k = 2; taken.has(f.name); k++) f.name = f.file.replace(/(\.[^./]*)?$/, (ext) => ` (${k})${ext}`);
      taken.add(f.name);
      if (f.error === undefined && EXERCISE_HINT.test(f.text)) {
        try {
          f.exercise = JSON.parse(mod.readExercise(f.text));
        } catch (e) {
          f.error = e.message;
        }
      }
      state.files.set(f.id, f);
    }
    if (asKey) state.key = read[0].id;
    else if (!state.files.has(state.key)) state.key = read.find((f) => f.exercise?.key)?.id || '';
    fillKeySelect();
    await rescore(t0, { read: tRead - t0 });
  });
}

// ---- Folders ----

const collator = new Intl.Collator('en', { numeric: true });

/** Whether a file found in a folder (`path` under the folder) is read: .json and .jsonld files,
 *  not hidden ones (a name starting with a dot: macOS's "._name.json" beside every file of an
 *  unzipped folder) nor anything in a __MACOSX folder. */
function isSubmission(path) {
  const parts = path.split('/');
  return /\.json(ld)?$/i.test(parts.at(-1)) && !parts.some((p) => p.startsWith('.') || p === '__MACOSX');
}

/** Of the files found in a folder ([{path, …}]), those to read, in path order ("student-2"
 *  before "student-10"), as {files: [{name: path, …}], ignored: how many were not}. */
function folderFiles(found) {
  const taken = found.filter((f) => f.error !== undefined || isSubmission(f.path)).sort((a, b) => collator.compare(a.path, b.path));
  return { files: taken.map(({ path, ...f }) => ({ name: path, ...f })), ignored: found.length - taken.length };
}

const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
const batchOf = (reader) => new Promise((resolve, reject) => reader.readEntries(resolve, reject));

/** Every file entry under a directory entry, as [{path, entry}] (path under `dir`), subfolders
 *  included; a folder that cannot be read is [{path, error}]. */
async function walk(dir, prefix = '') {
  const found = [];
  const reader = dir.createReader();
  let children = [];
  try {
    // readEntries gives the entries in batches (100 at a time in Chrome): call it until it gives none.
    for (let batch = await batchOf(reader); batch.length; batch = await batchOf(reader)) children = children.concat(batch);
  } catch (e) {
    return [{ path: prefix || `${dir.name}/`, error: e?.message || e?.name || String(e) }];
  }
  for (const c of children) {
    if (c.isDirectory) found.push(...await walk(c, `${prefix}${c.name}/`));
    else if (c.isFile) found.push({ path: `${prefix}${c.name}`, entry: c });
  }
  return found;
}

/** The files of a drop: its entries (FileSystemEntry; a File where the browser gives none) in
 *  the order dropped, files as they are, each folder's .json/.jsonld files (folderFiles). */
async function droppedFiles(entries) {
  const files = [];
  let ignored = 0;
  for (const x of entries) {
    if (x instanceof File) {
      files.push({ name: x.name, file: x });
    } else if (x.isDirectory) {
      const got = folderFiles(await walk(x));
      ignored += got.ignored;
      files.push(...got.files);
    } else {
      files.push({ name: x.name, entry: x });
    }
  }
  await Promise.all(files.filter((f) => f.entry).map(async (f) => {
    try {
      f.file = await fileOf(f.entry);
    } catch (e) {
      f.error = e?.message || e?.name || String(e);
    }
    delete f.entry;
  }));
  return { files, ignored };
}

function removeFile(id) {
  state.files.delete(id);
  if (state.key === id) state.key = '';
  fillKeySelect();
  const t0 = performance.now();
  enqueue(() => rescore(t0, {}));
}

function fillKeySelect() {
  const sel = $('key');
  const opts = [el('option', { value: '', text: R.noKey })];
  for (const f of state.files.values()) {
    opts.push(el('option', { value: f.id, text: f.exercise ? R.exerciseOption(f.exercise.title, f.name) : f.name }));
  }
  sel.replaceChildren(...opts);
  sel.value = state.key;
}

/** Scores every file against the key, caches the report and renders it. */
async function rescore(t0, phases) {
  const keyFile = state.files.get(state.key);
  const exercise = keyFile?.exercise?.key ? keyFile.exercise : null;
  const text = exercise ? exercise.article : state.articleText;
  if (!state.mod || text === null) return;
  let t = performance.now();
  const review = reviewFor(text);
  review.clear();
  const failed = [];
  for (const f of state.files.values()) {
    const key = f === keyFile;
    if (f.error !== undefined) {
      failed.push({ name: f.name, message: f.error, key });
      continue;
    }
    try {
      if (key) review.setKey(f.name, f.text);
      else review.addStudent(f.name, f.text);
    } catch (e) {
      failed.push({ name: f.name, message: e.message, key });
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
  const warnings = render();
  phases.render = performance.now() - t;
  await frame();
  const ms = performance.now() - t0;
  const r = state.report;
  const title = state.articleTitle;
  say('article-status', exercise
    ? () => R.articleFromExercise(title, exercise.title || keyFile.name, r.sentences)
    : () => R.article(title, r.sentences));
  const ignored = state.ignored;
  say('status', state.files.size
    ? () => R.scored(r.students.length, r.key && R.who(r.key.name, r.key.creator), failed.length, ms) +
      (ignored ? ` ${R.ignored(ignored)}` : '')
    : () => R.empty);
  document.dispatchEvent(new CustomEvent('review-scored', {
    detail: { ms, phases, students: r.students.length, failed: failed.length, warnings },
  }));
}

// ---- Rendering ----

/** Renders the report; returns how many warnings are listed. */
function render() {
  const r = state.report;
  const fl = $('failed-list');
  fl.replaceChildren(...state.failed.map((f) => {
    const why = f.message === null ? R.notText : R.failure(f.message);
    return el('li', {}, el('strong', { text: f.name }), document.createTextNode(R.failedItem(f.key ? R.keyFailed(why) : why)));
  }));
  $('failed').hidden = !state.failed.length;
  $('key-info').textContent = r.key ? R.keyInfo(R.who(r.key.name, r.key.creator), r.key.annotations, r.key.orphans) : R.keyNone;
  const warnings = renderWarnings(r);
  // No student counted: a plain message, not a table of zeros.
  $('no-students').hidden = !!r.students.length || !state.files.size;
  $('no-students').textContent = R.noStudents;
  $('results').hidden = !r.students.length;
  if (r.students.length) {
    renderStudents(r);
    renderAgreement(r);
    renderHeat(r);
  } else {
    for (const id of ['students', 'pairs', 'heat']) $(id).replaceChildren();
  }
  return warnings;
}

/** Files to check: the same name loaded twice (kept apart), and the duplicates the core found. */
function renderWarnings(r) {
  const items = [];
  const byFile = new Map();
  for (const f of state.files.values()) byFile.set(f.file, [...(byFile.get(f.file) || []), f.name]);
  for (const [file, shown] of byFile) if (shown.length > 1) items.push(el('li', { text: R.sameName(file, shown) }));
  const idOf = new Map([...state.files.values()].map((f) => [f.name, f.id]));
  for (const d of r.duplicates) {
    if (d.kind === 'same_as_key') items.push(el('li', { text: R.sameAsKey(d.files) }));
    else if (d.kind === 'repeated') items.push(el('li', { text: R.repeated(d.files, d.files[0]) }));
    else if (d.kind === 'copied') items.push(el('li', { text: R.copied(d.files) }));
    else {
      const li = el('li', { text: R.sameCreator(d.creator, d.files) });
      const p = el('p', { className: 'rv-buttons' });
      for (const name of d.files) {
        const b = el('button', { type: 'button', text: R.remove(name) });
        b.addEventListener('click', () => removeFile(idOf.get(name)));
        p.append(b);
      }
      li.append(p);
      items.push(li);
    }
  }
  $('warnings-list').replaceChildren(...items);
  $('warnings').hidden = !items.length;
  return items.length;
}

const cell = (text, extra = {}) => el('td', { className: 'rv-num', text, ...extra });

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
      el('abbr', { title: R.metricTitle(tagLabel(t), R.metricLong[m]), text: R.metric[m] }))))));
  }
  const rows = r.students.map((s) => {
    const tr = el('tr', {},
      el('th', { scope: 'row', text: R.who(s.name, s.creator) }),
      cell(R.annCount(s.annotations, s.orphans, s.ignored - s.orphans)));
    if (!keyed) return tr;
    const a = s.accuracy;
    tr.append(cell(a.value === null ? R.accNone(a.scored) : R.accCell(a.value, a.correct, a.scored)));
    for (const t of tags) {
      for (const m of metrics) {
        const v = s.tags[t] ? s.tags[t][m] : null;
        tr.append(cell(v === null ? R.na : R.ratio(v)));
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
  if (!n) return cell(R.num(0));
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
  if (k.value !== null) return R.kappa(k.value);
  return R.undef(Object.hasOwn(R.kappaReasons, k.undefined) ? R.kappaReasons[k.undefined] : k.undefined);
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
  const who = new Map(state.report.students.map((s) => [s.name, R.who(s.name, s.creator)]));
  const shown = state.pairsAll ? pairs.length : Math.min(pairs.length, PAIRS_SHOWN);
  const rows = [];
  for (let i = 0; i < shown; i++) {
    const p = pairs[i];
    rows.push(el('tr', {}, el('td', { text: who.get(p.a) }), el('td', { text: who.get(p.b) }),
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
    const tr = el('tr', {}, cell(R.num(i + 1)), el('th', { scope: 'row', className: 'rv-sentence', text: h.text }));
    if (keyed) tr.append(el('td', { text: tagLabel(h.key) }));
    r.categories.forEach((c, j) => {
      const n = h.counts[c] || 0;
      const td = cell(R.num(n), { className: 'rv-num rv-cell', 'data-share': raters ? n / raters : 0, 'data-color': tagColor(c, j) });
      tr.append(td);
    });
    tr.append(cell(R.ratio(h.entropy)));
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

// The CSV files' names and column headers are not translated: they are machine-readable
// (spreadsheets and scripts read the columns by name), the same in every language. The
// headers are the classroom module's (src/classroom/csv.rs).
const csvName = (table) => `claimmark-review-${table}.csv`;

function download(table) {
  if (!state.review || !state.report) return;
  // Cached: csv() scores the class again each call.
  const csv = state.csv[table] ?? (state.csv[table] = state.review.csv(table));
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: csvName(table) });
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
      say('article-status', () => R.articleFail(err.message));
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
$('folder').addEventListener('change', (e) => {
  if (!e.target.files.length) return;
  // webkitRelativePath is "chosen folder/sub/name.json": files are named by their path under it.
  const found = [...e.target.files].map((file) => ({ path: file.webkitRelativePath.replace(/^[^/]*\//, '') || file.name, file }));
  addFiles(Promise.resolve(folderFiles(found)));
  e.target.value = '';
});
$('key-file').addEventListener('change', (e) => {
  addFiles(e.target.files, true);
  e.target.value = '';
});
$('key').addEventListener('change', (e) => {
  state.key = e.target.value;
  const t0 = performance.now();
  enqueue(() => rescore(t0, {}));
});
$('clear').addEventListener('click', () => {
  state.files.clear();
  state.nextId = 1;
  state.key = '';
  state.ignored = 0;
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
  const dt = e.dataTransfer;
  // The entries must be taken now: a drop's items are emptied once the event is over.
  const entries = [...(dt.items || [])].filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.() || i.getAsFile()).filter(Boolean);
  if (entries.some((x) => x.isDirectory)) addFiles(droppedFiles(entries));
  else addFiles(dt.files);
});
// A file dropped beside the zone must not replace the page.
addEventListener('dragover', (e) => e.preventDefault());
addEventListener('drop', (e) => e.preventDefault());

$('lang').addEventListener('change', (e) => {
  const code = e.target.value;
  const url = new URL(location.href);
  url.searchParams.set('lang', code);
  history.replaceState(history.state, '', url);
  enqueue(() => setLanguage(code));
});

enqueue(() => setLanguage(firstLanguage()));
enqueue(loadSeed);

// Teacher mode (mode="teacher"), a chunk of its own: the panel to prepare an exercise (title,
// instructions, tag set, suggestions on or off; the teacher's annotations are the answer key,
// each note its reason), saving it as an exercise file (JSON) or as one self-contained HTML
// file that works offline, from file:// or an LMS upload (see singleHtml).
import { SX } from './strings-exercise.js';
import { TYPE, el, button, checkTags, json, withoutKey, addCss, panel } from './exercise.js';

const tagsText = (tags) => `[\n${tags.map((t) => `  ${JSON.stringify(t)}`).join(',\n')}\n]`;

/** Base64 of bytes (chunked: String.fromCharCode takes a bounded argument list). */
export function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const utf8 = (t) => new TextEncoder().encode(t);
const escHtml = (t) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_CSS = 'body{margin:0;font-family:system-ui,sans-serif;background:#f4f4f2;color:#1b1b1b}' +
  'main{max-width:48rem;margin:1rem auto;padding:.5rem 0;background:#fff;border-radius:6px}' +
  '@media (prefers-color-scheme:dark){body{background:#0d0d0d;color:#e8e8e8}main{background:#161616}}';

/** The exercise as one HTML file that needs nothing else: the widget (dist/claimmark-standalone.js,
 *  the widget with its exercise chunk in one file), its CSS, and the wasm modules with their glue
 *  (the reader, the exchange module for Export, the classroom module when suggestions are on),
 *  all fetched from where the widget was loaded and inlined (base64). The answer key is left out.
 *  `root` is the URL of the folder holding claimmark.js. */
export async function singleHtml(ex, root) {
  const get = async (path, bin) => {
    const u = new URL(path, root);
    let r;
    try {
      r = await fetch(u);
    } catch (e) {
      throw new Error(SX.fetchFail(path, e.message));
    }
    if (!r.ok) throw new Error(SX.fetchFail(path, `HTTP ${r.status}${path.includes('standalone') ? SX.notBuilt : ''}`));
    return bin ? new Uint8Array(await r.arrayBuffer()) : r.text();
  };
  const names = ['claimmark', 'claimmark_exchange', ...(ex.suggestions ? ['claimmark_classroom'] : [])];
  const [js, css, ...files] = await Promise.all([get('claimmark-standalone.js'), get('claimmark.css'),
    ...names.flatMap((n) => [get(`pkg/${n}.js`), get(`pkg/${n}_bg.wasm`, true)])]);
  const modules = {};
  names.forEach((n, i) => { modules[n] = { js: base64(utf8(files[2 * i])), wasm: base64(files[2 * i + 1]) }; });
  // JSON inside <script>: no "<" at all, so nothing can close the element early.
  const data = JSON.stringify({ exercise: withoutKey(ex), css: base64(utf8(css)), modules }).replace(/</g, '\\u003c');
  const title = ex.title || SX.exercise;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimmark">
<title>${escHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main></main>
<noscript>${escHtml(SX.noscript)}</noscript>
<script type="application/json" id="claimmark-data">${data}</script>
<script type="module">${js.replace(/<\/(script)/gi, '<\\/$1')}</script>
</body>
</html>
`;
}

/** The teacher's panel, built after each render of the element. */
export async function teacher(host) {
  const d = document;
  const signal = host._ac.signal;
  const on = { signal };
  const ex = host._ex;
  addCss(host);
  // An opened exercise's key becomes the teacher's annotations (once per exercise).
  if (ex && ex.key && host._keyOf !== ex) {
    host._keyOf = ex;
    try {
      await host.importJSON(JSON.stringify(ex.key), 'replace');
    } catch (e) {
      host._msg(e.message);
    }
  }
  const title = (host.document.metadata && host.document.metadata.title) || '';
  const dr = host._draft || (host._draft = {
    title: ex ? ex.title : title, instructions: ex ? ex.instructions : '', suggestions: ex ? ex.suggestions : true,
  });
  const box = panel(host, SX.prepare);
  box.classList.add('cm-teach');
  const status = el(d, 'p', 'cm-hint cm-exstatus');
  status.setAttribute('role', 'status');

  let n = 0;
  const field = (label, input, cls) => {
    const f = el(d, 'div', cls || 'cm-field');
    input.id = `cm-t${++n}`;
    const lab = el(d, 'label', '', label);
    lab.htmlFor = input.id;
    if (input.type === 'checkbox') f.append(input, lab);
    else f.append(lab, input);
    return f;
  };
  const text = (name, value, area, rows) => {
    const i = el(d, area ? 'textarea' : 'input', `cm-${name}`);
    if (area) i.rows = rows;
    else i.type = 'text';
    i.value = value;
    if (name in dr) i.addEventListener('input', () => { dr[name] = i.value; }, on);
    return i;
  };
  const tInput = text('title', dr.title);
  const iInput = text('instructions', dr.instructions, true, 3);
  const tagsInput = text('tagset', tagsText(host._tags), true, 4);
  tagsInput.classList.add('cm-mono');
  tagsInput.spellcheck = false;
  const tagsErr = el(d, 'p', 'cm-err');
  tagsErr.id = 'cm-tags-err';
  tagsErr.setAttribute('role', 'alert');
  tagsInput.setAttribute('aria-describedby', tagsErr.id);
  const sugg = el(d, 'input', 'cm-suggest');
  sugg.type = 'checkbox';
  sugg.checked = dr.suggestions;
  sugg.addEventListener('change', () => { dr.suggestions = sugg.checked; }, on);
  const keyInfo = el(d, 'p', 'cm-keyinfo');
  const count = () => {
    const a = host.annotations;
    keyInfo.textContent = SX.keyCount(a.length, a.filter((x) => x.note.trim()).length);
  };
  for (const t of ['annotation-add', 'annotation-change', 'annotation-remove']) host.addEventListener(t, count, on);
  count();

  const applyTags = () => {
    let list;
    try {
      list = checkTags(json(tagsInput.value));
    } catch (e) {
      tagsErr.textContent = SX.badTags(e.message);
      tagsInput.setAttribute('aria-invalid', 'true');
      tagsInput.focus();
      return;
    }
    host._afterLoad = SX.tagsApplied;
    host.setAttribute('tags', JSON.stringify(list));
  };

  const exercise = async () => {
    const key = host.annotations.length ? JSON.parse(await host.exportJSON()) : null;
    return {
      type: TYPE, version: 1, title: dr.title.trim(), instructions: dr.instructions,
      article: host.text, tags: host._tags.map(({ id, label, color, keys, line }) => ({ id, label, color, keys, line })),
      suggestions: dr.suggestions, ...(key ? { key } : {}),
    };
  };
  const name = () => host.constructor.fileName(dr.title || title, 'exercise');
  const busy = (fn) => async (e) => {
    const b = e.currentTarget;
    b.disabled = true;
    try { await fn(); } catch (err) { host._msg(err.message); } finally { b.disabled = false; }
  };
  // The full exercise (with the key, for the teacher) or the students' copy (no key).
  const saveJson = (students) => busy(async () => {
    const f = `${name()}${students ? '.students' : ''}.exercise.json`;
    const x = await exercise();
    host._saveFile(f, `${JSON.stringify(students ? withoutKey(x) : x, null, 1)}\n`, 'application/json');
    status.textContent = SX.saved(f);
  });
  const saveHtml = busy(async () => {
    status.textContent = SX.building;
    const f = `${name()}.html`;
    host._saveFile(f, await singleHtml(await exercise(), new URL('./', host.constructor.css)), 'text/html');
    status.textContent = SX.saved(f);
  });
  const file = el(d, 'input', 'cm-exfile');
  file.type = 'file';
  file.accept = '.json,application/json';
  file.hidden = true;
  file.addEventListener('change', async () => {
    const f = file.files[0];
    file.value = '';
    if (!f) return;
    host._afterLoad = SX.opened(f.name);
    try {
      await host.openExercise(await f.text());
    } catch (e) {
      host._afterLoad = null;
      host._msg(e.message);
    }
  }, on);

  const row = el(d, 'div', 'cm-row');
  row.append(button(d, SX.saveJson, 'cm-savejson', saveJson(false), signal),
    button(d, SX.saveStudents, 'cm-savestudents', saveJson(true), signal), button(d, SX.saveHtml, 'cm-savehtml', saveHtml, signal),
    button(d, SX.openEx, 'cm-openex', () => file.click(), signal), file);
  const tagsRow = el(d, 'div', 'cm-row');
  tagsRow.append(button(d, SX.applyTags, 'cm-applytags', applyTags, signal));
  box.append(el(d, 'h2', '', SX.prepare), el(d, 'p', 'cm-hint', SX.keyHint),
    field(SX.title, tInput), field(SX.instructions, iInput), field(SX.tags, tagsInput), tagsErr, tagsRow,
    field(SX.suggestions, sugg, 'cm-check'), keyInfo, row, status);
  if (host._afterLoad) {
    status.textContent = host._afterLoad;
    host._afterLoad = null;
  }
}

// Exercises: the file format, opening one, and student mode. Loaded on first use (the
// element imports this chunk only for mode="teacher"/"student" or an exercise); teacher mode
// is a further chunk (teacher.js). This chunk imports none of the reader's modules (so the
// bundler keeps them out of a shared chunk): what it needs from the element comes through
// the element and the `loadClassroom` it passes.
//
// The exercise file (README, "Exercises"):
//   {"type":"claimmark-exercise","version":1,"title","instructions","article",
//    "tags":[…as the tags attribute…],"suggestions":bool,"key":<W3C AnnotationCollection>}
// `key` (optional) is the teacher's annotations as exportJSON() writes them; the reason for
// an annotation is its note (a "commenting" body).
import { SX } from './strings-exercise.js';

export { translateSX } from './strings-exercise.js';

export const TYPE = 'claimmark-exercise';
const NAME_KEY = 'claimmark:name';
const MAX_ARTICLE = 2_000_000;

const bad = (m) => new Error(SX.bad(m));
const isObj = (x) => !!x && typeof x === 'object' && !Array.isArray(x);

/** `<name class>text</name>` (text only, never HTML). */
export function el(d, name, cls, text) {
  const e = d.createElement(name);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A `<button type="button">`. */
export function button(d, text, cls, fn, signal) {
  const b = el(d, 'button', cls, text);
  b.type = 'button';
  b.addEventListener('click', fn, { signal });
  return b;
}

/** Checks a tag set (the `tags` attribute's format) strictly; returns a clean copy or throws
 *  an Error naming the problem. */
export function checkTags(list) {
  const bad = (m) => new Error(m);
  if (!Array.isArray(list) || !list.length) throw bad(SX.tagsArray);
  const seen = new Set();
  return list.map((t, i) => {
    const at = i + 1;
    if (!isObj(t) || typeof t.id !== 'string' || !/^[\w-]+$/.test(t.id)) throw bad(SX.tagId(at));
    if (seen.has(t.id)) throw bad(SX.tagTwice(at, t.id));
    seen.add(t.id);
    const out = { id: t.id };
    for (const k of ['label', 'color', 'line']) {
      if (t[k] == null) continue;
      if (typeof t[k] !== 'string') throw bad(SX.tagString(at, k));
      out[k] = t[k];
    }
    if (t.keys != null) {
      if (!Array.isArray(t.keys) || !t.keys.every((k) => typeof k === 'string')) throw bad(SX.tagKeys(at));
      out.keys = t.keys;
    }
    return out;
  });
}

/** Parses JSON text; throws an Error saying it is not JSON (and why). */
export function json(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(SX.notJson(e.message));
  }
}

/** Reads an exercise (object or JSON text); returns a clean copy or throws a readable Error. */
export function parseExercise(v) {
  let x = v;
  if (typeof v === 'string') {
    try {
      x = json(v);
    } catch (e) {
      throw bad(e.message);
    }
  }
  if (!isObj(x)) throw bad(SX.notObject);
  if (x.type !== TYPE) throw bad(SX.badType(TYPE, x.type === 'AnnotationCollection'));
  if (x.version !== 1) throw bad(SX.badVersion(JSON.stringify(x.version)));
  if (typeof x.article !== 'string' || !x.article.trim()) throw bad(SX.noArticle);
  if (x.article.length > MAX_ARTICLE) throw bad(SX.longArticle(MAX_ARTICLE));
  const ex = { type: TYPE, version: 1, title: '', instructions: '', article: x.article, suggestions: false };
  for (const k of ['title', 'instructions']) {
    if (x[k] == null) continue;
    if (typeof x[k] !== 'string') throw bad(SX.notString(k));
    ex[k] = x[k];
  }
  if (x.suggestions != null) {
    if (typeof x.suggestions !== 'boolean') throw bad(SX.notBool);
    ex.suggestions = x.suggestions;
  }
  if (x.tags != null) {
    try {
      ex.tags = checkTags(x.tags);
    } catch (e) {
      throw bad(e.message);
    }
  }
  if (x.key != null) {
    if (!isObj(x.key) || x.key.type !== 'AnnotationCollection') throw bad(SX.badKey);
    ex.key = x.key;
  }
  return ex;
}

/** Opens an exercise in `host`: its article, tag set and (unless a mode is set) student mode.
 *  Throws, changing nothing, when it is invalid; with `quiet` the error is shown in the
 *  element instead (once the element is showing an article). Returns `{done}`, a promise of
 *  the reload. */
export async function open(host, v, quiet) {
  let ex;
  try {
    ex = parseExercise(v);
  } catch (e) {
    if (quiet && host._msgEl && host._doc) {
      host._msg(e.message);
      return { done: null };
    }
    throw e;
  }
  // Only teacher mode reads the key: anywhere else it is dropped as the file opens, so a
  // student's copy never holds it (el.exercise.key, or teacher mode switched on later).
  if (host.getAttribute('mode') !== 'teacher') delete ex.key;
  host._ex = ex;
  host._draft = null;
  if (ex.tags) host.setAttribute('tags', JSON.stringify(ex.tags));
  else host.removeAttribute('tags');
  if (!host.getAttribute('mode')) host.setAttribute('mode', 'student');
  host.text = ex.article;
  return { done: host._reload() };
}

const CSS = `
.cm-ex{max-width:42rem;margin:0 auto .8rem;padding:.6rem 1rem;font-family:system-ui,sans-serif;font-size:.95rem;border:1px solid var(--cm-muted-c);border-radius:6px;box-sizing:border-box}
.cm-ex h2{font-size:1.1rem;margin:0 0 .4rem}.cm-ex h3{font-size:1rem;margin:.8rem 0 .3rem}
.cm-ex p{margin:.3rem 0}.cm-instr{white-space:pre-wrap}.cm-hint{color:var(--cm-muted-c)}
.cm-field{display:grid;gap:.2rem;margin:.5rem 0}.cm-check{display:flex;gap:.5rem;align-items:baseline;margin:.5rem 0}
.cm-check input{width:auto}.cm-row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.5rem 0}
textarea{font:inherit;font-size:.9rem;color:inherit;background:var(--cm-bg-c);border:1px solid var(--cm-muted-c);border-radius:4px;padding:.25em .4em;width:100%;box-sizing:border-box}
textarea:focus-visible{outline:3px solid var(--cm-acc);outline-offset:2px}
.cm-mono{font-family:ui-monospace,monospace;font-size:.85rem}
.cm-err{color:var(--cm-err);margin:.3rem 0}.cm-err:empty{display:none}
.cm-cmp ul{list-style:none;padding:0;margin:.4rem 0;display:grid;gap:.5rem}
.cm-cmp li{border-bottom:1px solid rgba(127,127,127,.3);padding-bottom:.4rem}
.cm-cmp .cm-q{font-family:Georgia,serif}.cm-sugg{border-left:3px solid var(--cm-acc);padding-left:.5rem}
.cm-sugg p{margin:.3rem 0}.cm-tbcmp{border-top:1px solid rgba(127,127,127,.4);margin-top:.5rem;padding-top:.4rem}
[inert]{opacity:.6}
@media print{.cm-ex button,.cm-ex:has(>form),.cm-ex .cm-hint,.cm-cmp,.cm-teach{display:none!important}[inert]{opacity:1}}`;

/** Adds the exercise panels' styles to the element's shadow root (after each render). On
 *  paper a student's panel keeps its title, the instructions and the name, not the controls;
 *  the teacher's panel is left out. */
export function addCss(host) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  host._root.adoptedStyleSheets = [...host._root.adoptedStyleSheets, sheet];
}

/** A panel above the article (below the bar and messages). */
export function panel(host, label) {
  const box = el(document, 'section', 'cm-ex cm-ui');
  box.setAttribute('aria-label', label);
  host._wrap.insertBefore(box, host._wrap.querySelector('.cm-main'));
  return box;
}

/** The exercise without its answer key (what students get). */
export function withoutKey(ex) {
  const { key, ...rest } = ex;
  return rest;
}

/** Called by the element after each render when it has a mode or an exercise. */
export async function attach(host, loadClassroom) {
  const mode = host.getAttribute('mode');
  if (mode === 'teacher') return (await import('./teacher.js')).teacher(host);
  // An exercise left without a mode is done in student mode: set it (a reload), so that the
  // work autosaves under the student's key.
  if (!mode) host.setAttribute('mode', 'student');
  if (mode === 'student') {
    // An exercise opened in teacher mode, then switched to student mode: its key goes too.
    if (host._ex && host._ex.key) host._ex = withoutKey(host._ex);
    student(host, loadClassroom);
  }
  return undefined;
}

/** The autosave key of `host` in its mode (`base`: the article's key and the mode): in student
 *  mode, the student's name is part of it, so on a shared browser each name has its own work.
 *  Work saved before the name was part of the key becomes the remembered name's. */
export function key(host, base) {
  const n = host.getAttribute('mode') === 'student' ? readName() : '';
  if (!n) return base;
  const k = `${base}:${n}`;
  try {
    const ls = globalThis.localStorage;
    const old = ls.getItem(base);
    if (old !== null && ls.getItem(k) === null) {
      ls.setItem(k, old);
      ls.removeItem(base);
    }
  } catch { /* storage unavailable: nothing saved to move */ }
  return k;
}

function readName() {
  try { return globalThis.localStorage.getItem(NAME_KEY) || ''; } catch { return ''; }
}

function saveName(n) {
  try { globalThis.localStorage.setItem(NAME_KEY, n); } catch { /* kept for this page only */ }
}

// Student mode: the name (asked once, remembered), the instructions, and when the teacher
// enabled them, the suggestions to compare with after tagging. The key is never shown.
function student(host, loadClassroom) {
  const d = document;
  const signal = host._ac.signal;
  const ex = host._ex || { title: '', instructions: '', suggestions: false };
  addCss(host);
  const box = panel(host, SX.exercise);
  const art = host._view.root;

  function askName() {
    const form = el(d, 'form', 'cm-name');
    const inp = el(d, 'input');
    inp.id = 'cm-name-in';
    inp.autocomplete = 'name';
    inp.value = host.creator || '';
    const lab = el(d, 'label', '', SX.name);
    lab.htmlFor = inp.id;
    const hint = el(d, 'p', 'cm-hint', SX.nameHint);
    hint.id = 'cm-name-hint';
    const err = el(d, 'p', 'cm-err');
    err.id = 'cm-name-err';
    err.setAttribute('role', 'alert');
    inp.setAttribute('aria-describedby', 'cm-name-hint cm-name-err');
    const go = el(d, 'button', 'cm-start', SX.start);
    go.type = 'submit';
    const field = el(d, 'div', 'cm-field');
    field.append(lab, inp);
    form.append(el(d, 'h2', '', SX.nameTitle), field, hint, err, go);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = inp.value.trim().replace(/\s+/g, ' ');
      if (!n) {
        err.textContent = SX.nameNeeded;
        inp.setAttribute('aria-invalid', 'true');
        inp.focus();
        return;
      }
      saveName(n);
      // Another name has its own saved work (none yet for a new name): reload with it. The
      // work of the previous name stays saved under that name.
      if (n !== name) {
        host._focusEx = true;
        host._reload();
      } else show(n, true);
    }, { signal });
    art.inert = true;
    box.replaceChildren(form);
    inp.focus();
  }

  function show(name, focus) {
    host.creator = name;
    art.inert = false;
    const h = el(d, 'h2', '', ex.title ? SX.exerciseTitle(ex.title) : SX.exercise);
    h.tabIndex = -1;
    box.replaceChildren(h);
    if (ex.instructions) box.append(el(d, 'p', 'cm-instr', ex.instructions));
    const who = el(d, 'p', 'cm-row', SX.working(name));
    who.append(button(d, SX.changeName, 'cm-rename', askName, signal));
    box.append(who, el(d, 'p', 'cm-hint', SX.exportHint));
    if (ex.suggestions) box.append(compare(host, loadClassroom));
    if (focus) h.focus();
  }

  // The name whose work is shown: the one in the autosave key (`key`: claimmark:v1:HASH:student:NAME).
  const name = host._key.split(':').slice(4).join(':');
  if (name) show(name, host._focusEx);
  else askName();
  host._focusEx = false;
}

// Whitespace as Rust's char::is_whitespace (what src/classroom/matching.rs leaves out).
const WS = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** `counts(s, a)`: does highlight `a` tag sentence `s` (UTF-16 offsets into `text`)? The review's
 *  matching rule (src/classroom/mod.rs: the span covers more than half of the sentence's
 *  non-space characters) and its mirror image (the sentence is more than half of the
 *  span's), so a highlight tags at most one sentence: one long highlight reveals nothing. */
export function tagsSentence(text) {
  // Non-space characters before each UTF-16 offset. A surrogate pair counts once, at its
  // second half: an offset inside a character counts as its start, as in matching.rs.
  const ns = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    ns[i + 1] = ns[i] + (c >= 0xd800 && c < 0xdc00 ? 0 : +!WS.test(text[i]));
  }
  const n = (a, b) => (a < b ? ns[b] - ns[a] : 0);
  return (s, a) => {
    if (a.orphan) return false;
    const cov = 2 * n(Math.max(s.start, a.start), Math.min(s.end, a.end));
    return cov > n(s.start, s.end) && cov > n(a.start, a.end);
  };
}

// After tagging a sentence, the student can reveal the suggestion for it (tag and reason):
// in the toolbar of their highlight (click it, or Enter on the sentence), and in a list of the
// suggested sentences that one of their highlights tags (tagsSentence), in the exercise panel.
function compare(host, loadClassroom) {
  const d = document;
  const signal = host._ac.signal;
  const box = el(d, 'div', 'cm-cmp');
  const list = el(d, 'ul');
  const note = el(d, 'p', 'cm-hint', SX.compareLoading);
  box.append(el(d, 'h3', '', SX.compare), el(d, 'p', 'cm-hint', SX.compareHint), note, list);
  const open = host._revealed || (host._revealed = new Set());
  const label = (id) => (host._tags.find((t) => t.id === id) || { label: id }).label;
  const text = host.text;
  const counts = tagsSentence(text);
  let sugg = null;

  // The button and the (hidden until asked) suggestion for sentence `s`; `tags`: the student's.
  function reveal(s, tags, where, after) {
    const out = el(d, 'div', 'cm-sugg');
    out.id = `cm-sugg-${where}-${s.start}`;
    out.append(el(d, 'p', '', SX.suggested(label(s.tag), tags.includes(s.tag))), el(d, 'p', 'cm-sreason', SX.why(s.reason)));
    const b = button(d, '', 'cm-reveal', () => { set(!open.has(s.start)); if (after) after(); }, signal);
    b.setAttribute('aria-controls', out.id);
    const set = (on) => {
      if (on) open.add(s.start); else open.delete(s.start);
      out.hidden = !on;
      b.textContent = on ? SX.hideSugg : SX.reveal;
      b.setAttribute('aria-expanded', String(on));
    };
    set(open.has(s.start));
    return [b, out];
  }

  function update() {
    if (!sugg) return;
    const anns = host.annotations;
    const rows = sugg.map((s) => [s, anns.filter((a) => counts(s, a))]).filter(([, m]) => m.length);
    list.replaceChildren(...rows.map(([s, mine]) => {
      const li = el(d, 'li');
      const q = host.text.slice(s.start, s.end);
      const tags = [...new Set(mine.map((a) => a.tag))];
      li.append(el(d, 'p', 'cm-q', `“${q.length > 140 ? `${q.slice(0, 140)}…` : q}”`),
        el(d, 'p', '', SX.yours(tags.map(label))), ...reveal(s, tags, 'l'));
      return li;
    }));
    note.textContent = rows.length ? '' : SX.compareNone;
    note.hidden = !!rows.length;
  }

  // The highlight's toolbar (edit mode) gets the same for the sentence the highlight tags.
  const tb = host._tb.el;
  const mo = new MutationObserver(() => {
    const st = host._tb.state;
    if (!sugg || !st || st.mode !== 'edit' || tb.querySelector('.cm-tbcmp')) return;
    const here = sugg.filter((s) => counts(s, st.ann));
    if (!here.length) return;
    const part = el(d, 'div', 'cm-tbcmp');
    for (const s of here) part.append(...reveal(s, [st.ann.tag], 't', update));
    tb.insertBefore(part, tb.querySelector('.cm-tbrow'));
  });
  mo.observe(tb, { childList: true });
  signal.addEventListener('abort', () => mo.disconnect());

  for (const t of ['annotation-add', 'annotation-change', 'annotation-remove']) host.addEventListener(t, update, { signal });
  (host._sugg && host._sugg.text === text ? Promise.resolve(host._sugg.list)
    : loadClassroom().then((c) => JSON.parse(c.suggest(text))))
    .then((l) => {
      host._sugg = { text, list: l };
      sugg = l;
      update();
    })
    .catch((e) => { note.textContent = SX.compareFail(e.message); });
  return box;
}

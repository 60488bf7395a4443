// <claim-annotator>: the claimmark widget. One script tag embeds it:
//   <script type="module" src=".../claimmark.js"></script>
//   <claim-annotator src="article.txt"></claim-annotator>
// The article text comes from (first found): the `text` property, the `src` attribute,
// an inline <script type="text/plain"> child, or `for="#selector"` (text of a host element).
// Annotations live in the wasm Session (undo/redo included); this shell renders, listens
// and saves. API and events: see claimmark.d.ts. Exercises (mode="teacher" / "student", the
// `exercise` property) live in lazily loaded chunks: claim/exercise.js, claim/teacher.js.
import { loadCore, openSession, setCoreBase, loadExchange, loadClassroom, normalizeNewlines, findQuotes } from './claim/wasm.js';
import { applyWire, isWire, pack } from './claim/wire.js';
import { addPrintNotes } from './claim/print.js';
import { renderDocument, updateBlock, inArticle, reasonLabel, el } from './claim/render.js';
import { offsetsOf, snap, selectedRange, offsetAtPoint, rangeOf } from './claim/selection.js';
import { createPainter } from './claim/painter.js';
import { longPress } from './claim/touch.js';
import { createToolbar } from './claim/toolbar.js';
import { createSideList } from './claim/sidelist.js';
import { keyAction } from './claim/keys.js';
import { hashText, storageKey, load, save, watch } from './claim/storage.js';
import { parseTags, tagCss } from './claim/tags.js';
import { S, TAGS, useLanguage, translation } from './claim/strings.js';

setCoreBase(new URL('./pkg/', import.meta.url));
const now = () => new Date().toISOString();
function newId() {
  const c = globalThis.crypto;
  if (c && c.randomUUID) return `urn:uuid:${c.randomUUID()}`;
  const b = new Uint8Array(16);
  if (c && c.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
// An optional string for Session.update: `+value`, or `-` when not given.
const opt = (v) => (v == null ? '-' : `+${v}`);
const pub = (a) => { const { t, ...rest } = a; return rest; };
const SAVE_MS = 300;

export class ClaimAnnotator extends HTMLElement {
  /** The stylesheet's URL (a single-file page sets a data: URL). */
  static css = new URL('./claimmark.css', import.meta.url).href;

  static observedAttributes = ['mode', 'tags'];

  /** A download's name from a title: its words (letters and digits of any script) joined by
   *  `-`, lower case, at most 60 characters; `fallback` when it has none. */
  static fileName(title, fallback = 'claimmark') {
    return (title.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) || [fallback])
      .join('-').slice(0, 60).replace(/-$/, '').toLowerCase();
  }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    this._doc = null;
    this._text = null;
    this._started = false;
    this._anns = [];
    this._byId = new Map();
    this.ready = new Promise((resolve, reject) => {
      this._resolveReady = resolve;
      this._rejectReady = reject;
    });
    // A failed load is shown in the element; keep unhandled-rejection noise out of the console.
    this.ready.catch(() => {});
  }

  /** The segmented Document (offsets in UTF-16 code units), or null before `ready`. Its
   *  `quotes` are null until findQuotes() has found them. */
  get document() { return this._doc; }

  /** The article's quotations with their speakers (UTF-16 offsets), found on first call by
   *  the classroom module (loaded then; the page does not load the quote finder) and kept
   *  in `document.quotes`. */
  async findQuotes() {
    await this._q; // a pending reload (new text): quotes of the article about to show
    await this.ready;
    const d = this._doc;
    return d.quotes || (d.quotes = await findQuotes(d.text));
  }

  /** The article text; setting it (before or after connection) re-renders. */
  get text() { return this._doc ? this._doc.text : this._text; }

  set text(value) {
    this._text = String(value);
    this._reload();
  }

  /** The open exercise (see README, "Exercises"), or null. Setting it (the object or its JSON)
   *  opens it; an invalid one is reported in the element and changes nothing. */
  get exercise() { return this._ex || null; }

  // A load waits for it; a failure is shown by that load only (then forgotten), never unhandled.
  set exercise(v) { (this._exP = this._x('open', v, 1)).catch(() => {}); }

  /** Opens an exercise (object or JSON); resolves once it is shown, rejects (changing
   *  nothing) when it is invalid. */
  openExercise(v) { return this._x('open', v).then((r) => r.done); }

  attributeChangedCallback() { this._reload(); }

  /** Annotations in document order (orphans last), offsets in UTF-16 code units. */
  get annotations() { return this._anns.map(pub); }

  /** Which painter draws the highlights: 'highlight-api' or 'marks'. */
  get painterMode() { return this._painter ? this._painter.mode : null; }

  // Runs `f` of the exercise chunk (loaded on first use) with this element.
  _x(f, ...a) { return import('./claim/exercise.js').then((m) => { m.translateSX(translation()); return m[f](this, ...a); }); }

  // Reloads once for any number of changes made in one task (text, mode, tags).
  _reload() {
    if (this._started && !this._q) this._q = Promise.resolve().then(() => { this._q = 0; return this._load(); });
    return this._q;
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    this._load();
  }

  // ---- public API -------------------------------------------------------------------

  addAnnotation({ start, end, tag, note = '' }) {
    const id = newId();
    const t = now();
    const x = this._doc.text;
    start >>>= 0;
    end >>>= 0;
    // The annotation as the core makes it (quote and 32 code points of context either side).
    const a = {
      id, start, end, orphan: false, quote: x.slice(start, end),
      prefix: [...x.slice(Math.max(0, start - 64), start)].slice(-32).join(''),
      suffix: [...x.slice(end, end + 64)].slice(0, 32).join(''),
      tag: String(tag || this._tags[0].id), note: String(note), created: t, modified: t, creator: null, extra: [],
    };
    this._apply(this._s.add(start, end, pack([id, a.tag, a.note, t])), 0, a);
    return pub(this._byId.get(id));
  }

  updateAnnotation(id, { tag, note, start, end } = {}) {
    const t = now();
    const o = this._byId.get(id);
    // A new place is re-read from the core; a new tag or note is known here.
    const a = o && start == null && end == null && { ...o, tag: tag ?? o.tag, note: note ?? o.note, modified: t };
    this._apply(this._s.update(start, end, pack([id, t, opt(tag), opt(note)])), 0, a);
    return pub(this._byId.get(id));
  }

  removeAnnotation(id) {
    if (!this._byId.has(id)) return false;
    this._apply(this._stage((s) => s.stageRemove(id)));
    return true;
  }

  clear() { this._apply(this._stage(0, 'replace')); }

  // One undo step of staged ops (src/web/io.rs): `f` stages them; 'replace' clears first.
  _stage(f, mode = 'step') {
    const s = this._s;
    s.begin();
    if (f) f(s);
    return s.load(mode);
  }

  undo() { const c = this._s.history(false); if (c) this._apply(c); return !!c; }

  redo() { const c = this._s.history(true); if (c) this._apply(c); return !!c; }

  /** Moves block `i` into (true) or out of (false) the article, or back to the default (undefined). */
  setBlock(i, inside) { this._apply(this._stage((s) => s.stageBlock(i, inside))); }

  /** Resolves to the annotations and block choices as a JSON string: a W3C
   *  AnnotationCollection (JSON-LD). The exchange module loads on first use. */
  async exportJSON() {
    const x = await loadExchange();
    const src = this.getAttribute('src');
    return x.exportW3C(this._doc.text, this._s.snapshot(), JSON.stringify({
      title: this._title(),
      creator: this.creator || '',
      source: src && !this._ex ? new URL(src, this.ownerDocument.baseURI).href : '',
      generatedAt: now(),
    }));
  }

  /** Resolves to the annotations as CSV (code point offsets). */
  async exportCSV() {
    const x = await loadExchange();
    return x.exportCSV(this._doc.text, this._s.snapshot());
  }

  /** Imports what exportJSON wrote (or W3C annotations); mode 'merge' (default) or 'replace'.
   *  Resolves to the report; rejects, changing nothing, when the file is invalid. */
  async importJSON(json, mode = 'merge') {
    const r = await this._import(json, mode === 'replace' ? 'replace' : 'merge', 'step');
    this._say(S.imported(r.imported));
    return r;
  }

  /** Removes every listener, highlight and DOM node the widget added; frees the Session. */
  destroy() {
    this._teardown();
    this._root.replaceChildren();
    this._root.adoptedStyleSheets = [];
    this._destroyed = true;
  }

  // ---- loading ----------------------------------------------------------------------

  async _sourceText() {
    if (this._text !== null) return this._text;
    const src = this.getAttribute('src');
    if (src) {
      let res;
      try {
        res = await fetch(src);
      } catch (e) {
        throw new Error(`could not fetch the article ${src}: ${e.message}`);
      }
      if (!res.ok) throw new Error(`could not fetch the article ${src}: HTTP ${res.status}`);
      return await res.text();
    }
    const inline = this.querySelector('script[type="text/plain"]');
    if (inline) return inline.textContent;
    const sel = this.getAttribute('for');
    if (sel) {
      const host = this.ownerDocument.querySelector(sel);
      if (!host) throw new Error(`no element matches for="${sel}"`);
      return host.innerText || host.textContent;
    }
    throw new Error('no article given: set src="…", the text property, an inline <script type="text/plain">, or for="#id"');
  }

  async _load() {
    this._teardown();
    // The loading message shows only if loading takes a while (no flash of it otherwise).
    const status = el(document, 'p', 'cm-status', S.loading);
    status.hidden = true;
    this._show(status);
    setTimeout(() => { status.hidden = false; }, 300);
    const tok = this._tok = {};
    loadCore(); // in parallel with fetching the article
    try {
      await this._exP;
      const text = await this._sourceText();
      // Segmenting, hashing (the autosave key) and the UI language's strings, side by side.
      const lang = (this.closest('[lang]') || document.documentElement).lang;
      const [{ session, doc }, hash] = await Promise.all([
        openSession(text), hashText(normalizeNewlines(text), loadExchange), useLanguage(lang, new URL('./claim/', import.meta.url))]);
      // Each mode autosaves apart; in student mode, each student (the exercise chunk's `key`).
      const mode = this.getAttribute('mode');
      const key = mode ? await this._x('key', `${storageKey(hash)}:${mode}`) : storageKey(hash);
      if (this._destroyed || tok !== this._tok) { session.free(); return; }
      this._s = session;
      this._doc = doc;
      const tagAttr = this.getAttribute('tags');
      this._tags = parseTags(tagAttr).map((t) => (tagAttr ? t : { ...t, label: TAGS[t.id] || t.label }));
      this._key = key;
      this._render();
      const saved = load(this._key);
      if (saved) {
        try {
          // Autosaves are wire JSON; older versions saved W3C JSON-LD, imported once.
          if (isWire(saved)) this._apply({ ...applyWire(session, saved, 'restore'), blocks: null }, true);
          else await this._import(saved, 'replace', 'restore', true);
        } catch (e) { this._msg(S.importFail(e.message)); }
      }
      const on = { signal: this._ac.signal };
      addEventListener('pagehide', () => this._flush(), on);
      // Printing: a legend and the notes as numbered footnotes, only while printing.
      addEventListener('beforeprint', () => {
        if (this._unprint) this._unprint();
        this._unprint = addPrintNotes(document, this._wrap, {
          anns: this._anns, tags: this._tags, sents: this._sents, sentAt: (o) => this._sentAt(o) });
      }, on);
      addEventListener('afterprint', () => { if (this._unprint) this._unprint(); this._unprint = null; }, on);
      document.addEventListener('visibilitychange', () => document.hidden && this._flush(), on);
      watch(this._key, (v) => {
        if (v === this._saved) return;
        try { this._apply({ ...applyWire(this._s, v, 'replace'), blocks: null }, true); this._say(S.synced); } catch { /* a bad value from elsewhere */ }
      }, this._ac.signal);
      if (mode || this._ex) await this._x('attach', loadClassroom);
      await this._css;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready', { detail: { document: doc } }));
    } catch (err) {
      this._exP = 0;
      this._showError(err);
      this._rejectReady(err);
    }
  }

  _teardown() {
    this._flush();
    if (this._ac) this._ac.abort();
    this._ac = new AbortController();
    if (this._painter) this._painter.destroy();
    this._painter = null;
    clearTimeout(this._selTimer);
    if (this._s) { this._s.free(); this._s = null; }
  }

  // Shows `nodes` in the shadow root after the stylesheet's <link>, which stays in place: a
  // link inserted again loads again, and the article would show unstyled meanwhile. `_css`
  // settles when it has loaded (or failed); `ready` waits for it, so layout is final by then.
  _show(...nodes) {
    let l = this._link;
    if (!l) {
      l = this._link = document.createElement('link');
      l.rel = 'stylesheet';
      l.href = ClaimAnnotator.css;
      this._css = new Promise((r) => { l.onload = l.onerror = r; });
    }
    for (const n of [...this._root.childNodes]) if (n !== l) n.remove();
    if (l.parentNode !== this._root) this._root.prepend(l);
    this._root.append(...nodes);
  }

  _showError(err) {
    const box = el(document, 'div', 'cm-error', S.loadError(err && err.message ? err.message : err));
    box.setAttribute('role', 'alert');
    this._show(box);
  }

  // ---- view -------------------------------------------------------------------------

  _render() {
    const d = document;
    const on = { signal: this._ac.signal };
    const view = renderDocument(d, this._doc);
    this._view = view;
    this._sents = view.sentenceEls;
    this._cur = -1;
    this._anchor = -1;
    this._showOut = false;
    this._anns = [];
    this._byId = new Map();
    this._tagIx = new Map(this._tags.map((t, i) => [t.id, i]));
    this._starts = view.starts;
    this._choices = new Map();
    const forceMarks = this.getAttribute('painter') === 'marks';
    this._ctx = { root: view.root, blockEls: view.blockEls, blocks: this._doc.blocks, ix: view.ix };
    this._painter = createPainter(this._ctx, forceMarks);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(tagCss(this._tags, this._painter.name));
    this._root.adoptedStyleSheets = [sheet];

    const wrap = el(d, 'div', 'cm-wrap');
    const bar = el(d, 'div', 'cm-bar');
    const btn = (text, cls, fn) => {
      const b = el(d, 'button', cls, text);
      b.type = 'button';
      b.addEventListener('click', fn, on);
      return b;
    };
    this._toggle = btn('', 'cm-toggle', () => this._setShowOut(!this._showOut));
    this._toggle.setAttribute('aria-pressed', 'false');
    this._listBtn = btn('', 'cm-listbtn', () => this._showList(this._side.el.hidden));
    this._listBtn.setAttribute('aria-expanded', 'false');
    this._undoBtn = btn(S.undo, 'cm-undo', () => this.undo());
    this._redoBtn = btn(S.redo, 'cm-redo', () => this.redo());
    const file = el(d, 'input', 'cm-file');
    file.type = 'file';
    file.accept = '.json,.jsonld,application/json,application/ld+json';
    file.hidden = true;
    file.addEventListener('change', async () => {
      const f = file.files[0];
      file.value = '';
      if (!f) return;
      const json = await f.text();
      // With annotations present, the reader chooses: merge (same ids replace) or replace all.
      const mode = this._anns.length ? await this._askMode(btn, bar) : 'merge';
      if (!mode) return;
      try { await this.importJSON(json, mode); } catch (e) { this._msg(S.importFail(e.message)); }
    }, on);
    const helpBtn = btn('?', 'cm-helpbtn', () => this._help(this._helpEl.hidden));
    helpBtn.setAttribute('aria-label', S.help);
    helpBtn.setAttribute('aria-expanded', 'false');
    this._helpBtn = helpBtn;
    bar.append(this._toggle, this._listBtn, this._undoBtn, this._redoBtn,
      btn(S.exportBtn, 'cm-export', () => this._download(false)),
      btn(S.csvBtn, 'cm-csv', () => this._download(true)), btn(S.importBtn, 'cm-import', () => file.click()),
      helpBtn, file);

    this._msgEl = el(d, 'div', 'cm-msg');
    this._msgEl.setAttribute('role', 'alert');
    this._live = el(d, 'div', 'cm-live');
    this._live.setAttribute('role', 'status');

    this._side = createSideList(d, this._tags, {
      go: (id) => this._go(id),
      edit: (id) => this._openEdit(this._byId.get(id), true),
      del: (id) => this.removeAnnotation(id),
    });
    this._tb = createToolbar(d, wrap, this._tags, {
      tag: (s, i, note) => this._tbTag(s, i, note),
      save: (s, note) => { this.updateAnnotation(s.ann.id, { note }); this._closeTb(); },
      del: (s) => { this.removeAnnotation(s.ann.id); this._closeTb(); },
      pick: (id) => this._openEdit(this._byId.get(id), true),
      block: (b) => { this._closeTb(); this._flipBlock(b); },
      close: () => this._closeTb(),
    });
    this._helpEl = this._buildHelp(d, btn);

    const main = el(d, 'div', 'cm-main');
    main.append(view.root, this._side.el);
    wrap.append(bar, this._msgEl, main, this._tb.el, this._helpEl, this._live);
    this._show(wrap);
    this._wrap = wrap;

    // Reading view events.
    const art = view.root;
    art.addEventListener('click', (e) => this._onClick(e), on);
    art.addEventListener('pointerdown', () => { this._down = true; }, on);
    const up = () => { if (this._down) { this._down = false; this._checkSel(false); } };
    art.addEventListener('pointerup', up, on);
    art.addEventListener('pointercancel', () => { this._down = false; }, on);
    art.addEventListener('touchend', up, on);
    longPress(art, this._root, this._ctx, this._doc.text, this._ac.signal);
    document.addEventListener('selectionchange', () => {
      clearTimeout(this._selTimer);
      this._selTimer = setTimeout(() => { if (!this._down) this._checkSel(false); }, 300);
    }, on);
    art.addEventListener('focusin', (e) => {
      const i = this._sents.indexOf(e.target);
      if (i >= 0 && i !== this._cur) this._setCur(i, false, false);
    }, on);
    wrap.addEventListener('keydown', (e) => this._onKey(e), on);
    art.addEventListener('click', (e) => {
      const b = e.target.closest('.cm-move');
      if (b) this._flipBlock(+b.dataset.block);
    }, on);
    if (this._sents.length) this._sents[0].tabIndex = 0;
    this._refresh(null);
  }

  _buildHelp(d, btn) {
    const box = el(d, 'div', 'cm-help');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', S.helpTitle);
    box.hidden = true;
    const dl = el(d, 'dl');
    const list = (f) => this._tags.map(f).join(', ');
    for (const [k, v] of S.keys) {
      dl.append(el(d, 'dt', '', k.replace('{keys}', list((t) => t.keys.join(S.or)))),
        el(d, 'dd', '', v.replace('{tags}', list((t) => t.label.toLowerCase()))));
    }
    box.append(el(d, 'h2', '', S.helpTitle), dl, btn(S.close, 'cm-close', () => this._help(false)));
    return box;
  }

  _help(show) {
    this._helpEl.hidden = !show;
    this._helpBtn.setAttribute('aria-expanded', String(show));
    if (show) this._helpEl.querySelector('button').focus();
    else this._helpBtn.focus();
  }

  _showList(show) {
    this._side.toggle(show);
    this._listBtn.setAttribute('aria-expanded', String(show));
    this._wrap.classList.toggle('cm-with-side', show);
  }

  _setShowOut(show) {
    this._showOut = show;
    this._toggle.setAttribute('aria-pressed', String(show));
    this._updateBlocks(null);
  }

  _updateBlocks(which) {
    const { blocks } = this._doc;
    const list = which || blocks.map((b, i) => i);
    for (const i of list) updateBlock(this._view.blockEls[i], blocks[i], this._choices.get(i), this._showOut);
    let n = 0;
    const reasons = new Set();
    blocks.forEach((b, i) => {
      if (!inArticle(b, this._choices.get(i))) {
        n++;
        reasons.add(this._choices.get(i) === false ? S.movedOut : reasonLabel(b.reason));
      }
    });
    this._toggle.hidden = n === 0;
    this._toggle.textContent = `${this._showOut ? S.hide : S.show} ${S.leftOut(n, [...reasons])}`;
  }

  _flipBlock(i) {
    const b = this._doc.blocks[i];
    const target = !inArticle(b, this._choices.get(i));
    this.setBlock(i, target === inArticle(b, undefined) ? undefined : target);
  }

  // ---- changes ----------------------------------------------------------------------

  /** Applies a Session change (JSON): updates the annotations it names (`known`: the one
   *  added or changed, when this side knows it; else all are re-read), repaints what changed,
   *  emits events, schedules the autosave. */
  _apply(changeJson, noSave, known) {
    const change = typeof changeJson === 'string' ? JSON.parse(changeJson) : changeJson;
    const { added = [], changed = [], removed = [] } = change;
    const fresh = [...added, ...changed];
    const before = this._byId;
    const gone = removed.map((id) => before.get(id));
    const olds = [...changed.map((id) => before.get(id)), ...gone].filter(Boolean);
    if (known && fresh.length === 1 && fresh[0] === known.id) {
      // Incremental: the array stays in document order (ties: the newest last, as in the core).
      const a = this._tag(known);
      const list = this._anns.filter((x) => x.id !== a.id);
      const i = list.findIndex((b) => b.orphan || b.start > a.start || (b.start === a.start && b.end > a.end));
      list.splice(i < 0 ? list.length : i, 0, a);
      this._anns = list;
      before.set(a.id, a);
    } else if (fresh.length) {
      this._anns = JSON.parse(this._s.annotations()).map((a) => this._tag(a));
      this._byId = new Map(this._anns.map((a) => [a.id, a]));
    }
    if (!fresh.length && removed.length) {
      const ids = new Set(removed);
      this._anns = this._anns.filter((a) => !ids.has(a.id));
      for (const id of removed) this._byId.delete(id);
    }
    const news = fresh.map((id) => this._byId.get(id)).filter(Boolean);
    this._refresh(change, olds.length + news.length < 100 && [olds, news]);
    const fire = (type, a) => a && this.dispatchEvent(new CustomEvent(type, { detail: pub(a) }));
    for (const id of added) fire('annotation-add', this._byId.get(id));
    for (const id of changed) fire('annotation-change', this._byId.get(id));
    for (const a of gone) fire('annotation-remove', a);
    if (!noSave) this._persist();
    return change;
  }

  _tag(a) { a.t = this._tagIx.has(a.tag) ? this._tagIx.get(a.tag) : -1; return a; }

  // Repaints after a change; `diff` = [olds, news] limits it to those annotations.
  _refresh(change, diff) {
    const blocks = change && change.blocks;
    if (!blocks || blocks.length) {
      this._choices = new Map(JSON.parse(this._s.blockChoices()));
      this._updateBlocks(blocks || null);
    }
    const live = this._anns.filter((a) => !a.orphan);
    if (diff) this._painter.paint(live, ...diff);
    else this._painter.paint(live);
    this._side.update(this._anns);
    this._listBtn.textContent = S.listToggle(this._anns.length);
    const h = this._s.historyState();
    this._undoBtn.disabled = !(h & 1);
    this._redoBtn.disabled = !(h & 2);
    this._describe(diff && diff.flat());
  }

  // Screen readers hear the tags: sentences under highlights get aria-description.
  // `touched` (annotations, old and new versions) limits the update to their sentences.
  _describe(touched) {
    const n = this._sents.length;
    const each = (a, f) => { if (!a.orphan) for (let i = this._sentAt(a.start); i < n && this._starts[i] < a.end; i++) f(i); };
    const only = touched && new Set();
    if (touched) for (const a of touched) each(a, (i) => only.add(i));
    const tags = new Map();
    for (const a of this._anns) {
      each(a, (i) => {
        if (only && !only.has(i)) return;
        if (!tags.has(i)) tags.set(i, new Set());
        tags.get(i).add(this._label(a));
      });
    }
    for (const i of only || this._sents.keys()) {
      const set = tags.get(i);
      if (set) this._sents[i].setAttribute('aria-description', S.tagged([...set]));
      else this._sents[i].removeAttribute('aria-description');
    }
  }

  _label(a) { return this._tags[a.t] ? this._tags[a.t].label : a.tag; }

  // Index of the sentence containing offset `off` (or the last one starting before it).
  _sentAt(off) {
    let lo = 0;
    let hi = this._sents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this._starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // Autosave, off the interaction path: ~300 ms after the last change, or at once when the
  // page is hidden or left, and before destroy() or a reload of the text.
  _persist() {
    clearTimeout(this._saveT);
    this._saveT = setTimeout(() => this._flush(), SAVE_MS);
    this._dirty = true;
  }

  _flush() {
    clearTimeout(this._saveT);
    if (!this._dirty || !this._s) return;
    this._dirty = false;
    const v = this._s.snapshot();
    const err = save(this._key, v);
    if (err) {
      this._failed = true;
      this._msg(S.storeFail);
    } else {
      this._saved = v;
      if (this._failed) { this._failed = false; this._msg(''); }
    }
  }

  _msg(text) { this._msgEl.textContent = text; }

  // Asks how to import next to the bar; resolves to 'merge', 'replace' or null (cancel).
  _askMode(btn, bar) {
    return new Promise((done) => {
      const box = el(document, 'div', 'cm-ask');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', S.importBtn);
      const end = (mode) => { box.remove(); this._root.querySelector('.cm-import').focus(); done(mode); };
      box.append(el(document, 'p', '', S.importAsk(this._anns.length)),
        btn(S.merge, 'cm-merge', () => end('merge')), btn(S.replace, 'cm-replace', () => end('replace')),
        btn(S.cancel, 'cm-askno', () => end(null)));
      bar.after(box);
      box.querySelector('button').focus();
    });
  }

  _say(text) {
    this._live.textContent = '';
    setTimeout(() => { this._live.textContent = text; }, 30);
  }

  // W3C import: the exchange module validates and anchors (`mode` 'merge' or 'replace'),
  // the Session applies the result (`load`: 'step' = one undo step, 'restore' = fresh history).
  async _import(json, mode, load, noSave) {
    const x = await loadExchange();
    const s = this._s;
    const r = JSON.parse(x.importW3C(this._doc.text, s.snapshot(), json, mode, now(), this._doc.blocks.length));
    r.report.change = applyWire(s, r.ops, load);
    this._apply({ ...r.report.change, blocks: null }, noSave);
    return r.report;
  }

  _title() { return (this._doc.metadata && this._doc.metadata.title) || ''; }

  // Downloads get the article's title and today's date as their name.
  async _download(csv) {
    try {
      const name = `${ClaimAnnotator.fileName(this._title())}-${now().slice(0, 10)}.${csv ? 'csv' : 'jsonld'}`;
      this._saveFile(name, csv ? await this.exportCSV() : await this.exportJSON(), csv ? 'text/csv' : 'application/ld+json');
    } catch (e) { this._msg(e.message); }
  }

  // Offers `text` as a download named `name` (also used by teacher mode's saves).
  _saveFile(name, text, type) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  // ---- pointer and selection --------------------------------------------------------

  _checkSel(fromKeys) {
    const r = selectedRange(this._root);
    if (!r) return;
    const o = offsetsOf(this._ctx.ix, r);
    if (!o) return;
    const s = snap(this._doc.text, o.start, o.end);
    if (!s) return;
    const st = this._tb.state;
    if (st && st.mode === 'new' && st.start === s.start && st.end === s.end) return;
    const rect = (r instanceof Range ? r : rangeOf(this._ctx.ix, s.start, s.end)).getBoundingClientRect();
    this._tb.open({ mode: 'new', start: s.start, end: s.end }, rect, fromKeys);
  }

  _onClick(e) {
    if (e.target.closest('.cm-ui')) return;
    if (selectedRange(this._root)) return;
    const off = offsetAtPoint(this._ctx.ix, this._root, e.clientX, e.clientY);
    let hits = off < 0 ? [] : this._at(off);
    if (!hits.length && off > 0) hits = this._at(off - 1);
    const se = e.target.closest('.cm-s');
    if (se) this._setCur(this._sents.indexOf(se), false, false);
    if (hits.length === 1) this._openEdit(hits[0], false);
    else if (hits.length > 1) this._tb.open({ mode: 'pick', list: hits }, this._rectOf(hits[0]), false);
    else this._closeTb();
  }

  _at(off) { return this._anns.filter((a) => !a.orphan && a.start <= off && off < a.end); }

  _rectOf(a) {
    const r = rangeOf(this._ctx.ix, a.start, a.end);
    const rects = r ? r.getClientRects() : [];
    return rects.length ? rects[0] : null;
  }

  _openEdit(a, focus, focusNote) {
    if (!a) return;
    if (!a.orphan) this._scrollTo(a);
    this._tb.open({ mode: 'edit', ann: a }, this._rectOf(a), focusNote ? 'note' : focus);
  }

  _closeTb() {
    const had = this._tb.state;
    this._tb.close();
    if (had && this._cur >= 0 && this._wrap.contains(this._root.activeElement)) this._sents[this._cur].focus();
  }

  _tbTag(s, i, note) {
    const tag = this._tags[i].id;
    if (s.mode === 'edit') {
      this.updateAnnotation(s.ann.id, { tag, note });
      this._say(S.changed(this._tags[i].label));
    } else {
      const a = this.addAnnotation({ start: s.start, end: s.end, tag, note });
      this._say(S.added(this._tags[i].label, a.quote));
      const sel = document.getSelection();
      if (sel) sel.removeAllRanges();
    }
    this._closeTb();
  }

  _scrollTo(a) {
    const se = this._sents[Math.max(0, this._sentAt(a.start))];
    const blk = se && this._view.blockEls[+se.dataset.block];
    if (blk && blk.hidden) this._setShowOut(true);
    if (se) se.scrollIntoView({ block: 'center', behavior: 'instant' });
  }

  _go(id) {
    const a = this._byId.get(id);
    if (!a) return;
    this._scrollTo(a);
    this._painter.flash(id);
    const i = this._sentAt(a.start);
    if (i >= 0) this._setCur(i, false, true);
  }

  // ---- keyboard ---------------------------------------------------------------------

  _visible(i) { return !this._view.blockEls[+this._sents[i].dataset.block].hidden; }

  _step(from, dir) {
    for (let i = from + dir; i >= 0 && i < this._sents.length; i += dir) if (this._visible(i)) return i;
    return from;
  }

  _setCur(i, extend, focus) {
    if (i < 0 || i >= this._sents.length) return;
    if (this._cur >= 0) this._sents[this._cur].tabIndex = -1;
    this._cur = i;
    if (!extend || this._anchor < 0) this._anchor = i;
    const e = this._sents[i];
    e.tabIndex = 0;
    const [a, b] = this._span();
    for (const x of this._root.querySelectorAll('.cm-cur')) x.classList.remove('cm-cur');
    for (let k = a; k <= b; k++) this._sents[k].classList.add('cm-cur');
    if (focus) {
      e.focus({ preventScroll: true });
      e.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    }
  }

  _span() { return [Math.min(this._anchor, this._cur), Math.max(this._anchor, this._cur)]; }

  _range() {
    const [a, b] = this._span();
    return { start: +this._sents[a].dataset.start, end: +this._sents[b].dataset.end };
  }

  _announce() {
    const i = this._cur;
    const r = this._range();
    const tags = [...new Set(this._anns.filter((a) => !a.orphan && a.start < r.end && a.end > r.start).map((a) => this._label(a)))];
    let n = 0;
    let k = 0;
    for (let j = 0; j < this._sents.length; j++) if (this._visible(j)) { n++; if (j === i) k = n; }
    this._say(S.sentence(k, n, tags));
  }

  _onKey(e) {
    const act = keyAction(e, this._tags);
    if (!act) return;
    const t = e.composedPath()[0];
    const inInput = t.matches && t.matches('input, textarea');
    const inArt = this._view.root.contains(t);
    const st = this._tb.state;
    if (act === 'escape') {
      if (!this._helpEl.hidden) this._help(false);
      else if (st) this._closeTb();
      else if (this._cur >= 0) this._setCur(this._cur, false, true);
      else return;
      e.preventDefault();
      return;
    }
    if (inInput) return;
    if (act === 'undo' || act === 'redo') {
      e.preventDefault();
      if (!this[act]()) this._say(act === 'undo' ? S.nothing : '');
      else this._say(act === 'undo' ? S.undone : S.redone);
      return;
    }
    if (act === 'help') { e.preventDefault(); this._help(this._helpEl.hidden); return; }
    if (act.startsWith('tag:') && st && st.mode !== 'pick' && this._tb.el.contains(t)) {
      e.preventDefault();
      this._tbTag(st, +act.slice(4), this._tb.el.querySelector('.cm-note').value);
      return;
    }
    if (!inArt || t.closest('.cm-ui')) return;
    if (this._cur < 0) this._setCur(Math.max(0, this._step(-1, 1)), false, false);
    const cur = this._cur;
    e.preventDefault();
    switch (act) {
      case 'next': case 'prev': case 'extendNext': case 'extendPrev':
        this._setCur(this._step(cur, act.endsWith('ext') ? 1 : -1), act.startsWith('extend'), true);
        this._announce();
        return;
      case 'first': this._setCur(this._step(-1, 1), false, true); this._announce(); return;
      case 'last': this._setCur(this._step(this._sents.length, -1), false, true); this._announce(); return;
      case 'block': this._flipBlock(+this._sents[cur].dataset.block); return;
      default: break;
    }
    const r = this._range();
    const exact = this._anns.find((a) => !a.orphan && a.start === r.start && a.end === r.end);
    const over = this._anns.filter((a) => !a.orphan && a.start < r.end && a.end > r.start);
    const rect = this._sents[cur].getBoundingClientRect();
    if (act.startsWith('tag:')) {
      const i = +act.slice(4);
      const tag = this._tags[i].id;
      if (exact) {
        if (exact.tag !== tag) this.updateAnnotation(exact.id, { tag });
        this._say(S.changed(this._tags[i].label));
      } else {
        const a = this.addAnnotation({ ...r, tag });
        this._say(S.added(this._tags[i].label, a.quote));
      }
      this._setCur(cur, false, true);
    } else if (act === 'note') {
      const a = exact || over[over.length - 1];
      if (a) this._openEdit(a, true, true);
      else this._tb.open({ mode: 'new', ...r, block: +this._sents[cur].dataset.block }, rect, 'note');
    } else if (act === 'open') {
      if (over.length === 1) this._openEdit(over[0], true);
      else if (over.length > 1) this._tb.open({ mode: 'pick', list: over }, rect, true);
      else this._tb.open({ mode: 'new', ...r, block: +this._sents[cur].dataset.block }, rect, true);
    } else if (act === 'delete') {
      const a = exact || over[over.length - 1];
      if (a) { this.removeAnnotation(a.id); this._say(S.removed); }
    }
  }
}

if (!customElements.get('claim-annotator')) customElements.define('claim-annotator', ClaimAnnotator);

// <claim-annotator>: the claimmark widget. One script tag embeds it:
//   <script type="module" src=".../claimmark.js"></script>
//   <claim-annotator src="article.txt"></claim-annotator>
// The article text comes from (first found): the `text` property, the `src` attribute,
// an inline <script type="text/plain"> child, or `for="#selector"` (text of a host element).
import { segment } from './claim/wasm.js';
import { renderDocument } from './claim/render.js';

const CSS_URL = new URL('./claimmark.css', import.meta.url).href;

export class ClaimAnnotator extends HTMLElement {
  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    this._doc = null;
    this._text = null;
    this._started = false;
    this.ready = new Promise((resolve, reject) => {
      this._resolveReady = resolve;
      this._rejectReady = reject;
    });
    // A failed load is shown in the element; keep unhandled-rejection noise out of the console.
    this.ready.catch(() => {});
  }

  /** The segmented Document (offsets in UTF-16 code units), or null before `ready`. */
  get document() {
    return this._doc;
  }

  /** The article text; setting it (before or after connection) re-renders. */
  get text() {
    return this._doc ? this._doc.text : this._text;
  }

  set text(value) {
    this._text = String(value);
    if (this._started) this._load();
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    this._load();
  }

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
    this._root.replaceChildren(this._style(), Object.assign(document.createElement('p'), {
      className: 'cm-status', textContent: 'Loading article…',
    }));
    try {
      const text = await this._sourceText();
      const doc = await segment(text);
      this._doc = doc;
      this._render();
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready', { detail: { document: doc } }));
    } catch (err) {
      this._showError(err);
      this._rejectReady(err);
    }
  }

  _style() {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL;
    return link;
  }

  _render() {
    const view = renderDocument(document, this._doc);
    this._view = view;
    const bar = document.createElement('div');
    bar.className = 'cm-bar';
    if (view.leftOut > 0) {
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'cm-toggle';
      toggle.setAttribute('aria-pressed', 'false');
      const label = () => `${view.leftOut} blocks left out (${view.reasons.join(', ')})`;
      toggle.textContent = `Show ${label()}`;
      toggle.addEventListener('click', () => {
        const show = toggle.getAttribute('aria-pressed') !== 'true';
        toggle.setAttribute('aria-pressed', String(show));
        toggle.textContent = `${show ? 'Hide' : 'Show'} ${label()}`;
        for (const e of view.blockEls) if (e.classList.contains('cm-boilerplate')) e.hidden = !show;
      });
      bar.append(toggle);
    }
    this._root.replaceChildren(this._style(), bar, view.root);
  }

  _showError(err) {
    const box = document.createElement('div');
    box.className = 'cm-error';
    box.setAttribute('role', 'alert');
    box.textContent = `claimmark could not show this article: ${err && err.message ? err.message : err}`;
    this._root.replaceChildren(this._style(), box);
  }
}

if (!customElements.get('claim-annotator')) customElements.define('claim-annotator', ClaimAnnotator);

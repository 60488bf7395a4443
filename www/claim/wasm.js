// Loads the wasm core once per page and wraps its JSON API.
// Offsets from the core are UTF-16 code units (JavaScript string indices) into the
// text after line-ending normalisation (see normalizeNewlines).

let corePromise = null;
// Where pkg/ (wasm-bindgen's output) lives. The entry module sets it relative to itself,
// so the same code works unbundled (www/ + pkg/) and bundled (dist/claimmark.js + dist/pkg/).
let base = new URL('../pkg/', import.meta.url);

/** Sets the URL of the folder holding claimmark.js (glue) and claimmark_bg.wasm. */
export function setCoreBase(url) {
  base = new URL(url);
}

/** Loads and instantiates pkg/claimmark_bg.wasm once; resolves to the wasm-bindgen module. */
export function loadCore() {
  if (!corePromise) {
    corePromise = (async () => {
      const mod = await import(new URL('claimmark.js', base).href);
      await mod.default({ module_or_path: new URL('claimmark_bg.wasm', base) });
      return mod;
    })();
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
}

let exchangePromise = null;

/** Loads the exchange module (W3C and CSV export, import with re-anchoring) once, on
 *  first use: pages that only read and annotate never fetch it. */
export function loadExchange() {
  if (!exchangePromise) {
    exchangePromise = (async () => {
      const mod = await import(new URL('claimmark_exchange.js', base).href);
      await mod.default({ module_or_path: new URL('claimmark_exchange_bg.wasm', base) });
      return mod;
    })();
    exchangePromise.catch(() => { exchangePromise = null; });
  }
  return exchangePromise;
}

/** `\r\n` and lone `\r` become `\n`, exactly as the core does before segmenting. */
export function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, '\n');
}

/** Segments `text`; returns the Document (offsets in UTF-16 code units) with its text. */
export async function segment(text) {
  const core = await loadCore();
  const doc = JSON.parse(core.segment(text));
  doc.text = normalizeNewlines(text);
  return doc;
}

/** Opens an annotation Session on `text`: `{session, doc}` (doc has its normalised text). */
export async function openSession(text) {
  const core = await loadCore();
  const session = new core.Session(text);
  const doc = JSON.parse(session.document());
  doc.text = normalizeNewlines(text);
  return { session, doc };
}

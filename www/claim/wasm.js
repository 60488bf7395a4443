// Loads the wasm core once per page and wraps its JSON API.
// Offsets from the core are UTF-16 code units (JavaScript string indices) into the
// text after line-ending normalisation (see normalizeNewlines).

// Where pkg/ (wasm-bindgen's output) lives. The entry module sets it relative to itself,
// so the same code works unbundled (www/ + pkg/) and bundled (dist/claimmark.js + dist/pkg/).
let base = new URL('../pkg/', import.meta.url);

/** Sets the URL of the folder holding claimmark.js (glue) and claimmark_bg.wasm. */
export function setCoreBase(url) {
  base = new URL(url);
}

const loading = new Map();
const given = {};

/** Pre-supplies modules, for a page with no pkg/ to fetch (the single-file exercise, opened
 *  from file://): `{NAME: {js: URL of the glue (e.g. data:), wasm: the bytes}}`. */
export function provideModules(modules) {
  Object.assign(given, modules);
}

// Loads and instantiates pkg/NAME.js + pkg/NAME_bg.wasm once (a failed load is retried).
function loadModule(name) {
  if (!loading.has(name)) {
    const g = given[name];
    const p = (async () => {
      const mod = await import(g ? g.js : new URL(`${name}.js`, base).href);
      await mod.default({ module_or_path: g ? g.wasm : new URL(`${name}_bg.wasm`, base) });
      return mod;
    })();
    p.catch(() => loading.delete(name));
    loading.set(name, p);
  }
  return loading.get(name);
}

/** The reader module (segmentation and the annotation Session), loaded with the page. */
export const loadCore = () => loadModule('claimmark');

/** The exchange module (W3C and CSV export, import with re-anchoring), loaded on first
 *  use: pages that only read and annotate never fetch it. */
export const loadExchange = () => loadModule('claimmark_exchange');

/** The classroom module (teacher review, suggestions), loaded when a page needs it. */
export const loadClassroom = () => loadModule('claimmark_classroom');

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

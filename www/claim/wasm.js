// Loads the wasm core once per page and wraps its API (JSON strings, and the Document
// packed in a Uint32Array: see unpack).
// Offsets from the core are UTF-16 code units (JavaScript string indices) into the
// text after line-ending normalisation (see normalizeNewlines).

// Where pkg/ (wasm-bindgen's output) lives. The entry module sets it relative to itself,
// so the same code works unbundled (www/ + pkg/) and bundled (dist/claimmark.js + dist/pkg/).
let base = new URL('../pkg/', import.meta.url);

/** Sets the URL of the folder holding claimmark.js (glue) and claimmark_bg.wasm. */
export function setCoreBase(url) {
  base = new URL(url);
}

const WARM = 'Talks resume\nBy Kim Tong-hyung\nJuly 27, 2021\nSEOUL (AP) — The U.S. said “yes,” Mr. Nam told A.P. at 3 p.m. Jan. 5.\nCopyright 2021 The Associated Press.';
const loading = new Map();
// Modules already instantiated, by name: lets callers skip a task hop (see openSession).
const loaded = {};
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
      // The engine compiles wasm functions on their first call: segment a tiny article once
      // now, while the real one is still on its way, so its first rendering does not wait.
      if (name === 'claimmark') new mod.Session(WARM).free();
      return (loaded[name] = mod);
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

/** The classroom module (quotes, suggestions, teacher review), loaded when a page needs it. */
export const loadClassroom = () => loadModule('claimmark_classroom');

/** `\r\n` and lone `\r` become `\n`, exactly as the core does before segmenting. */
export function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, '\n');
}

const KINDS = 'headline byline timestamp caption credit subhead paragraph boilerplate'.split(' ');
const REASONS = [null, ...'related sponsored copyright navigation share advertising duplicate-title other'.split(' ')];

/** Rebuilds the reader's Document from the core's packed form (a Uint32Array; layout in
 *  src/web/packed.rs): the object JSON.parse gives for its JSON form, with `quotes: null`
 *  (the reader does not look for quotes; see findQuotes), plus `text` (the normalised text). */
export function unpack(a, text) {
  let i = 1;
  // A string: its length in UTF-8 bytes (0xffffffff: null), then the bytes, one per item.
  const str = () => {
    const n = a[i++];
    return n > a.length ? null : new TextDecoder().decode(Uint8Array.from(a.subarray(i, (i += n))));
  };
  const metadata = {};
  for (const k of 'title published updated byline dateline source'.split(' ')) metadata[k] = str();
  const blocks = [];
  for (let b = a[0]; b--;) {
    const c = a[i];
    const block = { kind: KINDS[c & 15], reason: REASONS[c >> 4], start: a[i + 1], end: a[i + 2], sentences: [] };
    for (let n = a[(i += 4) - 1]; n--; i += 2) block.sentences.push({ start: a[i], end: a[i + 1] });
    blocks.push(block);
  }
  return { units: 'utf16', metadata, blocks, quotes: null, text };
}

/** The quotations of `text` (already normalised), as the classroom module finds them:
 *  `[{kind, start, end, speaker: {name, start, end} | null}]`, UTF-16 offsets. */
export async function findQuotes(text) {
  const m = await loadClassroom().catch((e) => {
    throw new Error(`quotes need the classroom module (pkg/claimmark_classroom*), which could not be loaded: ${e.message}`);
  });
  return JSON.parse(m.quotes(text));
}

/** Opens an annotation Session on `text`: `{session, doc}` (doc has its normalised text). */
export async function openSession(text) {
  // Synchronously when the reader is loaded already: the article is segmented and rendered
  // in the same task, with no frame of the loading state in between.
  const core = loaded.claimmark || await loadCore();
  const session = new core.Session(text);
  return { session, doc: unpack(session.documentPacked(), normalizeNewlines(text)) };
}

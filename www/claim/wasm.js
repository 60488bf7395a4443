// Loads the wasm core once per page and wraps its JSON API.
// Offsets from the core are UTF-16 code units (JavaScript string indices) into the
// text after line-ending normalisation (see normalizeNewlines).

let corePromise = null;

/** Loads and instantiates pkg/claimmark_bg.wasm once; resolves to the wasm-bindgen module. */
export function loadCore() {
  if (!corePromise) {
    corePromise = (async () => {
      const mod = await import(new URL('../pkg/claimmark.js', import.meta.url).href);
      await mod.default({ module_or_path: new URL('../pkg/claimmark_bg.wasm', import.meta.url) });
      return mod;
    })();
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
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

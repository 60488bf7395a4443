// Segmentation benchmark page: wasm core vs Intl.Segmenter on the same text.
// Results are written to #out and to window.benchResult (read by the E2E test).
import { loadCore, loadClassroom, unpack, normalizeNewlines } from './claim/wasm.js';

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const mb = (s) => new TextEncoder().encode(s).length / 1e6;

function time(fn, runs) {
  const ts = [];
  let out;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    out = fn();
    ts.push(performance.now() - t);
  }
  return { ms: median(ts), out };
}

// What the widget does: text in (a Session segments it), the Document out packed, decoded
// into the object the widget uses.
function wasmRun(core, text) {
  const s = new core.Session(text);
  const doc = unpack(s.documentPacked(), normalizeNewlines(text));
  s.free();
  return doc;
}
function intlRun(seg, text) {
  let n = 0;
  for (const para of text.split('\n')) {
    if (!para.trim()) continue;
    for (const _ of seg.segment(para)) n += 1;
  }
  return n;
}

// Runs `fn` for at least `ms` milliseconds (and 3 times): V8 first runs wasm on its baseline
// compiler and optimises hot functions in the background, so throughput is timed warm.
function warm(fn, ms) {
  const t = performance.now();
  for (let i = 0; i < 3 || performance.now() - t < ms; i += 1) fn();
}

async function run() {
  const out = document.getElementById('out');
  out.textContent = 'running…';
  const core = await loadCore();
  const seed = await (await fetch('articles/ap-koreas-talks-2021.txt')).text();
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const rows = [];
  const result = {};
  const small = seed.repeat(Math.ceil(1e6 / seed.length));
  // The first run of each (baseline code; the wasm module's own load-time warm-up, a tiny
  // article, has compiled its functions), then the warm-up for timing.
  const coldWasm = time(() => wasmRun(core, small), 1).ms;
  const coldIntl = time(() => intlRun(seg, small), 1).ms;
  // Each engine is timed on both sizes right after its own warm-up, so that the garbage the
  // other one leaves is not collected during its runs.
  const texts = [1e6, 1e7].map((target) => seed.repeat(Math.ceil(target / seed.length)));
  const runsFor = (text) => (text.length > 5e6 ? 7 : 9);
  warm(() => wasmRun(core, small), 1500);
  const wasmTimes = texts.map((text) => time(() => wasmRun(core, text), runsFor(text)));
  warm(() => intlRun(seg, small), 1500);
  const intlTimes = texts.map((text) => time(() => intlRun(seg, text), runsFor(text)));
  for (const [k, text] of texts.entries()) {
    const target = k === 0 ? 1e6 : 1e7;
    const size = mb(text);
    const wasm = wasmTimes[k];
    const intl = intlTimes[k];
    const sentencesWasm = wasm.out.blocks.reduce((n, b) => n + b.sentences.length, 0);
    const key = `${Math.round(size)}MB`;
    result[key] = {
      mb: size,
      wasmMs: wasm.ms,
      wasmMBs: size / (wasm.ms / 1000),
      intlMs: intl.ms,
      intlMBs: size / (intl.ms / 1000),
      sentencesWasm,
      sentencesIntl: intl.out,
    };
    if (target === 1e6) Object.assign(result[key], { wasmColdMBs: size / (coldWasm / 1000), intlColdMBs: size / (coldIntl / 1000) });
    rows.push(`${size.toFixed(2)} MB: wasm ${result[key].wasmMBs.toFixed(1)} MB/s (${wasm.ms.toFixed(1)} ms, ${sentencesWasm} sentences)` +
      ` | Intl.Segmenter ${result[key].intlMBs.toFixed(1)} MB/s (${intl.ms.toFixed(1)} ms, ${intl.out} sentences)` +
      (target === 1e6 ? `\n  first run (cold but for the module's load-time warm-up): wasm ${result[key].wasmColdMBs.toFixed(1)} MB/s | Intl.Segmenter ${result[key].intlColdMBs.toFixed(1)} MB/s` : ''));
  }
  // For comparison: the quotes on demand (what findQuotes() runs: the classroom module segments
  // the whole Document, quotes included, and returns the quotes), and the whole Document with
  // quotes as JSON. The reader above segments the layout only.
  const cls = await loadClassroom();
  const runs = { quotes: (text) => JSON.parse(cls.quotes(text)), document: (text) => JSON.parse(cls.segment(text)).quotes };
  for (const [k, fn] of Object.entries(runs)) {
    warm(() => fn(small), 1500);
    const f = time(() => fn(small), 9);
    result['1MB'][`${k}MBs`] = result['1MB'].mb / (f.ms / 1000);
    result['1MB'].quotes = f.out.length;
    rows.push(`${result['1MB'].mb.toFixed(2)} MB, ${k === 'quotes' ? 'quotes on demand (classroom module)' : 'whole Document with quotes as JSON (classroom module)'}: ${result['1MB'][`${k}MBs`].toFixed(1)} MB/s (${f.ms.toFixed(1)} ms, ${f.out.length} quotes)`);
  }
  out.textContent = rows.join('\n');
  window.benchResult = result;
  console.info('claimmark bench: done'); // the E2E test waits for this, not polling the page
}

document.getElementById('run').addEventListener('click', run);
run().catch((e) => {
  document.getElementById('out').textContent = `benchmark failed: ${e.message}`;
  window.benchResult = { error: e.message };
  console.info('claimmark bench: done'); // the E2E test waits for this, not polling the page
});

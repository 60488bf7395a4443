// Opens the segmentation benchmark page and prints its figures (no timing assertions:
// speed goals are reported from benchmarks, not tested).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

const env = setup();

test('segmentation bench page runs wasm and Intl.Segmenter on the same text', async () => {
  const page = await env.browser.newPage();
  // Wait for the page's console message: polling it (waitForFunction) would evaluate
  // Playwright's helper script in the page while it is being timed.
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'claimmark bench: done', timeout: 120_000 });
  await page.goto(`${env.server.url}bench-segment.html`);
  await done;
  const r = await page.evaluate(() => window.benchResult);
  assert.equal(r.error, undefined);
  for (const [size, row] of Object.entries(r)) {
    const cold = row.wasmColdMBs ? ` (first, cold run: wasm ${row.wasmColdMBs.toFixed(1)} MB/s, Intl.Segmenter ${row.intlColdMBs.toFixed(1)} MB/s)` : '';
    console.log(`bench ${size}: wasm ${row.wasmMBs.toFixed(1)} MB/s, Intl.Segmenter ${row.intlMBs.toFixed(1)} MB/s${cold}`);
    assert.ok(row.sentencesWasm > 0 && row.sentencesIntl > 0);
  }
  console.log(`bench 1MB, classroom module: quotes on demand ${r['1MB'].quotesMBs.toFixed(1)} MB/s, whole Document as JSON ${r['1MB'].documentMBs.toFixed(1)} MB/s (${r['1MB'].quotes} quotes)`);
  assert.ok(r['1MB'].quotes > 0);
  // The 10 MB text is the 1 MB text's seed repeated 10x: the sentence count scales with it.
  const ratio = r['10MB'].sentencesWasm / r['1MB'].sentencesWasm;
  assert.ok(ratio > 9 && ratio < 11, `sentences scale with input (${ratio})`);
});

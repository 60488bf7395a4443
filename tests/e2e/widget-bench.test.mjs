// Opens www/bench.html and prints its numbers (no timing assertions: machines differ).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup } from './widget-helpers.mjs';

const env = setup();

test('bench page runs and prints its numbers', { timeout: 180_000 }, async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${env.server.url}bench.html`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 170_000 });
  const r = await page.evaluate(() => window.benchResults);
  assert.equal(r.error, undefined, r.error);
  const lines = await page.locator('#results').evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling.textContent}`));
  console.log(`bench (${new Date().toISOString()}):\n  ${lines.join('\n  ')}`);
  assert.equal(lines.length, 5);
  assert.deepEqual(errors, []);
  await page.close();
});

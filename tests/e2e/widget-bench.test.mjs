// Opens www/bench.html and prints its numbers (no timing assertions: machines differ).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup } from './widget-helpers.mjs';

const env = setup();

test('bench page runs and prints its numbers', { timeout: 180_000 }, async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  // Wait for the page's console message: polling it (waitForFunction) would evaluate
  // Playwright's helper script in the page while it is being timed.
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'claimmark bench: done', timeout: 170_000 });
  await page.goto(`${env.server.url}bench.html`);
  await done;
  const r = await page.evaluate(() => window.benchResults);
  assert.equal(r.error, undefined, r.error);
  const lines = await page.locator('#results').evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling.textContent}`));
  console.log(`bench (${new Date().toISOString()}):\n  ${lines.join('\n  ')}`);
  assert.equal(lines.length, 5);
  assert.deepEqual(errors, []);
  await page.close();
});

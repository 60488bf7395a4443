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

// The seed's first mount is cold (the widget's code, fonts and styles used for the first time),
// and one cold sample varies a lot on a loaded machine: take it in fresh pages, report the spread.
test('bench page: the seed article\'s cold first mount, in 9 fresh pages', { timeout: 180_000 }, async () => {
  const ms = [];
  for (let i = 0; i < 9; i++) {
    const page = await env.browser.newPage();
    const errors = collectErrors(page);
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'claimmark bench: done', timeout: 60_000 });
    await page.goto(`${env.server.url}bench.html?seed`);
    await done;
    const r = await page.evaluate(() => window.benchResults);
    assert.equal(r.error, undefined, r.error);
    assert.deepEqual(errors, []);
    ms.push(r['seed article: interactive (segment, render, restore)']);
    await page.close();
  }
  ms.sort((a, b) => a - b);
  console.log(`seed article: interactive, cold, 9 fresh pages: median ${ms[4]} ms (min ${ms[0]}, max ${ms[8]}; all: ${ms.join(', ')})`);
  assert.ok(ms.every((x) => x > 0));
});

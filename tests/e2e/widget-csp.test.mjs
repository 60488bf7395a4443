// The widget under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`:
// it loads, styles itself, paints and saves, with no CSP violation reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, screenshot } from './harness.mjs';
import { setup, sentence, drag, anns } from './widget-helpers.mjs';

const env = setup();

test('strict CSP page: loads, annotates by mouse, no CSP violations', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto(`${env.server.url}csp/test/csp.html`);
  assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  // The stylesheet applied (a style-src violation would leave the headline unstyled).
  const size = await page.locator('claim-annotator .cm-headline').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size > 25, `headline font-size ${size}`);
  const s = await sentence(page, 'Liaison officials');
  await drag(page, s.i, 0, 16);
  await page.locator('claim-annotator .cm-tb').getByRole('button', { name: /^Fact/ }).click();
  const list = await anns(page);
  assert.deepEqual(list.map((a) => a.quote), ['Liaison officials']);
  // The toolbar was positioned (element.style from JS is allowed) and the tag colours
  // (a constructed stylesheet) are in effect.
  const rules = await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.adoptedStyleSheets[0].cssRules.length);
  assert.ok(rules > 3);
  await page.locator('claim-annotator .cm-listbtn').click();
  await screenshot(page, 'widget-csp');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors.filter((e) => /Content Security Policy|CSP/i.test(e)), []);
  assert.deepEqual(errors, []);
  await page.close();
});

// axe-core (WCAG 2.1 A/AA rules; it checks inside shadow DOM) on the demo page in its main
// states, in light and dark colour schemes: 0 violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, screenshot } from './harness.mjs';
import { setup, openDemo, sentence, drag } from './widget-helpers.mjs';

const env = setup();
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe: 0 violations, ${scheme} (article, toolbar open, side list open, help open)`, async () => {
    const { ctx, page } = await openDemo(env);
    await page.emulateMedia({ colorScheme: scheme });
    const s = await sentence(page, 'Liaison officials');
    await page.evaluate(({ start, end }) => {
      const el = document.querySelector('claim-annotator');
      el.addAnnotation({ start, end, tag: 'fact', note: 'a note' });
      el.addAnnotation({ start: start + 8, end: end + 40, tag: 'analysis' });
      el.addAnnotation({ start: start - 200, end: start - 150, tag: 'quote' });
    }, s);
    assert.deepEqual(await axe(page), [], 'article shown');
    await page.locator('claim-annotator .cm-toggle').click();
    assert.deepEqual(await axe(page), [], 'boilerplate shown');
    const s2 = await sentence(page, 'While the renewed');
    await drag(page, s2.i, 0, 20);
    await page.locator('claim-annotator .cm-tb').waitFor();
    assert.deepEqual(await axe(page), [], 'toolbar open');
    await page.keyboard.press('Escape');
    await page.locator('claim-annotator .cm-listbtn').click();
    await page.locator('claim-annotator .cm-side').waitFor();
    assert.deepEqual(await axe(page), [], 'side list open');
    await screenshot(page, `widget-a11y-${scheme}`);
    await page.locator('claim-annotator .cm-helpbtn').click();
    assert.deepEqual(await axe(page), [], 'help open');
    await page.keyboard.press('Escape');
    // Visible focus from the keyboard: the help's Close button and a sentence draw an outline.
    await page.locator('claim-annotator .cm-s').nth(3).focus();
    await page.keyboard.press('?');
    const outline = await page.locator('claim-annotator .cm-help .cm-close').evaluate((e) => `${e.matches(':focus-visible')} ${getComputedStyle(e).outlineStyle}`);
    assert.equal(outline, 'true solid');
    await page.keyboard.press('Escape');
    await page.locator('claim-annotator .cm-s').nth(3).focus();
    await page.keyboard.press('j');
    const so = await page.evaluate(() => getComputedStyle(document.querySelector('claim-annotator').shadowRoot.activeElement).outlineStyle);
    assert.notEqual(so, 'none');
    await ctx.close();
  });
}

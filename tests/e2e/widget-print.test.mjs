// Printing: a legend of the tags, the notes as numbered footnotes, no controls, and
// everything added for the print removed afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup, openDemo, sentence } from './widget-helpers.mjs';

const env = setup();

test('print: legend, notes as numbered footnotes after their sentences, no controls', async () => {
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const a = await sentence(page, 'Liaison officials');
  const b = await sentence(page, 'SEOUL, South Korea');
  await page.evaluate(([a, b]) => {
    const el = document.querySelector('claim-annotator');
    el.addAnnotation({ start: a.start, end: a.end, tag: 'quote', note: 'second in text <b>x</b>' });
    el.addAnnotation({ start: b.start, end: b.start + 5, tag: 'fact', note: 'first in text' });
    el.addAnnotation({ start: b.start + 6, end: b.start + 11, tag: 'analysis' });
  }, [a, b]);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const seen = await page.evaluate(() => {
    const root = document.querySelector('claim-annotator').shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => getComputedStyle(e).display !== 'none').length;
    return {
      print: shown('.cm-print'),
      bar: shown('.cm-bar'),
      out: shown('.cm-out'),
      legend: [...root.querySelectorAll('.cm-legend li')].map((l) => l.textContent),
      notes: [...root.querySelectorAll('.cm-fnlist li')].map((l) => l.textContent),
      marks: [...root.querySelectorAll('sup.cm-fn')].map((m) => [m.textContent, m.previousElementSibling.textContent.slice(0, 16)]),
      html: root.querySelector('.cm-fnlist').innerHTML.includes('<b>'),
    };
  });
  assert.equal(seen.print, 1);
  assert.equal(seen.bar, 0);
  assert.equal(seen.out, 0);
  assert.deepEqual(seen.legend, ['Fact', 'Analysis', 'Quote']);
  assert.deepEqual(seen.notes, ['Fact: “SEOUL” — first in text', `Quote: “${a.text}” — second in text <b>x</b>`]);
  assert.deepEqual(seen.marks, [['1', 'SEOUL, South Kore'.slice(0, 16)], ['2', 'Liaison official']]);
  assert.equal(seen.html, false, 'notes are text, not HTML');
  const pdf = await page.pdf({ printBackground: true });
  assert.ok(pdf.length > 10_000);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  const left = await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.querySelectorAll('.cm-print, sup.cm-fn').length);
  assert.equal(left, 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

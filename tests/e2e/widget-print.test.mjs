// Printing: a legend of the tags, the notes as numbered footnotes, no controls, and
// everything added for the print removed afterwards; in an exercise, the student's title,
// instructions and name but none of the exercise controls, and no teacher panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup, openDemo, sentence } from './widget-helpers.mjs';

const env = setup();

// The print rules are in the widget's stylesheet (a <link> in its shadow root): wait until it
// has loaded before printing (ready does not wait for it).
const styled = (page) => page.waitForFunction(() => {
  const link = document.querySelector('claim-annotator').shadowRoot.querySelector('link[rel="stylesheet"]');
  return !!(link && link.sheet);
});

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
  await styled(page);
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

// What prints of the widget: the visible controls (none wanted) and the exercise panel's text.
const printed = (page) => page.evaluate(() => {
  const root = document.querySelector('claim-annotator').shadowRoot;
  const shown = (e) => e.checkVisibility();
  const ex = root.querySelector('.cm-ex');
  return {
    controls: [...root.querySelectorAll('button, input, textarea, select, form')].filter(shown)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    panel: ex && shown(ex) ? ex.innerText.trim().replace(/\n+/g, '\n') : null,
    articleOpacity: getComputedStyle(root.querySelector('.cm-article')).opacity,
  };
});

test('print in an exercise: the student panel keeps title, instructions and name, no controls; no teacher panel', async () => {
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const host = page.locator('claim-annotator');
  await page.evaluate(() => {
    const el = document.querySelector('claim-annotator');
    el.exercise = { type: 'claimmark-exercise', version: 1, title: 'Print me', instructions: 'Tag every claim.',
      article: el.text, suggestions: true };
  });
  // The name form (article inert) prints as nothing but the article, at full strength.
  await host.locator('form.cm-name').waitFor();
  await styled(page);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await printed(page), { controls: [], panel: null, articleOpacity: '1' });
  await page.emulateMedia({ media: 'screen' });
  await host.locator('form.cm-name').getByLabel('Your name').fill('Ada Lovelace');
  await host.locator('form.cm-name').getByRole('button', { name: 'Start' }).click();
  // The name's own work loads (a reload): wait for the panel that says whose it is.
  await host.locator('.cm-ex p.cm-row', { hasText: 'Working as Ada Lovelace.' }).waitFor();
  await styled(page);
  // A tagged sentence with its reveal button in the compare list.
  const s = await sentence(page, 'Liaison officials');
  await page.evaluate(([a, b]) => document.querySelector('claim-annotator').addAnnotation({ start: a, end: b, tag: 'fact', note: 'mine' }), [s.start, s.end]);
  await host.locator('.cm-cmp li .cm-reveal').waitFor();
  const screen = await printed(page);
  assert.ok(screen.controls.includes('button.cm-rename') && screen.controls.includes('button.cm-reveal'), screen.controls.join());
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const paper = await printed(page);
  assert.deepEqual(paper.controls, []);
  assert.equal(paper.panel, 'Exercise: Print me\nTag every claim.\nWorking as Ada Lovelace.');
  assert.equal(await host.locator('.cm-fnlist li').innerText(), `Fact: “${s.text}” — mine`);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));

  // Teacher mode: the panel (fields and buttons) is left out of the print.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.querySelector('claim-annotator').setAttribute('mode', 'teacher'));
  await host.locator('.cm-ex.cm-teach .cm-savejson').waitFor();
  await styled(page);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await printed(page), { controls: [], panel: null, articleOpacity: '1' });
  const pdf = await page.pdf({ printBackground: true });
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(errors, []);
  await ctx.close();
});

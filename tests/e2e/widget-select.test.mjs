// Mouse and touch selection: drag, snap to words, tag from the toolbar, notes, overlap, side list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, screenshot } from './harness.mjs';
import { setup, openDemo, sentence, drag, anns, recordEvents, events, charPoint } from './widget-helpers.mjs';

const env = setup();
const tb = 'claim-annotator .cm-tb';

for (const painter of ['highlight-api', 'marks']) {
  test(`drag-select snaps to words, tags with a note, and paints it (${painter})`, async () => {
    // The <mark> fallback is what browsers without the Highlight API get: remove the API.
    const init = painter === 'marks' ? () => { delete window.Highlight; } : undefined;
    const { ctx, page } = await openDemo(env, { init });
    const errors = collectErrors(page);
    assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').painterMode), painter);
    await recordEvents(page);
    const s = await sentence(page, 'Liaison officials');
    await drag(page, s.i, 2, 11); // "ai" of Liaison … "i" of officials
    await page.locator(tb).waitFor({ state: 'visible' });
    await page.locator(`${tb} input.cm-note`).fill('who are they?');
    await page.locator(tb).getByRole('button', { name: /^Analysis/ }).click();
    await page.locator(tb).waitFor({ state: 'hidden' });
    const list = await anns(page);
    assert.equal(list.length, 1);
    assert.equal(list[0].quote, 'Liaison officials');
    assert.equal(list[0].start, s.start);
    assert.equal(list[0].tag, 'analysis');
    assert.equal(list[0].note, 'who are they?');
    assert.match(list[0].id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(list[0].created)));
    assert.deepEqual((await events(page)).map((e) => e.type), ['annotation-add']);
    // Painted: as a named highlight or as <mark> fragments holding exactly the quote.
    const painted = await page.evaluate(() => {
      const root = document.querySelector('claim-annotator').shadowRoot;
      if (window.Highlight) {
        return [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => r.toString());
      }
      return [...root.querySelectorAll('mark.cm-m')].map((m) => m.textContent).join('');
    });
    if (painter === 'marks') assert.equal(painted, 'Liaison officials');
    else assert.deepEqual(painted, ['Liaison officials']);
    // The sentence element tells screen readers about the tag.
    const desc = await page.locator('claim-annotator .cm-s', { hasText: 'Liaison officials' }).getAttribute('aria-description');
    assert.equal(desc, 'tagged Analysis');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test(`overlapping highlights: click picks one, edit note and delete from the highlight (${painter})`, async () => {
    const init = painter === 'marks' ? () => { delete window.Highlight; } : undefined;
    const { ctx, page } = await openDemo(env, { init });
    const s = await sentence(page, 'Liaison officials');
    const ids = await page.evaluate(({ start }) => {
      const el = document.querySelector('claim-annotator');
      const a = el.addAnnotation({ start, end: start + 30, tag: 'fact' });
      const b = el.addAnnotation({ start: start + 8, end: start + 60, tag: 'quote', note: 'b' });
      return [a.id, b.id];
    }, s);
    if (painter === 'marks') {
      const ov = await page.locator('claim-annotator mark.cm-ov').allTextContents();
      assert.equal(ov.join(''), s.text.slice(8, 30), 'the overlap is its own, distinct fragment');
    } else {
      const ov = await page.evaluate(() => [...CSS.highlights.entries()].filter(([k]) => k.endsWith('ov')).map(([, h]) => [...h].map(String)));
      assert.deepEqual(ov, [[s.text.slice(8, 30)]]);
    }
    // Click inside the overlap: a picker lists both.
    const p = await charPoint(page, s.i, 12);
    await page.mouse.click(p.x, p.y);
    const pick = page.locator(`${tb} .cm-pickbtn`);
    assert.equal(await pick.count(), 2);
    await pick.nth(1).click();
    // Now the editor for the second one (quote): change the note, then the tag.
    await page.locator(`${tb} input.cm-note`).fill('edited');
    await page.locator(tb).getByRole('button', { name: 'Save note' }).click();
    let list = await anns(page);
    assert.equal(list.find((a) => a.id === ids[1]).note, 'edited');
    // Click where only the first one is: the editor opens directly; Delete removes it.
    const q = await charPoint(page, s.i, 3);
    await page.mouse.click(q.x, q.y);
    await page.locator(tb).getByRole('button', { name: 'Delete' }).click();
    list = await anns(page);
    assert.deepEqual(list.map((a) => a.id), [ids[1]]);
    await ctx.close();
  });
}

test('side list: document order, counts, filter, click flashes, edit and delete', async () => {
  const { ctx, page } = await openDemo(env);
  const s1 = await sentence(page, 'Liaison officials');
  const s2 = await sentence(page, 'SEOUL, South Korea');
  await page.evaluate(([a, b]) => {
    const el = document.querySelector('claim-annotator');
    el.addAnnotation({ start: a.start, end: a.end, tag: 'quote', note: 'second in text' });
    el.addAnnotation({ start: b.start, end: b.start + 5, tag: 'fact', note: 'first in text' });
    el.addAnnotation({ start: b.start + 7, end: b.start + 12, tag: 'fact' });
  }, [s1, s2]);
  await page.locator('claim-annotator .cm-listbtn').click();
  const side = page.locator('claim-annotator .cm-side');
  await side.waitFor();
  assert.equal(await page.locator('claim-annotator .cm-listbtn').textContent(), 'Annotations (3)');
  const items = side.locator('ol.cm-list > li');
  assert.equal(await items.count(), 3);
  assert.equal(await items.nth(0).locator('.cm-q').textContent(), 'SEOUL');
  assert.equal(await items.nth(0).locator('.cm-inote').textContent(), 'first in text');
  assert.equal(await items.nth(2).locator('.cm-sw').textContent(), 'Quote');
  const filters = await side.locator('.cm-filter').allTextContents();
  assert.deepEqual(filters, ['All (3)', 'Fact (2)', 'Analysis (0)', 'Quote (1)']);
  await side.getByRole('button', { name: 'Quote (1)' }).click();
  assert.equal(await items.count(), 1);
  assert.equal(await side.getByRole('button', { name: 'Quote (1)' }).getAttribute('aria-pressed'), 'true');
  // Clicking the item scrolls to and flashes its highlight.
  await items.nth(0).locator('.cm-go').click();
  const flash = await page.evaluate(() => [...CSS.highlights.entries()].filter(([k]) => k.endsWith('fl')).map(([, h]) => [...h].map(String)));
  assert.deepEqual(flash, [[s1.text]]);
  await screenshot(page, 'widget-side-list');
  // Edit from the list.
  await items.nth(0).getByRole('button', { name: 'Edit' }).click();
  await page.locator(`${tb}`).getByRole('button', { name: /^Analysis/ }).click();
  assert.equal((await anns(page)).find((a) => a.start === s1.start).tag, 'analysis');
  await side.getByRole('button', { name: /^All/ }).click();
  await items.nth(0).getByRole('button', { name: 'Delete' }).click();
  assert.deepEqual((await anns(page)).map((a) => a.quote), ['South', s1.text]);
  assert.equal(await items.count(), 2);
  await ctx.close();
});

test('touch: a long-press selection opens the same toolbar and tags the span', async () => {
  const ctx = await env.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 400, height: 800 } });
  const { page } = await openDemo(env, { context: ctx });
  const s = await sentence(page, 'Liaison officials');
  await page.locator('claim-annotator .cm-s', { hasText: 'Liaison officials' }).scrollIntoViewIfNeeded();
  const p = await charPoint(page, s.i, 3);
  // A long press: touchstart, hold, touchend; the platform's word selection is what a long-press
  // produces, so the selection is made as Chromium's long-press would (select the word under the finger).
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: p.x, y: p.y }] });
  await page.waitForTimeout(700);
  await page.evaluate(([n]) => {
    const root = document.querySelector('claim-annotator').shadowRoot;
    const t = root.querySelectorAll('.cm-s')[n].firstChild;
    const sel = document.getSelection();
    sel.setBaseAndExtent(t, 2, t, 12); // part-words, like a dragged selection handle
  }, [s.i]);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.locator(tb).waitFor({ state: 'visible' });
  await page.locator(tb).getByRole('button', { name: /^Quote/ }).tap();
  const list = await anns(page);
  assert.equal(list.length, 1);
  assert.equal(list[0].quote, 'Liaison officials');
  assert.equal(list[0].tag, 'quote');
  await ctx.close();
});

// Mouse and touch selection: drag, snap to words, tag from the toolbar, notes, overlap, side list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, screenshot } from './harness.mjs';
import { setup, openDemo, sentence, drag, anns, recordEvents, events, clickChar, settledPoint } from './widget-helpers.mjs';

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
    await clickChar(page, s.i, 12);
    const pick = page.locator(`${tb} .cm-pickbtn`);
    await pick.first().waitFor();
    assert.equal(await pick.count(), 2);
    await pick.nth(1).click();
    // Now the editor for the second one (quote): change the note, then the tag.
    await page.locator(`${tb} input.cm-note`).fill('edited');
    await page.locator(tb).getByRole('button', { name: 'Save note' }).click();
    let list = await anns(page);
    assert.equal(list.find((a) => a.id === ids[1]).note, 'edited');
    // Click where only the first one is: the editor opens directly; Delete removes it.
    await clickChar(page, s.i, 3);
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

// Touch, with real emulated touch input (CDP Input.dispatchTouchEvent): the widget's own long-press.
async function touchPage() {
  const ctx = await env.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 400, height: 800 } });
  const { page } = await openDemo(env, { context: ctx });
  const s = await sentence(page, 'Liaison officials');
  await page.locator('claim-annotator .cm-s', { hasText: 'Liaison officials' }).scrollIntoViewIfNeeded();
  const cdp = await ctx.newCDPSession(page);
  // One finger: down at `from`, held `hold` ms, moved through `to` (in 4 steps each), held
  // `after` ms, lifted.
  const touch = async (from, hold, to = [], after = 0) => {
    let p = from;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [p] });
    await page.waitForTimeout(hold);
    for (const q of to) {
      for (let k = 1; k <= 4; k++) {
        const pt = { x: p.x + ((q.x - p.x) * k) / 4, y: p.y + ((q.y - p.y) * k) / 4 };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [pt] });
      }
      p = q;
    }
    await page.waitForTimeout(after);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  const selected = () => page.evaluate(() => String(document.getSelection()));
  // A character's point once the page has stopped moving (it may still scroll or lay out).
  return { ctx, page, s, cdp, touch, selected, at: (ch) => settledPoint(page, s.i, ch) };
}

test('touch: long-press selects the word, dragging extends it by words, lifting opens the toolbar', async () => {
  const { ctx, page, touch, selected, at } = await touchPage();
  const errors = collectErrors(page);
  // Held still: the word under the finger ("Liaison", pressed on its 4th letter).
  await touch(await at(3), 700);
  await page.locator(tb).waitFor({ state: 'visible' });
  assert.equal(await selected(), 'Liaison');
  await page.locator(tb).getByRole('button', { name: 'Cancel' }).tap();
  await page.locator(tb).waitFor({ state: 'hidden' });
  // Held, then dragged into the next word: both whole words.
  await touch(await at(3), 700, [await at(11)]);
  await page.locator(tb).waitFor({ state: 'visible' });
  assert.equal(await selected(), 'Liaison officials');
  await page.locator(tb).getByRole('button', { name: /^Quote/ }).tap();
  const list = await anns(page);
  assert.equal(list.length, 1);
  assert.equal(list[0].quote, 'Liaison officials');
  assert.equal(list[0].tag, 'quote');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('touch: a quick tap, a scroll or a press after destroy() does not select', async () => {
  const { ctx, page, touch, selected, at } = await touchPage();
  const p = await at(3);
  await touch(p, 100);
  // A swipe (the page scrolls), the finger then resting past the long-press time.
  const y0 = await page.evaluate(() => scrollY);
  await touch(p, 50, [{ x: p.x, y: p.y - 120 }], 800);
  assert.ok(await page.evaluate(() => scrollY) > y0 + 50, 'the swipe scrolled the page');
  // A sideways drag started before the long-press time.
  await touch(await at(3), 150, [await at(11)], 800);
  await page.waitForTimeout(400);
  assert.equal(await selected(), '');
  assert.equal(await page.locator(tb).isVisible(), false);
  assert.deepEqual(await anns(page), []);
  // Nor does a long-press once the widget is destroyed (nor one that is under way).
  const errors = collectErrors(page);
  const q = await at(3);
  const press = touch(q, 700);
  await page.evaluate(() => document.querySelector('claim-annotator').destroy());
  await press;
  await touch(q, 700);
  assert.equal(await selected(), '');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('touch: a selection the browser makes itself during the press is the one used', async () => {
  const { ctx, page, s, cdp, selected, at } = await touchPage();
  const p = await at(3);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [p] });
  // What a browser with its own long-press selection does (handles dragged into part-words),
  // well before the widget's own 500 ms hold.
  await page.evaluate(([n]) => {
    const t = document.querySelector('claim-annotator').shadowRoot.querySelectorAll('.cm-s')[n].firstChild;
    document.getSelection().setBaseAndExtent(t, 2, t, 12);
  }, [s.i]);
  await page.waitForTimeout(500);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.locator(tb).waitFor({ state: 'visible' });
  assert.equal(await selected(), 'aison offi', 'left as the browser made it');
  await page.locator(tb).getByRole('button', { name: /^Fact/ }).tap();
  assert.deepEqual((await anns(page)).map((a) => [a.quote, a.tag]), [['Liaison officials', 'fact']]);
  await ctx.close();
});

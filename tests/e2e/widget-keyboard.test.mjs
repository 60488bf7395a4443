// Keyboard only: sentence mode, tagging with one key, extend, notes, delete, undo/redo, help, Esc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup, openDemo, anns, recordEvents, events } from './widget-helpers.mjs';

const env = setup();
const focused = (page) => page.evaluate(() => {
  const a = document.querySelector('claim-annotator').shadowRoot.activeElement;
  return a ? { cls: a.className, text: a.textContent } : null;
});

test('keyboard only: Tab into the article, move, tag, extend, note, delete, undo, redo', async () => {
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  await recordEvents(page);
  // Tab from the top of the page until a sentence has focus.
  let f = null;
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
    if (f && /\bcm-s\b/.test(f.cls)) break;
  }
  assert.equal(f.text, 'Koreas talk again in dormant channels, agree to improve ties');
  // j / ArrowDown move on; boilerplate hidden by default is skipped later on.
  await page.keyboard.press('j');
  assert.match((await focused(page)).text, /^Jul 26, 2021/);
  // ArrowDown through the captions and credit to the first body sentence; each press moves on.
  let prev = await page.evaluate(() => +document.querySelector('claim-annotator').shadowRoot.activeElement.dataset.start);
  for (let i = 0; i < 15 && !/^SEOUL/.test(f.text); i++) {
    await page.keyboard.press('ArrowDown');
    f = await focused(page);
    const at = await page.evaluate(() => +document.querySelector('claim-annotator').shadowRoot.activeElement.dataset.start);
    assert.ok(at > prev, 'ArrowDown moves to a later sentence');
    prev = at;
  }
  assert.match(f.text, /^SEOUL, South Korea \(AP\)/);
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  // One key press tags the sentence.
  await page.keyboard.press('1');
  let list = await anns(page);
  assert.equal(list.length, 1);
  assert.equal(list[0].tag, 'fact');
  assert.equal(list[0].quote, f.text);
  // The same key letter of another tag on the same sentence changes the tag.
  await page.keyboard.press('q');
  list = await anns(page);
  assert.equal(list.length, 1);
  assert.equal(list[0].tag, 'quote');
  // Move on and extend over two sentences with Shift+↓, tag as analysis with "a".
  await page.keyboard.press('j');
  const first = (await focused(page)).text;
  await page.keyboard.press('Shift+ArrowDown');
  const second = (await focused(page)).text;
  await page.keyboard.press('a');
  list = await anns(page);
  assert.equal(list.length, 2);
  assert.equal(list[1].tag, 'analysis');
  assert.ok(list[1].quote.startsWith(first) && list[1].quote.endsWith(second), list[1].quote);
  // n opens the note field for the highlight under the cursor; Enter saves it.
  await page.keyboard.press('n');
  const note = page.locator('claim-annotator .cm-tb input.cm-note');
  await note.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.activeElement.className), 'cm-note');
  await page.keyboard.type('two sentences');
  await page.keyboard.press('Enter');
  list = await anns(page);
  assert.equal(list[1].note, 'two sentences');
  assert.match((await focused(page)).cls, /cm-s/, 'focus returns to the sentence');
  // Delete removes it; Ctrl+Z brings it back; Ctrl+Shift+Z removes it again.
  await page.keyboard.press('Delete');
  assert.equal((await anns(page)).length, 1);
  await page.keyboard.press('Control+z');
  list = await anns(page);
  assert.equal(list.length, 2);
  assert.equal(list[1].note, 'two sentences');
  await page.keyboard.press('Control+Shift+z');
  assert.equal((await anns(page)).length, 1);
  // Undo all the way: the delete, the note, the second add, the tag change, the first add.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  list = await anns(page);
  assert.deepEqual(list.map((a) => [a.tag, a.note]), [['quote', ''], ['analysis', '']]);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await anns(page)).map((a) => a.tag), ['quote']);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await anns(page)).map((a) => a.tag), ['fact']);
  await page.keyboard.press('Control+z');
  assert.equal((await anns(page)).length, 0);
  const types = (await events(page)).map((e) => e.type);
  assert.deepEqual(types, ['annotation-add', 'annotation-change', 'annotation-add', 'annotation-change',
    'annotation-remove', 'annotation-add', 'annotation-remove', 'annotation-add', 'annotation-change',
    'annotation-remove', 'annotation-change', 'annotation-remove']);
  // The live region speaks.
  await page.waitForFunction(() => document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-live[role=status]').textContent === 'Undone');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('help panel (?) lists the shortcuts; Esc closes it and cancels the toolbar', async () => {
  const { ctx, page } = await openDemo(env);
  await page.locator('claim-annotator .cm-s').first().focus();
  await page.keyboard.press('?');
  const help = page.locator('claim-annotator .cm-help');
  await help.waitFor();
  const text = await help.textContent();
  assert.match(text, /Ctrl \+ Z/);
  assert.match(text, /1 or f, 2 or a, 3 or q/);
  await page.keyboard.press('Escape');
  assert.equal(await help.isHidden(), true);
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.activeElement.className), 'cm-helpbtn');
  // Enter on a sentence opens the toolbar; Esc cancels it without adding anything.
  await page.locator('claim-annotator .cm-s').nth(5).focus();
  await page.keyboard.press('Enter');
  await page.locator('claim-annotator .cm-tb').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('claim-annotator .cm-tb').isHidden(), true);
  assert.equal((await anns(page)).length, 0);
  // From the toolbar, a tag key tags the pending sentence.
  await page.keyboard.press('Enter');
  await page.keyboard.press('2');
  const list = await anns(page);
  assert.equal(list.length, 1);
  assert.equal(list[0].tag, 'analysis');
  await ctx.close();
});

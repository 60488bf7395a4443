// Boilerplate: hidden behind a visible toggle that shows each block's reason; a reader moves
// blocks in and out of the article (undoable, saved with the annotations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openDemo } from './widget-helpers.mjs';

const env = setup();

test('the left-out toggle shows boilerplate with reasons; blocks move in and out, with undo', async () => {
  const { ctx, page } = await openDemo(env);
  // The reader's block choices, as the export carries them: [[block, inArticle]…].
  const choices = async () => JSON.parse(await page.evaluate(() => document.querySelector('claim-annotator').exportJSON()))['claimmark:blocks']
    .map((b) => [b.block, b.inArticle]);
  const toggle = page.locator('claim-annotator .cm-toggle');
  const label = await toggle.textContent();
  const n = await page.evaluate(() => document.querySelector('claim-annotator').document.blocks.filter((b) => b.kind === 'boilerplate').length);
  assert.ok(n > 0);
  assert.match(label, new RegExp(`^Show ${n} blocks left out \\(.*related story.*\\)$`));
  const out = page.locator('claim-annotator .cm-block.cm-out');
  assert.equal(await out.count(), n);
  assert.equal(await out.first().isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.match(await toggle.textContent(), /^Hide /);
  const copyright = page.locator('claim-annotator .cm-block.cm-out', { hasText: 'Copyright' }).first();
  assert.equal(await copyright.isVisible(), true);
  assert.equal(await copyright.locator('.cm-why').textContent(), 'copyright ');
  // Move it into the article.
  const idx = +(await copyright.getAttribute('data-block'));
  await copyright.getByRole('button', { name: 'Move into article' }).click();
  assert.deepEqual(await choices(), [[idx, true]]);
  const moved = page.locator(`claim-annotator .cm-block[data-block="${idx}"]`);
  assert.equal(await moved.evaluate((e) => e.classList.contains('cm-out')), false);
  assert.match(await toggle.textContent(), new RegExp(`${n - 1} blocks left out`));
  // Hide the rest again: the moved block stays visible as article text.
  await toggle.click();
  assert.equal(await moved.isVisible(), true);
  // A body paragraph can be left out with the keyboard (x on one of its sentences).
  const para = page.locator('claim-annotator .cm-paragraph').nth(1);
  const pIdx = +(await para.getAttribute('data-block'));
  await para.locator('.cm-s').first().focus();
  await page.keyboard.press('x');
  assert.equal(await para.isVisible(), false);
  assert.match(await toggle.textContent(), new RegExp(`${n} blocks left out \\(.*left out by you`));
  assert.deepEqual(await choices(), [[idx, true], [pIdx, false]].sort((a, b) => a[0] - b[0]));
  // Undo both moves.
  await page.locator('claim-annotator .cm-undo').click();
  assert.equal(await para.isVisible(), true);
  await page.locator('claim-annotator .cm-undo').click();
  assert.equal(await moved.evaluate((e) => e.classList.contains('cm-out')), true);
  assert.equal(await moved.isVisible(), false);
  await ctx.close();
});

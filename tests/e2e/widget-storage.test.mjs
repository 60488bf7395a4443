// Autosave: reload restores annotations and block choices, two tabs stay in sync,
// a storage failure is shown and nothing is lost; export/import round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup, openDemo, anns, sentence, recordEvents, events } from './widget-helpers.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const env = setup();
const el = 'document.querySelector("claim-annotator")';

test('reload restores annotations and block choices from localStorage (keyed by content hash)', async () => {
  const { ctx, page } = await openDemo(env);
  const s = await sentence(page, 'Liaison officials');
  const made = await page.evaluate(({ start, end }) => {
    const el = document.querySelector('claim-annotator');
    const a = el.addAnnotation({ start, end, tag: 'quote', note: 'Ünïcode note 😀' });
    const copyright = el.document.blocks.findIndex((b) => b.reason === 'copyright');
    el.setBlock(copyright, true);
    return { a, copyright };
  }, s);
  await page.waitForFunction(() => localStorage.length > 0); // the autosave is deferred (~300 ms)
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.equal(keys.length, 1);
  assert.match(keys[0], /^claimmark:v1:[0-9a-f]{16,64}$/);
  await page.reload();
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  const list = await anns(page);
  assert.equal(list.length, 1);
  assert.deepEqual({ ...list[0] }, { ...made.a, extra: list[0].extra, creator: list[0].creator });
  // The block moved into the article stays in, visible without the toggle, with its label.
  const block = page.locator(`claim-annotator [data-block="${made.copyright}"].cm-block`);
  assert.equal(await block.isVisible(), true);
  assert.match(await block.locator('.cm-why').textContent(), /moved into the article by you/);
  await ctx.close();
});

// The autosave key is the SHA-256 of the normalised article text, whether the browser's
// crypto.subtle computes it or (where there is none, e.g. plain-http pages) the exchange module.
test('the autosave key is the SHA-256 of the text, with and without crypto.subtle', async () => {
  const seed = readFileSync(new URL('../../www/articles/ap-koreas-talks-2021.txt', import.meta.url), 'utf8');
  const want = `claimmark:v1:${createHash('sha256').update(seed.replace(/\r\n?/g, '\n')).digest('hex')}`;
  for (const init of [undefined, () => { Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }); }]) {
    const { ctx, page } = await openDemo(env, { init });
    const s = await sentence(page, 'Liaison officials');
    await page.evaluate(({ start, end }) => document.querySelector('claim-annotator').addAnnotation({ start, end, tag: 'fact' }), s);
    await page.waitForFunction(() => localStorage.length > 0);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [want]);
    await ctx.close();
  }
});

// Autosaves are the store's wire JSON (byte offsets, no re-anchoring needed); versions before
// it saved W3C JSON-LD, which must still restore (through the exchange module), with the orphan.
test('an autosave in the older W3C format still restores, orphans included', async () => {
  const { ctx, page } = await openDemo(env);
  const s = await sentence(page, 'Liaison officials');
  const legacy = await page.evaluate(async ({ start, end }) => {
    const el = document.querySelector('claim-annotator');
    el.addAnnotation({ start, end, tag: 'fact', note: 'old format' });
    const coll = JSON.parse(await el.exportJSON());
    // A second item whose quote is not in the text: it must come back as an orphan.
    const gone = JSON.parse(JSON.stringify(coll.first.items[0]));
    gone.id = 'urn:uuid:00000000-0000-4000-8000-000000000001';
    gone.target.selector = [{ type: 'TextQuoteSelector', exact: 'words no longer in the article' }];
    coll.first.items.push(gone);
    return JSON.stringify(coll);
  }, s);
  await page.waitForFunction(() => localStorage.length > 0);
  const saved = await page.evaluate(() => Object.entries(localStorage)[0]);
  assert.match(saved[1], /^\{"units":"byte","ops":\[\["add",/);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [saved[0], legacy]);
  await page.reload();
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  const list = await anns(page);
  assert.deepEqual(list.map((a) => [a.quote, a.note, a.orphan]),
    [[s.text, 'old format', false], ['words no longer in the article', 'old format', true]]);
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-undo').disabled), true);
  await ctx.close();
});

// Restoring an autosave must not be an undo step, or Undo right after a reload would
// wipe the restored work.
test('after a reload there is nothing to undo (restore starts a fresh history)', async () => {
  const { ctx, page } = await openDemo(env);
  await page.evaluate(() => document.querySelector('claim-annotator').addAnnotation({ start: 0, end: 6, tag: 'fact' }));
  await page.reload();
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  try {
    assert.equal(await page.locator('claim-annotator .cm-undo').isDisabled(), true);
  } finally {
    await ctx.close();
  }
});

test('two tabs on the same article stay in sync (storage event)', async () => {
  const { ctx, page: a } = await openDemo(env);
  const b = await ctx.newPage();
  await b.goto(env.server.url);
  await b.evaluate(() => document.querySelector('claim-annotator').ready);
  await recordEvents(b);
  const s = await sentence(a, 'Liaison officials');
  const id = await a.evaluate(({ start }) => document.querySelector('claim-annotator').addAnnotation({ start, end: start + 7, tag: 'fact' }).id, s);
  await b.waitForFunction((id) => document.querySelector('claim-annotator').annotations.some((x) => x.id === id), id);
  assert.deepEqual((await events(b)).map((e) => [e.type, e.id]), [['annotation-add', id]]);
  // And back: B changes the tag, A sees it.
  await b.evaluate((id) => document.querySelector('claim-annotator').updateAnnotation(id, { tag: 'analysis' }), id);
  await a.waitForFunction((id) => document.querySelector('claim-annotator').annotations.find((x) => x.id === id)?.tag === 'analysis', id);
  await a.evaluate((id) => document.querySelector('claim-annotator').removeAnnotation(id), id);
  await b.waitForFunction(() => document.querySelector('claim-annotator').annotations.length === 0);
  await ctx.close();
});

test('storage failure: a clear message, annotations kept, export still works', async () => {
  const { ctx, page } = await openDemo(env, {
    init: () => {
      Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
    },
  });
  const errors = collectErrors(page);
  const s = await sentence(page, 'Liaison officials');
  await page.evaluate(({ start, end }) => document.querySelector('claim-annotator').addAnnotation({ start, end, tag: 'fact', note: 'kept' }), s);
  const alert = page.locator('claim-annotator .cm-msg[role=alert]');
  await page.waitForFunction(() => document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-msg').textContent); // deferred autosave
  assert.match(await alert.textContent(), /could not be saved.*Export/);
  assert.equal(await alert.isVisible(), true);
  assert.equal((await anns(page)).length, 1);
  const exported = await page.evaluate(() => document.querySelector('claim-annotator').exportJSON());
  assert.match(exported, /kept/);
  // Export is a download of the same JSON.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('claim-annotator .cm-export').click()]);
  // Named after the article's title and the date.
  assert.match(dl.suggestedFilename(), /^koreas-talk-again-in-dormant-channels-.*-\d{4}-\d\d-\d\d\.jsonld$/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('export then import into a fresh page (merge) brings the annotations back', async () => {
  const { ctx, page } = await openDemo(env);
  const s = await sentence(page, 'Liaison officials');
  const json = await page.evaluate(({ start, end }) => {
    const el = document.querySelector('claim-annotator');
    el.addAnnotation({ start, end, tag: 'analysis', note: 'n1' });
    el.addAnnotation({ start, end: start + 7, tag: 'fact' });
    return el.exportJSON();
  }, s);
  const doc = JSON.parse(json);
  assert.equal(doc.type, 'AnnotationCollection');
  const ctx2 = await env.browser.newContext();
  const p2 = await ctx2.newPage();
  await p2.goto(env.server.url);
  await p2.evaluate(() => document.querySelector('claim-annotator').ready);
  const r = await p2.evaluate((j) => document.querySelector('claim-annotator').importJSON(j, 'merge'), json);
  assert.equal(r.imported, 2);
  const list = await anns(p2);
  assert.deepEqual(list.map((a) => [a.quote, a.tag, a.note]).sort(),
    [['Liaison', 'fact', ''], [s.text, 'analysis', 'n1']].sort());
  // Invalid input throws and changes nothing.
  const err = await p2.evaluate(async () => { try { await document.querySelector('claim-annotator').importJSON('{"nope":1}'); return null; } catch (e) { return e.message; } });
  assert.ok(err && err.length > 0);
  assert.equal((await anns(p2)).length, 2);
  await ctx.close();
  await ctx2.close();
});

// The Import button: with annotations present the reader chooses merge or replace (or
// cancels); either is one undo step; a bad file changes nothing and says why.
test('import from the button: the reader chooses merge or replace, undo takes it back', async () => {
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const a = await sentence(page, 'Liaison officials');
  const b = await sentence(page, 'SEOUL, South Korea');
  const json = await page.evaluate(async ({ start, end }) => {
    const el = document.querySelector('claim-annotator');
    el.addAnnotation({ start, end, tag: 'fact', note: 'from the file' });
    const j = await el.exportJSON();
    el.clear();
    return j;
  }, a);
  await page.evaluate(({ start, end }) => document.querySelector('claim-annotator').addAnnotation({ start, end, tag: 'quote' }), b);
  const file = { name: 'work.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(json) };
  const input = page.locator('claim-annotator .cm-file');
  const quotes = async () => (await anns(page)).map((x) => x.quote.slice(0, 7)).sort();

  await input.setInputFiles(file);
  await page.locator('claim-annotator .cm-ask').waitFor();
  assert.match(await page.locator('claim-annotator .cm-ask p').textContent(), /You have 1 annotation\./);
  await page.locator('claim-annotator .cm-askno').click();
  assert.equal(await page.locator('claim-annotator .cm-ask').count(), 0);
  assert.deepEqual(await quotes(), ['SEOUL, ']);

  await input.setInputFiles(file);
  await page.locator('claim-annotator .cm-replace').click();
  await page.waitForFunction(() => document.querySelector('claim-annotator').annotations[0]?.note === 'from the file');
  assert.deepEqual(await quotes(), ['Liaison']);
  await page.locator('claim-annotator .cm-undo').click();
  assert.deepEqual(await quotes(), ['SEOUL, ']);

  await input.setInputFiles(file);
  await page.locator('claim-annotator .cm-merge').click();
  await page.waitForFunction(() => document.querySelector('claim-annotator').annotations.length === 2);
  assert.deepEqual(await quotes(), ['Liaison', 'SEOUL, ']);

  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"Annotation"') });
  await page.locator('claim-annotator .cm-merge').click();
  await page.waitForFunction(() => document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-msg').textContent);
  assert.match(await page.locator('claim-annotator .cm-msg').textContent(), /^Import failed: not valid JSON/);
  assert.deepEqual(await quotes(), ['Liaison', 'SEOUL, ']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

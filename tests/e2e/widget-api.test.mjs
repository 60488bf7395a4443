// The element's JS API: addAnnotation/removeAnnotation/clear, events, UTF-16 offsets,
// a configurable tag set, and destroy() removing everything the widget added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup } from './widget-helpers.mjs';

const env = setup();

test('API: UTF-16 offsets, events with the annotation, errors thrown, clear and undo', async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(env.server.url);
  const r = await page.evaluate(async () => {
    const el = document.createElement('claim-annotator');
    el.text = 'Emoji 😀 headline\n\nKim said “yes 😀 indeed.” The talks resume.';
    document.body.append(el);
    await el.ready;
    const ev = [];
    for (const t of ['annotation-add', 'annotation-change', 'annotation-remove']) el.addEventListener(t, (e) => ev.push([t, e.detail.id, e.detail.tag]));
    const text = el.document.text;
    const start = text.indexOf('yes');
    const a = el.addAnnotation({ start, end: start + 'yes 😀'.length, tag: 'quote', note: 'n' });
    el.updateAnnotation(a.id, { tag: 'fact' });
    let err = null;
    try { el.addAnnotation({ start: 5, end: 5, tag: 'fact' }); } catch (e) { err = e.message; }
    const before = el.annotations.length;
    el.clear();
    const afterClear = el.annotations.length;
    el.undo();
    const removed = el.removeAnnotation(a.id);
    return { a, ev, err, before, afterClear, after: el.annotations.length, removed, missing: el.removeAnnotation('nope') };
  });
  assert.equal(r.a.quote, 'yes 😀');
  assert.equal(r.a.end - r.a.start, 6, 'UTF-16 code units: the emoji counts 2');
  assert.deepEqual(r.ev.map((e) => e[0]), ['annotation-add', 'annotation-change', 'annotation-remove', 'annotation-add', 'annotation-remove']);
  assert.equal(r.ev[1][2], 'fact');
  assert.ok(r.err && /empty|reversed/.test(r.err), r.err);
  assert.deepEqual([r.before, r.afterClear, r.after, r.removed, r.missing], [1, 0, 0, true, false]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('ready means styled: the stylesheet has loaded by then, and a reload keeps its <link> (no unstyled flash)', async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(env.server.url);
  const r = await page.evaluate(async () => {
    const el = document.createElement('claim-annotator');
    el.text = 'Headline\n\nThe talks resume. Kim said so.';
    document.body.append(el);
    await el.ready;
    const link = () => el.shadowRoot.querySelector('link[rel="stylesheet"]');
    const first = link();
    // :host { display: block } comes from claimmark.css; an inline element is unstyled.
    const styled = () => !!link().sheet && getComputedStyle(el).display === 'block';
    const atReady = styled();
    // A reload (new text): the stylesheet never leaves the shadow root, so nothing reloads it.
    let kept = true;
    const seen = new MutationObserver((ms) => {
      if (ms.some((m) => [...m.removedNodes].includes(first))) kept = false;
    });
    seen.observe(el.shadowRoot, { childList: true });
    el.text = 'Other headline\n\nNew talks. They resume.';
    await new Promise((done) => el.addEventListener('ready', done, { once: true }));
    seen.disconnect();
    return { atReady, kept, same: link() === first, links: el.shadowRoot.querySelectorAll('link').length, after: styled() };
  });
  assert.deepEqual(r, { atReady: true, kept: true, same: true, links: 1, after: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('findQuotes(): quotes and speakers in UTF-16, from the classroom module fetched only then', async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await page.goto(env.server.url);
  const before = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    await el.ready;
    return el.document.quotes;
  });
  assert.equal(before, null, 'the reader does not look for quotes');
  assert.deepEqual(wasm, ['claimmark_bg.wasm'], 'the page loads the reader only');
  const r = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    const qs = await el.findQuotes();
    const t = el.document.text;
    return {
      same: qs === el.document.quotes && qs === await el.findQuotes(),
      quotes: qs.map((q) => ({ kind: q.kind, text: t.slice(q.start, q.end), speaker: q.speaker && q.speaker.name, said: q.speaker && t.slice(q.speaker.start, q.speaker.end) })),
    };
  });
  assert.deepEqual(wasm, ['claimmark_bg.wasm', 'claimmark_classroom_bg.wasm']);
  assert.ok(r.same, 'kept in document.quotes, found once');
  const nam = r.quotes.filter((q) => q.speaker === 'Nam');
  assert.equal(nam.length, 2);
  assert.ok(nam.every((q) => q.kind === 'direct' && q.said === 'Nam' && q.text.startsWith('“North Korea')));
  assert.ok(r.quotes.some((q) => q.kind === 'partial' && q.text === '“worst-ever”' && q.speaker === 'Kim'));
  for (const q of r.quotes) assert.match(q.text, /^[“‘]/, 'a span starts at its opening mark');
  assert.deepEqual(errors, []);
  await page.close();
});

test('tag set from the tags attribute: labels, keys and colours are used', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  await page.evaluate(async () => {
    const el = document.createElement('claim-annotator');
    el.id = 'custom';
    el.setAttribute('tags', JSON.stringify([
      { id: 'claim', label: 'Claim', color: '#7b1fa2', keys: ['c'] },
      { id: 'opinion', label: 'Opinion', color: '#00695c', keys: ['o'], line: 'wavy' },
    ]));
    el.text = 'Headline\n\nFirst sentence here. Second sentence there.';
    document.body.replaceChildren(el);
    await el.ready;
  });
  const s = page.locator('#custom .cm-s', { hasText: 'Second' });
  await s.focus();
  await page.keyboard.press('o');
  const list = await page.evaluate(() => document.querySelector('#custom').annotations);
  assert.deepEqual(list.map((a) => [a.quote, a.tag]), [['Second sentence there.', 'opinion']]);
  const css = await page.evaluate(() => [...document.querySelector('#custom').shadowRoot.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n'));
  assert.match(css, /wavy/);
  assert.match(css, /rgb\(0, 105, 92\)|#00695c/);
  await page.keyboard.press('?');
  assert.match(await page.locator('#custom .cm-help').textContent(), /c, o/);
  await page.close();
});

test('destroy() removes the DOM, highlights and listeners it added', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const r = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    await el.ready;
    el.addAnnotation({ start: 0, end: 6, tag: 'fact' });
    const had = CSS.highlights.size;
    let events = 0;
    el.addEventListener('annotation-add', () => events++);
    el.destroy();
    // A storage event from another tab must not touch a destroyed widget.
    window.dispatchEvent(new StorageEvent('storage', { key: Object.keys(localStorage)[0], newValue: localStorage.getItem(Object.keys(localStorage)[0]) }));
    document.dispatchEvent(new Event('selectionchange'));
    await new Promise((r) => setTimeout(r, 400));
    return { had, size: CSS.highlights.size, children: el.shadowRoot.childNodes.length, sheets: el.shadowRoot.adoptedStyleSheets.length, events };
  });
  assert.ok(r.had > 0);
  assert.deepEqual([r.size, r.children, r.sheets, r.events], [0, 0, 0, 0]);
  await page.close();
});

// The demo page in a real browser: the seed article is segmented and rendered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, screenshot, collectErrors } from './harness.mjs';

const env = setup();

test('demo page shows the seed article headline as a heading', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(env.server.url);
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  const heading = page.getByRole('heading', { level: 1 });
  assert.equal(
    (await heading.textContent()).trim(),
    'Koreas talk again in dormant channels, agree to improve ties',
  );
  // The body is rendered as paragraphs of sentences.
  const sentences = await page.locator('claim-annotator .cm-paragraph .cm-s').count();
  assert.ok(sentences > 20, `expected the body's sentences, got ${sentences}`);
  // Highlights for the screenshot: one of each tag, two of them overlapping, and the side list.
  const painted = await page.evaluate(() => {
    const el = document.querySelector('claim-annotator');
    const t = el.document.text;
    const at = (s) => t.indexOf(s);
    const a = at('Liaison officials');
    el.addAnnotation({ start: a, end: t.indexOf('.', a) + 1, tag: 'fact', note: 'Sourced to Seoul officials' });
    const b = at('The rivals use the channels');
    el.addAnnotation({ start: b, end: t.indexOf('.', b) + 1, tag: 'analysis' });
    const c = at('North and South Korea have exchanged');
    el.addAnnotation({ start: c, end: c + 60, tag: 'quote' });
    el.addAnnotation({ start: c + 22, end: c + 90, tag: 'analysis', note: 'overlaps the quote' });
    return [...CSS.highlights.keys()].length;
  });
  assert.ok(painted >= 3, 'highlights registered');
  await page.locator('claim-annotator .cm-listbtn').click();
  await page.locator('claim-annotator .cm-s').filter({ hasText: /^SEOUL, South Korea/ }).scrollIntoViewIfNeeded();
  await screenshot(page, 'demo-seed');
  assert.deepEqual(errors, []);
});

test('element exposes the Document with UTF-16 offsets into its text', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const result = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    await el.ready;
    const doc = el.document;
    const h = doc.blocks.find((b) => b.kind === 'headline');
    return { units: doc.units, headline: doc.text.slice(h.start, h.end), title: doc.metadata.title };
  });
  assert.equal(result.units, 'utf16');
  assert.equal(result.headline, 'Koreas talk again in dormant channels, agree to improve ties');
});

test('a load failure is shown as a readable message, not a blank box', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const msg = await page.evaluate(async () => {
    const el = document.createElement('claim-annotator');
    el.setAttribute('src', 'articles/does-not-exist.txt');
    document.body.append(el);
    try { await el.ready; return 'resolved'; } catch (e) { return e.message; }
  });
  assert.match(msg, /HTTP 404/);
  const shown = await page.locator('claim-annotator[src="articles/does-not-exist.txt"] [role=alert]').textContent();
  assert.match(shown, /could not show this article/);
});

test('inline text, the text property and for="#id" all load', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const titles = await page.evaluate(async () => {
    const host = document.createElement('div');
    host.id = 'src-article';
    host.textContent = 'Host page headline here';
    document.body.append(host);
    const a = document.createElement('claim-annotator');
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.textContent = 'Inline headline\n\nThe body sentence one. The body sentence two.';
    a.append(s);
    const b = document.createElement('claim-annotator');
    b.text = 'Property headline 😀\n\nBody.';
    const c = document.createElement('claim-annotator');
    c.setAttribute('for', '#src-article');
    document.body.append(a, b, c);
    const docs = await Promise.all([a.ready, b.ready, c.ready]);
    return docs.map((el) => {
      const first = el.document.blocks[0];
      return el.document.text.slice(first.start, first.end);
    });
  });
  assert.deepEqual(titles, ['Inline headline', 'Property headline 😀', 'Host page headline here']);
});

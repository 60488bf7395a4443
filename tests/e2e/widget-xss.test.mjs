// Article text is only ever text: markup in it is shown, never run, in the view, toolbar and list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './widget-helpers.mjs';

const env = setup();
const EVIL = 'Headline <script>alert(1)</script> here\n\nThe <img src=x onerror="alert(2)"> tag and <b onmouseover=alert(3)>bold</b> text. Second sentence <svg onload=alert(4)>.';

test('markup in the article shows as text and runs nothing', async () => {
  const page = await env.browser.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.url);
  await page.evaluate(async (text) => {
    window.__ran = false;
    const el = document.createElement('claim-annotator');
    el.id = 'evil';
    el.text = text;
    document.body.replaceChildren(el);
    await el.ready;
    const t = el.document.text;
    el.addAnnotation({ start: t.indexOf('<img'), end: t.indexOf('tag'), tag: 'quote', note: '<img src=y onerror=alert(5)>' });
  }, EVIL);
  await page.locator('#evil .cm-listbtn').click();
  // Open the editor on the highlight too (quote and note rendered in the toolbar).
  await page.locator('#evil .cm-side .cm-edit').click();
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const root = document.querySelector('#evil').shadowRoot;
    return {
      h1: root.querySelector('h1').textContent,
      para: root.querySelector('.cm-paragraph').textContent,
      elements: root.querySelectorAll('script, img, svg, b').length,
      listQuote: root.querySelector('.cm-side .cm-q').textContent,
      listNote: root.querySelector('.cm-side .cm-inote').textContent,
      tbNote: root.querySelector('.cm-tb input.cm-note').value,
    };
  });
  assert.equal(r.h1, 'Headline <script>alert(1)</script> here');
  assert.ok(r.para.includes('<img src=x onerror="alert(2)">'));
  assert.equal(r.elements, 0, 'no element was created from the text');
  assert.equal(r.listQuote, '<img src=x onerror="alert(2)"> ');
  assert.equal(r.listNote, '<img src=y onerror=alert(5)>');
  assert.equal(r.tbNote, '<img src=y onerror=alert(5)>');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests.filter((u) => /\/(x|y)$/.test(u)), [], 'no image was fetched');
  await page.close();
});

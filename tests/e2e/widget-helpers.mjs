// Helpers shared by the widget tests (see harness.mjs for the server and browser).
export { setup } from './harness.mjs';

/** Opens the demo page (or `path`) in a fresh context and waits for the widget. */
export async function openDemo(env, { path = '', context, viewport = { width: 1100, height: 900 }, init } = {}) {
  const ctx = context || await env.browser.newContext({ viewport });
  const page = await ctx.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(env.server.url + path);
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  return { ctx, page };
}

/** Viewport point of character `ch` inside the sentence `n` (0-based, .cm-s order); side 'l' or 'r'. */
export async function charPoint(page, n, ch, side = 'l') {
  return page.evaluate(([n, ch, side]) => {
    const root = document.querySelector('claim-annotator').shadowRoot;
    const s = root.querySelectorAll('.cm-s')[n];
    const w = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
    let left = ch;
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      if (left < t.data.length) {
        const r = new Range();
        r.setStart(t, left);
        r.setEnd(t, left + 1);
        const b = r.getBoundingClientRect();
        return { x: side === 'l' ? b.left + 1 : b.right - 1, y: b.top + b.height / 2 };
      }
      left -= t.data.length;
    }
    throw new Error('no such character');
  }, [n, ch, side]);
}

/** Index (in .cm-s order) and text of the first sentence containing `needle`. */
export async function sentence(page, needle) {
  return page.evaluate((needle) => {
    const all = [...document.querySelector('claim-annotator').shadowRoot.querySelectorAll('.cm-s')];
    const i = all.findIndex((s) => s.textContent.includes(needle));
    return { i, text: all[i].textContent, start: +all[i].dataset.start, end: +all[i].dataset.end };
  }, needle);
}

/** The element's annotations. */
export const anns = (page) => page.evaluate(() => document.querySelector('claim-annotator').annotations);

/** Records the widget's annotation events into window.__events. */
export async function recordEvents(page) {
  await page.evaluate(() => {
    window.__events = [];
    const el = document.querySelector('claim-annotator');
    for (const t of ['annotation-add', 'annotation-change', 'annotation-remove']) {
      el.addEventListener(t, (e) => window.__events.push({ type: t, id: e.detail.id, tag: e.detail.tag, note: e.detail.note }));
    }
  });
}
export const events = (page) => page.evaluate(() => window.__events);

/** Waits until sentence `n` is laid out where it will stay: the point of its character `ch`
 *  is the same over two animation frames and hits the sentence. Returns that point. */
export async function settledPoint(page, n, ch, side = 'l') {
  for (let tries = 0; ; tries++) {
    const p = await charPoint(page, n, ch, side);
    const ok = await page.evaluate(([n, x, y]) => new Promise((done) => {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const root = document.querySelector('claim-annotator').shadowRoot;
        const hit = root.elementFromPoint(x, y);
        done(!!hit && hit.closest('.cm-s') === root.querySelectorAll('.cm-s')[n]);
      }));
    }), [n, p.x, p.y]);
    const again = await charPoint(page, n, ch, side);
    if (ok && again.x === p.x && again.y === p.y) return p;
    if (tries > 20) throw new Error(`sentence ${n} does not settle`);
  }
}

/** Clicks character `ch` of sentence `n` once its place on screen has settled. */
export async function clickChar(page, n, ch) {
  const p = await settledPoint(page, n, ch, 'l');
  await page.mouse.click(p.x, p.y);
}

/** Drags the mouse from character a to character b of sentence n. */
export async function drag(page, n, a, b) {
  // Both ends measured on the same layout: if the page moved while the second was settling,
  // measure again (else the press lands where the first end used to be).
  let p;
  let q;
  for (let tries = 0; ; tries++) {
    p = await settledPoint(page, n, a, 'l');
    q = await settledPoint(page, n, b, 'r');
    const again = await charPoint(page, n, a, 'l');
    if ((again.x === p.x && again.y === p.y) || tries > 20) break;
  }
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2, { steps: 4 });
  await page.mouse.move(q.x, q.y, { steps: 4 });
  await page.mouse.up();
}

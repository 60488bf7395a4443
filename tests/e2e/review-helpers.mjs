// Helpers shared by the review page's end-to-end tests (review*.test.mjs): exports made in the
// page with the reader and exchange modules, the classroom module's own report to compare with,
// synthetic drops, and the page's tables read back as text.
export const SEED = 'articles/ap-koreas-talks-2021.txt';
export const TAGS = ['fact', 'analysis', 'quote'];

/** Opens the review page of `env`'s server in `lang` (?lang=…; the default leaves the URL
 *  without it) and waits until it shows the article's line in that language. */
export async function openReview(env, page, lang = 'en', query = `?lang=${lang}`) {
  await page.goto(`${env.server.url}review.html${query}`);
  await page.waitForFunction((lang) => document.documentElement.lang === lang &&
    /^Article\u00a0?: /.test(document.getElementById('article-status').textContent), lang);
}

/** W3C exports made in the page: `specs` = [{name, creator?, spans: [[sentence, tag, part?]], note?, id?}]
 *  (part < 1: only the first share of the sentence; `id` numbers the annotation ids, default
 *  the spec's index); returns [{name, json}]. */
export function makeExports(page, specs, article = SEED) {
  return page.evaluate(async ({ specs, article }) => {
    const { loadCore, loadExchange, unpack } = await import(new URL('claim/wasm.js', document.baseURI).href);
    const { pack } = await import(new URL('claim/wire.js', document.baseURI).href);
    const [core, ex] = await Promise.all([loadCore(), loadExchange()]);
    const text = article.endsWith('.txt') ? await (await fetch(article)).text() : article;
    const probe = new core.Session(text);
    const doc = unpack(probe.documentPacked(), text);
    probe.free();
    const sents = doc.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'subhead').flatMap((b) => b.sentences);
    return specs.map((sp, k) => {
      const s = new core.Session(text);
      sp.spans.forEach(([i, tag, part = 1], j) => {
        const x = sents[i % sents.length];
        const end = part < 1 ? x.start + Math.floor((x.end - x.start) * part) : x.end;
        s.add(x.start, end, pack([`urn:uuid:00000000-0000-4000-8000-${String(sp.id ?? k).padStart(4, '0')}${String(j).padStart(8, '0')}`,
          tag, sp.note || '', '2026-01-01T00:00:00Z']));
      });
      const json = ex.exportW3C(text, s.snapshot(), JSON.stringify({ title: 'test', creator: sp.creator }));
      s.free();
      return { name: sp.name, json };
    });
  }, { specs, article });
}

/** Body sentences of the article (as the classroom module counts them). */
export const bodyCount = (page, article = SEED) => page.evaluate(async (article) => {
  const { loadClassroom } = await import(new URL('claim/wasm.js', document.baseURI).href);
  const c = await loadClassroom();
  const rv = new c.Review(article.endsWith('.txt') ? await (await fetch(article)).text() : article);
  const n = JSON.parse(rv.report()).sentences;
  rv.free();
  return n;
}, article);

/** The classroom module's own report and CSVs for these files, and the error of each failing one. */
export const reference = (page, key, students, article = SEED) => page.evaluate(async ({ key, students, article }) => {
  const { loadClassroom } = await import(new URL('claim/wasm.js', document.baseURI).href);
  const c = await loadClassroom();
  const text = article.endsWith('.txt') ? await (await fetch(article)).text() : article;
  const rv = new c.Review(text);
  const errors = {};
  if (key) rv.setKey(key.name, key.json);
  for (const s of students) {
    try { rv.addStudent(s.name, s.json); } catch (e) { errors[s.name] = e.message; }
  }
  const out = { report: JSON.parse(rv.report()), errors, csv: {} };
  for (const t of ['students', 'sentences', 'pairs']) out.csv[t] = rv.csv(t);
  rv.free();
  return out;
}, { key, students, article });

/** Resolves with the detail of the page's next `review-scored` event after `action`. */
export async function scored(page, action) {
  await page.evaluate(() => {
    window.__scored = new Promise((r) => document.addEventListener('review-scored', (e) => r(e.detail), { once: true }));
  });
  await action();
  return page.evaluate(() => window.__scored);
}

/** Drops `files` ([{name, json}]) on the drop zone with a synthetic DataTransfer. */
export const drop = (page, files) => page.evaluate((files) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(new File([f.json], f.name, { type: 'application/json' }));
  const zone = document.getElementById('drop');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }
}, files);

export const asBuffer = (f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.json) });

/** How the page names a student: "creator (file)" or the file. */
export const who = (s) => (s.creator ? `${s.creator} (${s.name})` : s.name);

/** The label of the chosen option of the "Answer key" menu. */
export const keyChoice = (page) => page.locator('#key option:checked').textContent();

/** The texts of the "Check these files" list (without its buttons). */
export const warnings = (page) => page.evaluate(() => [...document.querySelectorAll('#warnings-list > li')]
  .map((li) => li.firstChild.textContent));

/** The table `id` as text: [[cell…]…] of the body rows (th and td). */
export const rows = (page, id) => page.evaluate((id) => [...document.querySelectorAll(`#${id} tbody tr`)]
  .map((tr) => [...tr.children].map((c) => (c.querySelector('summary') || c).textContent.trim())), id);

export const pct = (v) => `${(100 * v).toFixed(1)}%`;


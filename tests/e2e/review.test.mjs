// The teacher review page (review.html): a key and student exports made in the browser with
// the reader and exchange modules, loaded through the key picker, the file input and a
// synthetic drop; what the page shows must equal the classroom module's own report; failed
// files (broken, or made for another article) are listed and the others still count; files
// with the same name are kept apart and duplicates flagged; the key is only what the teacher
// chooses (or an exercise file, which brings its article); markup in files is inert; axe finds
// nothing; CSV downloads; and the 200 students × 100 annotations benchmark (printed, not asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, setup, screenshot, collectErrors } from './harness.mjs';
import {
  TAGS, openReview as open, makeExports, bodyCount, reference, scored, drop, asBuffer, who, keyChoice, warnings, rows, pct,
} from './review-helpers.mjs';

const env = setup();
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const EVIL_NAME = '<img src=x onerror="window.__ran=1">.json';
const openReview = (page) => open(env, page);

async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
}

/** A class: the key tags 4 of every 5 sentences; students agree with it more or less. */
function classSpecs(n) {
  const key = [];
  for (let i = 0; i < n; i++) if (i % 5 !== 4) key.push([i, TAGS[i % 3]]);
  return [
    { name: 'key.json', spans: key },
    { name: 'alice.json', creator: 'Alice', spans: key },
    { name: 'bob.json', creator: 'Bob', spans: key.map(([i, t]) => [i, i % 3 === 0 ? TAGS[(i + 1) % 3] : t]) },
    { name: 'carol.json', creator: '<b>Carol</b>', spans: key.filter(([i]) => i < n / 2).map(([i, t], j) => [i, t, j % 2 ? 0.3 : 1]) },
    { name: EVIL_NAME, note: '<img src=y onerror="window.__ran=2">', spans: key.map(([i]) => [i, TAGS[(i * 7) % 3]]) },
  ];
}

test('review: file input + drop, numbers equal the classroom report, failed files listed, CSV, markup inert', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openReview(page);
  const n = await bodyCount(page);
  const [key, alice, bob, carol, evil] = await makeExports(page, classSpecs(n));
  const broken = { name: 'broken.json', json: '{"type": "AnnotationCollection", "items": [' };
  const junk = { name: '<b>junk</b>.json', json: 'not json <img src=z onerror="window.__ran=3">' };

  // The key through the key picker; two students through the file input, with one broken file.
  await scored(page, () => page.setInputFiles('#key-file', [asBuffer(key)]));
  assert.equal(await keyChoice(page), 'key.json');
  const d1 = await scored(page, () => page.setInputFiles('#files', [alice, broken, bob].map(asBuffer)));
  assert.equal(d1.students, 2);
  assert.equal(d1.failed, 1);
  assert.equal(await keyChoice(page), 'key.json', 'the chosen key stays');
  // Two more and another bad file by drag-and-drop.
  const d2 = await scored(page, () => drop(page, [carol, junk, evil]));
  assert.equal(d2.students, 4);
  assert.equal(d2.failed, 2);

  const ref = await reference(page, key, [alice, broken, bob, carol, junk, evil]);
  const r = ref.report;
  assert.deepEqual(r.students.map((s) => s.name), ['alice.json', 'bob.json', 'carol.json', EVIL_NAME]);
  assert.deepEqual(r.students.map((s) => s.creator), ['Alice', 'Bob', '<b>Carol</b>', null]);
  assert.equal(r.students[0].accuracy.value, 1);
  assert.ok(r.students[1].accuracy.value < 1 && r.students[2].accuracy.value < 1);
  assert.match(await page.locator('#status').textContent(), /^4 students scored against the key “key\.json”; 2 files could not be read/);

  // Failed files: name and the module's own message; the others still count.
  const failed = await page.locator('#failed-list li').allTextContents();
  assert.deepEqual(failed, [`broken.json: ${ref.errors['broken.json']}`, `<b>junk</b>.json: ${ref.errors['<b>junk</b>.json']}`]);
  assert.ok(ref.errors['broken.json'].length > 10);

  // Students: accuracy, per-tag P/R/F1 and the missed count as the report has them.
  const tags = ['fact', 'analysis', 'quote'];
  const shown = await rows(page, 'students');
  assert.equal(shown.length, 4);
  r.students.forEach((s, i) => {
    const a = s.accuracy;
    const want = [who(s), String(s.annotations), `${pct(a.value)} (${a.correct}/${a.scored})`];
    for (const t of tags) for (const m of ['precision', 'recall', 'f1']) {
      const v = s.tags[t][m];
      want.push(v === null ? 'n/a' : v.toFixed(2));
    }
    want.push(s.missed.length ? `${s.missed.length} missed` : '0');
    assert.deepEqual(shown[i], want, s.name);
  });
  // Carol's missed key highlights, with their quotes, on opening.
  const carolMissed = r.students[2].missed;
  assert.ok(carolMissed.length > 0);
  await page.locator('#students tbody tr').nth(2).locator('summary').click();
  // The list is filled on the details' `toggle` event, which the browser fires asynchronously.
  await page.locator('#students tbody tr').nth(2).locator('li').first().waitFor();
  const items = await page.locator('#students tbody tr').nth(2).locator('li').allTextContents();
  assert.equal(items.length, carolMissed.length);
  const tagName = { fact: 'Fact', analysis: 'Analysis', quote: 'Quote' };
  assert.equal(items[0], `${tagName[carolMissed[0].tag]}: “${carolMissed[0].quote}”`);

  // Class agreement.
  assert.ok(r.agreement.fleiss.value !== null);
  assert.equal(await page.locator('#fleiss').textContent(), `${r.agreement.fleiss.value.toFixed(3)} (4 students, ${n} sentences)`);
  assert.equal(await page.locator('#cohen-mean').textContent(), `${r.agreement.cohen_mean.toFixed(3)} (mean of 6 of 6 pairs)`);
  const label = (name) => who(r.students.find((s) => s.name === name));
  assert.deepEqual(await rows(page, 'pairs'), r.agreement.cohen.map((p) => [label(p.a), label(p.b), p.kappa.value.toFixed(3)]));

  // Heat map: the report's order (most disputed first), text and counts per category.
  const heat = await rows(page, 'heat');
  assert.equal(heat.length, n);
  r.heat.forEach((h, i) => {
    assert.deepEqual(heat[i], [String(i + 1), h.text, h.key === 'none' ? 'none' : tagName[h.key],
      ...r.categories.map((c) => String(h.counts[c])), h.entropy.toFixed(2)], `heat row ${i}`);
  });
  assert.ok(r.heat[0].entropy > r.heat[n - 1].entropy, 'disputed sentences first');
  const colored = await page.evaluate(() => getComputedStyle(document.querySelector('#heat td.rv-cell:not([data-share="0"])')).backgroundColor);
  assert.notEqual(colored, 'rgba(0, 0, 0, 0)');

  // CSV downloads equal the module's tables.
  for (const t of ['students', 'sentences', 'pairs']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-csv=${t}]`)]);
    assert.equal(dl.suggestedFilename(), `claimmark-review-${t}.csv`);
    assert.equal(readFileSync(await dl.path(), 'utf8'), ref.csv[t], `${t} CSV`);
  }
  await screenshot(page, 'review');

  // Markup in names, notes and broken files stays text.
  assert.equal(await page.locator('#students tbody tr').nth(3).locator('th').textContent(), EVIL_NAME);
  assert.equal(await page.evaluate(() => document.querySelectorAll('main img, main b').length), 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests.filter((u) => /\/(x|y|z)$/.test(u)), [], 'no image was fetched');

  assert.equal(await page.locator('#students tbody tr').nth(2).locator('th').textContent(), '<b>Carol</b> (carol.json)');
  assert.equal(await page.locator('#warnings').isHidden(), true, 'nothing to warn about');

  // Another key: everything is scored again; no key: class agreement only.
  const d3 = await scored(page, () => page.selectOption('#key', { label: 'alice.json' }));
  assert.equal(d3.students, 4, 'the old key now counts as a student');
  assert.equal((await rows(page, 'students'))[0][0], 'key.json');
  await scored(page, () => page.selectOption('#key', { label: 'No key (class agreement only)' }));
  assert.match(await page.locator('#status').textContent(), /^5 students scored, no key/);
  assert.equal(await page.locator('#students thead th').count(), 2);
  assert.match(await page.locator('#students-note').textContent(), /No answer key/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('review: undefined κ shows its reason (one student), never NaN; pasted article with markup is inert', async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  await openReview(page);
  const EVIL = 'Headline <script>window.__ran=4</script>\n\nThe <img src=x onerror="window.__ran=5"> tag was sent. It was said to be <b>bold</b>. A third one follows here.';
  await page.check('input[name=article][value=paste]');
  await page.fill('#article-paste', EVIL);
  await page.click('#article-use');
  await page.waitForFunction(() => /^Article: Headline <script>/.test(document.getElementById('article-status').textContent));
  const files = await makeExports(page, [
    { name: 'answer-key.json', spans: [[0, 'fact'], [1, 'quote']] },
    { name: 'solo.json', spans: [[0, 'fact'], [2, 'analysis']] },
  ], EVIL);
  await scored(page, () => page.setInputFiles('#key-file', [asBuffer(files[0])]));
  await scored(page, () => drop(page, [files[1]]));
  const ref = (await reference(page, files[0], [files[1]], EVIL)).report;
  assert.equal(await keyChoice(page), 'answer-key.json');
  assert.equal(ref.agreement.fleiss.value, null);
  assert.equal(await page.locator('#fleiss').textContent(), `undefined: ${ref.agreement.fleiss.undefined} (1 student, ${ref.sentences} sentences)`);
  assert.equal(await page.locator('#cohen-mean').textContent(), 'undefined: fewer than two students');
  assert.equal(await page.locator('#pairs').isHidden(), true);
  const heat = await rows(page, 'heat');
  assert.deepEqual(heat.map((h) => h[1]), ref.heat.map((h) => h.text));
  assert.ok(heat.some((h) => h[1].includes('<img src=x onerror="window.__ran=5">')));
  const text = await page.locator('main').textContent();
  assert.ok(!/NaN|undefined undefined|null/.test(text), 'no NaN or null shown');
  assert.equal(await page.evaluate(() => document.querySelectorAll('main img, main b, main script').length), 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('review: same file names kept apart, duplicates flagged, wrong article and orphans shown, the key only by choice', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await openReview(page);
  const n = await bodyCount(page);
  // Every student export has the widget's default name (title + date); this title says "key".
  const SAME = 'Answer key to peace-2026-05-01.jsonld';
  const OTHER = 'Another story\n\nIt is about something else entirely. Nobody agreed on anything at all.';
  const [key, ana, bo, ana2, boAgain] = await makeExports(page, [
    { name: 'my-key.json', spans: [[0, 'fact'], [1, 'analysis'], [2, 'quote']] },
    { name: SAME, creator: 'Ana', spans: [[0, 'fact'], [1, 'fact']] },
    { name: SAME, creator: 'Bo', spans: [[0, 'fact'], [1, 'analysis']] },
    { name: SAME, creator: 'Ana', spans: [[0, 'fact'], [1, 'analysis'], [2, 'quote'], [3, 'fact']] },
    { name: SAME, creator: 'Bo', spans: [[0, 'fact'], [1, 'analysis']], id: 2 },
  ]);
  const [wrong] = await makeExports(page, [{ name: SAME, creator: 'Cy', spans: [[0, 'fact']] }], OTHER);
  // Another tool's annotation whose quote is not in the article: an orphan.
  const orphan = { name: 'orphan.json', json: JSON.stringify([{ type: 'Annotation', id: 'urn:x:1',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'fact' },
    target: { selector: { type: 'TextQuoteSelector', exact: 'words that are nowhere in this article' } } }]) };

  // Student files alone: none is taken as the key, whatever its name.
  const d0 = await scored(page, () => drop(page, [ana, bo]));
  assert.equal(d0.students, 2);
  assert.equal(await keyChoice(page), 'No key (class agreement only)');
  assert.match(await page.locator('#key-info').textContent(), /^No answer key chosen/);
  assert.deepEqual(await warnings(page), [`2 files are named “${SAME}”: they are kept apart, as “${SAME}”, “${SAME.replace('.jsonld', ' (2).jsonld')}”.`]);
  await scored(page, () => page.click('#clear'));

  // A key and no student yet: a plain message, no table of zeros.
  await scored(page, () => page.setInputFiles('#key-file', [asBuffer(key)]));
  assert.equal(await keyChoice(page), 'my-key.json');
  assert.equal(await page.locator('#key-info').textContent(), 'Answer key: my-key.json — 3 annotations.');
  assert.equal(await page.locator('#results').isHidden(), true);
  assert.match(await page.locator('#no-students').textContent(), /^No student file counts yet/);
  assert.equal(await page.locator('#heat tbody tr').count(), 0);

  // The class: same names, a repeated file, two files by Ana, another article, an orphan.
  const d = await scored(page, () => drop(page, [ana, bo, ana2, boAgain, wrong, orphan]));
  assert.equal(await page.locator('#no-students').isHidden(), true);
  assert.equal(await keyChoice(page), 'my-key.json', 'dropping files does not change the key');
  const named = (k) => (k === 1 ? SAME : SAME.replace('.jsonld', ` (${k}).jsonld`));
  assert.equal(d.students, 4, 'Ana, Bo, Ana again, the orphan file; Bo\'s repeat and the wrong article do not count');
  assert.equal(d.failed, 1);
  const shown = await rows(page, 'students');
  assert.deepEqual(shown.map((r) => r[0]), [`Ana (${named(1)})`, `Bo (${named(2)})`, `Ana (${named(3)})`, 'orphan.json']);
  assert.equal(shown[3][1], '1 (1 not found in the article)');
  assert.equal(shown[0][1], '2');
  const failed = await page.locator('#failed-list li').allTextContents();
  assert.equal(failed.length, 1);
  assert.match(failed[0], new RegExp(`^${named(5).replace(/[().]/g, '\\$&')}: made for a different article \\(“test”\\)`));
  const w = await warnings(page);
  assert.deepEqual(w, [
    `5 files are named “${SAME}”: they are kept apart, as ${[1, 2, 3, 4, 5].map((k) => `“${named(k)}”`).join(', ')}.`,
    `“${named(2)}”, “${named(4)}” have the same annotations (the same student's file loaded again?): counted once, as “${named(2)}”; the others are left out.`,
    `2 files by “Ana”: “${named(1)}”, “${named(3)}”. All are counted; if one student handed in twice, remove the older file.`,
  ]);
  // Remove Ana's older file from the warning: the others still count, the warning goes.
  const d2 = await scored(page, () => page.click(`#warnings-list button:text-is("Remove “${named(1)}”")`));
  assert.equal(d2.students, 3);
  assert.deepEqual((await rows(page, 'students')).map((r) => r[0]), [`Bo (${named(2)})`, `Ana (${named(3)})`, 'orphan.json']);
  assert.equal((await warnings(page)).length, 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('review: the exercise file as the key brings its article; other articles fail; a bad exercise is named', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await openReview(page);
  const ARTICLE = 'Talks resume between the neighbours\r\n\r\nThe ministers met on Tuesday in Geneva for three hours. ' +
    'They agreed to meet again in May.\r\n\r\nThe deal is likely to collapse soon. Officials said the next round will be hard.\r\n';
  const [key, ana, bo] = await makeExports(page, [
    { name: 'k', spans: [[0, 'fact'], [1, 'fact'], [2, 'analysis']] },
    { name: 'ana.json', creator: 'Ana', spans: [[0, 'fact'], [1, 'fact'], [2, 'analysis']] },
    { name: 'bo.json', creator: 'Bo', spans: [[0, 'fact'], [1, 'quote']] },
  ], ARTICLE);
  const exercise = { name: 'exercise.json', json: JSON.stringify({ type: 'claimmark-exercise', version: 1,
    title: 'Geneva talks', instructions: 'Tag every sentence.', article: ARTICLE, key: JSON.parse(key.json) }) };
  const v2 = { name: 'old-exercise.json', json: JSON.stringify({ type: 'claimmark-exercise', version: 2, article: 'x' }) };
  // Dropped with the students: taken as the key (none was chosen), and its article is used.
  const d = await scored(page, () => drop(page, [ana, exercise, bo, v2]));
  assert.equal(await keyChoice(page), 'Exercise “Geneva talks” (exercise.json)');
  assert.match(await page.locator('#article-status').textContent(),
    /^Article: Talks resume between the neighbours, from the exercise file “Geneva talks” \(the answer key\) — 4 body sentences\./);
  assert.equal(d.students, 2);
  const ref = (await reference(page, exercise, [ana, bo], ARTICLE)).report;
  assert.deepEqual(ref.key, { name: 'exercise.json', creator: null, annotations: 3, orphans: 0 });
  const shown = await rows(page, 'students');
  assert.deepEqual(shown.map((r) => r.slice(0, 3)), ref.students.map((s) =>
    [who(s), String(s.annotations), `${pct(s.accuracy.value)} (${s.accuracy.correct}/${s.accuracy.scored})`]));
  assert.equal(ref.students[0].accuracy.value, 1);
  assert.deepEqual(await page.locator('#failed-list li').allTextContents(),
    ['old-exercise.json: not a valid exercise file: "version" 2 is not supported (this reader reads version 1)']);
  // No key: back to the chosen article (the seed), for which these files were not made.
  const d2 = await scored(page, () => page.selectOption('#key', { label: 'No key (class agreement only)' }));
  assert.equal(d2.students, 0);
  assert.match(await page.locator('#article-status').textContent(), /^Article: Koreas/);
  const failed = await page.locator('#failed-list li').allTextContents();
  assert.ok(failed.includes('ana.json: made for a different article (“test”): its claimmark:contentHash does not match the text of the article being scored'), failed.join('\n'));
  assert.ok(failed.some((f) => f.startsWith('exercise.json: this is an exercise file (the teacher\'s)')), failed.join('\n'));
  assert.equal(await page.locator('#results').isHidden(), true);
  // Chosen again through the key picker: the same scores.
  const d3 = await scored(page, () => page.setInputFiles('#key-file', [asBuffer(exercise)]));
  assert.equal(d3.students, 2);
  assert.equal(await keyChoice(page), 'Exercise “Geneva talks” (exercise (2).json)');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`review: axe 0 violations, ${scheme}`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ colorScheme: scheme });
    await openReview(page);
    assert.deepEqual(await axe(page), [], 'empty page');
    const n = await bodyCount(page);
    const specs = classSpecs(n);
    // With a repeated file and a second file by Bob, so the warnings (and their buttons) show.
    specs.push({ ...specs[1], name: 'alice-again.json', id: 1 }, { name: 'bob-later.json', creator: 'Bob', spans: [[0, 'fact']] });
    const files = await makeExports(page, specs);
    await scored(page, () => page.setInputFiles('#key-file', [asBuffer(files[0])]));
    await scored(page, () => page.setInputFiles('#files', [...files.slice(1), { name: 'broken.json', json: '[1' }].map(asBuffer)));
    assert.equal((await warnings(page)).length, 2);
    await page.locator('#students tbody tr').nth(2).locator('summary').click();
    await page.locator('#students tbody tr').nth(2).locator('li').first().waitFor();
    assert.deepEqual(await axe(page), [], 'results shown, a missed list open');
    await screenshot(page, `review-${scheme}`);
    await page.close();
  });
}

test('review benchmark: 200 student files × 100 annotations, from files selected to tables shown', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await openReview(page);
  const n = await bodyCount(page);
  // Seeded pseudo-random spans: whole sentences or their first part, any tag.
  let seed = 12345;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const specs = [{ name: 'key.json', spans: Array.from({ length: 100 }, (_, j) => [j % n, TAGS[(j * 5) % 3], j < n ? 1 : 0.5]) }];
  for (let k = 0; k < 200; k++) {
    specs.push({
      name: `student-${String(k + 1).padStart(3, '0')}.json`,
      spans: Array.from({ length: 100 }, () => [Math.floor(rnd() * n), TAGS[Math.floor(rnd() * 3)], rnd() < 0.7 ? 1 : 0.3 + rnd() * 0.6]),
    });
  }
  const files = await makeExports(page, specs);
  const bytes = files.reduce((s, f) => s + f.json.length, 0);
  await scored(page, () => page.setInputFiles('#key-file', [asBuffer(files[0])]));
  const t = Date.now();
  const d = await scored(page, () => page.setInputFiles('#files', files.slice(1).map(asBuffer)));
  const wall = Date.now() - t;
  assert.equal(d.students, 200);
  assert.equal(d.failed, 0);
  assert.equal(await page.locator('#students tbody tr').count(), 200);
  assert.equal(await page.locator('#heat tbody tr').count(), n);
  const ph = Object.entries(d.phases).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
  console.log(`# review benchmark: 200 students × 100 annotations (${(bytes / 1e6).toFixed(1)} MB, ${n} sentences): ` +
    `${Math.round(d.ms)} ms from files selected to tables shown (${ph} ms; ${wall} ms with Playwright's file transfer)`);
  // CSV from the cached report: no second scoring.
  const t2 = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('[data-csv=pairs]').click();
    return performance.now() - t0;
  });
  console.log(`# review benchmark: pairs CSV (19,900 pairs) ${Math.round(t2)} ms`);
  await page.click('#pairs-more');
  assert.equal(await page.locator('#pairs tbody tr').count(), 19900);
  assert.deepEqual(errors, []);
  await page.close();
});

// The teacher review page's strings: one table per language (review-strings.js, English;
// review-strings-fr.js, French) with the same keys; every string the page shows comes from it.
// In French, after loading a key and students, headings, buttons, tables, status lines and the
// commonest file error are French and no English word is left in the visible text; the menu
// switches the language without losing the loaded files (and without scoring them again); the
// CSV files stay the same (machine-readable); the language is ?lang=…, else <html lang> when
// not "en", else the browser's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, setup, screenshot, collectErrors } from './harness.mjs';
import { openReview, makeExports, bodyCount, reference, scored, asBuffer, rows } from './review-helpers.mjs';
import { R as EN } from '../../www/review-strings.js';
import { R as FR } from '../../www/review-strings-fr.js';

const env = setup();
const NB = '\u00a0'; // no-break space (before a colon, inside guillemets)
const NN = '\u202f'; // narrow no-break space (before ; ? ! %)
const fr = (v, d) => v.toLocaleString('fr', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false });
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** [path, value] of every leaf of a table (nested plain objects flattened as "a.b"). */
function leaves(table, prefix = '') {
  return Object.entries(table).flatMap(([k, v]) => (v && typeof v === 'object'
    ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
}

test('the French table has exactly the English keys, of the same kinds, and translates every text', () => {
  const en = new Map(leaves(EN));
  const frl = new Map(leaves(FR));
  assert.deepEqual([...frl.keys()].sort(), [...en.keys()].sort());
  for (const [k, v] of en) {
    assert.equal(typeof frl.get(k), typeof v, k);
    if (typeof v === 'function') assert.equal(frl.get(k).length, v.length, `${k}: the same parameters`);
  }
  // Texts that are the same in both languages; every other one is translated.
  const same = [...en].filter(([k, v]) => typeof v === 'string' && frl.get(k) === v).map(([k]) => k).sort();
  assert.deepEqual(same, ['annotations', 'hArticle', 'metric.f1', 'metric.precision', 'metric.recall', 'metricLong.f1']);
  // Every key the page uses is in the table.
  const html = readFileSync(path.join(ROOT, 'www/review.html'), 'utf8');
  const js = readFileSync(path.join(ROOT, 'www/review.js'), 'utf8');
  const used = new Set([...html.matchAll(/data-s(?:-label)?="(\w+)"/g)].map((m) => m[1]));
  assert.ok(used.size > 30, `${used.size} keys in review.html`);
  for (const m of js.matchAll(/\bR\.(\w+)/g)) used.add(m[1]);
  for (const k of used) assert.ok(Object.hasOwn(EN, k), `R.${k} is in the table`);
  // No text is left in the page itself: only the brand, the language names and the fallback title.
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ')
    .split(/\s+/).filter(Boolean);
  assert.deepEqual(text, ['claimmark', 'claimmark', 'English', 'Français']);
  // The classroom module's commonest errors, in French; any other is shown as it is.
  assert.equal(FR.failure('made for a different article (“Geneva”): its claimmark:contentHash does not match the text of the article being scored'),
    `fait pour un autre article («${NB}Geneva${NB}»)${NB}: son claimmark:contentHash ne correspond pas au texte de l’article évalué`);
  assert.equal(FR.failure('the exercise\'s key: not a valid exercise file: x'),
    `le corrigé de l’exercice${NB}: ce n’est pas un fichier d’exercice valide${NB}: x`);
  assert.equal(FR.failure('something else'), 'something else');
  assert.equal(FR.scored(1, '', 0, 1234), `1 élève évalué, sans corrigé (1${NN}234${NB}ms).`);
  assert.equal(FR.accCell(0.125, 1, 8), `12,5${NN}% (1/8)`);
});

// English words of the page's own strings that must not be left in the French page's visible text.
// ("export" is French too; "key" is also the key file's name, key.json.)
const ENGLISH = /\b(the|and|of|with|students?|answer|key(?!\.json)|accuracy|missed|agreement|download|remove|scored|choose|sentences?|rank|dispute|pairs?|undefined|could not|not found|check these|mean|loading|drop|folder|language|fact|analysis|quote|none|files?|teacher|review|exercise|article text)\b/gi;

/** The page's visible text, without the article's sentences (English: the article is). */
const visibleText = (page) => page.evaluate(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || e.closest('.rv-sentence, option') || !e.checkVisibility()) continue;
    out.push(n.textContent);
  }
  // And what is read out or shown on hover.
  for (const e of document.querySelectorAll('[aria-label]')) out.push(e.getAttribute('aria-label'));
  for (const e of document.querySelectorAll('abbr[title]')) out.push(e.title);
  out.push(document.title, document.querySelector('#key option:checked').textContent);
  return out.join('\n');
});

test('review in French: headings, buttons, tables and status in French, no English left; the menu switches without losing files', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = collectErrors(page);
  await openReview(env, page, 'fr');
  const n = await bodyCount(page);
  assert.match(await page.locator('#article-status').textContent(),
    new RegExp(`^Article${NB}: Koreas talk again in dormant channels.* — ${n} phrases dans le corps de l’article\\.$`));
  const spans = (k) => Array.from({ length: n }, (_, i) => [i, ['fact', 'analysis', 'quote'][(i + k * (i % 2)) % 3]]);
  const [key, ana, bo, cy, ana2] = await makeExports(page, [
    { name: 'key.json', spans: spans(0) },
    { name: 'ana.json', creator: 'Ana', spans: spans(0) },
    { name: 'bo.json', creator: 'Bo', spans: spans(1) },
    { name: 'cy.json', creator: 'Cy', spans: spans(2).slice(0, n - 3) },
    { name: 'ana-2.json', creator: 'Ana', spans: spans(1).slice(0, 5) },
  ]);
  const [other] = await makeExports(page, [{ name: 'other.json', spans: [[0, 'fact']] }],
    'Another story\n\nIt is about something else entirely. Nobody agreed on anything at all.');
  await scored(page, () => page.setInputFiles('#key-file', [asBuffer(key)]));
  await scored(page, () => page.setInputFiles('#files', [ana, bo, cy, other, ana2].map(asBuffer)));
  const ref = await reference(page, key, [ana, bo, cy, ana2]);
  const r = ref.report;

  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await page.title(), 'claimmark — bilan de la classe');
  assert.equal(await page.locator('h1').textContent(), 'Bilan de la classe');
  assert.deepEqual(await page.locator('h2').allTextContents(), ['1. Article', '2. Corrigé et fichiers des élèves', '3. Élèves',
    '4. Accord de la classe', '5. Phrases, les plus discutées d’abord', '6. Télécharger en CSV']);
  assert.deepEqual(await page.locator('main button:visible').allTextContents(), ['Utiliser le texte collé', 'Retirer tous les fichiers',
    `Retirer «${NB}ana.json${NB}»`, `Retirer «${NB}ana-2.json${NB}»`, 'Élèves (CSV)', 'Phrases (CSV)', 'Paires (CSV)']);
  assert.equal(await page.locator('label[for=key]').textContent(), 'Corrigé utilisé');
  assert.equal(await page.locator('#key option:checked').textContent(), 'key.json');
  assert.equal(await page.locator('#key option').first().textContent(), 'Aucun corrigé (accord de la classe seulement)');
  assert.match(await page.locator('#status').textContent(),
    new RegExp(`^4 élèves évalués par rapport au corrigé «${NB}key\\.json${NB}»${NN}; 1 fichier n’a pas pu être lu \\([\\d${NN}]+${NB}ms\\)\\.$`));
  assert.equal(await page.locator('#key-info').textContent(), `Corrigé${NB}: key.json — ${n} annotations.`);
  assert.equal(await page.locator('#h-failed').textContent(), 'Fichiers illisibles');
  assert.deepEqual(await page.locator('#failed-list li').allTextContents(), [`other.json${NB}: fait pour un autre article ` +
    `(«${NB}test${NB}»)${NB}: son claimmark:contentHash ne correspond pas au texte de l’article évalué`]);
  assert.equal(await page.locator('#h-warnings').textContent(), 'Fichiers à vérifier');
  assert.equal(await page.locator('#warnings-list li').first().evaluate((li) => li.firstChild.textContent),
    `2 fichiers de «${NB}Ana${NB}»${NB}: «${NB}ana.json${NB}», «${NB}ana-2.json${NB}». Tous sont comptés${NN}; ` +
    'si un élève a rendu son travail deux fois, retirez le fichier le plus ancien.');
  assert.deepEqual(await page.locator('#warnings-list button').allTextContents(),
    [`Retirer «${NB}ana.json${NB}»`, `Retirer «${NB}ana-2.json${NB}»`]);

  // Tables: French headers and labels, numbers in French (decimal comma).
  assert.deepEqual(await page.locator('#students thead tr').first().locator('th').allTextContents(),
    ['Élève', 'Annotations', 'Réussite', 'Fait', 'Analyse', 'Citation', 'Manqués']);
  assert.equal(await page.locator('#students abbr').first().getAttribute('title'), 'précision (Fait)');
  const shown = await rows(page, 'students');
  r.students.forEach((s, i) => {
    const a = s.accuracy;
    assert.equal(shown[i][0], `${s.creator} (${s.name})`);
    assert.equal(shown[i][2], `${fr(100 * a.value, 1)}${NN}% (${a.correct}/${a.scored})`, s.name);
    assert.equal(shown[i][3], s.tags.fact.precision === null ? 'n.d.' : fr(s.tags.fact.precision, 2));
    assert.equal(shown[i].at(-1), s.missed.length ? `${s.missed.length} manqué${s.missed.length > 1 ? 's' : ''}` : '0');
  });
  assert.ok(shown.some((row) => row.slice(2).some((c) => c.includes(','))), 'decimal commas');
  assert.equal(await page.locator('#fleiss').textContent(), `${fr(r.agreement.fleiss.value, 3)} (4 élèves, ${n} phrases)`);
  assert.equal(await page.locator('#cohen-mean').textContent(), `${fr(r.agreement.cohen_mean, 3)} (moyenne de 6 paires sur 6)`);
  assert.deepEqual(await page.locator('#pairs thead th').allTextContents(), ['Élève A', 'Élève B', 'κ de Cohen']);
  assert.deepEqual(await page.locator('#heat thead th').allTextContents(),
    ['Rang', 'Phrase', 'Corrigé', ...r.categories.map((c) => FR.tags[c]), 'Désaccord']);
  const heat = await rows(page, 'heat');
  assert.deepEqual(heat.map((h) => h[1]), r.heat.map((h) => h.text));
  assert.deepEqual(heat.map((h) => h.at(-1)), r.heat.map((h) => fr(h.entropy, 2)));
  // A missed list, opened.
  const missedRow = r.students.findIndex((s) => s.missed.length);
  await page.locator('#students tbody tr').nth(missedRow).locator('summary').click();
  await page.locator('#students tbody tr').nth(missedRow).locator('li').first().waitFor();
  const m0 = r.students[missedRow].missed[0];
  assert.equal(await page.locator('#students tbody tr').nth(missedRow).locator('li').first().textContent(),
    `${FR.tags[m0.tag]}${NB}: «${NB}${m0.quote}${NB}»`);
  await page.locator('#students tbody tr').nth(missedRow).locator('summary').click();

  // No English left (the article itself is English: its sentences are left out of the check).
  const text = await visibleText(page);
  assert.ok(text.includes('Accord de la classe') && text.includes('κ de Fleiss'), 'the text is read');
  assert.deepEqual(text.match(ENGLISH) || [], [], 'English words in the French page');
  await screenshot(page, 'review-fr');

  // The CSV files are the same in every language (machine-readable headers, same names).
  for (const t of ['students', 'pairs']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-csv=${t}]`)]);
    assert.equal(dl.suggestedFilename(), `claimmark-review-${t}.csv`);
    assert.equal(readFileSync(await dl.path(), 'utf8'), ref.csv[t], `${t} CSV`);
  }
  assert.ok(ref.csv.students.startsWith('\ufeffstudent,creator,annotations,'), 'the module\'s machine-readable headers');

  // The menu: English, then French again; the files stay, nothing is scored again.
  await page.evaluate(() => {
    window.__rescored = 0;
    document.addEventListener('review-scored', () => window.__rescored++);
  });
  const before = await rows(page, 'students');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('h1').textContent === 'Teacher review');
  assert.match(await page.locator('#status').textContent(), /^4 students scored against the key “key\.json”; 1 file could not be read \([\d,]+ ms\)\.$/);
  assert.equal(await page.locator('#h-agreement').textContent(), '4. Class agreement');
  assert.match(await page.locator('#failed-list li').textContent(), /^other\.json: made for a different article \(“test”\)/);
  const english = await rows(page, 'students');
  assert.deepEqual(english.map((row) => row[0]), before.map((row) => row[0]));
  assert.equal(english[0][2], `${(100 * r.students[0].accuracy.value).toFixed(1)}% (${r.students[0].accuracy.correct}/${r.students[0].accuracy.scored})`);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(await page.title(), 'claimmark — teacher review');
  await page.selectOption('#lang', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && document.querySelector('h1').textContent === 'Bilan de la classe');
  assert.deepEqual(await rows(page, 'students'), before);
  assert.equal(await page.evaluate(() => window.__rescored), 0, 'not scored again');
  assert.deepEqual((await visibleText(page)).match(ENGLISH) || [], []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('review language: ?lang=, else <html lang> when not "en", else the browser\'s; English otherwise', async () => {
  const seen = async (opts, query, html) => {
    const page = await env.browser.newPage(opts);
    if (html) {
      await page.route('**/review.html*', async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, body: (await res.text()).replace('<html lang="en">', `<html lang="${html}">`) });
      });
    }
    await page.goto(`${env.server.url}review.html${query}`);
    await page.waitForFunction(() => /^Article\u00a0?: /.test(document.getElementById('article-status').textContent));
    const got = await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1').textContent,
      document.getElementById('lang').value]);
    await page.close();
    return got;
  };
  const FRENCH = ['fr', 'Bilan de la classe', 'fr'];
  const ENGLISH_PAGE = ['en', 'Teacher review', 'en'];
  assert.deepEqual(await seen({ locale: 'fr-FR' }, ''), FRENCH, 'the browser\'s language');
  assert.deepEqual(await seen({ locale: 'fr-FR' }, '?lang=en'), ENGLISH_PAGE, '?lang= first');
  assert.deepEqual(await seen({ locale: 'en-US' }, '?lang=fr-CA'), FRENCH, '?lang=fr-CA');
  assert.deepEqual(await seen({ locale: 'en-US' }, '', 'fr'), FRENCH, '<html lang="fr">');
  assert.deepEqual(await seen({ locale: 'fr-FR' }, '?lang=en', 'fr'), ENGLISH_PAGE, '?lang= before <html lang>');
  assert.deepEqual(await seen({ locale: 'de-DE' }, ''), ENGLISH_PAGE, 'no table: English');
  assert.deepEqual(await seen({ locale: 'en-US' }, '?lang=xx'), ENGLISH_PAGE, 'unknown ?lang=: the browser\'s');
});

// Exercises (issue 6): a teacher prepares one on the demo page (instructions, an answer key
// with reasons, suggestions on) and saves it as an exercise file (JSON) and as a single HTML
// file; a student opens the JSON on the demo page; the HTML, written to a temporary folder,
// opens from file:// in a fresh context with the network blocked (it must need nothing but
// itself), asks for the name, shows the instructions, hides the key, lets the student tag and
// reveal a suggestion's reason, and exports W3C JSON with the student as `creator`.
// The tests run in order: the later ones use the files the first one saves.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, screenshot, collectErrors } from './harness.mjs';
import { setup, openDemo, sentence } from './widget-helpers.mjs';
import { tagsSentence } from '../../www/claim/exercise.js';

const env = setup();
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const TMP = mkdtempSync(path.join(tmpdir(), 'claimmark-exercise-'));
after(() => rmSync(TMP, { recursive: true, force: true }));
const files = {};

const INSTRUCTIONS = 'Tag each claim in the first three paragraphs.\nAdd a note where you are unsure.';
const REASONS = ['Attributed to Seoul officials: a reported fact', 'The reporter weighs what the talks mean'];
const host = (page) => page.locator('claim-annotator');

async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
}

/** Clicks `locator` and resolves to the download it starts: {name, text, file}. */
async function download(page, locator, dir = TMP) {
  const [dl] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: readFileSync(file, 'utf8'), file };
}

/** The student tags a sentence with the keyboard, then reveals the suggestion for it: in the
 *  exercise panel's list (`via` 'list') or in the highlight's toolbar (Enter: 'toolbar'). */
async function tagAndReveal(page, needle, key, via) {
  const s = await sentence(page, needle);
  await host(page).locator('.cm-s').nth(s.i).focus();
  await page.keyboard.press(key);
  const row = host(page).locator('.cm-cmp li').filter({ hasText: needle });
  await row.waitFor();
  let where = row;
  if (via === 'toolbar') {
    await page.keyboard.press('Enter');
    where = host(page).locator('.cm-tb .cm-tbcmp');
    await where.waitFor();
  }
  const out = where.locator('.cm-sugg');
  assert.equal(await out.isHidden(), true, 'the suggestion stays hidden until asked for');
  const reveal = where.locator('.cm-reveal');
  assert.equal(await reveal.getAttribute('aria-expanded'), 'false');
  await reveal.click();
  assert.equal(await reveal.getAttribute('aria-expanded'), 'true');
  const shown = await out.innerText();
  assert.match(shown, /Suggested: (Fact|Analysis|Quote) \((as you tagged it|not what you chose)\)\./);
  assert.match(shown, /Why: \S/);
  // Revealed in one place, revealed in the other.
  assert.equal(await row.locator('.cm-sugg').isVisible(), true);
  return shown;
}

test('teacher mode: prepare an exercise (instructions, key with reasons, suggestions), save JSON and single HTML', async () => {
  const { ctx, page } = await openDemo(env, { context: await env.browser.newContext({ viewport: { width: 1100, height: 900 } }) });
  const errors = collectErrors(page);
  await page.locator('#demo-teacher').check();
  const panel = host(page).locator('.cm-ex');
  await panel.getByRole('heading', { name: 'Prepare an exercise' }).waitFor();
  assert.equal(await page.locator('claim-annotator').getAttribute('mode'), 'teacher');
  // The title starts as the article's; the teacher gives instructions; suggestions are on.
  assert.equal(await panel.getByLabel('Title').inputValue(), 'Koreas talk again in dormant channels, agree to improve ties');
  await panel.getByLabel('Title').fill('Koreas: fact or analysis?');
  await panel.getByLabel('Instructions for students').fill(INSTRUCTIONS);
  assert.equal(await panel.getByLabel(/Show suggestions/).isChecked(), true);
  // A bad tag set is refused with a message; the tag set stays as it was.
  await panel.getByLabel(/Tag set/).fill('[{"id":');
  await panel.getByRole('button', { name: 'Apply tag set' }).click();
  assert.match(await panel.locator('.cm-err').innerText(), /^The tag set was not applied: it is not JSON \(./);
  await panel.getByLabel(/Tag set/).fill('[{"id":"bad id"}]');
  await panel.getByRole('button', { name: 'Apply tag set' }).click();
  assert.equal(await panel.locator('.cm-err').innerText(), 'The tag set was not applied: tag 1: "id" must be a word of letters, digits, _ or -');
  assert.equal(await page.locator('claim-annotator').getAttribute('tags'), null);
  // A good one is applied (the element re-renders with it; the panel keeps what was typed).
  const custom = [{ id: 'claim', label: 'Claim', color: '#7b1fa2', keys: ['c'] }, { id: 'opinion', label: 'Opinion', keys: ['o'] }];
  await panel.getByLabel(/Tag set/).fill(JSON.stringify(custom));
  await panel.getByRole('button', { name: 'Apply tag set' }).click();
  await panel.locator('.cm-exstatus', { hasText: 'Tag set applied.' }).waitFor();
  assert.deepEqual(JSON.parse(await page.locator('claim-annotator').getAttribute('tags')), custom);
  assert.equal(await host(page).locator('.cm-ex').getByLabel('Title').inputValue(), 'Koreas: fact or analysis?');
  assert.match(await host(page).locator('.cm-ex').getByLabel(/Tag set/).inputValue(), /"id":"opinion","label":"Opinion"/);
  // … and back to the default set.
  await panel.getByLabel(/Tag set/).fill(JSON.stringify([
    { id: 'fact', label: 'Fact', keys: ['1', 'f'] }, { id: 'analysis', label: 'Analysis', keys: ['2', 'a'] },
    { id: 'quote', label: 'Quote', keys: ['3', 'q'] }]));
  await panel.getByRole('button', { name: 'Apply tag set' }).click();
  await panel.locator('.cm-exstatus', { hasText: 'Tag set applied.' }).waitFor();
  // The key: one highlight tagged with the keyboard and given a reason (the note) in the
  // toolbar, one added through the API.
  const s1 = await sentence(page, 'Liaison officials');
  await host(page).locator('.cm-s').nth(s1.i).focus();
  await page.keyboard.press('f');
  await page.keyboard.press('n');
  await host(page).locator('.cm-tb .cm-note').fill(REASONS[0]);
  await page.keyboard.press('Enter');
  await page.evaluate((reason) => {
    const el = document.querySelector('claim-annotator');
    const t = el.document.text;
    const a = t.indexOf('The rivals use the channels');
    el.addAnnotation({ start: a, end: t.indexOf('.', a) + 1, tag: 'analysis', note: reason });
  }, REASONS[1]);
  await panel.locator('.cm-keyinfo', { hasText: 'Answer key: 2 highlights, 2 with a reason.' }).waitFor();
  assert.deepEqual(await axe(page), [], 'teacher panel');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'exercise-teacher');

  // The exercise file.
  const json = await download(page, panel.getByRole('button', { name: 'Save exercise (.json)' }));
  assert.equal(json.name, 'koreas-fact-or-analysis.exercise.json');
  const ex = JSON.parse(json.text);
  const text = await page.evaluate(() => document.querySelector('claim-annotator').text);
  assert.equal(ex.type, 'claimmark-exercise');
  assert.equal(ex.version, 1);
  assert.equal(ex.title, 'Koreas: fact or analysis?');
  assert.equal(ex.instructions, INSTRUCTIONS);
  assert.equal(ex.article, text);
  assert.deepEqual(ex.tags.map((t) => t.id), ['fact', 'analysis', 'quote']);
  assert.equal(ex.suggestions, true);
  assert.equal(ex.key.type, 'AnnotationCollection');
  assert.equal(ex.key.total, 2);
  const items = ex.key.first.items;
  assert.deepEqual(items.map((a) => a.body.find((b) => b.purpose === 'tagging').value), ['fact', 'analysis']);
  assert.deepEqual(items.map((a) => a.body.find((b) => b.purpose === 'commenting').value), REASONS);
  files.json = json.file;
  // The students' copy: the same exercise without the key (nor any of its reasons).
  const forStudents = await download(page, panel.getByRole('button', { name: 'Save for students (.json, no key)' }));
  assert.equal(forStudents.name, 'koreas-fact-or-analysis.students.exercise.json');
  const { key: _key, ...noKey } = ex;
  assert.deepEqual(JSON.parse(forStudents.text), noKey);
  for (const r of REASONS) assert.ok(!forStudents.text.includes(r), 'no reason of the key in the students\' file');
  files.students = forStudents.file;

  // The single HTML file: the exercise without its key, everything inlined.
  await page.evaluate(() => { window.__fetched = performance.getEntriesByType('resource').length; });
  const html = await download(page, panel.getByRole('button', { name: 'Save as single HTML file' }));
  assert.equal(html.name, 'koreas-fact-or-analysis.html');
  assert.match(await panel.locator('.cm-exstatus').innerText(), /Saved koreas-fact-or-analysis\.html/);
  assert.match(html.text, /^<!doctype html>/);
  assert.match(html.text, /<title>Koreas: fact or analysis\?<\/title>/);
  const data = JSON.parse(html.text.match(/<script type="application\/json" id="claimmark-data">([^<]*)<\/script>/)[1]);
  assert.deepEqual(Object.keys(data.modules).sort(), ['claimmark', 'claimmark_classroom', 'claimmark_exchange']);
  assert.equal(data.exercise.instructions, INSTRUCTIONS);
  assert.equal(data.exercise.key, undefined, 'the key stays out of the student file');
  for (const r of REASONS) assert.ok(!html.text.includes(r), 'no reason of the key in the file');
  assert.doesNotMatch(html.text, /<script[^>]+src=|<link[^>]+href=|https?:\/\/127\.0\.0\.1/, 'nothing to fetch');
  files.html = html.file;
  files.htmlBytes = statSync(html.file).size;
  console.log(`# single HTML file: ${files.htmlBytes.toLocaleString('en')} bytes`);

  // Teacher mode keeps its work apart from reader mode's (its own autosave).
  await page.locator('#demo-teacher').uncheck();
  await page.waitForFunction(() => !document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-ex'));
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  await page.waitForFunction(() => document.querySelector('claim-annotator').document !== null
    && document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-article'));
  assert.equal((await page.evaluate(() => document.querySelector('claim-annotator').annotations)).length, 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('student on the demo page: opens the exercise file, gives a name once, sees instructions, not the key', async () => {
  assert.ok(files.students, 'the teacher test saved the exercise');
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const before = await page.evaluate(() => document.querySelector('claim-annotator').document.text);

  // An invalid file: a clear message, nothing changes.
  await page.locator('#demo-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"AnnotationCollection"}') });
  await host(page).locator('.cm-msg', { hasText: 'Not a valid exercise file' }).waitFor();
  assert.match(await host(page).locator('.cm-msg').innerText(), /"type" must be "claimmark-exercise" \(this is an annotation export: use Import\)/);
  assert.equal(await page.locator('claim-annotator').getAttribute('mode'), null);
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').document.text), before);

  await page.locator('#demo-file').setInputFiles(files.students);
  const form = host(page).locator('form.cm-name');
  await form.waitFor();
  assert.equal(await page.locator('claim-annotator').getAttribute('mode'), 'student');
  // The name field has focus; the article waits (inert) until the name is given.
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.activeElement.id), 'cm-name-in');
  assert.equal(await host(page).locator('.cm-article').evaluate((a) => a.inert), true);
  assert.deepEqual(await axe(page), [], 'name form');
  await form.getByRole('button', { name: 'Start' }).click();
  assert.equal(await form.locator('.cm-err').innerText(), 'Please enter your name.');
  await form.getByLabel('Your name').fill('Ada Lovelace');
  await form.getByRole('button', { name: 'Start' }).click();
  const panel = host(page).locator('.cm-ex');
  await panel.getByRole('heading', { name: 'Exercise: Koreas: fact or analysis?' }).waitFor();
  assert.equal(await panel.locator('.cm-instr').innerText(), INSTRUCTIONS);
  assert.match(await panel.innerText(), /Working as Ada Lovelace\./);
  // The key is hidden: no highlights, nothing in the list, no reason anywhere on the page.
  assert.equal((await page.evaluate(() => document.querySelector('claim-annotator').annotations)).length, 0);
  const shown = await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.textContent);
  for (const r of REASONS) assert.ok(!shown.includes(r));
  assert.equal(await host(page).locator('.cm-listbtn').innerText(), 'Annotations (0)');

  await tagAndReveal(page, 'Liaison officials', 'a', 'list');
  assert.deepEqual(await axe(page), [], 'student panel with a suggestion shown');
  await screenshot(page, 'exercise-student');

  // The name is asked once: opening the exercise again in a new page goes straight to it.
  const p2 = await ctx.newPage();
  await p2.goto(env.server.url);
  await p2.evaluate(() => document.querySelector('claim-annotator').ready);
  await p2.locator('#demo-file').setInputFiles(files.students);
  await host(p2).locator('.cm-ex h2', { hasText: 'Exercise:' }).waitFor();
  assert.equal(await host(p2).locator('form.cm-name').count(), 0);
  // The student's work was autosaved (student mode's own key) and is back.
  assert.deepEqual((await p2.evaluate(() => document.querySelector('claim-annotator').annotations)).map((a) => a.tag), ['analysis']);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('suggestions: a highlight tags a sentence when each is mostly the other (non-space characters)', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'One two three four. Five six.   Seven 😀 eight.';
  const counts = tagsSentence(text);
  const one = { start: 0, end: 19 };
  const two = { start: 20, end: 29 };
  const three = { start: 32, end: 47 };
  const hl = (start, end) => ({ start, end, orphan: false });
  // Non-space characters: one 16, two 8, three 12 (the emoji counts once).
  assert.equal(counts(one, hl(0, 19)), true, 'the sentence itself');
  assert.equal(counts(one, hl(0, 11)), true, 'most of it: 9 of 16');
  assert.equal(counts(one, hl(0, 10)), false, 'half of it (8 of 16) is not most');
  assert.equal(counts(one, hl(0, 25)), true, 'the sentence and a word of the next (16 of 20)');
  assert.equal(counts(two, hl(0, 25)), false, 'that word (4 of 8) does not tag the next sentence');
  assert.equal(counts(one, hl(0, 29)), true, 'with a short next sentence: 16 of 24 is most of the highlight');
  assert.equal(counts(two, hl(0, 29)), false, 'the short one is 8 of 24');
  for (const s of [one, two, three]) assert.equal(counts(s, hl(0, text.length)), false, 'one long highlight tags none');
  // Spaces do not count; an offset inside the emoji (two UTF-16 units) counts as its start.
  assert.equal(counts(two, hl(20, 32)), true, 'trailing spaces are free');
  assert.equal(counts(three, hl(32, 41)), false, '"Seven 😀 " is 6 of 12');
  assert.equal(counts(three, hl(32, 43)), true, '"Seven 😀 e" is 7 of 12');
  assert.equal(counts(three, hl(39, 47)), true, 'from inside the emoji: "😀 eight." is 7 of 12');
  assert.equal(counts(three, hl(40, 47)), false, '" eight." is 6 of 12');
  assert.equal(counts({ start: 38, end: 47 }, hl(32, 39)), false, 'up to inside the emoji: "Seven" only');
  assert.equal(counts(one, { start: null, end: null, orphan: true }), false, 'orphans tag nothing');
});

test('suggestions are revealed only for a sentence tagged on its own, not by a part of it or one highlight over many', async () => {
  assert.ok(files.students, 'the teacher test saved the exercise');
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  await page.locator('#demo-file').setInputFiles(files.students);
  const form = host(page).locator('form.cm-name');
  await form.getByLabel('Your name').fill('Alan Turing');
  await form.getByRole('button', { name: 'Start' }).click();
  // The suggestions have loaded once the list says what to do.
  await host(page).locator('.cm-cmp .cm-hint', { hasText: 'Tag a sentence on its own to compare it with the suggestion.' }).waitFor();
  const s = await sentence(page, 'Liaison officials');
  const next = await sentence(page, 'The rivals use the channels');
  const rows = async (start, end) => {
    await page.evaluate(([start, end]) => {
      const el = document.querySelector('claim-annotator');
      el.clear();
      el.addAnnotation({ start, end, tag: 'fact' });
    }, [start, end]);
    return host(page).locator('.cm-cmp li .cm-q').allInnerTexts();
  };
  const len = await page.evaluate(() => document.querySelector('claim-annotator').text.length);
  assert.deepEqual(await rows(s.start, s.start + Math.floor((s.end - s.start) / 3)), [], 'a third of a sentence');
  assert.deepEqual(await rows(0, len), [], 'the whole article');
  const p1 = await sentence(page, 'While the renewed communication');
  const p3 = await sentence(page, 'Some experts say');
  assert.deepEqual(await rows(p1.start, p3.end), [], 'a paragraph of three sentences, none of them most of it');
  // Two sentences (148 and 171 non-space characters): only the longer is most of the highlight.
  const two = await rows(s.start, next.end);
  assert.equal(two.length, 1);
  assert.ok(two[0].startsWith('“The rivals use the channels'));
  const whole = await rows(s.start, s.end);
  assert.equal(whole.length, 1, 'the sentence itself');
  assert.ok(whole[0].startsWith('“Liaison officials'));
  // The same in the highlight's toolbar: the whole-article highlight offers nothing to reveal.
  await rows(0, len);
  await host(page).locator('.cm-s').nth(s.i).focus();
  await page.keyboard.press('Enter');
  await host(page).locator('.cm-tb .cm-tbrow').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await host(page).locator('.cm-tb .cm-tbcmp').count(), 0);
  await page.keyboard.press('Escape');
  await rows(s.start, s.end + 1);
  await host(page).locator('.cm-s').nth(s.i).focus();
  await page.keyboard.press('Enter');
  await host(page).locator('.cm-tb .cm-tbcmp .cm-reveal').waitFor();
  assert.equal(await host(page).locator('.cm-tb .cm-tbcmp .cm-reveal').count(), 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('shared computer: each student name has its own saved work; "Change name" switches to it and loses nothing', async () => {
  assert.ok(files.students, 'the teacher test saved the exercise');
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const tags = () => page.evaluate(() => document.querySelector('claim-annotator').annotations.map((a) => a.quote.slice(0, 12)));
  const saved = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':student')).sort());
  const start = async (name) => {
    const form = host(page).locator('form.cm-name');
    await form.waitFor();
    await form.getByLabel('Your name').fill(name);
    await form.getByRole('button', { name: 'Start' }).click();
    await host(page).locator('.cm-ex p.cm-row', { hasText: `Working as ${name}.` }).waitFor();
    // The heading has focus once the panel is back.
    await page.waitForFunction(() => document.querySelector('claim-annotator').shadowRoot.activeElement?.tagName === 'H2');
  };
  const tag = async (needle) => {
    const s = await sentence(page, needle);
    await page.evaluate(([a, b]) => document.querySelector('claim-annotator').addAnnotation({ start: a, end: b, tag: 'fact' }), [s.start, s.end]);
  };
  await page.locator('#demo-file').setInputFiles(files.students);
  await start('Ada');
  await tag('Liaison officials');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(':student:Ada')));
  const [adaKey] = await saved();
  assert.match(adaKey, /^claimmark:v1:[0-9a-f]{64}:student:Ada$/);

  // The next student changes the name: empty work of their own, Ada's stays saved.
  await host(page).getByRole('button', { name: 'Change name' }).click();
  assert.equal(await host(page).locator('form.cm-name').getByLabel('Your name').inputValue(), 'Ada');
  await start('Bob');
  assert.deepEqual(await tags(), []);
  await tag('The rivals use');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(':student:Bob')));
  assert.deepEqual(await saved(), [adaKey, adaKey.replace(/Ada$/, 'Bob')]);
  // Bob's export is Bob's work only.
  const out = JSON.parse(await page.evaluate(() => document.querySelector('claim-annotator').exportJSON()));
  assert.deepEqual(out.creator, { type: 'Person', name: 'Bob' });
  assert.deepEqual(out.first.items.map((a) => a.target.selector[0].exact.slice(0, 12)), ['The rivals u']);

  // Back to Ada: her work is back, Bob's is not mixed in.
  await host(page).getByRole('button', { name: 'Change name' }).click();
  await start('Ada');
  assert.deepEqual(await tags(), ['Liaison offi']);
  // The same name again: nothing reloads or changes.
  await host(page).getByRole('button', { name: 'Change name' }).click();
  await start('Ada');
  assert.deepEqual(await tags(), ['Liaison offi']);

  // Work saved before the key had the name (one per browser) becomes the remembered name's.
  const legacy = await page.evaluate((k) => localStorage.getItem(k), adaKey);
  const p2 = await ctx.newPage();
  await p2.goto(env.server.url);
  await p2.evaluate(() => document.querySelector('claim-annotator').ready);
  const base = adaKey.replace(/:Ada$/, '');
  await p2.evaluate(([base, v]) => {
    for (const k of Object.keys(localStorage)) if (k.includes(':student')) localStorage.removeItem(k);
    localStorage.setItem(base, v);
    localStorage.setItem('claimmark:name', 'Carol');
  }, [base, legacy]);
  await p2.locator('#demo-file').setInputFiles(files.students);
  await host(p2).locator('.cm-ex p.cm-row', { hasText: 'Working as Carol.' }).waitFor();
  assert.deepEqual(await p2.evaluate(() => document.querySelector('claim-annotator').annotations.map((a) => a.quote.slice(0, 12))), ['Liaison offi']);
  assert.deepEqual(await p2.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':student'))), [`${base}:Carol`]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an invalid exercise set before the element has loaded: shown once, then a reload or a valid exercise works; no unhandled rejection', async () => {
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const late = (id) => page.locator(`#${id}`);
  // Set before the element is in the page (so before it loads), then added.
  await page.evaluate(() => {
    const el = document.createElement('claim-annotator');
    el.id = 'late1';
    el.exercise = '{oops';
    document.querySelector('main').append(el);
  });
  await late('late1').locator('.cm-error', { hasText: 'Not a valid exercise file: it is not JSON' }).waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('late1').exercise), null);
  // A reload (new text) shows the article, not the old error.
  await page.evaluate(() => { document.getElementById('late1').text = 'A short article. It has two sentences.'; });
  await late('late1').locator('.cm-article').waitFor();
  assert.equal(await late('late1').locator('.cm-error').count(), 0);
  assert.equal(await late('late1').locator('.cm-s').count(), 2);

  // The same, then a valid exercise: it opens (student mode).
  await page.evaluate(() => {
    const el = document.createElement('claim-annotator');
    el.id = 'late2';
    el.exercise = { type: 'claimmark-exercise', version: 2, article: 'x' };
    document.querySelector('main').append(el);
  });
  await late('late2').locator('.cm-error', { hasText: '"version" 2 is not supported' }).waitFor();
  await page.evaluate(() => {
    document.getElementById('late2').exercise = { type: 'claimmark-exercise', version: 1, title: 'Late', article: 'One sentence. And another.' };
  });
  await late('late2').locator('form.cm-name').waitFor();
  assert.equal(await late('late2').locator('.cm-error').count(), 0);
  assert.deepEqual(await page.evaluate(() => {
    const el = document.getElementById('late2');
    return [el.exercise.title, el.getAttribute('mode'), el.text];
  }), ['Late', 'student', 'One sentence. And another.']);

  // An element never added to the page: the rejected exercise is not an unhandled rejection.
  await page.evaluate(() => new Promise((done) => {
    document.createElement('claim-annotator').exercise = '{oops';
    setTimeout(done, 300);
  }));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('student mode drops the key of a full exercise file as it opens: not readable, not brought back by teacher mode', async () => {
  assert.ok(files.json, 'the teacher test saved the exercise');
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  // The teacher's full file, opened by a student (demo page, teacher mode off).
  await page.locator('#demo-file').setInputFiles(files.json);
  await host(page).locator('form.cm-name').waitFor();
  const seen = await page.evaluate(() => {
    const el = document.querySelector('claim-annotator');
    return { mode: el.getAttribute('mode'), title: el.exercise.title, key: el.exercise.key, has: 'key' in el.exercise };
  });
  assert.deepEqual(seen, { mode: 'student', title: 'Koreas: fact or analysis?', key: undefined, has: false });
  assert.equal(readFileSync(files.json, 'utf8').includes(REASONS[0]), true, 'the full file has the key');
  // Teacher mode switched on afterwards finds no key in the student's copy.
  await page.locator('#demo-teacher').check();
  const panel = host(page).locator('.cm-ex');
  await panel.locator('.cm-keyinfo', { hasText: 'Answer key: 0 highlights, 0 with a reason.' }).waitFor();
  assert.deepEqual(await page.evaluate(() => document.querySelector('claim-annotator').annotations), []);
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').exercise.key), undefined);
  const shown = await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.textContent);
  for (const r of REASONS) assert.ok(!shown.includes(r));
  // And the exercise API in student mode drops it too (an object with a key).
  const api = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    el.setAttribute('mode', 'student');
    await el.openExercise({ type: 'claimmark-exercise', version: 1, article: 'One sentence here. Another one there.',
      key: { type: 'AnnotationCollection', total: 0 } });
    return [el.getAttribute('mode'), el.exercise.key];
  });
  assert.deepEqual(api, ['student', undefined]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('teacher mode opens an exercise file to edit it: the key comes back with its reasons; API errors change nothing', async () => {
  assert.ok(files.json, 'the teacher test saved the exercise');
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const r = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    const text = el.text;
    const tries = ['{oops', { type: 'claimmark-exercise', version: 2, article: 'x' },
      { type: 'claimmark-exercise', version: 1, article: 'Some text.', tags: [{ id: 'a' }, { id: 'a' }] },
      { type: 'claimmark-exercise', version: 1, article: 'Some text.', key: [] }];
    const out = [];
    for (const t of tries) {
      try { await el.openExercise(t); out.push('opened'); } catch (e) { out.push(e.message); }
    }
    return { out, same: el.text === text, mode: el.getAttribute('mode'), exercise: el.exercise };
  });
  assert.match(r.out[0], /^Not a valid exercise file: it is not JSON/);
  assert.equal(r.out[1], 'Not a valid exercise file: "version" 2 is not supported (this widget reads version 1)');
  assert.equal(r.out[2], 'Not a valid exercise file: tag 2: the id "a" is used twice');
  assert.equal(r.out[3], 'Not a valid exercise file: "key" must be a W3C AnnotationCollection (what Export writes)');
  assert.deepEqual([r.same, r.mode, r.exercise], [true, null, null]);

  await page.locator('#demo-teacher').check();
  const panel = host(page).locator('.cm-ex');
  await panel.getByRole('heading', { name: 'Prepare an exercise' }).waitFor();
  await panel.locator('.cm-exfile').setInputFiles(files.json);
  await panel.locator('.cm-exstatus', { hasText: /Opened the exercise/ }).waitFor();
  assert.equal(await panel.getByLabel('Title').inputValue(), 'Koreas: fact or analysis?');
  assert.equal(await panel.getByLabel('Instructions for students').inputValue(), INSTRUCTIONS);
  const key = await page.evaluate(() => document.querySelector('claim-annotator').annotations.map((a) => [a.tag, a.note]));
  assert.deepEqual(key, [['fact', REASONS[0]], ['analysis', REASONS[1]]]);
  assert.equal(await panel.locator('.cm-keyinfo').innerText(), 'Answer key: 2 highlights, 2 with a reason.');
  // Switched to student mode, the open exercise loses its key; the teacher's work stays in
  // teacher mode's own autosave and is back when teacher mode is.
  await page.locator('#demo-teacher').uncheck();
  await host(page).locator('form.cm-name').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('claim-annotator').exercise.key), undefined);
  assert.deepEqual(await page.evaluate(() => document.querySelector('claim-annotator').annotations), []);
  await page.locator('#demo-teacher').check();
  await host(page).locator('.cm-keyinfo', { hasText: 'Answer key: 2 highlights, 2 with a reason.' }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('single HTML file from file:// with the network blocked: name, instructions, no key, tag, reveal, export with creator', async () => {
  assert.ok(files.html, 'the teacher test saved the HTML file');
  // A copy in a folder of its own, as a student would have it.
  const dir = mkdtempSync(path.join(TMP, 'student-'));
  const file = path.join(dir, 'exercise.html');
  writeFileSync(file, readFileSync(files.html));
  const ctx = await env.browser.newContext({ viewport: { width: 1100, height: 900 } });
  await ctx.setOffline(true);
  const requests = [];
  await ctx.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
  ctx.on('request', (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.querySelector('claim-annotator'));
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  assert.equal(await page.title(), 'Koreas: fact or analysis?');
  const form = host(page).locator('form.cm-name');
  await form.waitFor();
  // The stylesheet (inlined) applies inside the widget.
  assert.equal(await host(page).locator('.cm-article').evaluate((a) => getComputedStyle(a).paddingLeft), '16px');
  await form.getByLabel('Your name').fill('Grace Hopper');
  await page.keyboard.press('Enter');
  const panel = host(page).locator('.cm-ex');
  await panel.getByRole('heading', { name: 'Exercise: Koreas: fact or analysis?' }).waitFor();
  assert.equal(await panel.locator('.cm-instr').innerText(), INSTRUCTIONS);
  assert.equal((await page.evaluate(() => document.querySelector('claim-annotator').annotations)).length, 0, 'no key');

  const shown = await tagAndReveal(page, 'Liaison officials', 'f', 'toolbar');
  assert.ok(shown.length > 20);
  assert.deepEqual(await axe(page), [], 'single file, suggestion shown in the toolbar');
  await screenshot(page, 'exercise-single-file');
  await page.keyboard.press('Escape');

  // Export (the exchange module, inlined too): W3C JSON with the student as creator.
  const out = await download(page, host(page).locator('.cm-export'), dir);
  const w3c = JSON.parse(out.text);
  assert.equal(w3c.type, 'AnnotationCollection');
  assert.deepEqual(w3c.creator, { type: 'Person', name: 'Grace Hopper' });
  assert.equal(w3c.total, 1);
  assert.equal(w3c.first.items[0].body[0].value, 'fact');
  assert.match(w3c.first.items[0].target.selector[0].exact, /^Liaison officials/);
  // Quotes on demand come from the inlined classroom module (this exercise shows suggestions).
  const quotes = await page.evaluate(async () => (await document.querySelector('claim-annotator').findQuotes()).length);
  assert.ok(quotes > 5, `quotes found offline: ${quotes}`);

  // Reopened (the name and the work are remembered in this browser).
  await page.reload();
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  await host(page).locator('.cm-ex h2', { hasText: 'Exercise:' }).waitFor();
  assert.equal(await host(page).locator('form.cm-name').count(), 0);
  assert.match(await host(page).locator('.cm-ex').innerText(), /Working as Grace Hopper\./);
  assert.equal((await page.evaluate(() => document.querySelector('claim-annotator').annotations)).length, 1);

  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), [], 'no network');
  assert.deepEqual(errors, []);
  await ctx.close();
});

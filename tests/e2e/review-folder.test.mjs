// Folders of submissions on the teacher review page (an LMS hands the teacher a folder): chosen
// with the folder picker (<input webkitdirectory>, which Playwright fills from a directory on
// disk) or dropped on the drop zone. The .json/.jsonld files inside are read, subfolders
// included, in path order and named by their path in the folder; other files (and hidden ones,
// and macOS's __MACOSX) are ignored and counted in the status. A real dropped folder cannot be
// synthesised (a script-made DataTransfer holds files only), so the drop test hands the page's
// own drop handler a stand-in for the drop's items: FileSystemEntry look-alikes whose
// readEntries() gives a few entries per call, as Chrome does 100 at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setup, collectErrors } from './harness.mjs';
import { openReview, makeExports, bodyCount, reference, scored, asBuffer, rows, who } from './review-helpers.mjs';

const env = setup();
const TAGS = ['fact', 'analysis', 'quote'];

/** A key and four students, student k differing from it on every (k + 2)th sentence. */
async function classFiles(page) {
  const n = await bodyCount(page);
  const spans = (k) => Array.from({ length: n }, (_, i) => [i, TAGS[(i + (k && i % (k + 2) === 0 ? 1 : 0)) % 3]]);
  return makeExports(page, [
    { name: 'key.json', spans: spans(0) },
    { name: 'alice.jsonld', creator: 'Alice', spans: spans(1) },
    { name: 'export.json', creator: 'Bob', spans: spans(2) },
    { name: 'carol.JSON', creator: 'Carol', spans: spans(3) },
    { name: 'dan.json', creator: 'Dan', spans: spans(4) },
  ]);
}

test('review: a folder chosen with the folder picker: its .json/.jsonld files, subfolders included, by path; others counted as ignored', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await openReview(env, page);
  const [key, alice, bob, carol, dan] = await classFiles(page);
  // As an LMS hands it out: a folder per student (numbered), feedback files, macOS leftovers.
  const root = mkdtempSync(path.join(tmpdir(), 'claimmark-review-'));
  const dir = path.join(root, 'Class 3B - submissions');
  const put = (rel, text) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  put('Student 10 - Bob/export.json', bob.json);
  put('Student 10 - Bob/feedback.txt', 'Well done.');
  put('Student 2 - Alice/alice.jsonld', alice.json);
  put('Student 2 - Alice/photo.png', '\x89PNG');
  put('carol.JSON', carol.json);
  put('extra/deeper/dan.json', dan.json);
  put('.DS_Store', 'x');
  put('__MACOSX/Student 10 - Bob/._export.json', 'not json');
  put('readme.pdf', '%PDF');
  try {
    await scored(page, () => page.setInputFiles('#key-file', [asBuffer(key)]));
    const d = await scored(page, () => page.setInputFiles('#folder', dir));
    assert.equal(d.students, 4);
    assert.equal(d.failed, 0);
    // In path order (letter case aside; Student 2 before Student 10), named by the path under the chosen folder.
    const names = ['carol.JSON', 'extra/deeper/dan.json', 'Student 2 - Alice/alice.jsonld', 'Student 10 - Bob/export.json'];
    const ref = await reference(page, key, [carol, dan, alice, bob].map((f, i) => ({ ...f, name: names[i] })));
    assert.deepEqual(ref.report.students.map((s) => s.name), names);
    const shown = await rows(page, 'students');
    assert.deepEqual(shown.map((r) => r[0]), ref.report.students.map(who));
    assert.deepEqual(shown.map((r) => r[2]), ref.report.students.map((s) =>
      `${(100 * s.accuracy.value).toFixed(1)}% (${s.accuracy.correct}/${s.accuracy.scored})`));
    assert.match(await page.locator('#status').textContent(), new RegExp('^4 students scored against the key “key\\.json” ' +
      '\\([\\d,]+ ms\\)\\. 5 other files in the folder were ignored \\(only its \\.json and \\.jsonld files are read\\)\\.$'));
    assert.equal(await page.locator('#failed').isHidden(), true);
    assert.deepEqual(await page.locator('#key option').allTextContents(), ['No key (class agreement only)', 'key.json', ...names]);

    // The same folder again: kept apart as "name (2)", flagged as repeats; a folder with nothing to read says so.
    const d2 = await scored(page, () => page.setInputFiles('#folder', dir));
    assert.equal(d2.students, 4, 'the repeats are counted once');
    assert.ok((await rows(page, 'students')).length === 4);
    assert.equal(await page.locator('#key option').count(), 10);
    const empty = path.join(root, 'empty');
    mkdirSync(path.join(empty, 'sub'), { recursive: true });
    writeFileSync(path.join(empty, 'sub', 'notes.txt'), 'nothing');
    await page.setInputFiles('#folder', empty);
    await page.waitForFunction(() => document.getElementById('status').textContent ===
      'No .json or .jsonld file in the folder (1 other file ignored).');
    assert.equal(await page.locator('#key option').count(), 10, 'nothing added');

    // In French too.
    await page.selectOption('#lang', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.locator('#status').textContent(),
      'Aucun fichier .json ou .jsonld dans le dossier (1 autre fichier ignoré).');
    assert.equal(await page.locator('label[for=folder]').textContent(), '…ou choisissez un dossier, tel que votre plateforme ' +
      '(ENT, Moodle…) le fournit (les fichiers .json et .jsonld qu’il contient, sous-dossiers compris, sont lus)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('review: a dropped folder is walked (readEntries until empty, subfolders), a loose file beside it is taken, unreadable entries listed', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await openReview(env, page);
  const [key, alice, bob, carol, dan] = await classFiles(page);
  await scored(page, () => page.setInputFiles('#key-file', [asBuffer(key)]));
  const d = await scored(page, () => page.evaluate(({ alice, bob, carol, dan }) => {
    window.__reads = [];
    // FileSystemEntry look-alikes: callbacks called later, as the browser does.
    const later = (fn) => setTimeout(fn, 1);
    const file = (name, text) => ({
      isFile: true, isDirectory: false, name,
      file: (ok, fail) => later(() => (text === null ? fail(new DOMException('The file could not be read.', 'NotReadableError'))
        : ok(new File([text], name, { type: 'application/json' })))),
    });
    const folder = (name, children, { perCall = 2, broken = false } = {}) => ({
      isFile: false, isDirectory: true, name,
      createReader() {
        let at = 0;
        return {
          readEntries: (ok, fail) => later(() => {
            window.__reads.push(name);
            if (broken) return fail(new DOMException('The folder could not be read.', 'NotReadableError'));
            const batch = children.slice(at, at + perCall);
            at += batch.length;
            return ok(batch);
          }),
        };
      },
    });
    const dropped = folder('class-3B', [
      file('bob.jsonld', bob.json),
      file('notes.md', '# notes'),
      file('alice.json', alice.json),
      folder('group-1', [file('photo.png', 'x'), folder('late', [file('dan.json', dan.json)], { perCall: 1 })]),
      file('.hidden.json', '{}'),
      file('zed.json', null),
      folder('locked', [], { broken: true }),
    ]);
    const loose = file('carol.JSON', carol.json);
    const items = [dropped, loose].map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => null }));
    const e = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'dataTransfer', { value: { items, files: [], dropEffect: 'none' } });
    document.getElementById('drop').dispatchEvent(e);
    if (!e.defaultPrevented) throw new Error('the drop was not handled');
  }, { alice, bob, carol, dan }));
  assert.equal(d.students, 4);
  assert.equal(d.failed, 2);
  // readEntries is called until it gives nothing: class-3B has 7 entries at 2 a call (4 + the empty one), etc.
  const reads = await page.evaluate(() => window.__reads);
  const count = (name) => reads.filter((r) => r === name).length;
  assert.deepEqual([count('class-3B'), count('group-1'), count('late'), count('locked')], [5, 2, 2, 1]);
  // The folder's files in path order, named by their path in it; the loose file after it.
  const names = ['alice.json', 'bob.jsonld', 'group-1/late/dan.json', 'carol.JSON'];
  const ref = await reference(page, key, [alice, bob, dan, carol].map((f, i) => ({ ...f, name: names[i] })));
  assert.deepEqual((await rows(page, 'students')).map((r) => r[0]), ref.report.students.map(who));
  assert.deepEqual(ref.report.students.map((s) => s.name), names);
  assert.deepEqual(await page.locator('#failed-list li').allTextContents(),
    ['locked/: The folder could not be read.', 'zed.json: The file could not be read.']);
  assert.match(await page.locator('#status').textContent(), new RegExp('^4 students scored against the key “key\\.json”; ' +
    '2 files could not be read \\([\\d,]+ ms\\)\\. 3 other files in the folder were ignored \\(only its \\.json and \\.jsonld files are read\\)\\.$'));
  // A drop of files only (no folder) still takes them all, as before, and the ignored count goes.
  const d2 = await scored(page, () => page.evaluate(({ carol }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([carol.json], 'again.json', { type: 'application/json' }));
    dt.items.add(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    const zone = document.getElementById('drop');
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { carol }));
  assert.equal(d2.failed, 3, 'notes.txt is read and fails');
  assert.doesNotMatch(await page.locator('#status').textContent(), /ignored/);
  assert.deepEqual(errors, []);
  await page.close();
});

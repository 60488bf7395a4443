// UI strings: one table per language, the same keys; the widget takes the language of its
// `lang` attribute or nearest ancestor's (here French) and loads that table before rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors } from './harness.mjs';
import { setup } from './widget-helpers.mjs';
import * as en from '../../www/claim/strings.js';
import * as fr from '../../www/claim/strings-fr.js';
import * as ex from '../../www/claim/strings-exercise.js';

const env = setup();

test('the French table has exactly the English keys, of the same kinds', () => {
  for (const [name, a, b] of [['S', en.S, fr.S], ['REASONS', en.REASONS, fr.REASONS], ['SX', ex.SX, fr.SX]]) {
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), name);
    for (const k of Object.keys(a)) assert.equal(typeof b[k], typeof a[k], `${name}.${k}`);
  }
  assert.equal(fr.S.keys.length, en.S.keys.length);
  assert.deepEqual(Object.keys(fr.TAGS), ['fact', 'analysis', 'quote']);
});

test('a widget inside lang="fr-CA" speaks French: controls, tags, reasons, announcements', async () => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(env.server.url);
  await page.evaluate(() => document.querySelector('claim-annotator').ready);
  const seen = await page.evaluate(async () => {
    document.querySelector('claim-annotator').remove();
    const box = document.createElement('div');
    box.lang = 'fr-CA';
    const el = document.createElement('claim-annotator');
    el.setAttribute('src', 'articles/ap-koreas-talks-2021.txt');
    box.append(el);
    document.querySelector('main').append(box);
    await el.ready;
    const root = el.shadowRoot;
    const s = root.querySelector('.cm-s');
    el.addAnnotation({ start: +s.dataset.start, end: +s.dataset.end, tag: 'analysis' });
    const text = (sel) => root.querySelector(sel).textContent;
    return {
      toggle: text('.cm-toggle'), undo: text('.cm-undo'), exp: text('.cm-export'),
      desc: s.getAttribute('aria-description'),
    };
  });
  assert.match(seen.toggle, /^Afficher \d+ blocs écartés \(.*(article connexe|droits d’auteur)/);
  assert.equal(seen.undo, 'Annuler');
  assert.equal(seen.exp, 'Exporter');
  assert.equal(seen.desc, 'étiquetée Analyse');
  // The toolbar's tag buttons carry the French labels.
  await page.keyboard.press('Tab');
  await page.evaluate(() => {
    const root = document.querySelector('claim-annotator').shadowRoot;
    root.querySelectorAll('.cm-s')[2].focus();
  });
  await page.keyboard.press('?');
  const help = await page.evaluate(() => document.querySelector('claim-annotator').shadowRoot.querySelector('.cm-help').textContent);
  assert.match(help, /Raccourcis clavier.*phrase suivante/);
  // The tag line is built from the tag set, in French too.
  assert.match(help, /1 ou f, 2 ou a, 3 ou qétiqueter la ou les phrases : fait, analyse, citation/);
  // The exercise chunk (loaded on demand) speaks French too: student mode asks for the name.
  const student = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    el.setAttribute('mode', 'student');
    await new Promise((r) => setTimeout(r, 50));
    await el.ready;
    for (let i = 0; i < 100 && !el.shadowRoot.textContent.includes('Avant'); i++) await new Promise((r) => setTimeout(r, 50));
    return el.shadowRoot.textContent;
  });
  assert.match(student, /Avant de commencer.*Votre nom/s);
  // … and says in French what is wrong with an exercise file or a tag set.
  const bad = await page.evaluate(async () => {
    const el = document.querySelector('claim-annotator');
    const out = [];
    for (const t of ['{oops', '[]', { type: 'AnnotationCollection' }, { type: 'claimmark-exercise', version: 2, article: 'x' },
      { type: 'claimmark-exercise', version: 1, article: 'Du texte.', tags: [{ id: 'a' }, { id: 'a' }] },
      { type: 'claimmark-exercise', version: 1, article: 'Du texte.', key: [] }]) {
      try { await el.openExercise(t); out.push('ouvert'); } catch (e) { out.push(e.message); }
    }
    return out;
  });
  assert.match(bad[0], /^Ce n’est pas un fichier d’exercice valide : ce n’est pas du JSON \(/);
  assert.deepEqual(bad.slice(1), [
    'Ce n’est pas un fichier d’exercice valide : un objet JSON est attendu',
    'Ce n’est pas un fichier d’exercice valide : "type" doit valoir "claimmark-exercise" (c’est un export d’annotations : utilisez Importer)',
    'Ce n’est pas un fichier d’exercice valide : la version 2 n’est pas prise en charge (ce widget lit la version 1)',
    'Ce n’est pas un fichier d’exercice valide : étiquette 2 : l’identifiant "a" est utilisé deux fois',
    'Ce n’est pas un fichier d’exercice valide : "key" doit être une AnnotationCollection W3C (ce qu’écrit Exporter)',
  ]);
  assert.deepEqual(errors, []);
  await page.close();
});

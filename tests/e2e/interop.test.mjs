// Interoperability of the W3C export with two third-party Web Annotation libraries,
// run in the real browser on the rendered widget:
//
//  * @apache-annotator/dom: `createTextQuoteSelectorMatcher` resolves each exported
//    TextQuoteSelector back to the annotation's text, on the widget's rendered
//    article (`shadowRoot .cm-article`) and on a plain rendering of the normalised text.
//  * @recogito/text-annotator: `parseW3CTextAnnotation` (the parser behind its
//    `W3CTextFormat` adapter) reads each exported annotation to the same quote and
//    offsets, and its `reviveSelector` turns those offsets back into the same text.
//
// Units and origins (checked below, not assumed):
//  * claimmark's TextPositionSelector: Unicode code points from the start of the
//    normalised article text (`element.document.text`, blocks separated by "\n\n").
//  * recogito: `parseW3CTextAnnotation` copies `start`/`end` verbatim; recogito itself
//    (rangeToSelector / reviveSelector) means UTF-16 code units from the start of the
//    text content of its container element (text nodes inside `.not-annotatable`
//    skipped). So the offsets agree when the container's text is the normalised text
//    and the text has no astral characters; each astral character before a span
//    shifts recogito's reading by one (shown with an emoji below).
//  * apache-annotator's TextPositionSelector matcher counts Unicode code points
//    (its CodePointSeeker) from the first character of its scope, like claimmark, so
//    it reads our offsets right even after an astral character.
//
// The widget keeps the block separators ("\n\n") of the normalised text as text nodes
// between its block elements, so a quote selector whose 32-character prefix/suffix
// crosses a block boundary matches the rendered DOM with its full context (asserted
// below for every annotation). Out-of-article blocks still carry UI text ("Move into
// article" buttons, reason labels), so recogito's offsets revived on `.cm-article`
// itself can differ after such a block (reported as a diagnostic, not asserted).
//
// The libraries are bundled here with esbuild (no CDN) and injected with addScriptTag.
// @apache-annotator/dom 0.2.0 imports @apache-annotator/selector but declares it only as
// a devDependency, so package.json lists @apache-annotator/selector 0.2.0 explicitly.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { ROOT, collectErrors } from './harness.mjs';
import { setup, openDemo } from './widget-helpers.mjs';

const env = setup();
let bundle;

before(async () => {
  const out = await build({
    stdin: {
      contents: `
        export { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from '@apache-annotator/dom';
        export { parseW3CTextAnnotation, reviveSelector, W3CTextFormat } from '@recogito/text-annotator';`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Interop',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0].text;
});

/**
 * In the page: exports the element's annotations and runs both libraries on them.
 * Returns, per annotation, what we exported and what each library made of it.
 */
async function runInterop(page, selector) {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(async (selector) => {
    const { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher, parseW3CTextAnnotation, reviveSelector, W3CTextFormat } = window.Interop;
    const el = document.querySelector(selector);
    const text = el.document.text;
    const article = el.shadowRoot.querySelector('.cm-article');
    // A plain rendering of the normalised text, outside the widget.
    const pre = document.createElement('pre');
    pre.className = 'interop-plain';
    pre.textContent = text;
    document.body.append(pre);

    // UTF-16 offset in `text` of a DOM point inside the rendered article (via the
    // sentence span's data-start), or null when the point is not inside a sentence.
    const articleOffset = (node, offset) => {
      const s = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest('.cm-s');
      if (!s) return null;
      const r = document.createRange();
      r.setStart(s, 0);
      r.setEnd(node, offset);
      return +s.dataset.start + r.toString().length;
    };
    const plainOffset = (node, offset) => {
      const r = document.createRange();
      r.setStart(pre, 0);
      r.setEnd(node, offset);
      return r.toString().length;
    };
    const all = async (gen) => { const out = []; for await (const m of gen) out.push(m); return out; };
    // Context as far as the rendered DOM can show it: cut at the block separator.
    const sameBlock = (q) => ({ ...q, prefix: q.prefix.split('\n').pop(), suffix: q.suffix.split('\n')[0] });
    const cpToUtf16 = (cp) => [...text].slice(0, cp).join('').length;

    const coll = JSON.parse(await el.exportJSON());
    const items = coll.first.items;
    const results = [];
    for (const item of items) {
      const quoteSel = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const posSel = item.target.selector.find((s) => s.type === 'TextPositionSelector');
      const r = { id: item.id, quoteSel, posSel, utf16Start: cpToUtf16(posSel.start), utf16End: cpToUtf16(posSel.end) };
      r.textAtPos = text.slice(r.utf16Start, r.utf16End);

      // (1) apache-annotator, full selector, on the rendered article and on <pre>.
      const fullArticle = await all(createTextQuoteSelectorMatcher(quoteSel)(article));
      r.fullOnArticle = fullArticle.map((m) => ({ text: m.toString(), start: articleOffset(m.startContainer, m.startOffset) }));
      const cut = sameBlock(quoteSel);
      r.contextCut = cut.prefix !== quoteSel.prefix || cut.suffix !== quoteSel.suffix;
      r.cutOnArticle = (await all(createTextQuoteSelectorMatcher(cut)(article)))
        .map((m) => ({ text: m.toString(), start: articleOffset(m.startContainer, m.startOffset), end: articleOffset(m.endContainer, m.endOffset) }));
      r.exactOnArticle = (await all(createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact: quoteSel.exact })(article)))
        .map((m) => ({ text: m.toString(), start: articleOffset(m.startContainer, m.startOffset) }));
      r.fullOnPlain = (await all(createTextQuoteSelectorMatcher(quoteSel)(pre)))
        .map((m) => ({ text: m.toString(), start: plainOffset(m.startContainer, m.startOffset), end: plainOffset(m.endContainer, m.endOffset) }));
      // apache-annotator's position matcher (code points, like ours) with our offsets.
      r.apachePosOnPlain = (await all(createTextPositionSelectorMatcher(posSel)(pre))).map((m) => m.toString());

      // (2) recogito: the parser, the adapter and its own anchoring of the offsets.
      const parsed = parseW3CTextAnnotation(item);
      const viaAdapter = W3CTextFormat(item.target.source, pre).parse(item);
      if (parsed.error) { r.recogitoError = String(parsed.error); results.push(r); continue; }
      const sel = parsed.parsed.target.selector[0];
      r.recogito = {
        selectors: parsed.parsed.target.selector.length,
        quote: sel.quote, start: sel.start, end: sel.end,
        annotation: parsed.parsed.target.annotation, id: parsed.parsed.id,
        bodies: parsed.parsed.bodies.map((b) => [b.purpose, b.value]),
        adapterSame: !viaAdapter.error && JSON.stringify(viaAdapter.parsed.target.selector) === JSON.stringify(parsed.parsed.target.selector),
      };
      r.recogitoRevivedPlain = reviveSelector({ ...sel }, pre).range.toString();
      r.recogitoRevivedPlainUtf16 = reviveSelector({ ...sel, start: r.utf16Start, end: r.utf16End }, pre).range.toString();
      r.recogitoRevivedArticle = reviveSelector({ ...sel }, article).range.toString();
      results.push(r);
    }
    pre.remove();
    return { results, units: coll['claimmark:units'], painter: el.painterMode };
  }, selector);
}

/** The checks shared by both pages; `expectAstralAfter`: quotes that come after an astral character. */
function check(t, results, { expectAstralAfter = new Set() } = {}) {
  let crossing = 0;
  for (const r of results) {
    const q = r.quoteSel;
    const label = JSON.stringify(q.exact.slice(0, 40));
    assert.equal(r.textAtPos, q.exact, `${label}: TextPositionSelector and TextQuoteSelector describe the same text`);

    // (1) apache-annotator on the widget's rendered article.
    const here = (m) => m.start === r.utf16Start;
    assert.ok(r.exactOnArticle.some((m) => here(m) && m.text === q.exact), `${label}: exact quote found at its place in .cm-article`);
    assert.ok(r.exactOnArticle.every((m) => m.text === q.exact));
    assert.deepEqual(r.cutOnArticle, [{ text: q.exact, start: r.utf16Start, end: r.utf16End }],
      `${label}: the selector (context within its block) matches once, at its place, in .cm-article`);
    if (r.contextCut) crossing++;
    // The full context (even across "\n\n" between blocks) is in the rendered DOM.
    assert.deepEqual(r.fullOnArticle, [{ text: q.exact, start: r.utf16Start }], `${label}: full selector matches once in .cm-article`);
    // ... and the full selector on a plain rendering of the normalised text.
    assert.deepEqual(r.fullOnPlain, [{ text: q.exact, start: r.utf16Start, end: r.utf16End }], `${label}: full selector matches once in <pre>`);

    // (2) recogito's parser: same quote and the offsets verbatim (our code points).
    assert.equal(r.recogitoError, undefined, `${label}: recogito parse error ${r.recogitoError}`);
    assert.equal(r.recogito.selectors, 1);
    assert.equal(r.recogito.quote, q.exact, `${label}: recogito quote`);
    assert.deepEqual([r.recogito.start, r.recogito.end], [r.posSel.start, r.posSel.end], `${label}: recogito offsets`);
    assert.equal(r.recogito.annotation, r.id);
    assert.equal(r.recogito.id, r.id);
    assert.ok(r.recogito.bodies.some(([p]) => p === 'tagging'), `${label}: tag body kept`);
    assert.ok(r.recogito.adapterSame, `${label}: W3CTextFormat(...).parse gives the same selector`);
    // recogito's own anchoring of the parsed offsets (UTF-16 into its container).
    if (expectAstralAfter.has(q.exact)) {
      assert.notEqual(r.posSel.start, r.utf16Start, `${label}: code points and UTF-16 differ here`);
      assert.notEqual(r.recogitoRevivedPlain, q.exact, `${label}: code-point offsets read as UTF-16 are shifted`);
    } else {
      assert.equal(r.posSel.start, r.utf16Start);
      assert.equal(r.recogitoRevivedPlain, q.exact, `${label}: recogito revives our offsets to the quote`);
    }
    assert.deepEqual(r.apachePosOnPlain, [q.exact], `${label}: apache's (code point) position matcher agrees`);
    assert.equal(r.recogitoRevivedPlainUtf16, q.exact, `${label}: UTF-16 offsets revive to the quote`);
  }
  const offArticle = results.filter((r) => r.recogitoRevivedArticle !== r.quoteSel.exact).length;
  t.diagnostic(`${results.length} annotations; ${crossing} with context crossing a block boundary (matched in the DOM all the same); ` +
    `recogito offsets revived on .cm-article give other text for ${offArticle}`);
  return { crossing, offArticle };
}

test('demo article: sentences, a span across a curly quote, overlaps — apache-annotator and recogito agree', async (t) => {
  const { ctx, page } = await openDemo(env);
  const errors = collectErrors(page);
  const made = await page.evaluate(() => {
    const el = document.querySelector('claim-annotator');
    el.clear();
    const text = el.document.text;
    const paragraphs = el.document.blocks.filter((b) => b.kind === 'paragraph');
    // A whole sentence that is a whole paragraph (its context crosses "\n\n").
    const lone = paragraphs.find((b) => b.sentences.length === 1).sentences[0];
    // A whole sentence with at least 32 characters of the same block on each side.
    const inner = paragraphs.flatMap((b) => b.sentences.slice(1, -1).map((s) => ({ s, b })))
      .find(({ s, b }) => s.start - b.start > 40 && b.end - s.end > 40).s;
    // Partial spans across an opening and a closing curly quote.
    const q = text.indexOf('“', paragraphs[2].start);
    const close = text.indexOf('”', q);
    const mk = (start, end, tag, note) => el.addAnnotation({ start, end, tag, note });
    const list = [
      mk(lone.start, lone.end, 'fact'),
      mk(inner.start, inner.end, 'analysis', 'a note'),
      mk(q - 12, q + 20, 'quote'),
      mk(close - 10, close + 8, 'quote', 'closing'),
      // Overlapping: inside the inner sentence, and from it into the next sentence.
      mk(inner.start + 5, inner.start + 45, 'fact'),
      mk(inner.start + 30, inner.end + 25, 'analysis'),
    ];
    return list.map((a) => a.quote);
  });
  assert.equal(made.length, 6);
  assert.ok(made[2].includes('“'), made[2]);
  assert.ok(made[3].includes('”'), made[3]);
  const { results, units } = await runInterop(page, 'claim-annotator');
  assert.equal(units, 'codepoint');
  assert.deepEqual(results.map((r) => r.quoteSel.exact).sort(), [...made].sort());
  const { crossing, offArticle } = check(t, results);
  assert.ok(crossing >= 1, 'the lone-paragraph sentence has cross-block context');
  // No out-of-article block precedes these annotations, and the separators are in the DOM,
  // so recogito revives our offsets right on the widget's own article too.
  assert.equal(offArticle, 0, 'recogito offsets revived on .cm-article give the quotes');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('text set via the element: combining marks, curly quotes, an emoji — apache-annotator and recogito agree', async (t) => {
  const page = await env.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(env.server.url);
  const made = await page.evaluate(async () => {
    const el = document.createElement('claim-annotator');
    el.id = 'interop';
    el.text = 'Cafe\u0301 owners meet\n\n' +
      'The chef said “the cafe\u0301 is open again” on Monday. Re\u0301sume\u0301s were sent to the mayor’s office. ' +
      'Then a fan posted 😀 about the café and the re\u0301sume\u0301 reached the paper.';
    document.body.replaceChildren(el);
    await el.ready;
    const text = el.document.text;
    const at = (s, from = 0) => { const i = text.indexOf(s, from); if (i < 0) throw new Error(s); return [i, i + s.length]; };
    const mk = ([start, end], tag) => el.addAnnotation({ start, end, tag });
    const sentence = el.document.blocks[1].sentences[0];
    const emoji = text.indexOf('😀');
    const list = [
      mk(at('cafe\u0301 is open'), 'quote'),
      mk(at('“the cafe\u0301'), 'quote'),
      mk([sentence.start, sentence.end], 'fact'),
      mk(at('Re\u0301sume\u0301s were'), 'fact'),
      mk(at('sume\u0301s were sent'), 'analysis'),
      mk(at('the re\u0301sume\u0301', emoji), 'analysis'),
    ];
    return { quotes: list.map((a) => a.quote), nfd: text.includes('e\u0301') };
  });
  assert.ok(made.nfd, 'combining marks are kept as typed (no NFC)');
  const { results } = await runInterop(page, '#interop');
  assert.deepEqual(results.map((r) => r.quoteSel.exact).sort(), [...made.quotes].sort());
  assert.ok(results.some((r) => r.quoteSel.exact.includes('e\u0301')));
  check(t, results, { expectAstralAfter: new Set(['the re\u0301sume\u0301']) });
  assert.deepEqual(errors, []);
  await page.close();
});

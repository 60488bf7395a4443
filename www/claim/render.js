// Renders a segmented Document into DOM nodes. Text only: never parses HTML.
// Sentences are <span class="cm-s"> with data-start/data-end (UTF-16) and data-block.
// Labels and buttons inside a block live in `.cm-ui` so they are not article text.
import { S, REASONS } from './strings.js';

const TAG_FOR_KIND = { headline: 'h1', subhead: 'h2' };

/** Human label for a boilerplate reason. */
export function reasonLabel(reason) {
  return REASONS[reason] || reason || REASONS.other;
}

export function el(doc, name, className, text) {
  const e = doc.createElement(name);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A `<button type="button">` with text, class and a click handler. */
export function button(doc, text, cls, fn) {
  const b = el(doc, 'button', cls, text);
  b.type = 'button';
  b.addEventListener('click', fn);
  return b;
}

/** Builds the article view: `{root, blockEls, sentenceEls, starts, ix}`: the sentences'
 *  start offsets, and the text index of the blocks (as buildIndex would make it). */
export function renderDocument(ownerDoc, cmDoc) {
  const { text, blocks } = cmDoc;
  const root = el(ownerDoc, 'article', 'cm-article');
  root.setAttribute('aria-label', cmDoc.metadata && cmDoc.metadata.title ? cmDoc.metadata.title : 'Article');
  const blockEls = [];
  const sentenceEls = [];
  const starts = [];
  const ix = { nodes: [], starts: [], map: new Map() };
  const frag = ownerDoc.createDocumentFragment();
  // A text node for text[a..b], indexed: it is article text.
  const piece = (parent, a, b) => {
    const n = ownerDoc.createTextNode(text.slice(a, b));
    ix.nodes.push(n);
    ix.starts.push(a);
    ix.map.set(n, a);
    parent.append(n);
  };
  let prev = 0;
  blocks.forEach((b, bi) => {
    // The text between blocks (line breaks) stays in the DOM as a text node: it does not
    // render between block elements, but it makes the article's DOM text equal the
    // Document text, so other tools' quote selectors match across paragraphs.
    if (b.start > prev) frag.append(text.slice(prev, b.start));
    prev = b.end;
    const e = el(ownerDoc, TAG_FOR_KIND[b.kind] || 'p', `cm-block cm-${b.kind}`);
    e.setAttribute('data-block', bi);
    let pos = b.start;
    for (const s of b.sentences) {
      if (s.start > pos) piece(e, pos, s.start);
      const se = el(ownerDoc, 'span', 'cm-s');
      piece(se, s.start, s.end);
      se.setAttribute('data-start', s.start);
      se.setAttribute('data-end', s.end);
      se.setAttribute('data-block', bi);
      se.tabIndex = -1;
      sentenceEls.push(se);
      starts.push(s.start);
      e.append(se);
      pos = s.end;
    }
    if (b.end > pos) piece(e, pos, b.end);
    blockEls.push(e);
    frag.append(e);
  });
  root.append(frag);
  return { root, blockEls, sentenceEls, starts, ix };
}

/** Is block `b` in the article, given the reader's choice (true/false/undefined)? */
export function inArticle(b, choice) {
  return choice === undefined ? b.kind !== 'boilerplate' : choice;
}

/** Updates one block's in/out state, its reason label and its move button. */
export function updateBlock(e, b, choice, showOut) {
  const inside = inArticle(b, choice);
  e.classList.toggle('cm-out', !inside);
  e.hidden = !inside && !showOut;
  // The label, when there is one, is the block's first child (prepended below).
  let ui = e.firstElementChild;
  if (ui && !ui.classList.contains('cm-ui')) ui = null;
  let label = '';
  if (!inside) label = choice === false ? S.movedOut : reasonLabel(b.reason);
  else if (choice === true && b.kind === 'boilerplate') label = S.movedIn;
  if (!label) { if (ui) ui.remove(); return; }
  if (!ui) {
    ui = el(e.ownerDocument, 'span', 'cm-ui cm-reason');
    const btn = el(e.ownerDocument, 'button', 'cm-move');
    btn.type = 'button';
    btn.dataset.block = e.dataset.block;
    ui.append(el(e.ownerDocument, 'span', 'cm-why'), btn);
    e.prepend(ui);
  }
  ui.firstChild.textContent = `${label} `;
  ui.lastChild.textContent = inside ? S.exclude : S.include;
  ui.lastChild.dataset.to = inside ? 'out' : 'in';
}

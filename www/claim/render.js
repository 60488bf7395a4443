// Renders a segmented Document into DOM nodes. Text only: never parses HTML.

const TAG_FOR_KIND = {
  headline: 'h1',
  subhead: 'h2',
  byline: 'p',
  timestamp: 'p',
  caption: 'p',
  credit: 'p',
  paragraph: 'p',
  boilerplate: 'p',
};

const REASON_LABEL = {
  related: 'related story',
  sponsored: 'sponsored',
  copyright: 'copyright',
  navigation: 'navigation',
  share: 'share prompt',
  advertising: 'advertising',
  'duplicate-title': 'repeated title',
  other: 'not article text',
};

/** Human label for a boilerplate reason. */
export function reasonLabel(reason) {
  return REASON_LABEL[reason] || reason || 'not article text';
}

function el(doc, name, className, text) {
  const e = doc.createElement(name);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Builds the article view. Returns `{root, blockEls, sentenceEls}`; sentence elements
 * carry `data-start`/`data-end` (UTF-16 offsets) and `data-block`.
 */
export function renderDocument(ownerDoc, cmDoc) {
  const { text, blocks } = cmDoc;
  const root = el(ownerDoc, 'article', 'cm-article');
  const blockEls = [];
  const sentenceEls = [];
  let leftOut = 0;
  const reasons = new Set();
  blocks.forEach((b, bi) => {
    const e = el(ownerDoc, TAG_FOR_KIND[b.kind] || 'p', `cm-block cm-${b.kind}`);
    e.dataset.block = String(bi);
    if (b.kind === 'boilerplate') {
      leftOut += 1;
      reasons.add(reasonLabel(b.reason));
      e.hidden = true;
      e.append(el(ownerDoc, 'span', 'cm-reason', `${reasonLabel(b.reason)}: `));
    }
    let pos = b.start;
    for (const s of b.sentences) {
      if (s.start > pos) e.append(text.slice(pos, s.start));
      const se = el(ownerDoc, 'span', 'cm-s', text.slice(s.start, s.end));
      se.dataset.start = String(s.start);
      se.dataset.end = String(s.end);
      se.dataset.block = String(bi);
      sentenceEls.push(se);
      e.append(se);
      pos = s.end;
    }
    if (b.end > pos) e.append(text.slice(pos, b.end));
    blockEls.push(e);
    root.append(e);
  });
  return { root, blockEls, sentenceEls, leftOut, reasons: [...reasons] };
}

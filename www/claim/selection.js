// DOM Range ⇄ UTF-16 offsets into the Document text, and snapping to word boundaries.
// The article's text nodes are indexed in document order with their start offsets;
// text inside `.cm-ui` (labels, buttons) is not article text and is skipped.

/** Indexes the text nodes under `blockEls` (block i starts at blocks[i].start). */
export function buildIndex(blockEls, blocks) {
  const nodes = [];
  const starts = [];
  const map = new Map();
  blockEls.forEach((b, i) => {
    let pos = blocks[i].start;
    const w = b.ownerDocument.createTreeWalker(b, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('.cm-ui') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      nodes.push(n);
      starts.push(pos);
      map.set(n, pos);
      pos += n.data.length;
    }
  });
  return { nodes, starts, map };
}

/** Offset → {node, offset} (the text node containing it; at a boundary, the later node). */
export function locate(ix, off, preferEnd) {
  const { nodes, starts } = ix;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < off || (!preferEnd && starts[mid] === off)) lo = mid;
    else hi = mid - 1;
  }
  const n = nodes[lo];
  return n ? { node: n, offset: Math.max(0, Math.min(off - starts[lo], n.data.length)) } : null;
}

/** A DOM Range over `start..end`. */
export function rangeOf(ix, start, end) {
  const a = locate(ix, start, false);
  const b = locate(ix, end, true);
  if (!a || !b) return null;
  const r = new Range();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

/** A DOM boundary point → text offset (points outside text snap to the next text node). */
export function pointOffset(ix, container, offset) {
  if (container.nodeType === 3 && ix.map.has(container)) return ix.map.get(container) + offset;
  const r = new Range();
  r.setStart(container, offset);
  const { nodes, starts } = ix;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.comparePoint(nodes[mid], 0) < 0) lo = mid + 1; // node starts before the point
    else hi = mid;
  }
  if (lo >= nodes.length) return nodes.length ? starts[lo - 1] + nodes[lo - 1].data.length : 0;
  return starts[lo];
}

/** {start, end} of a StaticRange/Range, or null when it holds no article text or cannot be
 *  measured (a selection in another widget comes rescoped to the page's nodes, another tree). */
export function offsetsOf(ix, r) {
  try {
    const start = pointOffset(ix, r.startContainer, r.startOffset);
    const end = pointOffset(ix, r.endContainer, r.endOffset);
    return end > start ? { start, end } : null;
  } catch {
    return null;
  }
}

export const WORD = /[\p{L}\p{N}\p{M}'’_\-\u00ad\ud800-\udfff]/u;

/** Expands a span to whole words and trims surrounding spaces and punctuation-only edges. */
export function snap(text, start, end) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return null;
  while (start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) start--;
  while (end < text.length && WORD.test(text[end]) && WORD.test(text[end - 1])) end++;
  return { start, end };
}

/** The current selection inside `root` (a shadow root) as a StaticRange/Range, or null. */
export function selectedRange(root) {
  const sel = root.ownerDocument.getSelection();
  // isCollapsed is not reliable across a shadow boundary: ask for the composed range.
  if (!sel || sel.rangeCount === 0) return null;
  if (sel.getComposedRanges) {
    const [r] = sel.getComposedRanges({ shadowRoots: [root] });
    return r && !r.collapsed ? r : null;
  }
  const s = root.getSelection ? root.getSelection() : sel;
  return s.rangeCount && !s.isCollapsed ? s.getRangeAt(0) : null;
}

/** The text offset under the point (x, y), or -1. */
export function offsetAtPoint(ix, root, x, y) {
  const d = root.ownerDocument;
  let c = null;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y, { shadowRoots: [root] });
    if (p) c = [p.offsetNode, p.offset];
  } else if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    if (r) c = [r.startContainer, r.startOffset];
  }
  if (!c || !ix.map.has(c[0])) return -1;
  return ix.map.get(c[0]) + c[1];
}

// Printing: before the browser prints, the widget adds a legend of the tags and the notes as
// numbered footnotes (a marker after the sentence where each noted highlight ends); after
// printing they are removed. The print stylesheet (claimmark.css, @media print) hides the
// controls and keeps highlight colours.
import { el } from './render.js';
import { S } from './strings.js';

/** Builds the print additions into `wrap`; returns a function that removes them.
 *  `anns`: annotations in document order; `tags`: the tag set; `sentAt(offset)`: index of
 *  the sentence holding an offset; `sents`: the sentence elements. */
export function addPrintNotes(doc, wrap, { anns, tags, sentAt, sents }) {
  const added = [];
  const box = el(doc, 'aside', 'cm-print');
  box.append(el(doc, 'h2', 'cm-print-h', S.legend));
  const legend = el(doc, 'ul', 'cm-legend');
  tags.forEach((t, i) => {
    const sw = el(doc, 'span', 'cm-sw', t.label);
    sw.dataset.t = String(i);
    const li = el(doc, 'li');
    li.append(sw);
    legend.append(li);
  });
  box.append(legend);
  const noted = anns.filter((a) => a.note);
  if (noted.length) {
    box.append(el(doc, 'h2', 'cm-print-h', S.notes));
    const list = el(doc, 'ol', 'cm-fnlist');
    noted.forEach((a, k) => {
      const label = tags[a.t] ? tags[a.t].label : a.tag;
      const li = el(doc, 'li', '', `${label}: “${a.quote}” — ${a.note}`);
      list.append(li);
      if (a.orphan) return;
      const s = sents[sentAt(a.end - 1)];
      if (!s) return;
      const mark = el(doc, 'sup', 'cm-fn', String(k + 1));
      s.after(mark);
      added.push(mark);
    });
    box.append(list);
  }
  wrap.append(box);
  added.push(box);
  return () => added.forEach((n) => n.remove());
}

// The side list: every annotation in document order with tag, quote and note; counts and a
// filter per tag; orphans (text gone from the article) listed with their quote.
import { S } from './strings.js';
import { el, button } from './render.js';

export function createSideList(doc, tags, on) {
  const side = el(doc, 'aside', 'cm-side');
  side.setAttribute('aria-label', S.list);
  side.hidden = true;
  const h = el(doc, 'h2', 'cm-sideh', S.list);
  const filters = el(doc, 'div', 'cm-filters');
  filters.setAttribute('role', 'group');
  filters.setAttribute('aria-label', S.filter);
  const list = el(doc, 'ol', 'cm-list');
  const orphH = el(doc, 'h3', 'cm-orph-h', S.orphans);
  const orph = el(doc, 'ul', 'cm-list cm-orph');
  const empty = el(doc, 'p', 'cm-empty', S.empty);
  side.append(h, filters, empty, list, orphH, orph);
  let filter = null;
  let items = [];
  let made = new Map(); // id -> [annotation, li]: an unchanged annotation keeps its item

  const btn = (text, cls, fn) => button(doc, text, cls, fn);

  function item(a) {
    const li = el(doc, 'li', 'cm-item');
    li.dataset.id = a.id;
    const t = tags[a.t];
    const sw = el(doc, 'span', 'cm-sw', t ? t.label : a.tag);
    sw.dataset.t = String(a.t);
    const q = a.orphan ? el(doc, 'q', 'cm-q', a.quote) : btn('', 'cm-go', () => on.go(a.id));
    if (!a.orphan) q.append(el(doc, 'q', 'cm-q', a.quote));
    li.append(sw, ' ', q);
    if (a.note) li.append(el(doc, 'p', 'cm-inote', a.note));
    const row = el(doc, 'div', 'cm-irow');
    if (!a.orphan) row.append(btn(S.edit, 'cm-edit', () => on.edit(a.id)));
    row.append(btn(S.del, 'cm-del', () => on.del(a.id)));
    li.append(row);
    return li;
  }

  function render() {
    const counts = tags.map((t, i) => items.filter((a) => a.t === i).length);
    filters.replaceChildren();
    const mk = (label, val) => {
      const b = btn(label, 'cm-filter', () => { filter = val; render(); });
      b.setAttribute('aria-pressed', String(filter === val));
      b.dataset.filter = val === null ? '' : String(val);
      filters.append(b);
    };
    mk(`${S.all} (${items.length})`, null);
    tags.forEach((t, i) => mk(`${t.label} (${counts[i]})`, i));
    const shown = items.filter((a) => filter === null || a.t === filter);
    const next = new Map();
    const li = (a) => {
      const c = made.get(a.id);
      const e = c && c[0] === a ? c[1] : item(a);
      next.set(a.id, [a, e]);
      return e;
    };
    sync(list, shown.filter((a) => !a.orphan).map(li));
    const os = shown.filter((a) => a.orphan);
    sync(orph, os.map(li));
    made = next;
    orphH.hidden = orph.hidden = !os.length;
    empty.hidden = items.length > 0;
  }

  // Makes `parent`'s children `els` with few DOM moves (most updates add or drop one).
  function sync(parent, els) {
    const keep = new Set(els);
    for (const c of [...parent.children]) if (!keep.has(c)) c.remove();
    let cur = parent.firstChild;
    for (const e of els) {
      if (cur === e) cur = cur.nextSibling;
      else parent.insertBefore(e, cur);
    }
  }

  return {
    el: side,
    update(list) { items = list; if (!side.hidden) render(); },
    toggle(show) { side.hidden = !show; if (show) render(); },
    counts: () => tags.map((t, i) => items.filter((a) => a.t === i).length),
  };
}

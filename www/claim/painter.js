// The highlight painter, one interface over two techniques:
//  - the CSS Custom Highlight API (no DOM changes) where the browser has it;
//  - otherwise <mark> fragments wrapped around the text (the text index is rebuilt).
// paint(list) takes [{id, start, end, t}] (t = tag index); flash(id) blinks one; destroy() undoes all.
import { buildIndex, rangeOf, locate } from './selection.js';

let seq = 0;

export function createPainter(ctx, forceMarks) {
  const hl = `cm${++seq}-`;
  const useApi = !forceMarks && typeof Highlight === 'function' && globalThis.CSS && CSS.highlights;
  const names = new Set();
  let last = [];
  let timer = 0;

  function clearApi() {
    for (const n of names) CSS.highlights.delete(n);
    names.clear();
  }
  function setHl(name, ranges, priority) {
    const h = new Highlight(...ranges);
    h.priority = priority;
    CSS.highlights.set(name, h);
    names.add(name);
  }

  // Splits the text into fragments by annotation boundaries (a sweep): [{s, e, on:[…]}].
  function fragments(list) {
    const ev = [];
    for (const a of list) ev.push([a.start, 1, a], [a.end, 0, a]);
    ev.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const on = new Set();
    const out = [];
    let prev = 0;
    for (const [p, add, a] of ev) {
      if (p > prev && on.size) out.push({ s: prev, e: p, on: [...on] });
      prev = p;
      if (add) on.add(a);
      else on.delete(a);
    }
    return out;
  }

  function unwrap() {
    const parents = new Set();
    for (const m of ctx.root.querySelectorAll('mark.cm-m')) {
      parents.add(m.parentNode);
      m.replaceWith(...m.childNodes);
    }
    for (const p of parents) p.normalize();
  }

  function paintMarks(list) {
    unwrap();
    ctx.ix = buildIndex(ctx.blockEls, ctx.blocks);
    // Wrap from the end so earlier offsets stay valid while text nodes split.
    const frags = list.length ? fragments(list) : [];
    for (let i = frags.length - 1; i >= 0; i--) {
      const f = frags[i];
      const top = f.on[f.on.length - 1];
      // A fragment may cross text nodes (sentence spans): wrap each piece.
      let e = f.e;
      while (e > f.s) {
        const b = locate(ctx.ix, e, true);
        const nodeStart = e - b.offset;
        const s = Math.max(f.s, nodeStart);
        const r = new Range();
        r.setStart(b.node, s - nodeStart);
        r.setEnd(b.node, b.offset);
        const m = ctx.root.ownerDocument.createElement('mark');
        m.className = f.on.length > 1 ? 'cm-m cm-ov' : 'cm-m';
        m.dataset.t = String(top.t);
        m.dataset.ids = f.on.map((a) => a.id).join(' ');
        r.surroundContents(m);
        e = s;
        if (s === nodeStart && b.offset === 0) break;
      }
    }
    ctx.ix = buildIndex(ctx.blockEls, ctx.blocks);
  }

  function paintApi(list) {
    clearApi();
    const byTag = new Map();
    for (const a of list) {
      const r = rangeOf(ctx.ix, a.start, a.end);
      if (!r) continue;
      if (!byTag.has(a.t)) byTag.set(a.t, []);
      byTag.get(a.t).push(r);
    }
    for (const [t, rs] of byTag) setHl(hl + t, rs, t);
    const ov = fragments(list).filter((f) => f.on.length > 1).map((f) => rangeOf(ctx.ix, f.s, f.e));
    if (ov.length) setHl(`${hl}ov`, ov, 50);
  }

  return {
    name: hl,
    mode: useApi ? 'highlight-api' : 'marks',
    paint(list) {
      last = list;
      if (useApi) paintApi(list);
      else paintMarks(list);
    },
    flash(id) {
      const a = last.find((x) => x.id === id);
      if (!a) return;
      clearTimeout(timer);
      if (useApi) {
        setHl(`${hl}fl`, [rangeOf(ctx.ix, a.start, a.end)], 100);
        timer = setTimeout(() => { CSS.highlights.delete(`${hl}fl`); names.delete(`${hl}fl`); }, 1200);
      } else {
        const ms = [...ctx.root.querySelectorAll('mark.cm-m')].filter((m) => m.dataset.ids.split(' ').includes(id));
        ms.forEach((m) => m.classList.add('cm-flash'));
        timer = setTimeout(() => ms.forEach((m) => m.classList.remove('cm-flash')), 1200);
      }
    },
    destroy() {
      clearTimeout(timer);
      if (useApi) clearApi();
      else unwrap();
    },
  };
}

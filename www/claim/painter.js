// The highlight painter, one interface over two techniques:
//  - the CSS Custom Highlight API (no DOM changes) where the browser has it;
//  - otherwise <mark> fragments wrapped around the text (the text index is rebuilt).
// paint(list) takes [{id, start, end, t}] (t = tag index) and repaints all;
// paint(list, olds, news) repaints only what changed (olds: previous versions of removed or
// changed annotations; news: the added or changed ones). flash(id) blinks one; destroy() undoes all.
import { buildIndex, rangeOf, locate } from './selection.js';

let seq = 0;

export function createPainter(ctx, forceMarks) {
  const hl = `cm${++seq}-`;
  const useApi = !forceMarks && typeof Highlight === 'function' && globalThis.CSS && CSS.highlights;
  const names = new Set();
  const rs = new Map(); // id -> [highlight name, Range] (Highlight API)
  let last = [];
  let ovKey = '';
  let timer = 0;

  function clearApi() {
    for (const n of names) CSS.highlights.delete(n);
    names.clear();
    rs.clear();
    ovKey = '';
  }
  function setHl(name, ranges, priority) {
    const h = new Highlight(...ranges);
    h.priority = priority;
    CSS.highlights.set(name, h);
    names.add(name);
  }
  function del(name, r) {
    const h = CSS.highlights.get(name);
    if (h && h.delete(r) && !h.size) { CSS.highlights.delete(name); names.delete(name); }
  }

  // Splits the text into fragments by annotation boundaries (a sweep): [{s, e, on:[…]}],
  // clipped to lo..hi.
  function fragments(list, lo = -Infinity, hi = Infinity) {
    const ev = [];
    for (const a of list) if (a.start < hi && a.end > lo) ev.push([Math.max(a.start, lo), 1, a], [Math.min(a.end, hi), 0, a]);
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

  // Unwraps the marks touching lo..hi (all by default); returns the span they covered with it.
  function unwrap(lo = -Infinity, hi = Infinity) {
    const parents = new Set();
    for (const m of ctx.root.querySelectorAll('mark.cm-m')) {
      const s = +m.dataset.s;
      const e = +m.dataset.e;
      if (s > hi || e < lo) continue;
      lo = Math.min(lo, s);
      hi = Math.max(hi, e);
      parents.add(m.parentNode);
      m.replaceWith(...m.childNodes);
    }
    for (const p of parents) p.normalize();
    return [lo, hi];
  }

  // Repaints lo..hi: a fragment boundary at the window's edges is a real one, since the marks
  // touching it were unwrapped too.
  function paintMarks(list, lo, hi) {
    [lo, hi] = unwrap(lo, hi);
    ctx.ix = buildIndex(ctx.blockEls, ctx.blocks);
    // Wrap from the end so earlier offsets stay valid while text nodes split.
    const frags = fragments(list, lo, hi);
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
        Object.assign(m.dataset, { t: top.t, ids: f.on.map((a) => a.id).join(' '), s: f.s, e: f.e });
        r.surroundContents(m);
        e = s;
        if (s === nodeStart && b.offset === 0) break;
      }
    }
    ctx.ix = buildIndex(ctx.blockEls, ctx.blocks);
  }

  function paintApi(list, olds, news) {
    for (const a of olds) {
      const x = rs.get(a.id);
      if (x) { rs.delete(a.id); del(...x); }
    }
    for (const a of news) {
      const r = rangeOf(ctx.ix, a.start, a.end);
      if (!r) continue;
      const n = hl + a.t;
      rs.set(a.id, [n, r]);
      const h = CSS.highlights.get(n);
      if (h) h.add(r);
      else setHl(n, [r], a.t);
    }
    // Overlaps: re-registered only when they moved.
    const ov = fragments(list).filter((f) => f.on.length > 1);
    const key = ov.map((f) => `${f.s},${f.e}`).join(' ');
    if (key === ovKey) return;
    ovKey = key;
    CSS.highlights.delete(`${hl}ov`);
    names.delete(`${hl}ov`);
    if (ov.length) setHl(`${hl}ov`, ov.map((f) => rangeOf(ctx.ix, f.s, f.e)), 50);
  }

  return {
    name: hl,
    mode: useApi ? 'highlight-api' : 'marks',
    paint(list, olds, news) {
      last = list;
      const all = !olds;
      if (all) news = list;
      const live = [...(olds || []), ...news].filter((a) => !a.orphan);
      if (useApi) {
        if (all) clearApi();
        paintApi(list, olds || [], news);
      } else if (all || live.length) {
        paintMarks(list, all ? -Infinity : Math.min(...live.map((a) => a.start)), all ? Infinity : Math.max(...live.map((a) => a.end)));
      }
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

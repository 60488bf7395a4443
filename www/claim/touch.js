// Long-press selection on touch, the same on every browser: a finger held still for 500 ms
// selects the word under it and dragging extends the selection by words; lifting it opens
// the toolbar as a mouse selection does (pointerup). A tap or a scroll selects nothing, and
// a selection the browser made itself during the press is left to the browser.
import { offsetAtPoint, snap, rangeOf, selectedRange, WORD } from './selection.js';

export function longPress(art, root, ctx, text, signal) {
  let timer;
  let p0;
  let native; // the selection changed while the finger was down: the browser's own long-press
  let w; // the pressed word {start, end}, once the press has become a selection
  const at = (t) => offsetAtPoint(ctx.ix, root, t.clientX, t.clientY);
  const select = (s) => {
    const g = getSelection();
    g.removeAllRanges();
    if (s) g.addRange(rangeOf(ctx.ix, s.start, s.end));
    return s;
  };
  const stop = () => clearTimeout(timer);
  const on = (type, fn, target = art) => target.addEventListener(type, fn, { signal, passive: type !== 'touchmove' });
  on('touchstart', (e) => {
    stop();
    w = native = 0;
    [p0] = e.touches;
    if (!e.touches[1]) {
      timer = setTimeout(() => {
        const o = native && selectedRange(root) ? -1 : at(p0); // -1 too once destroyed
        const c = WORD.test(text.charAt(o)) ? o : o - 1; // the character pressed, not the one after it
        if (o >= 0) w = select(snap(text, c, c + 1));
      }, 500);
    }
  });
  on('touchmove', (e) => {
    const [p] = e.touches;
    if (!w) {
      if (Math.hypot(p.clientX - p0.clientX, p.clientY - p0.clientY) > 8) stop();
      return;
    }
    e.preventDefault(); // no scrolling while the finger extends the selection
    const o = at(p);
    if (o >= 0) select(snap(text, Math.min(w.start, o), Math.max(w.end, o)));
  });
  on('touchend', stop);
  on('touchcancel', stop);
  on('selectionchange', () => { native = 1; }, document);
}

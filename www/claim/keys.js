// Keyboard map for the reading view: returns an action name, or null to let the key through.
// Tag keys come from the tag set (default 1/2/3 and f/a/q).

export function keyAction(e, tags) {
  const k = e.key;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    if (k === 'z' || k === 'Z') return e.shiftKey ? 'redo' : 'undo';
    if (k === 'y') return 'redo';
    return null;
  }
  if (e.altKey) return null;
  switch (k) {
    case 'ArrowDown': case 'ArrowRight': return e.shiftKey ? 'extendNext' : 'next';
    case 'ArrowUp': case 'ArrowLeft': return e.shiftKey ? 'extendPrev' : 'prev';
    case 'j': return 'next';
    case 'k': return 'prev';
    case 'J': return 'extendNext';
    case 'K': return 'extendPrev';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'n': return 'note';
    case 'x': return 'block';
    case 'Delete': case 'Backspace': return 'delete';
    case 'Escape': return 'escape';
    case '?': return 'help';
    case 'Enter': return 'open';
    default: break;
  }
  const t = tags.findIndex((tag) => tag.keys.includes(k));
  return t >= 0 ? `tag:${t}` : null;
}

// The tag set: ids, labels, colours, keys and a non-colour cue (underline style).
export const DEFAULT_TAGS = [
  { id: 'fact', label: 'Fact', color: '#1565c0', keys: ['1', 'f'], line: 'solid' },
  { id: 'analysis', label: 'Analysis', color: '#b35c00', keys: ['2', 'a'], line: 'dashed' },
  { id: 'quote', label: 'Quote', color: '#2e7d32', keys: ['3', 'q'], line: 'dotted' },
];
const LINES = ['solid', 'dashed', 'dotted', 'double', 'wavy'];
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([\d\s.,%]+\))$/i;

/** Parses the `tags` attribute (JSON array); falls back to the defaults on any error. */
export function parseTags(attr) {
  if (!attr) return DEFAULT_TAGS;
  try {
    const list = JSON.parse(attr);
    const out = list.map((t, i) => ({
      id: String(t.id),
      label: String(t.label || t.id),
      color: COLOR.test(t.color || '') ? t.color : DEFAULT_TAGS[i % 3].color,
      keys: (t.keys || [String(i + 1)]).map(String),
      line: LINES.includes(t.line) ? t.line : LINES[i % LINES.length],
    }));
    return out.length && out.every((t) => /^[\w-]+$/.test(t.id)) ? out : DEFAULT_TAGS;
  } catch {
    return DEFAULT_TAGS;
  }
}

/** CSS for the tags (both painters), for a constructed stylesheet. */
export function tagCss(tags, hl) {
  return tags.map((t, i) => {
    const deco = `text-decoration:underline ${t.line} ${t.color} 2px;text-underline-offset:3px`;
    const bg = `background-color:color-mix(in srgb,${t.color} 22%,transparent)`;
    return `::highlight(${hl}${i}){${bg};${deco}}` +
      `.cm-m[data-t="${i}"]{${bg};${deco}}` +
      `.cm-sw[data-t="${i}"]{border-bottom:3px ${t.line} ${t.color};background-color:color-mix(in srgb,${t.color} 22%,transparent)}`;
  }).join('\n') + `::highlight(${hl}ov){text-decoration:overline 2px currentColor}` +
    `::highlight(${hl}fl){background-color:#ffd54f;color:#000}.cm-m.cm-ov{text-decoration-line:underline overline}`;
}

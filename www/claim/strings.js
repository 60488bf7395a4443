// Every UI string in one table: a translation is one file with the same keys (strings-fr.js),
// loaded by useLanguage() before the widget renders. Functions take the variable parts;
// everything is inserted as text, never as HTML.
export const S = {
  loading: 'Loading article…',
  loadError: (m) => `claimmark could not show this article: ${m}`,
  leftOut: (n, reasons) => `${n} block${n === 1 ? '' : 's'} left out${reasons.length ? ` (${reasons.join(', ')})` : ''}`,
  show: 'Show', hide: 'Hide',
  include: 'Move into article', exclude: 'Leave out of article',
  movedOut: 'left out by you', movedIn: 'moved into the article by you',
  toolbar: 'Tag the selection', editor: 'Edit annotation',
  note: 'Note', notePh: 'Add a note (optional)', save: 'Save note', del: 'Delete', cancel: 'Cancel',
  pick: 'Several highlights here; choose one', pickItem: (tag, q) => `${tag}: “${q}”`,
  list: 'Annotations', listToggle: (n) => `Annotations (${n})`, all: 'All',
  filter: 'Filter by tag', empty: 'No annotations yet. Select text or a sentence, then choose a tag.',
  orphans: 'Text no longer in the article', edit: 'Edit', noNote: '',
  undo: 'Undo', redo: 'Redo', exportBtn: 'Export', csvBtn: 'Export CSV', importBtn: 'Import', help: 'Keyboard shortcuts',
  helpTitle: 'Keyboard shortcuts', close: 'Close', or: ' or ',
  // {keys} and {tags} are filled in from the tag set.
  keys: [
    ['↓ / ↑ or j / k', 'next / previous sentence'],
    ['Shift + ↓ / ↑', 'extend over several sentences'],
    ['{keys}', 'tag the sentence(s): {tags}'],
    ['n', 'add or edit a note'],
    ['Delete', 'remove the highlight on the sentence'],
    ['x', 'move the paragraph in or out of the article'],
    ['Ctrl + Z / Ctrl + Shift + Z', 'undo / redo'],
    ['Esc', 'cancel'],
    ['?', 'show or hide this help'],
  ],
  storeFail: 'Your annotations could not be saved in this browser (storage is full or disabled). They stay on this page: use Export to keep a copy.',
  importFail: (m) => `Import failed: ${m}`,
  importAsk: (n) => `You have ${n} annotation${n === 1 ? '' : 's'}. Add the file's to them (the same ids are replaced), or replace them all? Undo takes the import back.`,
  merge: 'Add to mine', replace: 'Replace mine',
  imported: (n) => `Imported ${n} annotation${n === 1 ? '' : 's'}.`,
  added: (tag, q) => `Tagged ${tag}: ${q}`,
  changed: (tag) => `Changed to ${tag}`,
  removed: 'Highlight removed',
  undone: 'Undone', redone: 'Redone', nothing: 'Nothing to undo',
  sentence: (i, n, tags) => `Sentence ${i} of ${n}${tags.length ? `, tagged ${tags.join(', ')}` : ''}`,
  tagged: (tags) => `tagged ${tags.join(', ')}`,
  synced: 'Updated from another tab',
  legend: 'Tags', notes: 'Notes',
};

export const REASONS = {
  related: 'related story', sponsored: 'sponsored', copyright: 'copyright', navigation: 'navigation',
  share: 'share prompt', advertising: 'advertising', 'duplicate-title': 'repeated title', other: 'not article text',
};

/** Tag labels of the default tag set, by tag id (English: those of tags.js). */
export const TAGS = {};

const LANGS = { fr: 'strings-fr.js' };
let current = 'en';
let table = null;

/** The loaded translation module (its `S`, `REASONS`, `TAGS`, `SX`), or null for English:
 *  lazily loaded parts (the exercise chunk) translate their own tables from it. */
export const translation = () => table;

/** Switches the UI strings to `lang` (a BCP 47 tag such as "fr-CA"; English when the
 *  language has no table) before rendering; `dir` is the URL of the folder holding the
 *  tables (www/claim/, copied as dist/claim/). The strings are shared by every widget on
 *  the page, so one page shows one language. Resolves to the language used (the current
 *  one when the table cannot be loaded). */
export async function useLanguage(lang, dir) {
  const code = String(lang || '').toLowerCase().split('-')[0];
  if (!LANGS[code] || code === current) return current;
  let t;
  try {
    t = await import(new URL(LANGS[code], dir).href);
  } catch {
    return current; // not reachable (e.g. a single-file exercise opened from disk): stay as is
  }
  Object.assign(S, t.S);
  Object.assign(REASONS, t.REASONS);
  Object.assign(TAGS, t.TAGS);
  table = t;
  current = code;
  return current;
}

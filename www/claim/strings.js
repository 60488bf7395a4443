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

// The teacher review page (www/review.js; not part of the widget's bundle).
const pct = (v) => `${(100 * v).toFixed(1)}%`;
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
export const R = {
  pct,
  ratio: (v) => v.toFixed(2),
  kappa: (v) => v.toFixed(3),
  na: 'n/a',
  undef: (why) => `undefined: ${why}`,
  noPair: 'no pair of students has a defined κ',
  fewerStudents: 'fewer than two students',
  loadingArticle: 'Loading the article…',
  article: (title, n) => `Article: ${title || '(untitled)'} — ${plural(n, 'body sentence')}.`,
  articleFail: (m) => `The article could not be loaded: ${m}`,
  noKey: 'No key (class agreement only)',
  reading: (n) => `Reading ${plural(n, 'file')}…`,
  scored: (n, key, failed, ms) => `${plural(n, 'student')} scored${key ? ` against the key “${key}”` : ', no key'}` +
    `${failed ? `; ${plural(failed, 'file')} could not be read` : ''} (${Math.round(ms).toLocaleString('en')} ms).`,
  empty: 'No files yet.',
  keyLabel: (name) => `${name} (key)`,
  keyFailed: (m) => `answer key: ${m}`,
  notText: 'not a text file',
  noKeyNote: 'No answer key chosen: accuracy, overlap and missed highlights need one; the class agreement below does not.',
  studentsCaption: 'Each student against the key',
  student: 'Student', annotations: 'Annotations', accuracy: 'Accuracy', missed: 'Missed',
  annCount: (n, ignored) => `${n}${ignored ? ` (${ignored} ignored)` : ''}`,
  accCell: (v, c, s) => `${pct(v)} (${c}/${s})`,
  accNone: (s) => (s === 0 ? 'n/a (the key tags no sentence)' : 'n/a'),
  noKeyCell: 'no key',
  metric: { precision: 'P', recall: 'R', f1: 'F1' },
  metricLong: { precision: 'precision', recall: 'recall', f1: 'F1' },
  missedSummary: (n) => `${n} missed`,
  missedItem: (tag, quote) => `${tag}: “${quote}”`,
  pairsCaption: (shown, all) => `Cohen's κ for each pair of students${shown < all ? ` (first ${shown.toLocaleString('en')} of ${all.toLocaleString('en')})` : ''}`,
  pairA: 'Student A', pairB: 'Student B', cohen: "Cohen's κ",
  pairsMore: (n) => `Show all ${n.toLocaleString('en')} pairs`,
  fleiss: (v, raters, n) => `${v} (${plural(raters, 'student')}, ${plural(n, 'sentence')})`,
  cohenMean: (v, defined, all) => `${v} (mean of ${defined.toLocaleString('en')} of ${plural(all, 'pair')})`,
  heatCaption: 'Students per tag for each body sentence, most disputed first',
  rank: 'Rank', sentence: 'Sentence', key: 'Key', dispute: 'Dispute',
  none: 'none',
  heatCell: (n, tag) => `${n} ${tag}`,
  csvName: (table) => `claimmark-review-${table}.csv`,
};

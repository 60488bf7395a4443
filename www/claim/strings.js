// Every UI string in one table (swap this object to translate the widget).
// Functions take the variable parts; everything is inserted as text, never as HTML.
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
  helpTitle: 'Keyboard shortcuts', close: 'Close',
  keys: [
    ['↓ / ↑ or j / k', 'next / previous sentence'],
    ['Shift + ↓ / ↑', 'extend over several sentences'],
    ['1 2 3 or f a q', 'tag the sentence(s): fact, analysis, quote'],
    ['n', 'add or edit a note'],
    ['Delete', 'remove the highlight on the sentence'],
    ['x', 'move the paragraph in or out of the article'],
    ['Ctrl + Z / Ctrl + Shift + Z', 'undo / redo'],
    ['Esc', 'cancel'],
    ['?', 'show or hide this help'],
  ],
  storeFail: 'Your annotations could not be saved in this browser (storage is full or disabled). They stay on this page: use Export to keep a copy.',
  importFail: (m) => `Import failed: ${m}`,
  imported: (n) => `Imported ${n} annotation${n === 1 ? '' : 's'}.`,
  added: (tag, q) => `Tagged ${tag}: ${q}`,
  changed: (tag) => `Changed to ${tag}`,
  removed: 'Highlight removed',
  undone: 'Undone', redone: 'Redone', nothing: 'Nothing to undo',
  sentence: (i, n, tags) => `Sentence ${i} of ${n}${tags.length ? `, tagged ${tags.join(', ')}` : ''}`,
  synced: 'Updated from another tab',
  legend: 'Tags', notes: 'Notes',
};

export const REASONS = {
  related: 'related story', sponsored: 'sponsored', copyright: 'copyright', navigation: 'navigation',
  share: 'share prompt', advertising: 'advertising', 'duplicate-title': 'repeated title', other: 'not article text',
};

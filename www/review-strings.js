// Every string of the teacher review page (review.html, review.js), English. A translation is
// one file with the same keys (review-strings-fr.js), loaded by review.js only when that
// language is shown, and one line in LANGS there. Functions take the variable parts; `*word*`
// in a static string is shown emphasised; everything is inserted as text, never as HTML.
// Self-contained (no imports), like its translations.
//
// Not here, on purpose: the CSV files' column headers and names (machine-readable, made by the
// classroom module; spreadsheets and scripts read them by name) and the language names of the
// language menu (each in its own language).
const num = (n) => n.toLocaleString('en');
const plural = (n, one, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
const list = (names) => names.map((n) => `“${n}”`).join(', ');
const dec = (v, d) => v.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false });
const pct = (v) => `${dec(100 * v, 1)}%`;

export const R = {
  // ---- review.html (data-s / data-s-label attributes name these keys) ----
  title: 'claimmark — teacher review',
  tagline: "Teacher review: score the class's exports against your key.",
  language: 'Language',
  h1: 'Teacher review',
  intro: "Load the article (or your exercise file, which holds it), your answer key and the students' exports " +
    "(the widget's *Export* files). Everything stays in this browser; nothing is uploaded.",
  hArticle: '1. Article',
  articleLegend: 'The article the class annotated',
  seedArticle: 'The demo article (AP: “Koreas talk again in dormant channels”)',
  fileArticle: 'A text file:',
  articleFileLabel: 'Article text file',
  pasteArticle: 'Pasted text:',
  articlePasteLabel: 'Article text',
  useText: 'Use the pasted text',
  hFiles: '2. Answer key and student files',
  keyFileLabel: 'Your answer key: your own *Export* file, or the exercise file you saved in teacher mode ' +
    '(it brings the article with it)',
  keyInUse: 'Answer key in use',
  filesLabel: "Choose the students' files (W3C JSON; several at once)",
  folderLabel: '…or choose a folder, as your LMS hands it out (the .json and .jsonld files in it and in its subfolders are read)',
  dropHint: '…or drop files or folders here.',
  clear: 'Remove all files',
  filesHint: 'The key is only ever the file you choose as the key (an exercise file dropped with the others is taken ' +
    'as the key while none is chosen; change it in the menu). Students are shown by the name in their export and the ' +
    'file name (files from a folder by their path in it). Files with the same name are kept apart; files that repeat ' +
    'each other are flagged below.',
  hWarnings: 'Check these files',
  hFailed: 'Files that could not be read',
  failedNote: 'These files are left out; the others still count.',
  hStudents: '3. Students',
  studentsHelp: "Accuracy: the share of the sentences your key tags that the student tagged the same way (a sentence's " +
    'tag is the one covering most of it, more than half). P, R, F1: precision, recall and F1 of the highlighted ' +
    'characters per tag against the key. “n/a”: precision needs a student span with that tag, recall a key span. ' +
    "Missed: key highlights the student's spans of the same tag do not touch.",
  hAgreement: '4. Class agreement',
  fleissLabel: "Fleiss' κ (sentence tags, all students)",
  cohenMeanLabel: "Mean pairwise Cohen's κ",
  hHeat: '5. Sentences, most disputed first',
  heatHelp: 'How many students gave each sentence each tag (“none”: no highlight covers more than half of it). ' +
    'Darker cells: more students.',
  hCsv: '6. Download as CSV',
  csvStudents: 'Students (CSV)', csvSentences: 'Sentences (CSV)', csvPairs: 'Pairs (CSV)',

  // ---- review.js ----
  ratio: (v) => dec(v, 2),
  kappa: (v) => dec(v, 3),
  num,
  na: 'n/a',
  undef: (why) => `undefined: ${why}`,
  // The classroom module's reasons for an undefined κ (src/classroom/kappa.rs), by its text.
  kappaReasons: {
    'no sentences to rate': 'no sentences to rate',
    'fewer than two raters': 'fewer than two raters',
    'every rating is in one category, so chance agreement is total': 'every rating is in one category, so chance agreement is total',
    'items were rated by different numbers of raters': 'items were rated by different numbers of raters',
  },
  noPair: 'no pair of students has a defined κ',
  fewerStudents: 'fewer than two students',
  loadingArticle: 'Loading the article…',
  article: (title, n) => `Article: ${title || '(untitled)'} — ${plural(n, 'body sentence')}.`,
  articleFromExercise: (title, ex, n) => `Article: ${title || '(untitled)'}, from the exercise file “${ex}” (the answer key) — ` +
    `${plural(n, 'body sentence')}. The choice above applies again when you choose another key.`,
  articleFail: (m) => `The article could not be loaded: ${m}`,
  noKey: 'No key (class agreement only)',
  exerciseOption: (title, name) => `Exercise${title ? ` “${title}”` : ''} (${name})`,
  reading: (n) => `Reading ${plural(n, 'file')}…`,
  readingFolder: 'Reading the folder…',
  scored: (n, key, failed, ms) => `${plural(n, 'student')} scored${key ? ` against the key “${key}”` : ', no key'}` +
    `${failed ? `; ${plural(failed, 'file')} could not be read` : ''} (${num(Math.round(ms))} ms).`,
  ignored: (n) => `${plural(n, 'other file')} in the folder ${n === 1 ? 'was' : 'were'} ignored (only its .json and .jsonld files are read).`,
  nothingInFolder: (n) => `No .json or .jsonld file in the folder${n ? ` (${plural(n, 'other file')} ignored)` : ''}.`,
  empty: 'No files yet.',
  keyInfo: (name, n, orphans) => `Answer key: ${name} — ${plural(n, 'annotation')}` +
    `${orphans ? `, ${num(orphans)} not found in the article` : ''}.`,
  keyNone: 'No answer key chosen: choose your key file above, or pick one of the loaded files in this menu.',
  noStudents: 'No student file counts yet: add the students’ exports to see their scores and the class agreement.',
  keyFailed: (m) => `answer key: ${m}`,
  // A file's error from the classroom module (English there), as shown.
  failure: (m) => m,
  failedItem: (why) => `: ${why}`, // after the file's name
  notText: 'not a text file',
  noKeyNote: 'No answer key chosen: accuracy, overlap and missed highlights need one; the class agreement below does not.',
  studentsCaption: 'Each student against the key',
  student: 'Student', annotations: 'Annotations', accuracy: 'Accuracy', missed: 'Missed',
  who: (name, creator) => (creator ? `${creator} (${name})` : name),
  annCount: (n, orphans, broken) => `${num(n)}` +
    `${orphans ? ` (${num(orphans)} not found in the article)` : ''}` +
    `${broken ? ` (${num(broken)} ignored)` : ''}`,
  accCell: (v, c, s) => `${pct(v)} (${num(c)}/${num(s)})`,
  accNone: (s) => (s === 0 ? 'n/a (the key tags no sentence)' : 'n/a'),
  metric: { precision: 'P', recall: 'R', f1: 'F1' },
  metricLong: { precision: 'precision', recall: 'recall', f1: 'F1' },
  metricTitle: (tag, metric) => `${tag} ${metric}`,
  // Labels of the default tags (other tags show their id) and of "no tag".
  tags: { fact: 'Fact', analysis: 'Analysis', quote: 'Quote', none: 'none' },
  missedSummary: (n) => `${num(n)} missed`,
  missedItem: (tag, quote) => `${tag}: “${quote}”`,
  pairsCaption: (shown, all) => `Cohen's κ for each pair of students${shown < all ? ` (first ${num(shown)} of ${num(all)})` : ''}`,
  pairA: 'Student A', pairB: 'Student B', cohen: "Cohen's κ",
  pairsMore: (n) => `Show all ${num(n)} pairs`,
  fleiss: (v, raters, n) => `${v} (${plural(raters, 'student')}, ${plural(n, 'sentence')})`,
  cohenMean: (v, defined, all) => `${v} (mean of ${num(defined)} of ${plural(all, 'pair')})`,
  heatCaption: 'Students per tag for each body sentence, most disputed first',
  rank: 'Rank', sentence: 'Sentence', key: 'Key', dispute: 'Dispute',
  // Warnings about files (the "Check these files" box).
  sameName: (name, shown) => `${num(shown.length)} files are named “${name}”: they are kept apart, as ${list(shown)}.`,
  sameAsKey: (files) => `${list(files)} ${files.length === 1 ? 'has' : 'have'} exactly the answer key's annotations ` +
    '(the key loaded again?): left out of the scores.',
  repeated: (files, kept) => `${list(files)} have the same annotations (the same student's file loaded again?): ` +
    `counted once, as “${kept}”; the others are left out.`,
  copied: (files) => `${list(files)} have the same annotations under different names: all counted — check them.`,
  sameCreator: (creator, files) => `${num(files.length)} files by “${creator}”: ${list(files)}. All are counted; ` +
    'if one student handed in twice, remove the older file.',
  remove: (name) => `Remove “${name}”`,
};

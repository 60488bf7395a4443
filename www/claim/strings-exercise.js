// The UI strings of exercises (teacher and student mode), in one table like strings.js;
// loaded with the exercise chunk, never with the reader. Everything is inserted as text.
/** Takes the exercise strings of a translation (strings-fr.js's `SX`), when it has them. */
export function translateSX(t) {
  if (t && t.SX) Object.assign(SX, t.SX);
}

export const SX = {
  bad: (m) => `Not a valid exercise file: ${m}`,
  // What is wrong with an exercise file or a tag set (after "Not a valid exercise file: ").
  notJson: (m) => `it is not JSON (${m})`,
  notObject: 'expected a JSON object',
  badType: (t, isExport) => `"type" must be "${t}"${isExport ? ' (this is an annotation export: use Import)' : ''}`,
  badVersion: (v) => `"version" ${v} is not supported (this widget reads version 1)`,
  noArticle: '"article" must be the article text',
  longArticle: (n) => `"article" is longer than ${n} characters`,
  notString: (k) => `"${k}" must be a string`,
  notBool: '"suggestions" must be true or false',
  badKey: '"key" must be a W3C AnnotationCollection (what Export writes)',
  tagsArray: '"tags" must be a non-empty array of tags',
  tagId: (i) => `tag ${i}: "id" must be a word of letters, digits, _ or -`,
  tagTwice: (i, id) => `tag ${i}: the id "${id}" is used twice`,
  tagString: (i, k) => `tag ${i}: "${k}" must be a string`,
  tagKeys: (i) => `tag ${i}: "keys" must be an array of strings`,
  // Student mode.
  exercise: 'Exercise', exerciseTitle: (t) => `Exercise: ${t}`,
  nameTitle: 'Before you start', name: 'Your name',
  nameHint: 'It is kept in this browser and written into the work you export.',
  nameNeeded: 'Please enter your name.', start: 'Start',
  working: (n) => `Working as ${n}.`, changeName: 'Change name',
  exportHint: 'When you are done, use Export to save your work and hand in the file.',
  compare: 'Compare with the suggestions',
  compareHint: 'After you tag a sentence (with a highlight of that sentence, not of several), you can reveal the suggested tag and why.',
  compareNone: 'Tag a sentence on its own to compare it with the suggestion.',
  compareLoading: 'Loading the suggestions…',
  compareFail: (m) => `The suggestions could not be loaded: ${m}`,
  yours: (tags) => `You: ${tags.join(', ')}`,
  reveal: 'Reveal the suggestion', hideSugg: 'Hide the suggestion',
  suggested: (tag, same) => `Suggested: ${tag} (${same ? 'as you tagged it' : 'not what you chose'}).`,
  why: (r) => `Why: ${r}`,
  // Teacher mode.
  prepare: 'Prepare an exercise',
  keyHint: 'Tag the article as the answer key: your highlights are the key, and the note on a highlight is its reason. Give students the file without the key (“Save for students” or the single HTML file); the full exercise file is for you.',
  title: 'Title', instructions: 'Instructions for students',
  tags: 'Tag set (JSON, as in the tags attribute)', applyTags: 'Apply tag set',
  tagsApplied: 'Tag set applied.',
  badTags: (m) => `The tag set was not applied: ${m}`,
  suggestions: 'Show suggestions: after tagging a sentence, a student can reveal the suggested tag and its reason',
  keyCount: (n, r) => `Answer key: ${n} highlight${n === 1 ? '' : 's'}, ${r} with a reason.`,
  saveJson: 'Save exercise (.json)', saveStudents: 'Save for students (.json, no key)', saveHtml: 'Save as single HTML file', openEx: 'Open exercise…',
  saved: (f) => `Saved ${f}.`, building: 'Building the single HTML file…',
  fetchFail: (what, m) => `Could not build the single HTML file: ${what}: ${m}`,
  notBuilt: ' (build the widget: scripts/build.sh)',
  opened: (t) => `Opened the exercise “${t}”.`,
  noscript: 'This exercise needs JavaScript.',
};

// The UI strings of exercises (teacher and student mode), in one table like strings.js;
// loaded with the exercise chunk, never with the reader. Everything is inserted as text.
/** Takes the exercise strings of a translation (strings-fr.js's `SX`), when it has them. */
export function translateSX(t) {
  if (t && t.SX) Object.assign(SX, t.SX);
}

export const SX = {
  bad: (m) => `Not a valid exercise file: ${m}`,
  // Student mode.
  exercise: 'Exercise', exerciseTitle: (t) => `Exercise: ${t}`,
  nameTitle: 'Before you start', name: 'Your name',
  nameHint: 'It is kept in this browser and written into the work you export.',
  nameNeeded: 'Please enter your name.', start: 'Start',
  working: (n) => `Working as ${n}.`, changeName: 'Change name',
  exportHint: 'When you are done, use Export to save your work and hand in the file.',
  compare: 'Compare with the suggestions',
  compareHint: 'After you tag a sentence, you can reveal the suggested tag and why.',
  compareNone: 'Tag a sentence to compare it with the suggestion.',
  compareLoading: 'Loading the suggestions…',
  compareFail: (m) => `The suggestions could not be loaded: ${m}`,
  yours: (tags) => `You: ${tags.join(', ')}`,
  reveal: 'Reveal the suggestion', hideSugg: 'Hide the suggestion',
  suggested: (tag, same) => `Suggested: ${tag} (${same ? 'as you tagged it' : 'not what you chose'}).`,
  why: (r) => `Why: ${r}`,
  // Teacher mode.
  prepare: 'Prepare an exercise',
  keyHint: 'Tag the article as the answer key: your highlights are the key, and the note on a highlight is its reason. Students never see the key.',
  title: 'Title', instructions: 'Instructions for students',
  tags: 'Tag set (JSON, as in the tags attribute)', applyTags: 'Apply tag set',
  tagsApplied: 'Tag set applied.',
  badTags: (m) => `The tag set was not applied: ${m}`,
  suggestions: 'Show suggestions: after tagging a sentence, a student can reveal the suggested tag and its reason',
  keyCount: (n, r) => `Answer key: ${n} highlight${n === 1 ? '' : 's'}, ${r} with a reason.`,
  saveJson: 'Save exercise (.json)', saveHtml: 'Save as single HTML file', openEx: 'Open exercise…',
  saved: (f) => `Saved ${f}.`, building: 'Building the single HTML file…',
  fetchFail: (what, m) => `Could not build the single HTML file: ${what}: ${m}`,
  opened: (t) => `Opened the exercise “${t}”.`,
  noscript: 'This exercise needs JavaScript.',
};

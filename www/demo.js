// The demo page's exercise controls (README, "Exercises"): teacher mode on or off, and
// opening an exercise file. Both only use what any host page can: the element's `mode`
// attribute and its `exercise` property (an invalid file is reported inside the element and
// changes nothing). An exercise opens in student mode, or in teacher mode (to edit it) when
// teacher mode is on.
const el = document.getElementById('annotator');
const teacher = document.getElementById('demo-teacher');
const file = document.getElementById('demo-file');

teacher.addEventListener('change', () => {
  if (teacher.checked) el.setAttribute('mode', 'teacher');
  else if (el.exercise) el.setAttribute('mode', 'student');
  else el.removeAttribute('mode');
});
document.getElementById('demo-open').addEventListener('click', () => file.click());
file.addEventListener('change', async () => {
  const f = file.files[0];
  file.value = '';
  if (f) el.exercise = await f.text();
});

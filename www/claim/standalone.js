// The script of the single-file exercise (teacher mode's "Save as single HTML file", see
// teacher.js): bundled on its own into dist/claimmark-standalone.js — the widget with its
// exercise chunk, in one file with no imports — and inlined into the page with everything
// else, so the page fetches nothing (file:// pages may not). The page holds, in
// <script type="application/json" id="claimmark-data">: {exercise, css (base64),
// modules: {NAME: {js, wasm}} (base64 glue and wasm of each module the exercise needs)}.
import { provideModules } from './wasm.js';
import { ClaimAnnotator } from '../claimmark.js';

const data = JSON.parse(document.getElementById('claimmark-data').textContent);
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const modules = {};
for (const [name, m] of Object.entries(data.modules)) {
  modules[name] = { js: `data:text/javascript;base64,${m.js}`, wasm: bytes(m.wasm) };
}
provideModules(modules);
ClaimAnnotator.css = `data:text/css;base64,${data.css}`;
const el = document.createElement('claim-annotator');
el.setAttribute('mode', 'student');
el.exercise = data.exercise;
document.querySelector('main').append(el);

// Autosave in localStorage under a key derived from the article text, and sync across tabs.
// Every call is guarded: private mode and full quotas throw, and the widget must keep working.

/** FNV-1a (two 32-bit lanes) of the normalised text, as hex: the fallback content hash. */
export function hashText(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export const storageKey = (hash) => `claimmark:v1:${hash}`;

/** Reads a saved value; null when absent or storage is unavailable. */
export function load(key) {
  try {
    return globalThis.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Saves; returns null on success or the Error on failure (quota, disabled storage). */
export function save(key, value) {
  try {
    globalThis.localStorage.setItem(key, value);
    return null;
  } catch (e) {
    return e;
  }
}

/** Calls `cb(newValue)` when another tab changes `key`; stops when `signal` aborts. */
export function watch(key, cb, signal) {
  globalThis.addEventListener('storage', (e) => {
    if (e.key === key && e.newValue !== null) cb(e.newValue);
  }, { signal });
}

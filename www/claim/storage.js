// Autosave in localStorage under a key derived from the article text, and sync across tabs.
// Every call is guarded: private mode and full quotas throw, and the widget must keep working.

/** Hex SHA-256 of the normalised text (UTF-8), the autosave key: the browser's own digest
 *  where there is one (secure contexts), else the exchange module's (same hex). */
export async function hashText(text, exchange) {
  const subtle = globalThis.crypto && crypto.subtle;
  if (!subtle) return (await exchange()).contentHash(text);
  const d = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
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

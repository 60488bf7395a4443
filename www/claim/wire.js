// Loads the store's wire JSON (the autosave, and imports prepared by the exchange module)
// into a reader Session: `JSON.parse` here, then one staging call per op, so the reader
// wasm carries no JSON reader. Format (src/annotation/wire.rs):
// {"units":"byte","ops":[["add",{…}],["remove",id],["block",n,true|false|null]]}
// with offsets in UTF-8 bytes into the same normalised text.

const bad = (what) => new Error(`saved annotations: ${what}`);
const int = (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32;
// Each string as `length:string` (length in UTF-16 code units), as Session.stageAdd and add read it.
export const pack = (list) => list.map((f) => `${String(f).length}:${f}`).join('');

/** True when `json` (a string) is wire JSON rather than a W3C document. */
export const isWire = (json) => json.startsWith('{"units":"byte"');

/** Applies wire JSON (a string, or the object it parses to) to `session` (mode 'step',
 *  'replace' or 'restore'); returns the change (parsed). Throws, changing nothing, when the
 *  JSON or any op is malformed. */
export function applyWire(session, json, mode) {
  const w = typeof json === 'string' ? JSON.parse(json) : json;
  if (!w || w.units !== 'byte' || !Array.isArray(w.ops)) throw bad('not claimmark\'s saved format');
  session.begin();
  w.ops.forEach((op, i) => {
    const [kind, a, b] = Array.isArray(op) ? op : [];
    // The core's refusals name the problem; this says where it is.
    const stage = (f) => { try { f(); } catch (e) { throw bad(`op ${i}: ${e.message}`); } };
    if (kind === 'add' && a && typeof a === 'object') {
      const placed = a.start !== null;
      if (placed && !(int(a.start) && int(a.end))) throw bad(`op ${i}: start and end must be byte offsets`);
      const creator = typeof a.creator === 'string' ? `+${a.creator}` : '-';
      const extra = Array.isArray(a.extra) ? a.extra.flat() : [];
      stage(() => session.stageAdd(placed ? a.start : undefined, placed ? a.end : undefined,
        pack([a.id, a.tag, a.note, a.created, a.modified, a.quote, a.prefix, a.suffix, creator, ...extra])));
    } else if (kind === 'remove' && typeof a === 'string') {
      session.stageRemove(a);
    } else if (kind === 'block' && int(a) && (b === null || typeof b === 'boolean')) {
      stage(() => session.stageBlock(a, b === null ? undefined : b));
    } else {
      throw bad(`op ${i}: expected ["add",{…}], ["remove",id] or ["block",n,choice]`);
    }
  });
  return JSON.parse(session.load(mode));
}

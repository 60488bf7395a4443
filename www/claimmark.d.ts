// Types for <claim-annotator> (www/claimmark.js). Offsets are UTF-16 code units
// (JavaScript string indices) into `document.text`, the article after `\r\n` → `\n`.

export interface CmSentence { start: number; end: number; }
export interface CmBlock {
  kind: 'headline' | 'subhead' | 'byline' | 'timestamp' | 'caption' | 'credit' | 'paragraph' | 'boilerplate';
  reason: string | null; start: number; end: number; sentences: CmSentence[];
}
export interface CmDocument {
  units: 'utf16'; text: string; blocks: CmBlock[];
  metadata: { title: string | null; published: string | null; updated: string | null; byline: string | null; dateline: string | null; source: string | null };
  /** null until `findQuotes()` has run (the page does not load the quote finder). */
  quotes: CmQuote[] | null;
}
/** A quotation: `direct` (a whole quoted statement) or `partial` (quoted words inside the writer's sentence). */
export interface CmQuote { kind: 'direct' | 'partial'; start: number; end: number; speaker: { name: string; start: number; end: number } | null; }
export interface CmAnnotation {
  /** `urn:uuid:…` (crypto.randomUUID, with a fallback). */
  id: string;
  /** null for an orphan (its text is no longer in the article). */
  start: number | null; end: number | null; orphan: boolean;
  quote: string; prefix: string; suffix: string;
  tag: string; note: string;
  /** ISO 8601 (new Date().toISOString()). */
  created: string; modified: string;
  creator: string | null; extra: [string, string][];
}
export interface CmImportResult {
  change: { added: string[]; changed: string[]; removed: string[]; blocks: number[] };
  imported: number; replaced: number; orphans: number; fuzzy?: number; blocksSkipped?: number;
}
/** One entry of the `tags` attribute (a JSON array); defaults: fact 1/f, analysis 2/a, quote 3/q. */
export interface CmTag { id: string; label?: string; color?: string; keys?: string[]; line?: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy'; }

export interface ClaimAnnotatorEventMap extends HTMLElementEventMap {
  ready: CustomEvent<{ document: CmDocument }>;
  /** `detail` is the annotation (for remove: as it was before). Also fired by undo/redo, import and other tabs. */
  'annotation-add': CustomEvent<CmAnnotation>;
  'annotation-change': CustomEvent<CmAnnotation>;
  'annotation-remove': CustomEvent<CmAnnotation>;
}

/** An exercise file (README, "Exercises"). */
export interface CmExercise {
  type: 'claimmark-exercise'; version: 1;
  title?: string; instructions?: string;
  /** The article text. */
  article: string;
  /** The tag set (default: fact, analysis, quote). */
  tags?: CmTag[];
  /** May students reveal the suggestion for a sentence they have tagged? Default false. */
  suggestions?: boolean;
  /** The answer key: a W3C AnnotationCollection as exportJSON() writes it; the reason for an
   *  annotation is its note (its `commenting` body). Read only in teacher mode: in any other
   *  mode it is dropped as the exercise opens (`exercise.key` is then undefined). */
  key?: object;
}

/**
 * Attributes: `src` (article URL), `for` (selector of a host element holding the text),
 * `tags` (JSON CmTag[]), `painter="marks"` (force the <mark> fallback painter),
 * `mode` (`"teacher"`: prepare an exercise; `"student"`: do one). Changing `mode` or `tags`
 * re-renders (the annotations of each mode are autosaved apart; in student mode, those of each
 * student name).
 */
export declare class ClaimAnnotator extends HTMLElement {
  /** Resolves to the element once the wasm is loaded, the article rendered and styled (its stylesheet loaded) and the autosave restored. */
  readonly ready: Promise<ClaimAnnotator>;
  /** The segmented article, or null before `ready`. */
  readonly document: CmDocument | null;
  /** The article's quotations and speakers. The first call loads the classroom module (the
   *  quote finder is not part of what the page loads); the result is kept in `document.quotes`.
   *  Rejects with a readable Error when that module cannot be loaded (a single-file exercise
   *  saved without suggestions does not carry it). */
  findQuotes(): Promise<CmQuote[]>;
  /** Article text; setting it re-renders. */
  text: string | null;
  /** Annotations in document order (orphans last); a fresh copy on each read. */
  readonly annotations: CmAnnotation[];
  /** The open exercise (cleaned up; without its key except in teacher mode), or null. Setting
   *  it (the object or its JSON) opens it like openExercise; an invalid one is reported inside
   *  the element and changes nothing (set before the element has loaded, that load shows the
   *  error; a later valid exercise or new text loads as usual). */
  exercise: CmExercise | null;
  /** Opens an exercise: its article and tag set, in student mode unless a mode is set (teacher
   *  mode: the key becomes the annotations, to edit). Resolves once shown; rejects with a
   *  readable Error, changing nothing, when it is invalid. */
  openExercise(exercise: CmExercise | string): Promise<void>;
  /** Written as the collection's `creator` (a Person) by exportJSON; student mode sets it to the student's name. */
  creator?: string;
  /** The stylesheet's URL, for every element (default: claimmark.css beside claimmark.js). */
  static css: string;
  /** 'highlight-api' (CSS Custom Highlight API) or 'marks' (fallback). */
  readonly painterMode: 'highlight-api' | 'marks' | null;
  /** Adds a highlight (offsets are not snapped); throws an Error on a bad range. Default tag: the first tag. */
  addAnnotation(a: { start: number; end: number; tag?: string; note?: string }): CmAnnotation;
  /** Changes tag and/or note and/or place (start and end together). */
  updateAnnotation(id: string, change: { tag?: string; note?: string; start?: number; end?: number }): CmAnnotation;
  /** Removes one; false when there is no such id. */
  removeAnnotation(id: string): boolean;
  /** Moves block `index` into (true) or out of (false) the article, or back to the default (undefined). */
  setBlock(index: number, inArticle: boolean | undefined): void;
  /** Removes every annotation and block choice (one undoable step). */
  clear(): void;
  undo(): boolean;
  redo(): boolean;
  /** A W3C AnnotationCollection (JSON-LD) with claimmark's extensions (block choices, content hash).
   *  Async: export and import live in a second wasm module, fetched on first use. */
  exportJSON(): Promise<string>;
  /** CSV, UTF-8 with BOM, code point offsets. */
  exportCSV(): Promise<string>;
  /** Imports claimmark's export or W3C annotations as one undo step; atomic: rejects with a
   *  readable Error on invalid input and changes nothing. */
  importJSON(json: string, mode?: 'merge' | 'replace'): Promise<CmImportResult>;
  /** Removes every listener, highlight and node the widget added and frees its wasm Session. */
  destroy(): void;
  addEventListener<K extends keyof ClaimAnnotatorEventMap>(type: K, listener: (this: ClaimAnnotator, ev: ClaimAnnotatorEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { 'claim-annotator': ClaimAnnotator; }
}

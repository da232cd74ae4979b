/**
 * twminutes: Taiwanese government meeting minutes (會議紀錄) → typed, validated JSON (`minutes/1`).
 *
 * @example
 *   import { parse, parseFile } from 'twminutes';
 *   const doc = parse(text, { name: 'minutes.txt' });
 *   const fromPdf = await parseFile('minutes.pdf');
 */
import { loadBytes, loadFile, LoadError, type LoadOptions } from './load/index.js';
import { loadMarkdown } from './load/markdown.js';
import { runPipeline, type ParseOptions } from './pipeline.js';
import type { MinutesDocument } from './types.js';

export type * from './types.js';
export type { ParseOptions } from './pipeline.js';
export type { LoadOptions, PdfOptions } from './load/index.js';
export { LoadError } from './load/index.js';
/**
 * The grammar (the language knowledge of grammars/*.json) as a value: the package's own, or one extended
 * by an overlay of a body's own styles, given to `parse(text, { grammar })` and `parseArchive(…, { grammar })`.
 */
export { defaultGrammar, extendGrammar, readGrammarOverlay, loadGrammar, buildGrammar, GrammarError } from './grammars/index.js';
export type { Grammar, GrammarFile, GrammarOverlay, GrammarTables, HeadingFamily } from './grammars/index.js';
export { parseRocDate, parseClockTimes, type RocDate, type ClockTime } from './extract/datetime.js';
export { parseChineseNumeral } from './segment/numerals.js';
export { parseName, type NameParts } from './extract/person.js';
/** The normalise stage on its own: the text spans point into, and `origin` mapping each offset back to the input. */
export { normalize, type NormalizedText } from './normalize/index.js';

/** Parse text already in memory (plain text by default, `format: 'markdown'` for Markdown). */
export function parse(text: string, options: ParseOptions = {}): MinutesDocument {
  const source =
    options.format === 'markdown'
      ? loadMarkdown(text)
      : { format: 'text' as const, text: text.replace(/\r\n?/g, '\n'), pages: null, pageStarts: [], diagnostics: [] };
  return runPipeline(source, text, options);
}

/** Parse bytes of any supported format (detected from magic bytes and `options.name`). */
export async function parseBytes(bytes: Uint8Array, options: ParseOptions & LoadOptions = {}): Promise<MinutesDocument> {
  // A copy as a plain Uint8Array: pdf.js detaches what it is given and refuses a Buffer, and the hash below reads `bytes`.
  const source = await loadBytes(new Uint8Array(bytes), options.name ?? null, options);
  return runPipeline(source, bytes, options);
}

/**
 * Parse a .txt, .md or .pdf file. Rejects with a `LoadError` (code + message) only when the file
 * cannot yield any text (unreadable, encrypted or corrupt PDF, binary data).
 */
export async function parseFile(path: string, options: ParseOptions & LoadOptions = {}): Promise<MinutesDocument> {
  const { bytes, source } = await loadFile(path, options);
  return runPipeline(source, bytes, { name: path.split(/[\\/]/).pop() ?? path, ...options });
}

export const isLoadError = (e: unknown): e is LoadError => e instanceof LoadError;

// Archives and the people index (`twminutes/archive`), exports (`twminutes/export`) and the review page
// (`twminutes/review`) have entry points of their own; this one re-exports them for compatibility.
export * from './archive/index.js';
export * from './export/index.js';
export * from './review/index.js';

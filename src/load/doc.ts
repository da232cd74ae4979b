import { createRequire } from 'node:module';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

const require = createRequire(import.meta.url);

interface WordExtractorDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
}

/**
 * Load a legacy Word .doc (OLE2) with word-extractor: the body text, paragraphs as lines; a table
 * row as one line of tab-separated cells. Headers, footers, comments, text boxes and footnotes are
 * dropped. Word's automatic list numbers are not stored in the text of a .doc and cannot be
 * recovered here (re-save as .docx or .odt to keep them).
 */
export async function loadDoc(bytes: Uint8Array): Promise<LoadedSource> {
  const WordExtractor = require('word-extractor') as new () => { extract(input: Buffer): Promise<WordExtractorDocument> };
  let doc: WordExtractorDocument;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new LoadError('doc-corrupt', `The .doc file cannot be read (${(e as Error).message}).`);
  }
  return { format: 'doc', text: docLines(doc.getBody({ filterUnicode: false })), pages: null, pageStarts: [], diagnostics: [] };
}

/**
 * word-extractor's body → lines. A table cell ends with a cell mark, written as a tab, and a row ends
 * with a line break after its last cell's mark: `a\tb\t\n`. The trailing tab goes; empty cells stay.
 */
export function docLines(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n').map((l) => (l.endsWith('\t') ? l.slice(0, -1) : l).trimEnd());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

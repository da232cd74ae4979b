import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceFormat } from '../types.js';
import { loadText, decodeText } from './text.js';
import { loadMarkdown } from './markdown.js';
import { loadPdf, type PdfOptions } from './pdf/index.js';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

export { LoadError, type LoadedSource } from './types.js';
export type { PdfOptions } from './pdf/index.js';

export interface LoadOptions {
  /** Force a format instead of detecting it from magic bytes and the file name. */
  format?: SourceFormat;
  pdf?: PdfOptions;
  /** Read PDF pages by OCR: `'auto'` (pages without usable text) or `true` (every page). Same as `pdf.ocr`. */
  ocr?: PdfOptions['ocr'];
}

/** Format from magic bytes first (a PDF named .txt is still a PDF), then from the extension. */
export function detectFormat(bytes: Uint8Array, name: string | null): SourceFormat {
  if (isPdfMagic(bytes)) return 'pdf';
  const ext = name ? extname(name).toLowerCase() : '';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'text';
}

function isPdfMagic(bytes: Uint8Array): boolean {
  // The header may be preceded by junk within the first 1024 bytes (PDF 1.7 § 7.5.2 implementations allow it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export async function loadBytes(bytes: Uint8Array, name: string | null, options: LoadOptions = {}): Promise<LoadedSource> {
  const format = options.format ?? detectFormat(bytes, name);
  if (format === 'pdf') return loadPdf(bytes, options.ocr !== undefined && options.pdf?.ocr === undefined ? Object.assign({}, options.pdf, { ocr: options.ocr }) : options.pdf);
  if (format === 'markdown') return loadMarkdown(decodeText(bytes).text);
  return loadText(bytes);
}

export async function loadFile(path: string, options: LoadOptions = {}): Promise<{ bytes: Uint8Array; source: LoadedSource }> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new LoadError('unreadable', `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message}`);
  }
  // A copy: pdfjs detaches the buffer it is given, and the caller still hashes these bytes.
  const bytes = new Uint8Array(buf);
  return { bytes, source: await loadBytes(bytes.slice(), path, options) };
}

import { readFile } from 'node:fs/promises';
import type { SourceFormat } from '../types.js';
import { loadText, decodeText } from './text.js';
import { loadMarkdown } from './markdown.js';
import { loadPdf, type PdfOptions } from './pdf/index.js';
import { scannedWithLetterhead, unusableTextError } from './pdf/garbled.js';
import { detect } from './detect.js';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

export { LoadError, type LoadedSource } from './types.js';
export type { PdfOptions } from './pdf/index.js';
export { KNOWN_EXTENSIONS } from './detect.js';

export interface LoadOptions {
  /** Force a format instead of detecting it from magic bytes and the file name. */
  format?: SourceFormat;
  pdf?: PdfOptions;
  /** Read PDF pages by OCR: `'auto'` (pages without usable text) or `true` (every page). Same as `pdf.ocr`. */
  ocr?: PdfOptions['ocr'];
}

/**
 * Format from magic bytes first (a PDF named .txt is still a PDF), then from the extension.
 * Throws `unsupported-format` (naming the format) for spreadsheets, images, archives and other XML.
 */
export function detectFormat(bytes: Uint8Array, name: string | null): SourceFormat {
  const found = detect(bytes, name);
  if ('unsupported' in found) throw unsupported(found.unsupported);
  return found.format;
}

function unsupported(what: string): LoadError {
  return new LoadError('unsupported-format', `This is a ${what}, which twminutes does not read; give a .pdf, .txt, .md, .html, .docx, .odt, .doc or Akoma Ntoso .xml document.`);
}

export async function loadBytes(bytes: Uint8Array, name: string | null, options: LoadOptions = {}): Promise<LoadedSource> {
  const format = options.format ?? detectFormat(bytes, name);
  switch (format) {
    case 'pdf': {
      const copy = bytes.slice(); // pdfjs detaches what it is given; a scan is asked once more
      const source = await loadPdf(bytes, options.ocr !== undefined && options.pdf?.ocr === undefined ? Object.assign({}, options.pdf, { ocr: options.ocr }) : options.pdf);
      // No text at all (a scan), a text layer that is noise, or only a letterhead over scanned pages is
      // refused, not parsed (with OCR on, those pages were read by OCR and the text is the OCR's).
      const scan = source.diagnostics.find((d) => d.code === 'pdf-no-text' && d.severity === 'error');
      if (scan) throw new LoadError('pdf-no-text', scan.message);
      const refusal = unusableTextError(source) ?? (await scannedWithLetterhead(copy, source));
      if (refusal) throw new LoadError(refusal.code, refusal.message);
      return source;
    }
    case 'markdown':
      return loadMarkdown(decodeText(bytes).text);
    case 'html': {
      const { text, diagnostics } = decodeText(bytes);
      return (await import('./html.js')).loadHtml(text, 'html', diagnostics);
    }
    // The loaders of these formats (and their libraries) load on first use: every CLI start and batch worker would pay for them.
    case 'docx':
      return (await import('./docx.js')).loadDocx(bytes);
    case 'odt':
      return (await import('./odt.js')).loadOdt(bytes);
    case 'doc':
      return (await import('./doc.js')).loadDoc(bytes);
    case 'akn': {
      const { text, diagnostics } = decodeText(bytes);
      return (await import('./akn.js')).loadAkn(text, diagnostics);
    }
    case 'text':
      return loadText(bytes);
  }
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

import type { LoadedSource } from '../types.js';
import { LoadError } from '../types.js';

export interface PdfOptions {
  maxBytes?: number;
  maxPages?: number;
}

/** PLACEHOLDER until the PDF loader lands (issue 4). */
export async function loadPdf(_bytes: Uint8Array, _options: PdfOptions = {}): Promise<LoadedSource> {
  throw new LoadError('pdf-unsupported', 'PDF input is not supported yet.');
}

import type { Diagnostic, SourceFormat, OcrProvenance } from '../types.js';

/**
 * What every loader returns: the document as plain text lines, ready for the normalise stage.
 *
 * Conventions every loader keeps, so that the text pipeline needs no knowledge of the format:
 * - lines are separated by `\n`;
 * - a table row is one line whose cells are separated by `\t`; a cell that continues a
 *   row-spanning cell above it is empty (as in a tab-separated attendance list);
 * - `pageStarts[i]` is the offset in `text` where page i + 1 begins (empty for formats without pages).
 */
export interface LoadedSource {
  format: SourceFormat;
  text: string;
  pages: number | null;
  pageStarts: number[];
  diagnostics: Diagnostic[];
  /** Pages read by OCR, when any were (PDF with the `ocr` option). */
  ocr?: OcrProvenance;
}

/** A load that cannot yield any text: an encrypted or corrupt PDF, a binary file. */
export class LoadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

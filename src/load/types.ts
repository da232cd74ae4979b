import type { Diagnostic, MinutesDocument, OcrProvenance, SourceFormat } from '../types.js';

/** What a file says about itself outside its text (an HTML `<title>`, a date `<meta>`): evidence, never trusted over the text. */
export interface SourceHints {
  title: string | null;
  /** As written in the file. */
  date: string | null;
}

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
  /** Title and date the file declares outside its text (HTML `<title>`, `<meta>`). */
  hints?: SourceHints;
  /**
   * For a format that is structured already (Akoma Ntoso): builds the document directly, in place of
   * the text pipeline. `text` is still the document's text, and the spans it returns point into it.
   */
  assemble?: (sha256: string, options: { name?: string | null; text?: boolean; strict?: boolean }) => MinutesDocument;
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

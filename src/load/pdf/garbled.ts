import type { Diagnostic } from '../../types.js';

/** U+FFFD (a glyph pdfjs could not map) and private-use code points (a font with no usable ToUnicode). */
const GARBLED = /[\uFFFD\uE000-\uF8FF]|[\uDB80-\uDBFF][\uDC00-\uDFFF]/gu;

export function countGarbled(text: string): number {
  return text.match(GARBLED)?.length ?? 0;
}

/**
 * One `garbled-text` warning naming the pages whose text holds replacement or private-use
 * characters: the PDF's fonts lack a usable Unicode mapping there, so that text cannot be trusted.
 */
export function garbledDiagnostic(pageTexts: readonly string[]): Diagnostic | null {
  const hits = pageTexts.map((t, i) => ({ page: i + 1, n: countGarbled(t) })).filter((h) => h.n > 0);
  if (hits.length === 0) return null;
  const total = hits.reduce((s, h) => s + h.n, 0);
  const where = hits.map((h) => h.page).join(', ');
  return {
    severity: 'warning',
    code: 'garbled-text',
    message: `${total} character(s) on page(s) ${where} could not be decoded (U+FFFD or private-use code points): the PDF's fonts have no usable Unicode mapping there. Check those pages against the printed document, or re-export the PDF with fonts embedded.`,
  };
}

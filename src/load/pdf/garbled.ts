import type { Diagnostic } from '../../types.js';
import { openPdf } from './open.js';
import { pageHasImages } from './page-read.js';
import { loadPdfjs } from './pdfjs.js';

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

/**
 * Characters that stand in for Chinese when a font has no Unicode map and its glyph codes are read
 * as if they were Latin: ASCII punctuation (glyph 1, 2, 3 … read as `!"#`), Latin-1 and Mac Roman
 * letters (Ä Å Ç), general punctuation and mathematical symbols (‹ › ≠ ∞), private-use code points, U+FFFD.
 */
const NOISE = /[!-/:-@[-`{-~\u0080-\u02ff\u2000-\u206f\u2100-\u22ff\uE000-\uF8FF\uFFFD]/u;
/** Han characters, CJK punctuation and full-width forms: what Chinese minutes are mostly made of. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const WHITE = /\s/u;

/** Below this many non-space characters the statistics say nothing (a one-line test page). */
const MIN_CHARS = 200;
/** Readable Chinese minutes hold at most ~12 % noise and at least ~45 % Chinese; a noise layer the reverse. Wide margins both ways. */
const MAX_NOISE_SHARE = 0.3;
const MIN_CJK_SHARE = 0.15;
/** Characters looked at: enough for the statistics, and a 20-million-character text costs no more. */
const SAMPLE_CHARS = 100_000;

/**
 * The `pdf-garbled-text` refusal: a text layer whose character statistics are not those of any
 * written document: mostly punctuation and Latin-1 noise, hardly any Chinese. (A few undecodable
 * glyphs in otherwise good text only get the `garbled-text` warning.)
 */
export function unusableTextError(source: { text: string }): { code: string; message: string } | null {
  let n = 0;
  let noise = 0;
  let cjk = 0;
  for (const ch of source.text) {
    if (WHITE.test(ch)) continue;
    if (++n > SAMPLE_CHARS) break; // the statistics of a long text are those of its beginning
    if (NOISE.test(ch)) noise++;
    else if (CJK.test(ch)) cjk++;
  }
  n = Math.min(n, SAMPLE_CHARS);
  if (n < MIN_CHARS || noise / n <= MAX_NOISE_SHARE || cjk / n >= MIN_CJK_SHARE) return null;
  const pct = (x: number) => `${Math.round((x / n) * 100)} %`;
  return {
    code: 'pdf-garbled-text',
    message: `The PDF's text layer is noise (${pct(noise)} punctuation and symbols, ${pct(cjk)} Chinese): its fonts have no Unicode map, so the characters extracted are not the ones printed. Read it with OCR (twminutes --ocr, or ocr: true in the library; see docs/ocr.md).`,
  };
}

/** Letters (Han characters, Latin letters) of text: what a page of minutes has hundreds of, and a letterhead a few dozen. */
const LETTER = /[\p{Script=Han}A-Za-z]/u;
/** Fewer letters than this per page, on average, is not a page of minutes: a letterhead, a page number, a stamp. */
const MIN_LETTERS_PER_PAGE = 100;
/** How many pages are asked whether they paint images (each answer decodes the page's images). */
const PAGES_ASKED = 5;

/**
 * The `pdf-no-text` refusal for a scan that still has a little text: pages that are images, with only
 * a letterhead or a page number in the text layer. Asked only when the text is that sparse (under 100
 * letters a page); then the first pages must all paint images. `bytes` must be a copy that pdfjs has
 * not yet detached.
 */
export async function scannedWithLetterhead(bytes: Uint8Array, source: { text: string; pages: number | null }): Promise<{ code: string; message: string } | null> {
  const pages = source.pages ?? 0;
  if (pages === 0 || source.text.trim() === '') return null; // no text at all: the PDF loader says so itself
  let letters = 0;
  const enough = MIN_LETTERS_PER_PAGE * pages;
  for (const ch of source.text) if (LETTER.test(ch) && ++letters >= enough) return null;
  const pdfjs = await loadPdfjs();
  const doc = await openPdf(bytes, 0);
  try {
    const asked = Math.min(pages, PAGES_ASKED);
    for (let n = 1; n <= asked; n++) {
      const page = await doc.getPage(n);
      try {
        if (!(await pageHasImages(page, pdfjs))) return null;
      } finally {
        page.cleanup();
      }
    }
  } catch {
    return null; // the loader read this PDF; a failure here only means the question stays open
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return {
    code: 'pdf-no-text',
    message: `The PDF's pages are images (a scan): its text layer holds only ${letters} letter(s), a letterhead or page numbers. Read it with OCR (twminutes --ocr, or ocr: true in the library; see docs/ocr.md).`,
  };
}

/**
 * Whether one page's text layer cannot be used (for OCR's `'auto'` mode): undecodable glyphs, or text
 * whose statistics are those of a font without a Unicode map. A page with no text is the caller's to see.
 */
export function pageTextUnusable(text: string): boolean {
  return countGarbled(text) > 0 || unusableTextError({ text }) !== null;
}

/** Whether a page's text is as sparse as a letterhead or a page number over a scanned image. */
export function sparsePageText(text: string): boolean {
  let letters = 0;
  for (const ch of text) if (LETTER.test(ch) && ++letters >= MIN_LETTERS_PER_PAGE) return false;
  return true;
}

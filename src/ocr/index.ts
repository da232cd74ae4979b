import type { Diagnostic, OcrProvenance } from '../types.js';
import type { PdfDocument } from '../load/pdf/open.js';
import type { PageLine } from '../load/pdf/geometry.js';
import { layoutPage } from '../load/pdf/page-layout.js';
import { itemsToRuns } from '../load/pdf/runs.js';
import { correctOcrLines } from './corrections.js';
import { unifyOcrNames } from './names.js';
import { fillHeadingGaps } from './heading-gaps.js';
import { splitMergedRows } from './merged-rows.js';
import { startOcrEngine, type OcrEngine } from './engine.js';
import { enlargedCrop, openPdfForRendering, renderPage } from './render.js';
import { linePieces, ocrLinesToItems } from './words.js';
import { rereadUnsure } from './reread.js';
import { inkMask, rulesFromRaster } from './raster-rules.js';

export { startOcrEngine, OCR_PACKAGES, type OcrEngine } from './engine.js';
export { correctOcrLines } from './corrections.js';

/**
 * `true`: every page is read by OCR, its text layer ignored. `'auto'`: only the pages that would
 * otherwise be refused or lost — pages that are images without text, and pages whose text layer is
 * noise (fonts without a Unicode map).
 */
export type OcrMode = boolean | 'auto';

/** Resolution pages are rendered at for OCR: 300 dpi reads small print better, 200 is twice as fast. */
export const OCR_DPI = 300;
/** Below this mean confidence (0–100) a page read by OCR is a warning, not just information. */
export const LOW_CONFIDENCE = 60;


export interface OcrPages {
  lines: Map<number, PageLine[]>;
  provenance: OcrProvenance;
  diagnostics: Diagnostic[];
}

/**
 * Read the given pages of a PDF (its bytes: they are detached) by OCR: render each (pdf.js on a canvas), recognise it (Tesseract, Traditional
 * Chinese and English), rebuild its lines from the word boxes with the same layout code as a PDF's
 * text (reading order, columns, tables from the ruling lines found in the pixels), and correct the confusions the grammar is sure of.
 * Each page gets an info diagnostic with its confidence (a warning when low), each correction one too.
 */
export async function readPagesByOcr(bytes: Uint8Array, pageNumbers: readonly number[], dpi = OCR_DPI, engine?: OcrEngine): Promise<OcrPages> {
  const own = engine === undefined;
  const ocr = engine ?? (await startOcrEngine());
  let doc: PdfDocument;
  try {
    doc = await openPdfForRendering(bytes);
  } catch (e) {
    if (own) await ocr.terminate();
    throw e;
  }
  const lines = new Map<number, PageLine[]>();
  const diagnostics: Diagnostic[] = [];
  const provenance: OcrProvenance = { engine: 'tesseract.js', version: ocr.version, languages: ocr.languages, dpi, pages: [] };
  // A table that runs to the bottom of a page may go on on the next one, as in a PDF's text.
  let carry: number[] | null = null;
  let previous = -1;
  try {
    for (const n of pageNumbers) {
      const page = await doc.getPage(n);
      try {
        const image = await renderPage(doc, page, dpi);
        const result = await ocr.recognize(image.png);
        const mask = inkMask(image.rgba, image.width, image.height);
        const read = await splitMergedRows(ocr, image.png, result.lines, mask);
        const pieces = linePieces(read, mask);
        const reread = await rereadUnsure(ocr, pieces, image, (rect, factor) => enlargedCrop(doc, image, rect, factor));
        const items = ocrLinesToItems(read, image.scale, image.heightPt, mask, pieces);
        const rules = rulesFromRaster(mask, dpi, image.heightPt);
        const layout = layoutPage({ width: image.widthPt, height: image.heightPt, runs: itemsToRuns(items), rules, hasImages: true }, n === previous + 1 ? carry : null);
        carry = layout.carryXs;
        previous = n;
        const laid = layout.lines;
        const fixed = correctOcrLines(laid.map((l) => l.text));
        const pageLines = laid.map((l, i) => (fixed.lines[i] === l.text ? l : Object.assign({}, l, { text: fixed.lines[i]! })));
        lines.set(n, pageLines);
        const confidence = Math.round(result.confidence);
        provenance.pages.push({ page: n, confidence });
        const low = confidence < LOW_CONFIDENCE;
        diagnostics.push({
          severity: low ? 'warning' : 'info',
          code: low ? 'ocr-low-confidence' : 'ocr-page',
          message: `Page ${n} was read by OCR (${ocr.name}, ${ocr.languages.join('+')}, ${dpi} dpi): mean confidence ${confidence}/100${low ? '; check its records against the page' : ''}.`,
        });
        for (const c of reread) {
          diagnostics.push({ severity: 'info', code: 'ocr-corrected', message: `Page ${n}: read "${c.from}", read again enlarged as one word: "${c.to}" (the engine was unsure of the characters changed; ${c.votes} of ${c.readings} enlarged readings agree on the new ones, and are sure of them).` });
        }
        for (const c of fixed.corrections) {
          diagnostics.push({ severity: 'info', code: 'ocr-corrected', message: `Page ${n}, OCR line ${c.line + 1}: read "${c.from}", corrected to "${c.to}" (a known OCR confusion in a count, a date, a heading marker or a label's colon).` });
        }
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
    if (own) await ocr.terminate();
  }
  // Across the pages read: heading numerals the headings around them leave no doubt about, and names
  // misread by one look-alike character against the spelling the rest of the pages use.
  const numbers = [...lines.keys()];
  const texts = () => numbers.map((n) => lines.get(n)!.map((l) => l.text));
  const apply = (page: number, line: number, text: string) => {
    const pageLines = lines.get(numbers[page]!)!;
    pageLines[line] = Object.assign({}, pageLines[line]!, { text });
  };
  const headings = fillHeadingGaps(texts());
  for (const c of headings.corrections) {
    apply(c.page, c.line, headings.pages[c.page]![c.line]!);
    diagnostics.push({ severity: 'info', code: 'ocr-corrected', message: `Page ${numbers[c.page]}, OCR line ${c.line + 1}: read the heading marker "${c.from}", corrected to "${c.to}" (the headings before and after it are the numerals on either side).` });
  }
  const unified = unifyOcrNames(texts());
  for (const c of unified.corrections) {
    apply(c.page, c.line, unified.pages[c.page]![c.line]!);
    diagnostics.push({ severity: 'info', code: 'ocr-corrected', message: `Page ${numbers[c.page]}, OCR line ${c.line + 1}: read the name "${c.from}", corrected to "${c.to}" (one look-alike character apart; the document spells it "${c.to}" ${c.seen} times).` });
  }
  return { lines, provenance, diagnostics };
}

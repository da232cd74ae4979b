import type { Diagnostic } from '../../types.js';
import { defaultGrammar, type Grammar } from '../../grammars/index.js';
import type { LoadedSource } from '../types.js';
import { LoadError } from '../types.js';
import { garbledDiagnostic, pageTextUnusable, sparsePageText, unusableTextError } from './garbled.js';
import { readPagesByOcr, type OcrMode } from '../../ocr/index.js';
import { openPdf, toLoadError, type PdfDocument } from './open.js';
import { dropPageArtefacts, type LaidOutPage } from './page-artefacts.js';
import { layoutPage } from './page-layout.js';
import { pageHasImages, readPage } from './page-read.js';
import { loadPdfjs, type Pdfjs } from './pdfjs.js';

export interface PdfOptions {
  /** Refuse larger files (`pdf-too-large`). Default 100 MiB. */
  maxBytes?: number;
  /** Refuse documents with more pages (`pdf-too-many-pages`). Default 2000. */
  maxPages?: number;
  /** Let pdfjs print its warnings (verbosity 1) or everything (5). Default 0: silent. */
  verbosity?: number;
  /** Refuse a PDF whose text grows past this many characters (`pdf-text-too-large`). Default 20 million. */
  maxTextChars?: number;
  /**
   * Refuse a PDF whose text is more than this many characters per byte of file once past 200,000
   * characters (`pdf-text-too-large`): a text bomb, a tiny file that inflates to huge text. Ordinary PDFs
   * hold well under 10 characters per byte. Default 100.
   */
  maxExpansion?: number;
  /**
   * Read pages by OCR (needs the optional OCR packages; see README). `'auto'`: only pages without a
   * usable text layer (scanned pages, text that is noise); `true`: every page, its text layer ignored.
   * Default false: such pages are reported (`pdf-no-text`, `garbled-text`), not read.
   */
  ocr?: OcrMode;
  /** Resolution pages are rendered at for OCR. Default 300 dpi. */
  ocrDpi?: number;
}

export const PDF_DEFAULTS = { maxBytes: 100 * 1024 * 1024, maxPages: 2000, maxTextChars: 20_000_000, maxExpansion: 100 } as const;

/**
 * Load a PDF's text layer as lines (see `LoadedSource`). Fatal problems throw `LoadError`
 * (`pdf-corrupt`, `pdf-encrypted`, `pdf-too-large`, `pdf-too-many-pages`); pages that cannot be
 * read, pages without text and undecodable glyphs become diagnostics. pdfjs detaches `bytes`:
 * pass a copy if you still need them.
 */
export async function loadPdf(bytes: Uint8Array, options: PdfOptions = {}, grammar: Grammar = defaultGrammar()): Promise<LoadedSource> {
  const maxBytes = options.maxBytes ?? PDF_DEFAULTS.maxBytes;
  const maxPages = options.maxPages ?? PDF_DEFAULTS.maxPages;
  if (bytes.byteLength > maxBytes) {
    throw new LoadError('pdf-too-large', `The PDF is ${mib(bytes.byteLength)} MiB; the limit is ${mib(maxBytes)} MiB (option maxBytes).`);
  }
  const fileBytes = bytes.byteLength;
  // pdf.js detaches what it opens: OCR opens the file again to render pages, so it keeps a copy.
  const ocrBytes = options.ocr ? bytes.slice() : null;
  const doc = await openPdf(bytes, options.verbosity ?? 0);
  try {
    if (doc.numPages > maxPages) {
      throw new LoadError('pdf-too-many-pages', `The PDF has ${doc.numPages} pages; the limit is ${maxPages} (option maxPages).`);
    }
    if (doc.numPages === 0) throw new LoadError('pdf-no-pages', 'The PDF has no pages.');
    const maxText = Math.min(options.maxTextChars ?? PDF_DEFAULTS.maxTextChars, Math.max(200_000, fileBytes * (options.maxExpansion ?? PDF_DEFAULTS.maxExpansion)));
    return await readDocument(doc, maxText, ocrBytes ? { bytes: ocrBytes, mode: options.ocr!, dpi: options.ocrDpi } : null, grammar);
  } catch (e) {
    throw toLoadError(e);
  } finally {
    // destroy() settles pending pdfjs work; its own failure must not mask the result.
    await doc.destroy().catch(() => undefined);
  }
}

interface OcrRequest {
  bytes: Uint8Array;
  mode: OcrMode;
  dpi: number | undefined;
}

async function readDocument(doc: PdfDocument, maxText: number, ocr: OcrRequest | null, grammar: Grammar): Promise<LoadedSource> {
  const pdfjs = await loadPdfjs();
  const diagnostics: Diagnostic[] = [];
  const pages: LaidOutPage[] = [];
  const unreadable: number[] = [];
  const imageOnly: number[] = [];
  const textless: number[] = []; // pages without text whose operator list was not read
  let carry: number[] | null = null;
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      try {
        const content = await readPage(page, pdfjs, carry !== null);
        const layout = layoutPage(content, carry);
        carry = layout.carryXs;
        if (layout.lines.length === 0 && content.hasImages) imageOnly.push(n);
        else if (layout.lines.length === 0 && content.hasImages === null) textless.push(n); // asked at the end
        pages.push({ height: content.height, lines: layout.lines });
        for (const l of layout.lines) chars += l.text.length + 1;
        if (chars > maxText) {
          throw new LoadError('pdf-text-too-large', `The PDF's text passed ${maxText.toLocaleString('en')} characters by page ${n} (a text bomb, or options maxTextChars / maxExpansion are too low for it).`);
        }
      } finally {
        page.cleanup();
      }
    } catch (e) {
      if (e instanceof LoadError) throw e;
      // One broken page (bad content stream, missing object) should not lose the others.
      unreadable.push(n);
      pages.push({ height: 0, lines: [] });
      carry = null;
      if (unreadable.length === doc.numPages) throw toLoadError(e);
    }
  }
  const probed = await findScannedPages(doc, pdfjs, textless, chars === 0);
  imageOnly.push(...probed.scanned);
  imageOnly.sort((a, b) => a - b);
  unreadable.push(...probed.unreadable);
  unreadable.sort((a, b) => a - b);
  if (unreadable.length > 0) {
    diagnostics.push({ severity: 'warning', code: 'pdf-page-unreadable', message: `Page(s) ${unreadable.join(', ')} could not be read and were skipped; the PDF may be damaged.` });
  }
  let ocrProvenance: LoadedSource['ocr'] = undefined;
  if (ocr) {
    // 'auto': pages whose text layer is empty or noise, or only a letterhead over a scanned image; true: every page.
    const wanted = ocr.mode === true ? pages.map((_, i) => i + 1) : await pagesWithoutUsableText(doc, pdfjs, pages);
    if (wanted.length > 0) {
      const read = await readPagesByOcr(ocr.bytes, wanted, ocr.dpi);
      for (const [n, lines] of read.lines) pages[n - 1] = { height: pages[n - 1]!.height, lines };
      diagnostics.push(...read.diagnostics);
      ocrProvenance = read.provenance;
      for (const n of wanted) {
        const at = imageOnly.indexOf(n);
        if (at >= 0) imageOnly.splice(at, 1);
      }
    }
  }
  const cleaned = dropPageArtefacts(pages, grammar).pages;
  const pageTexts = cleaned.map((p) => p.lines.map((l) => l.text).join('\n'));
  const text = pageTexts.join('\n');
  const pageStarts: number[] = [];
  let offset = 0;
  for (const t of pageTexts) {
    pageStarts.push(offset);
    offset += t.length + 1;
  }
  const noText = noTextDiagnostic(text, imageOnly, doc.numPages);
  if (noText) diagnostics.push(noText);
  const garbled = garbledDiagnostic(pageTexts);
  if (garbled) diagnostics.push(garbled);
  const source: LoadedSource = { format: 'pdf', text, pages: doc.numPages, pageStarts, diagnostics };
  if (ocrProvenance) source.ocr = ocrProvenance;
  return source;
}

/**
 * Pages (1-based) whose text cannot be used: none, noise, or a letterhead over a scanned image. When
 * the document's text as a whole is noise (its fonts have no Unicode map), every page is: a page whose
 * Latin text happens to decode (a title in English among garbled Chinese) is drawn with the same fonts.
 */
async function pagesWithoutUsableText(doc: PdfDocument, pdfjs: Pdfjs, pages: readonly LaidOutPage[]): Promise<number[]> {
  if (unusableTextError({ text: pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n') })) return pages.map((_, i) => i + 1);
  const out: number[] = [];
  for (let i = 0; i < pages.length; i++) {
    const text = pages[i]!.lines.map((l) => l.text).join('\n');
    if (pages[i]!.lines.length === 0 || pageTextUnusable(text)) out.push(i + 1);
    else if (sparsePageText(text)) {
      const page = await doc.getPage(i + 1);
      try {
        if (await pageHasImages(page, pdfjs)) out.push(i + 1);
      } catch {
        // its text was read; whether it paints an image stays unknown: keep the text layer
      } finally {
        page.cleanup();
      }
    }
  }
  return out;
}

/**
 * Which pages without text paint images (are scanned). Reading a page's operator list decodes its
 * images in full, so only the pages whose answer shows are asked: every one when the document
 * has text (the warning lists them), else just until the first scanned page (the error only says
 * the document is a scan). A 100-page scan costs one image decode, not a hundred.
 * (Textless pages are not looked at for drawn rules either: an empty ruled grid on a page without
 * text no longer carries its columns over to the next page.)
 */
async function findScannedPages(doc: PdfDocument, pdfjs: Pdfjs, textless: readonly number[], noTextAtAll: boolean): Promise<{ scanned: number[]; unreadable: number[] }> {
  const scanned: number[] = [];
  const unreadable: number[] = [];
  for (const n of textless) {
    try {
      const page = await doc.getPage(n);
      try {
        if (await pageHasImages(page, pdfjs)) scanned.push(n);
      } finally {
        page.cleanup();
      }
    } catch {
      unreadable.push(n); // its text was read (none); what else it paints could not be
    }
    if (noTextAtAll && scanned.length > 0) break;
  }
  return { scanned, unreadable };
}

function noTextDiagnostic(text: string, imageOnly: readonly number[], pages: number): Diagnostic | null {
  if (text.trim() === '') {
    return { severity: 'error', code: 'pdf-no-text', message: `The PDF has no text layer${imageOnly.length > 0 ? ' (its pages are images: a scan)' : ''}; read it with OCR (twminutes --ocr, or ocr: true in the library; see docs/ocr.md).` };
  }
  if (imageOnly.length === 0) return null;
  return {
    severity: 'warning',
    code: 'pdf-no-text',
    message: `Page(s) ${imageOnly.join(', ')} of ${pages} are images without a text layer (scanned); their content is missing. Run OCR on the PDF to include them.`,
  };
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

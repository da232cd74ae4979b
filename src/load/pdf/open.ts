import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { LoadError } from '../types.js';
import { loadPdfjs, pdfjsAssets } from './pdfjs.js';

export type PdfDocument = PDFDocumentProxy;

/**
 * Open a PDF with pdfjs, configured for untrusted input in Node: no eval of font programs
 * (CVE-2024-4367), no font-face loading, no network (cmaps and standard fonts come from the
 * installed package), no console noise unless `verbosity` is raised.
 * Refuses what is obviously not a PDF before pdfjs sees it. pdfjs detaches `bytes`.
 */
export async function openPdf(bytes: Uint8Array, verbosity: number): Promise<PdfDocument> {
  if (bytes.byteLength === 0) throw new LoadError('pdf-corrupt', 'The PDF file is empty (0 bytes).');
  if (!hasPdfHeader(bytes)) {
    throw new LoadError('pdf-corrupt', 'The file is not a PDF: no "%PDF-" header in its first 1024 bytes.');
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes,
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    // disableFontFace: true (pdfjs's Node default) makes getOperatorList compile an outline for
    // every glyph shown, for canvas rendering we never do: a third of its time. With font faces
    // "enabled", the fonts go to a document that accepts and drops them (see fontlessDocument).
    disableFontFace: false,
    ownerDocument: fontlessDocument(),
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    enableXfa: false,
    verbosity,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw toLoadError(e);
  }
}

/**
 * The part of a DOM document pdfjs's FontLoader touches in Node when font faces are enabled: it
 * inserts an @font-face rule into a <style> element (Node has no FontFace API, so pdfjs takes that
 * path and, being in Node, treats the rule as loaded at once) and removes the element on destroy.
 * We extract text and never render, so the rules are dropped. One per document: destroy() removes
 * its own style element.
 */
function fontlessDocument(): object {
  const style = { sheet: { cssRules: [] as string[], insertRule: (): number => 0 }, remove: (): void => undefined };
  return {
    createElement: () => style,
    documentElement: { getElementsByTagName: () => [{ append: (): void => undefined }] },
  };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** pdfjs errors cross its (fake) worker boundary as plain objects: map them by `name`. */
export function toLoadError(e: unknown): LoadError {
  if (e instanceof LoadError) return e;
  const err = e as { name?: string; message?: string; code?: number } | null;
  const name = err?.name ?? '';
  const detail = err?.message ?? String(e);
  if (name === 'PasswordException') {
    return new LoadError('pdf-encrypted', 'The PDF is password-protected; remove the password (or export an unprotected copy) and try again.');
  }
  return new LoadError('pdf-corrupt', `The PDF cannot be read (${name || 'error'}: ${detail}); it may be truncated or damaged.`);
}

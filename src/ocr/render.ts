import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { toLoadError, type PdfDocument } from '../load/pdf/open.js';
import { loadPdfjs, pdfjsAssets } from '../load/pdf/pdfjs.js';
import { ocrUnavailable } from './engine.js';

interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Uint8Array;
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: NodeCanvas; context: CanvasRenderingContext2DLike };
  destroy(pair: { canvas: NodeCanvas; context: CanvasRenderingContext2DLike }): void;
}
interface CanvasRenderingContext2DLike {
  fillStyle: string;
  imageSmoothingEnabled: boolean;
  imageSmoothingQuality: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  createImageData(w: number, h: number): { data: Uint8ClampedArray };
  putImageData(data: { data: Uint8ClampedArray }, x: number, y: number): void;
  drawImage(image: NodeCanvas, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
}

/**
 * Render one page to a greyscale-friendly PNG at `dpi`, with pdf.js and the canvas it uses in Node
 * (@napi-rs/canvas, an optional package: pdf.js finds it by itself). White background: Tesseract reads
 * dark text on light ground, and an unpainted canvas is transparent.
 */
export interface RenderedPage {
  png: Uint8Array;
  /** RGBA pixels, row by row from the top. */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  scale: number;
  widthPt: number;
  heightPt: number;
}

export async function renderPage(doc: PdfDocument, page: PDFPageProxy, dpi: number): Promise<RenderedPage> {
  const factory = (doc as unknown as { canvasFactory?: CanvasFactory }).canvasFactory;
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  let pair: { canvas: NodeCanvas; context: CanvasRenderingContext2DLike };
  try {
    if (!factory) throw new Error('pdf.js has no canvas factory');
    pair = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  } catch (e) {
    throw ocrUnavailable(`no canvas to render pages on: ${(e as Error).message}`);
  }
  try {
    pair.context.fillStyle = '#ffffff';
    pair.context.fillRect(0, 0, pair.canvas.width, pair.canvas.height);
    // pdf.js draws on the canvas it is given (its Node canvas, typed for the DOM in pdf.js's declarations).
    await page.render({ canvas: pair.canvas, viewport } as unknown as Parameters<PDFPageProxy['render']>[0]).promise;
    const base = page.getViewport({ scale: 1 });
    const { width, height } = pair.canvas;
    return { png: pair.canvas.toBuffer('image/png'), rgba: pair.context.getImageData(0, 0, width, height).data, width, height, scale, widthPt: base.width, heightPt: base.height };
  } finally {
    factory.destroy(pair);
  }
}

/**
 * Open a PDF for rendering. The text loader opens documents without their fonts (it never draws);
 * to render glyphs pdf.js needs them, as outlines (`disableFontFace`), still with eval off and no
 * network. pdf.js detaches `bytes`.
 */
export async function openPdfForRendering(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: bytes, ...pdfjsAssets(), cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWorkerFetch: false, stopAtErrors: false, enableXfa: false, verbosity: 0 });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw toLoadError(e);
  }
}

/**
 * A rectangle of a rendered page enlarged `factor` times (smoothed, not blocky), as a PNG: the engine
 * reads small characters better when their strokes are several pixels wide.
 */
export function enlargedCrop(doc: PdfDocument, image: RenderedPage, rect: { left: number; top: number; width: number; height: number }, factor: number): Uint8Array {
  const factory = (doc as unknown as { canvasFactory?: CanvasFactory }).canvasFactory;
  if (!factory) throw ocrUnavailable('pdf.js has no canvas factory');
  const { left, top, width, height } = rect;
  const crop = factory.create(width, height);
  const big = factory.create(Math.round(width * factor), Math.round(height * factor));
  try {
    const data = crop.context.createImageData(width, height);
    for (let y = 0; y < height; y++) data.data.set(image.rgba.subarray(((top + y) * image.width + left) * 4, ((top + y) * image.width + left + width) * 4), y * width * 4);
    crop.context.putImageData(data, 0, 0);
    big.context.imageSmoothingEnabled = true;
    big.context.imageSmoothingQuality = 'high';
    big.context.drawImage(crop.canvas, 0, 0, width, height, 0, 0, big.canvas.width, big.canvas.height);
    return big.canvas.toBuffer('image/png');
  } finally {
    factory.destroy(crop);
    factory.destroy(big);
  }
}

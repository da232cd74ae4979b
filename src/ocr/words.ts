import type { TextItemLike } from '../load/pdf/runs.js';
import type { OcrLine } from './engine.js';
import { isCjkCode, lastCode } from '../load/pdf/cjk.js';

/**
 * OCR lines → the text items the PDF layout reads (pdf.js's shape: `str`, a text matrix, an advance
 * width), in PDF points with y upwards. Every word of a line sits on the line's baseline (the bottom of
 * its box) at the line's height, so the layout groups them as one line however the words' own boxes
 * vary (、 sits low, （ reaches below); gaps between words are the layout's to read, as in a PDF.
 */
/**
 * A word box is the ink, a PDF's advance width is the ink plus the glyphs' side bearings: without them
 * the ordinary gap after a Chinese character (a quarter of an em of ink apart, more beside 一 or 丨)
 * would read as a typed space. A typed space (an em or more) stays one.
 */
const SIDE_BEARINGS = 0.25;

export function ocrLinesToItems(lines: readonly OcrLine[], scale: number, pageHeightPt: number): TextItemLike[] {
  const items: TextItemLike[] = [];
  for (const line of lines) {
    const size = Math.max(1, (line.y1 - line.y0) / scale);
    const baseline = pageHeightPt - line.y1 / scale;
    for (const w of line.words) {
      items.push({ str: w.text, transform: [size, 0, 0, size, w.x0 / scale, baseline], width: (w.x1 - w.x0) / scale + (isCjkCode(lastCode(w.text)) ? SIDE_BEARINGS * size : 0) });
    }
  }
  return items;
}

import type { OcrEngine, OcrLine } from './engine.js';
import type { InkMask } from './raster-rules.js';

/** A line this many times taller than the page's usual line is two rows of text read as one. */
const MERGED_HEIGHT = 1.5;
/** Lines needed for "the page's usual line" to mean something. */
const MIN_LINES = 5;
/**
 * A pixel row inked over at most this share of the box's width is blank (between two rows of text): a
 * short row beside a long one (出席人員： under the 主席 line) still has more.
 */
const BLANK_ROW_INK = 0.01;
/** A stretch between blank rows lower than this share of the usual line is a sliver of a neighbour, not a row. */
const MIN_ROW = 0.5;

/**
 * Lines set tight (no leading) are sometimes taken by the engine as one line two rows high, and then
 * read as one: a row is lost, or both come out as noise (sample 002's 主席 line and its 參、討論事項
 * heading). A line much taller than the page's usual one whose box has a nearly blank row in its middle
 * is read again row by row, each on its own (the engine's single-line mode), and the rows replace it.
 */
export async function splitMergedRows(engine: OcrEngine, png: Uint8Array, lines: readonly OcrLine[], mask: InkMask): Promise<OcrLine[]> {
  if (lines.length < MIN_LINES) return [...lines];
  const heights = lines.map((l) => l.y1 - l.y0).sort((a, b) => a - b);
  const usual = heights[heights.length >> 1]!;
  const out: OcrLine[] = [];
  for (const line of lines) {
    const rows = line.y1 - line.y0 >= MERGED_HEIGHT * usual ? rowsOf(line, mask, usual) : [];
    if (rows.length === 0) {
      out.push(line);
      continue;
    }
    const x0 = Math.max(0, Math.min(...line.words.map((w) => w.x0)) - PAD);
    const x1 = Math.min(mask.width, Math.max(...line.words.map((w) => w.x1)) + PAD);
    const read: OcrLine[] = [];
    for (const [top, bottom] of rows) read.push(...(await engine.recognize(png, { left: x0, top, width: x1 - x0, height: bottom - top })).lines);
    out.push(...(read.length > 0 ? read : [line]));
  }
  return out;
}

/** Blank columns (pixels) left around a line read again. */
const PAD = 4;

/**
 * The rows of text inside a line's box: the stretches between blank pixel rows, as tall as a usual
 * line at least (slivers of the lines above and below, which the box may reach into, are left out),
 * each with a few pixels of the blank around it. Empty when the box holds fewer than two.
 */
function rowsOf(line: OcrLine, mask: InkMask, usual: number): [number, number][] {
  const x0 = Math.max(0, Math.min(...line.words.map((w) => w.x0)));
  const x1 = Math.min(mask.width, Math.max(...line.words.map((w) => w.x1)));
  const y0 = Math.max(0, line.y0);
  const y1 = Math.min(mask.height, line.y1);
  const ink: number[] = [];
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) n += mask.ink[y * mask.width + x]!;
    ink.push(n);
  }
  const blank = Math.max(2, BLANK_ROW_INK * (x1 - x0));
  const stretches: [number, number][] = [];
  for (let i = 0; i < ink.length; i++) {
    if (ink[i]! <= blank) continue;
    const last = stretches[stretches.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else stretches.push([i, i + 1]);
  }
  const rows = stretches.filter(([a, b]) => b - a >= MIN_ROW * usual);
  // One row (with slivers or a tall bracket beside it): the engine read that row; keep its reading.
  if (rows.length < 2) return [];
  return rows.map(([a, b]) => [y0 + Math.max(0, a - PAD), y0 + Math.min(ink.length, b + PAD)]);
}


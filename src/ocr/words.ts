import type { TextItemLike } from '../load/pdf/runs.js';
import type { OcrLine, OcrWord } from './engine.js';
import type { InkMask } from './raster-rules.js';
import { firstCode, isCjkCode, lastCode, noSpaceBetweenCodes } from '../load/pdf/cjk.js';

/**
 * OCR lines → the text items the PDF layout reads (pdf.js's shape: `str`, a text matrix, an advance
 * width), in PDF points with y upwards. Every item of a line sits on the line's baseline (the bottom of
 * its box) at the line's height, so the layout groups them as one line however the characters' own
 * boxes vary (、 sits low, （ reaches below); gaps between items are the layout's to read, as in a PDF.
 *
 * Where the gaps are is read from the page's pixels, not from the engine's boxes: for Chinese the
 * engine's word and character boxes are rough (a box two characters wide for one, boxes that overlap
 * the next word), so a typed space — the only thing that tells 亞太司 林公使 明誠 (unit, person,
 * given name) from one word — would come and go. The line's ink is cut into pieces at blank columns
 * wider than GAP_SPLIT; each recognised character goes to the piece under it; one item per piece,
 * spanning the piece's ink. Without the pixels (or the characters' boxes) the words' boxes are used.
 */

/**
 * A blank stretch of a line at least this wide (em, the line's height) separates two pieces. Below the
 * layout's own space between two Chinese characters (half an em): ink gaps inside a word are a tenth
 * to a quarter of an em, a typed half-width space is half an em of advance plus the glyphs' bearings.
 */
const GAP_SPLIT = 0.4;
/** A column of the line with fewer ink pixels than this is blank (a speck of scan noise is not ink). */
const MIN_COLUMN_INK = 1;
/** A pixel row inked over more than this share of the line's width is a rule or an underline, not text. */
const RULE_ROW_SHARE = 0.9;
/**
 * Full-width punctuation is drawn in half of its em (、，。： on the left, （「 on the right); a PDF's
 * advance counts the whole em. An item ending in such punctuation is widened, one starting with an
 * opening bracket moved left, by this much (em), so that the blank half is not read as a typed space.
 */
const PUNCTUATION_HALF = 0.5;
/**
 * Without the pixels: a word box is the ink, a PDF's advance width is the ink plus the glyphs' side
 * bearings, so the ordinary gap after a Chinese character is not read as a typed space.
 */
const SIDE_BEARINGS = 0.25;

/** Pieces closer than this (em) with punctuation between them are one piece (see piecesFromInk). */
const PUNCTUATION_JOIN = 1;

const OPENING = /^[\p{Ps}\p{Pi}]$/u;
const PUNCTUATION = /^\p{P}$/u;

export function ocrLinesToItems(lines: readonly OcrLine[], scale: number, pageHeightPt: number, mask?: InkMask): TextItemLike[] {
  const items: TextItemLike[] = [];
  for (const line of lines) {
    const b = band(line);
    const size = Math.max(1, (b.y1 - b.y0) / scale);
    const baseline = pageHeightPt - b.y1 / scale;
    const pieces = mask && line.words.every((w) => w.symbols) ? piecesFromInk(line, b, mask) : null;
    if (pieces) {
      for (const p of pieces) {
        let x = p.x0 / scale;
        let width = (p.x1 - p.x0) / scale;
        const last = String.fromCodePoint(lastCode(p.text));
        const first = String.fromCodePoint(firstCode(p.text));
        if (isCjkCode(lastCode(p.text)) && PUNCTUATION.test(last) && !OPENING.test(last)) width += PUNCTUATION_HALF * size;
        if (isCjkCode(firstCode(p.text)) && OPENING.test(first)) {
          x -= PUNCTUATION_HALF * size;
          width += PUNCTUATION_HALF * size;
        }
        items.push({ str: p.text, transform: [size, 0, 0, size, x, baseline], width });
      }
      continue;
    }
    for (const w of line.words) {
      items.push({ str: w.text, transform: [size, 0, 0, size, w.x0 / scale, baseline], width: (w.x1 - w.x0) / scale + (isCjkCode(lastCode(w.text)) ? SIDE_BEARINGS * size : 0) });
    }
  }
  return items;
}

/**
 * The band of a line's text: from its baseline up by the height of the words that sit on it. The
 * engine's line box (and some words' boxes) may reach into the lines above and below; the band is the
 * line's own height (its em) and baseline.
 */
function band(line: OcrLine): { y0: number; y1: number } {
  const median = (xs: number[]) => xs.sort((a, c) => a - c)[xs.length >> 1]!;
  if (line.words.length === 0) return { y0: line.y0, y1: line.y1 };
  const base = line.baseline;
  const near = base === undefined ? [] : line.words.filter((w) => Math.abs(w.y1 - base) <= BASELINE_SLACK * (line.y1 - line.y0) + 2);
  if (base !== undefined && near.length > 0) {
    const height = median(near.map((w) => w.y1 - w.y0));
    if (height > 0) return { y0: base - height, y1: base };
  }
  const y0 = median(line.words.map((w) => w.y0));
  const y1 = median(line.words.map((w) => w.y1));
  return y1 > y0 ? { y0, y1 } : { y0: line.y0, y1: line.y1 };
}

interface Piece {
  text: string;
  /** Ink extent in pixels. */
  x0: number;
  x1: number;
}

/** Two words of the engine inside one piece are spaced only between Latin letters or digits. */
function latinSpace(before: string, after: string): boolean {
  const l = lastCode(before);
  const f = firstCode(after);
  return !noSpaceBetweenCodes(l, f) && !PUNCTUATION.test(String.fromCodePoint(l)) && !PUNCTUATION.test(String.fromCodePoint(f));
}

/** Advance of a character in em, roughly as the fonts of these documents draw it: Chinese a full em, Latin about half. */
function advance(ch: string): number {
  if (isCjkCode(ch.codePointAt(0)!)) return 1;
  if (/^[iljtfr.,:;'!|()\[\]]$/.test(ch)) return 0.3;
  if (/^[A-Z0-9mw]$/.test(ch)) return 0.6;
  return 0.5;
}

/** How far (em) a group's ink falls short of its advances: the bearings, and the blank half of end punctuation. */
function trim(first: string, last: string): number {
  let t = 0.1;
  if (isCjkCode(lastCode(last)) && PUNCTUATION.test(last) && !OPENING.test(last)) t += 0.6;
  if (isCjkCode(firstCode(first)) && OPENING.test(first)) t += 0.6;
  return t;
}

/** A word of punctuation below this confidence (0–100) over at most BLANK_INK_COLUMNS inked columns is noise. */
const UNSURE = 50;
const BLANK_INK_COLUMNS = 2;

/** A word whose bottom is within this share of the line box's height of the baseline sits on it. */
const BASELINE_SLACK = 0.1;

/**
 * Cost (em) of cutting a Latin word of the engine in two: it reads Latin words as whole words (IAA,
 * 10617), while its Chinese "words" are arbitrary runs of characters.
 */
const LATIN_WORD_SPLIT = 1;

function splitsLatinWord(a: { text: string; word: OcrWord }, b: { text: string; word: OcrWord }): boolean {
  return a.word === b.word && !isCjkCode(lastCode(a.text)) && !isCjkCode(firstCode(b.text));
}

/** Weight of the engine's own positions against the widths (its boxes drift by an em or more). */
const POSITION_WEIGHT = 0.2;

/**
 * The line's characters grouped by the stretches of ink they stand on (see the module comment). The
 * engine's character boxes drift, so the characters are not placed by them alone: the grouping chosen
 * is the one, in reading order, whose groups' widths (a Chinese character an em, a Latin one half)
 * best match the stretches' widths, the engine's positions weighing a little, and a stretch left
 * without characters costing its width (ink the engine did not read). Between two words of the engine
 * inside one stretch a space is kept where Latin text needs it (`Open Data`), never between Chinese.
 */
function piecesFromInk(line: OcrLine, b: { y0: number; y1: number }, mask: InkMask): Piece[] | null {
  const h = b.y1 - b.y0;
  if (h <= 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const w of line.words) {
    lo = Math.min(lo, w.x0);
    hi = Math.max(hi, w.x1);
  }
  lo = Math.max(0, Math.floor(lo - h));
  hi = Math.min(mask.width, Math.ceil(hi + h));
  const top = Math.max(0, Math.floor(b.y0));
  const bottom = Math.min(mask.height, Math.ceil(b.y1));
  if (hi - lo < 1 || bottom - top < 1) return null;
  const columns = new Uint16Array(hi - lo);
  for (let y = top; y < bottom; y++) {
    const row = y * mask.width;
    let n = 0;
    for (let x = lo; x < hi; x++) n += mask.ink[row + x]!;
    if (n > RULE_ROW_SHARE * (hi - lo)) continue;
    for (let x = lo; x < hi; x++) columns[x - lo]! += mask.ink[row + x]!;
  }
  // Punctuation the engine is unsure of, standing on blank paper, is what it made of a gap (a quote
  // mark between two columns of a table): it is not read.
  const symbols: { text: string; at: number; word: OcrWord }[] = [];
  const blank = (x0: number, x1: number) => {
    let inked = 0;
    for (let x = Math.max(lo, Math.floor(x0)); x < Math.min(hi, Math.ceil(x1)); x++) if (columns[x - lo]! >= MIN_COLUMN_INK) inked++;
    return inked <= BLANK_INK_COLUMNS;
  };
  for (const w of line.words) {
    for (const s of w.symbols!) {
      if (w.confidence < UNSURE && PUNCTUATION.test(s.text) && blank(s.x0, s.x1)) continue;
      symbols.push({ text: s.text, at: Math.min((s.x0 + s.x1) / 2, s.x0 + h / 2), word: w });
    }
  }
  if (symbols.length === 0) return null;
  // Stretches of ink, joined across blanks narrower than GAP_SPLIT.
  const split = GAP_SPLIT * h;
  const stretches: { x0: number; x1: number }[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (columns[i]! < MIN_COLUMN_INK) continue;
    const x = lo + i;
    const last = stretches[stretches.length - 1];
    if (last && x - last.x1 < split) last.x1 = x + 1;
    else stretches.push({ x0: x, x1: x + 1 });
  }
  const n = symbols.length;
  const m = stretches.length;
  if (m === 0) return null;
  // The em in pixels: the line's ink over its characters' advances (the line box is taller than an em
  // where brackets reach below), kept near the line's height.
  const ink = stretches.reduce((a, s) => a + s.x1 - s.x0, 0);
  const advances = [0];
  for (const s of symbols) advances.push(advances[advances.length - 1]! + advance(s.text));
  const em = Math.min(1.2 * h, Math.max(0.7 * h, ink / Math.max(1, advances[n]! - 0.1 * m)));
  // best[j][i]: least cost of the first i characters on the first j stretches; from[j][i]: where stretch j's group began.
  const best = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const from = Array.from({ length: m + 1 }, () => new Int32Array(n + 1));
  best[0]![0] = 0;
  for (let j = 1; j <= m; j++) {
    const t = stretches[j - 1]!;
    const width = (t.x1 - t.x0) / em;
    // Distance (em) of each character's engine position from this stretch, summed from the left.
    const off = [0];
    for (const s of symbols) off.push(off[off.length - 1]! + (s.at < t.x0 ? t.x0 - s.at : s.at > t.x1 ? s.at - t.x1 : 0) / em);
    for (let i = 0; i <= n; i++) {
      // Stretch j left empty.
      let b = best[j - 1]![i]! + width;
      let f = i;
      for (let k = 0; k < i; k++) {
        const prior = best[j - 1]![k]!;
        if (prior === Infinity) continue;
        const expected = advances[i]! - advances[k]! - trim(symbols[k]!.text, symbols[i - 1]!.text);
        const c = prior + Math.abs(expected - width) + POSITION_WEIGHT * (off[i]! - off[k]!) + (k > 0 && splitsLatinWord(symbols[k - 1]!, symbols[k]!) ? LATIN_WORD_SPLIT : 0);
        if (c < b) {
          b = c;
          f = k;
        }
      }
      best[j]![i] = b;
      from[j]![i] = f;
    }
  }
  const pieces: Piece[] = [];
  for (let j = m, i = n; j > 0; j--) {
    const k = from[j]![i]!;
    if (k < i) {
      let text = '';
      for (let q = k; q < i; q++) {
        const s = symbols[q]!;
        if (q > k && symbols[q - 1]!.word !== s.word && latinSpace(text, s.text)) text += ' ';
        text += s.text;
      }
      pieces.push({ text, x0: stretches[j - 1]!.x0, x1: stretches[j - 1]!.x1 });
    }
    i = k;
  }
  pieces.reverse();
  // Next to punctuation a blank says nothing: OCR cannot tell a full-width colon or bracket, whose
  // em is half blank, from a half-width one. Only a wide blank (an em or more) keeps them apart.
  for (let i = pieces.length - 1; i > 0; i--) {
    const a = pieces[i - 1]!;
    const b = pieces[i]!;
    if (b.x0 - a.x1 < PUNCTUATION_JOIN * em && (PUNCTUATION.test(String.fromCodePoint(lastCode(a.text))) || PUNCTUATION.test(String.fromCodePoint(firstCode(b.text))))) {
      a.text += b.text;
      a.x1 = b.x1;
      pieces.splice(i, 1);
    }
  }
  return pieces;
}

import type { Run } from './geometry.js';

/** The fields of a pdfjs `TextItem` that layout needs. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/** Two copies of a glyph closer than this (in em) are one glyph drawn twice ("fake bold"). */
const SAME_PLACE = 0.2;
/** Largest tolerance (pt) searched for a doubled glyph (a 40 pt heading needs 8). */
const MAX_REACH = 8;
/** Side of the lookup grid's cells (pt): about twice the tolerance of body text, so a lookup visits ~4 cells. */
const CELL = 4;

/**
 * pdfjs text items → runs, moved so that `origin` (the page's view box corner) becomes (0, 0).
 * Drops empty items and rotated text (stamps, margin notes) and de-duplicates fake-bold text:
 * producers that simulate bold draw the same string twice, shifted by a fraction of a point.
 */
export function itemsToRuns(items: readonly TextItemLike[], origin: { x: number; y: number } = { x: 0, y: 0 }): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    if (it.str === '') continue;
    const t = it.transform; // indexed, not destructured: this runs for every text item
    const a = t[0] ?? 0, b = t[1] ?? 0, c = t[2] ?? 0, d = t[3] ?? 0, e = t[4] ?? 0, f = t[5] ?? 0;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
    const size = Math.abs(d) || Math.abs(a);
    if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    const w = Math.max(0, it.width);
    runs.push({ str: undoubleGlyphs(it.str, w, size), x: e - origin.x, y: f - origin.y, w, size, blank: it.str.trim() === '' });
  }
  return dedupeFakeBold(runs);
}

/**
 * Fake bold drawn glyph by glyph (each glyph, a small step back, the glyph again) reaches pdfjs as
 * one item with every character doubled ("壹壹、、主主席席") but only half the advance width.
 * Both conditions are required: real text doubles some characters (謝謝), never all at half width.
 */
export function undoubleGlyphs(str: string, width: number, size: number): string {
  // Cheap rejection first: almost every item differs in its first two code units.
  if (str.length < 4 || str.charCodeAt(0) !== str.charCodeAt(1)) {
    if (str.length < 4 || !isHighSurrogate(str.charCodeAt(0))) return str;
  }
  const chars = Array.from(str);
  if (chars.length < 4 || chars.length % 2 !== 0) return str;
  for (let i = 0; i < chars.length; i += 2) if (chars[i] !== chars[i + 1]) return str;
  const half = chars.filter((_, i) => i % 2 === 0);
  const expected = half.reduce((s, ch) => s + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0) * size;
  return width <= 1.25 * expected ? half.join('') : str;
}

/**
 * Drop glyphs drawn a second time at (almost) the same place by another item. Producers that
 * simulate bold draw a line twice shifted by a fraction of a point, or each glyph twice with a
 * small step back, which pdfjs reports as overlapping items ("壹", "壹、", "、主", …).
 * Glyph positions inside an item are estimated from its width (CJK glyphs share one advance).
 */
export function dedupeFakeBold(runs: readonly Run[]): Run[] {
  if (!runsMayCollide(runs)) return [...runs];
  const out: Run[] = [];
  // Glyph positions in a grid of CELL-pt cells, keyed by character: a lookup visits only the cells within
  // tolerance, so a page with many repeats of one character (a text bomb) stays linear.
  const seen = new Map<number, { ch: string; x: number; y: number; run: number }[]>();
  // A numeric cell key (character and cell packed into one number; collisions only cost a comparison).
  const cell = (code: number, cx: number, cy: number) => code * 1_000_003 + cx * 4_099 + cy;
  runs.forEach((r, index) => {
    if (r.blank) {
      out.push(r);
      return;
    }
    const chars = Array.from(r.str);
    const cw = r.w / chars.length;
    const tol = SAME_PLACE * r.size;
    // An absurd font size (a damaged file: thousands of points) would make the lookup area huge:
    // beyond a few cells fake bold is not looked for at all.
    const searchable = tol <= MAX_REACH;
    let piece: string[] = [];
    let pieceStart = 0;
    const flush = (end: number): void => {
      if (piece.length > 0) out.push({ str: piece.join(''), x: r.x + pieceStart * cw, y: r.y, w: (end - pieceStart) * cw, size: r.size, blank: r.blank });
      piece = [];
    };
    const drawnBefore = (ch: string, code: number, x: number, y: number): boolean => {
      if (!searchable) return false;
      // Only the cells that the tolerance box overlaps.
      for (let cx = Math.floor((x - tol) / CELL); cx <= Math.floor((x + tol) / CELL); cx++) {
        for (let cy = Math.floor((y - tol) / CELL); cy <= Math.floor((y + tol) / CELL); cy++) {
          const hits = seen.get(cell(code, cx, cy));
          if (!hits) continue;
          for (const p of hits) if (p.run !== index && p.ch === ch && Math.abs(p.x - x) <= tol && Math.abs(p.y - y) <= tol) return true;
        }
      }
      return false;
    };
    chars.forEach((ch, i) => {
      const x = r.x + i * cw;
      const code = ch.codePointAt(0)!;
      if (drawnBefore(ch, code, x, r.y)) {
        flush(i);
        pieceStart = i + 1;
        return;
      }
      if (piece.length === 0) pieceStart = i;
      piece.push(ch);
      const k = cell(code, Math.floor(x / CELL), Math.floor(r.y / CELL));
      const entry = { ch, x, y: r.y, run: index };
      const list = seen.get(k);
      if (list) list.push(entry);
      else seen.set(k, [entry]);
    });
    flush(chars.length);
  });
  return out;
}

/**
 * Whether any two visible runs could hold one glyph drawn twice: their glyph positions
 * ([x, right − one glyph]) come within the tolerance on a baseline within the tolerance. Most
 * pages have none (runs abut, they do not overlap), and then the glyph-by-glyph search is skipped.
 * Conservative: runs are banded by chains of baselines no further apart than the largest tolerance
 * on the page, and characters are not compared.
 */
export function runsMayCollide(runs: readonly Run[]): boolean {
  const visible = runs.filter((r) => !r.blank && r.str.length > 0);
  if (visible.length < 2) return false;
  let tol = 0;
  for (const r of visible) tol = Math.max(tol, SAME_PLACE * r.size);
  // Top down: the order content streams mostly draw in, which the sort finds already in place.
  const byY = [...visible].sort((a, b) => b.y - a.y);
  let band: Run[] = [];
  const bandCollides = (): boolean => {
    if (band.length < 2) return false;
    // One glyph's advance estimated from UTF-16 length: an astral character counts twice, which only
    // makes the estimate more conservative.
    const spans = band.map((r) => ({ first: r.x, last: r.x + r.w - r.w / r.str.length })).sort((a, b) => a.first - b.first);
    let reach = -Infinity;
    for (const sp of spans) {
      if (sp.first <= reach + tol) return true;
      reach = Math.max(reach, sp.last);
    }
    return false;
  };
  for (const r of byY) {
    if (band.length > 0 && band[band.length - 1]!.y - r.y > tol) {
      if (bandCollides()) return true;
      band = [];
    }
    band.push(r);
  }
  return bandCollides();
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

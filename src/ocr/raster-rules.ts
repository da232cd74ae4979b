import type { Rule } from '../load/pdf/geometry.js';

/** A pixel darker than this (0–255 luminance) is ink. */
const INK = 160;
/** A ruling line is at least this long (inches): longer than any stroke of a character. */
const MIN_LENGTH_IN = 0.3;
/** …and at most this thick (inches): thicker is a filled box or a photo, not a rule. */
const MAX_THICK_IN = 0.04;
/** Rows (or columns) of one line may wander by this many pixels at their ends. */
const END_TOLERANCE = 4;

interface Segment {
  from: number;
  to: number;
  first: number;
  last: number;
}

/** A page's ink: one byte per pixel, 1 where the pixel is darker than INK, row by row from the top. */
export interface InkMask {
  ink: Uint8Array;
  width: number;
  height: number;
}

export function inkMask(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): InkMask {
  const ink = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < ink.length; i++, p += 4) {
    // Rec. 601 luma, integer.
    ink[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000 < INK ? 1 : 0;
  }
  return { ink, width, height };
}

/**
 * The ruling lines of a scanned page, from its pixels: long straight runs of ink, horizontal and
 * vertical, in PDF points (y upwards) — what a PDF's drawn rules give the layout, so a scanned
 * attendance table is read cell by cell as the same table drawn in a PDF is. Adjacent pixel rows of one
 * thick line become one rule at their middle.
 */
export function rulesFromRaster(mask: InkMask, dpi: number, pageHeightPt: number): Rule[] {
  const scale = dpi / 72;
  const minLength = Math.round(MIN_LENGTH_IN * dpi);
  const maxThick = Math.max(2, Math.round(MAX_THICK_IN * dpi));
  const { ink, width, height } = mask;
  const horizontal = lines(width, height, minLength, maxThick, (along, across) => ink[across * width + along]!);
  const vertical = lines(height, width, minLength, maxThick, (along, across) => ink[along * width + across]!);
  const rules: Rule[] = [];
  for (const s of horizontal) {
    const y = pageHeightPt - (s.first + s.last + 1) / 2 / scale;
    rules.push({ x0: s.from / scale, x1: (s.to + 1) / scale, y0: y, y1: y });
  }
  for (const s of vertical) {
    const x = (s.first + s.last + 1) / 2 / scale;
    rules.push({ x0: x, x1: x, y0: pageHeightPt - (s.to + 1) / scale, y1: pageHeightPt - s.from / scale });
  }
  return rules;
}

/**
 * Runs of ink at least `minLength` long along one axis, on each line across it, merged with the runs of
 * the lines just before when their ends agree (one thick rule is several pixel lines).
 */
function lines(alongSize: number, acrossSize: number, minLength: number, maxThick: number, at: (along: number, across: number) => number): Segment[] {
  const done: Segment[] = [];
  let open: Segment[] = [];
  for (let across = 0; across < acrossSize; across++) {
    const next: Segment[] = [];
    let start = -1;
    for (let along = 0; along <= alongSize; along++) {
      const dark = along < alongSize && at(along, across) === 1;
      if (dark && start < 0) start = along;
      else if (!dark && start >= 0) {
        if (along - start >= minLength) {
          const from = start, to = along - 1;
          const k = open.findIndex((s) => Math.abs(s.from - from) <= END_TOLERANCE && Math.abs(s.to - to) <= END_TOLERANCE);
          if (k >= 0) {
            const s = open[k]!;
            open.splice(k, 1);
            s.last = across;
            s.from = Math.min(s.from, from);
            s.to = Math.max(s.to, to);
            next.push(s);
          } else next.push({ from, to, first: across, last: across });
        }
        start = -1;
      }
    }
    for (const s of open) if (s.last - s.first + 1 <= maxThick) done.push(s);
    open = next;
  }
  for (const s of open) if (s.last - s.first + 1 <= maxThick) done.push(s);
  return done;
}

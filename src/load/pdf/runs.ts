import type { Run } from './geometry.js';

/** The fields of a pdfjs `TextItem` that layout needs. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/** Two copies of a glyph closer than this (in em) are one glyph drawn twice ("fake bold"). */
const SAME_PLACE = 0.2;

/**
 * pdfjs text items → runs. Drops empty items and rotated text (stamps, margin notes) and
 * de-duplicates fake-bold text: producers that simulate bold draw the same string twice,
 * shifted by a fraction of a point.
 */
export function itemsToRuns(items: readonly TextItemLike[]): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    if (it.str === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
    const size = Math.abs(d) || Math.abs(a);
    if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    runs.push({ str: it.str, x: e, y: f, w: Math.max(0, it.width), size, blank: it.str.trim() === '' });
  }
  return dedupeFakeBold(runs);
}

export function dedupeFakeBold(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  const seen = new Map<string, Run[]>();
  for (const r of runs) {
    if (r.blank) {
      out.push(r);
      continue;
    }
    const twins = seen.get(r.str) ?? [];
    const tol = SAME_PLACE * r.size;
    if (twins.some((t) => Math.abs(t.x - r.x) <= tol && Math.abs(t.y - r.y) <= tol)) continue;
    twins.push(r);
    seen.set(r.str, twins);
    out.push(r);
  }
  return out;
}

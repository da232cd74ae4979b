import type { Cell, PageLine } from './geometry.js';
import { maxOf, minOf, partitionPoint } from '../../util/math.js';

/** Fewest lines on each side of a gutter for a two-column layout. */
const MIN_SIDE_LINES = 3;
/** Share of left-column lines that must reach the gutter (prose fills its column; table labels do not). */
const FULL_SHARE = 0.5;

/**
 * Reading order for two-column pages: find a vertical gutter in the middle of the text that no
 * line crosses, then read each stretch of two-column lines left column first. Lines that cross
 * the gutter (a full-width title) keep their place and end the stretch.
 */
export function readColumns(lines: readonly PageLine[]): PageLine[] {
  const gutter = findGutter(lines);
  if (gutter === null) return [...lines];
  const out: PageLine[] = [];
  let left: PageLine[] = [];
  let rightSide: PageLine[] = [];
  const flush = (): void => {
    out.push(...left, ...rightSide);
    left = [];
    rightSide = [];
  };
  for (const l of lines) {
    if (l.table || crosses(l, gutter)) {
      flush();
      out.push(l);
      continue;
    }
    const l1 = part(l, l.cells.filter((c) => c.x1 <= gutter));
    const r1 = part(l, l.cells.filter((c) => c.x0 >= gutter));
    if (l1) left.push(l1);
    if (r1) rightSide.push(r1);
  }
  flush();
  return out;
}

function crosses(l: PageLine, x: number): boolean {
  return l.cells.some((c) => c.x0 < x && c.x1 > x);
}

function part(l: PageLine, cells: Cell[]): PageLine | null {
  if (cells.length === 0) return null;
  return { text: cells.map((c) => c.text).join(' '), y: l.y, x0: cells[0]!.x0, x1: cells[cells.length - 1]!.x1, size: l.size, cells, table: l.table };
}

/** An x in the middle third of the text block that no line crosses, with prose on both sides. */
export function findGutter(lines: readonly PageLine[]): number | null {
  const body = lines.filter((l) => !l.table);
  if (body.length < 2 * MIN_SIDE_LINES) return null;
  const x0 = minOf(body.map((l) => l.x0));
  const x1 = maxOf(body.map((l) => l.x1));
  const w = x1 - x0;
  // Candidate xs every 2 pt; how many lines cross each is summed over cells (the cells of one line
  // never overlap), each cell adding 1 to the run of candidates strictly inside it.
  const xs: number[] = [];
  for (let x = x0 + w / 3; x <= x0 + (2 * w) / 3; x += 2) xs.push(x);
  const delta = new Array<number>(xs.length + 1).fill(0);
  for (const l of body) {
    for (const c of l.cells) {
      const from = partitionPoint(xs, (x) => x > c.x0);
      const to = partitionPoint(xs, (x) => x >= c.x1);
      if (from < to) {
        delta[from]!++;
        delta[to]!--;
      }
    }
  }
  let best: { x: number; crossing: number } | null = null;
  let crossing = 0;
  for (let k = 0; k < xs.length; k++) {
    crossing += delta[k]!;
    if (!best || crossing < best.crossing) best = { x: xs[k]!, crossing };
  }
  if (!best || best.crossing > body.length / 4) return null;
  const g = best.x;
  const lefts = body.flatMap((l) => (crosses(l, g) ? [] : l.cells.filter((c) => c.x1 <= g)));
  const rights = body.flatMap((l) => (crosses(l, g) ? [] : l.cells.filter((c) => c.x0 >= g)));
  if (lefts.length < MIN_SIDE_LINES || rights.length < MIN_SIDE_LINES) return null;
  // Prose fills its column: most left-side lines run from the left margin to near the gutter.
  const reach = maxOf(lefts.map((c) => c.x1));
  const em = maxOf(body.map((l) => l.size));
  const span = reach - x0;
  const full = lefts.filter((c) => c.x1 >= reach - 3 * em && c.x1 - c.x0 >= 0.6 * span).length;
  return full / lefts.length >= FULL_SHARE ? g : null;
}


import { firstCode, hasSpace, isCjkCode, lastCode, noSpaceBetweenCodes } from './cjk.js';
import { right, type Cell, type PageLine, type Run } from './geometry.js';

/** Baselines closer than this (em) are one line (stack.md: ~0.4 em). */
const SAME_LINE = 0.4;
/** A horizontal gap wider than this (em) separates cells, not words. */
export const CELL_GAP = 2;
/** A gap wider than this (em) between Latin text is a word space. */
const WORD_GAP = 0.2;
/**
 * Between two CJK characters only a gap of half a character is a space (a tab or typed space
 * rendered as a gap, e.g. `北美司 周副參事`): justified Chinese text spreads characters by less.
 * pdfjs's own blank items are ignored: it invents them for gaps, so they are not typed spaces.
 */
const CJK_GAP = 0.5;

/**
 * Rebuild lines from runs by position: text comes in content-stream order, so runs are grouped by
 * baseline (within ~0.4 em) and read left to right. Spaces inside an item are kept; between items
 * a space is added for a visible gap (wider between two CJK characters); gaps over ~2 em split cells.
 */
export function runsToLines(runs: readonly Run[]): PageLine[] {
  const groups = groupByBaseline(runs);
  const lines: PageLine[] = [];
  for (const g of groups) {
    const line = buildLine(g);
    if (line) lines.push(line);
  }
  return lines;
}

/** Runs grouped into baselines, top of the page first. */
export function groupByBaseline(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    // Groups are made top-down, so only the last few can be within reach of r; of those, the
    // topmost that matches wins (as a scan from the top would find it).
    let g: (typeof groups)[number] | undefined;
    for (let k = groups.length - 1; k >= 0 && groups[k]!.y - r.y <= SAME_LINE * r.size; k--) {
      const c = groups[k]!;
      if (Math.abs(c.y - r.y) <= SAME_LINE * Math.min(c.size, r.size)) g = c;
    }
    if (g) {
      g.runs.push(r);
      if (!r.blank) g.size = Math.max(g.size, r.size);
    } else groups.push({ y: r.y, size: r.size, runs: [r] });
  }
  return groups.filter((g) => g.runs.some((r) => !r.blank)).map((g) => g.runs.sort((a, b) => a.x - b.x));
}

function buildLine(runs: Run[]): PageLine | null {
  const visible = runs.filter((r) => !r.blank);
  const first = visible[0];
  if (!first) return null;
  let size = 0;
  let ySum = 0;
  for (const r of visible) {
    if (r.size > size) size = r.size;
    ySum += r.y;
  }
  const cells: Cell[] = [];
  // A cell's text is collected in parts and joined once; its last code point is that of the last
  // part (runs are never empty), so the growing text is never read back.
  let parts = [first.str];
  let cell = { x0: first.x, x1: right(first) };
  const closeCell = () => {
    const joined = parts.length === 1 ? parts[0]! : parts.join('');
    const text = hasSpace(joined) ? joined.replace(/\s+/g, ' ').trim() : joined;
    if (text !== '') cells.push({ text, x0: cell.x0, x1: cell.x1 });
  };
  let prev = first;
  for (let i = 1; i < visible.length; i++) {
    const r = visible[i]!;
    const gap = r.x - right(prev);
    if (gap > CELL_GAP * size) {
      closeCell();
      parts = [r.str];
      cell = { x0: r.x, x1: right(r) };
    } else {
      const l = lastCode(prev.str);
      const f = firstCode(r.str);
      const bothCjk = l >= 0 && f >= 0 && isCjkCode(l) && isCjkCode(f);
      const spaced = noSpaceBetweenCodes(l, f) ? bothCjk && gap >= CJK_GAP * size : gap > WORD_GAP * size;
      if (spaced) parts.push(' ');
      parts.push(r.str);
      cell.x1 = Math.max(cell.x1, right(r));
    }
    prev = r;
  }
  closeCell();
  if (cells.length === 0) return null;
  return {
    text: cells.map((c) => c.text).join(' '),
    y: ySum / visible.length,
    x0: cells[0]!.x0,
    x1: cells[cells.length - 1]!.x1,
    size,
    cells,
    table: false,
  };
}

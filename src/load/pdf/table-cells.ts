import { joinWrapped } from './cjk.js';
import { right, type PageLine, type Run } from './geometry.js';
import { runsToLines } from './items-to-lines.js';
import type { Grid } from './table-grid.js';
import { maxOf } from '../../util/math.js';

/** A cell line ending within this many em of the cell's right edge was wrapped by the producer. */
const FULL_LINE = 1.5;

/**
 * Fill a grid with the runs drawn inside it and emit one tab-separated line per row.
 * - A row-spanning cell gives its text to its first row; the rows it continues into get an empty cell.
 * - Lines of a cell are merged (CJK joined without space), except in the last column where a line
 *   that ends short of the cell edge is a deliberate break: in attendance lists the last column
 *   lists people one per line under one unit, so each such line becomes its own row, with empty
 *   cells before it (the same "continues the cell above" convention). Wrapped lines stay joined.
 * Returns the rows and the runs that lie outside the grid.
 */
export function fillGrid(grid: Grid, runs: readonly Run[]): { rows: PageLine[]; rest: Run[] } {
  const { xs, ys, cut, joined } = grid;
  const nCols = xs.length - 1;
  const nRows = ys.length - 1;
  // owner[r][c]: the first column of the cell that holds column c in row r (no rule drawn between them).
  const owner = joined.map((j) => {
    const o = [0];
    for (let c = 1; c < nCols; c++) o.push(j[c - 1] ? o[c - 1]! : c);
    return o;
  });
  const cells = new Map<string, Run[]>();
  const rest: Run[] = [];
  for (const run of runs) {
    const cy = run.y + 0.3 * run.size;
    const row = ys.findIndex((y, k) => k < nRows && cy <= y && cy >= ys[k + 1]!);
    // Split only at the edges drawn across this row: a paragraph in a joined cell keeps its words whole.
    const edges = row < 0 ? xs : xs.filter((_, i) => i === 0 || i === nCols || !joined[row]![i - 1]);
    for (const piece of splitAtEdges(run, edges)) {
      const cx = piece.x + piece.w / 2;
      const col = xs.findIndex((x, c) => c < nCols && cx >= x && cx <= xs[c + 1]!);
      if (row < 0 || col < 0) {
        rest.push(piece);
        continue;
      }
      const at = owner[row]![col]!;
      const key = `${at}:${spanStart(cut[at]!, row)}`;
      cells.set(key, [...(cells.get(key) ?? []), piece]);
    }
  }
  const rows: PageLine[] = [];
  for (let r = 0; r < nRows; r++) {
    const texts: string[][] = [];
    for (let c = 0; c < nCols; c++) {
      if (owner[r]![c] !== c) {
        texts.push(['']); // covered by the cell to its left
        continue;
      }
      const lines = runsToLines(cells.get(`${c}:${r}`) ?? []);
      if (owner[r]![nCols - 1] !== c) texts.push([joinWrapped(lines.map((l) => l.text))]);
      else texts.push(entries(lines, xs[nCols]!));
    }
    const depth = maxOf(texts.map((t) => t.length));
    const size = Math.max(0, ...[...Array(nCols).keys()].flatMap((c) => (cells.get(`${c}:${r}`) ?? []).map((p) => p.size)));
    for (let k = 0; k < depth; k++) {
      const cellsK = texts.map((t) => t[k] ?? '');
      if (cellsK.every((t) => t === '')) continue;
      rows.push({ text: cellsK.join('\t'), y: ys[r]! - 0.001 * k, x0: xs[0]!, x1: xs[nCols]!, size, cells: [], table: true });
    }
  }
  return { rows, rest };
}

/** The first row of the cell that covers `row` in a column (walking up while no rule is drawn). */
function spanStart(cuts: readonly boolean[], row: number): number {
  let r = row;
  while (r > 0 && !cuts[r]) r--;
  return r;
}

/** Last-column lines → entries: wrapped lines joined, deliberate breaks kept apart. */
function entries(lines: readonly { text: string; x1: number; size: number }[], cellRight: number): string[] {
  const out: string[][] = [];
  let open = false;
  for (const l of lines) {
    if (open && out.length > 0) out[out.length - 1]!.push(l.text);
    else out.push([l.text]);
    open = l.x1 >= cellRight - FULL_LINE * l.size;
  }
  return out.length === 0 ? [''] : out.map(joinWrapped);
}

/** Split a run that crosses column edges (producers sometimes emit one item over two cells). */
function splitAtEdges(r: Run, xs: readonly number[]): Run[] {
  const chars = Array.from(r.str);
  const inner = xs.filter((x) => x > r.x + 1 && x < right(r) - 1);
  if (inner.length === 0 || chars.length < 2) return [r];
  const cw = r.w / chars.length;
  const out: Run[] = [];
  let from = 0;
  for (const edge of [...inner, Infinity]) {
    const to = edge === Infinity ? chars.length : Math.min(chars.length, Math.max(from, Math.round((edge - r.x) / cw)));
    if (to > from) {
      const str = chars.slice(from, to).join('');
      out.push({ str, x: r.x + from * cw, y: r.y, w: (to - from) * cw, size: r.size, blank: str.trim() === '' });
    }
    from = to;
  }
  return out;
}

import type { PageLine } from './geometry.js';
import { maxOf } from '../../util/math.js';

/** Cell starts within this many em are one column. */
const SAME_COLUMN = 1;
/** Fewest multi-cell lines that make an unruled table (a lone wide gap is just spacing). */
const MIN_ROWS = 2;

/**
 * Fallback for tables drawn without rules: consecutive lines split by wide gaps whose cells start
 * at shared x positions become tab-separated rows, with empty cells for missing columns. A line
 * with one cell that starts at a later column (a person listed under the unit above) joins the table.
 */
export function alignUnruledTables(lines: readonly PageLine[]): PageLine[] {
  const out: PageLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const end = blockEnd(lines, i);
    const block = lines.slice(i, end);
    if (block.filter((l) => l.cells.length >= 2).length >= MIN_ROWS) {
      out.push(...toRows(block));
      i = end;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out;
}

/** End (exclusive) of a candidate block starting at `i`: multi-cell lines, and indented single cells between them. */
function blockEnd(lines: readonly PageLine[], i: number): number {
  const start = lines[i];
  if (!start || start.table || start.cells.length < 2) return i + 1;
  let end = i + 1;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.table) break;
    if (l.cells.length >= 2) end = j + 1;
    else if (l.x0 > start.x0 + SAME_COLUMN * l.size && starts(start).some((x) => Math.abs(x - l.x0) <= SAME_COLUMN * l.size)) end = j + 1;
    else break;
  }
  return end;
}

function starts(l: PageLine): number[] {
  return l.cells.map((c) => c.x0);
}

function toRows(block: readonly PageLine[]): PageLine[] {
  const em = maxOf(block.map((l) => l.size));
  const cols: number[] = [];
  for (const x of block.flatMap(starts).sort((a, b) => a - b)) {
    if (cols.length === 0 || x - cols[cols.length - 1]! > SAME_COLUMN * em) cols.push(x);
  }
  return block.map((l) => {
    const cells = cols.map(() => '');
    for (const c of l.cells) {
      let k = 0;
      for (let j = 0; j < cols.length; j++) if (c.x0 >= cols[j]! - SAME_COLUMN * em) k = j;
      cells[k] = cells[k] === '' ? c.text : `${cells[k]} ${c.text}`;
    }
    return { text: cells.join('\t'), y: l.y, x0: l.x0, x1: l.x1, size: l.size, cells: l.cells, table: true };
  });
}

import { alignUnruledTables } from './aligned-tables.js';
import { readColumns } from './columns.js';
import type { PageContent, PageLine, Run } from './geometry.js';
import { runsToLines } from './items-to-lines.js';
import { fillGrid } from './table-cells.js';
import { findGrids } from './table-grid.js';

export interface PageLayout {
  lines: PageLine[];
  /** Column edges of a table that runs to the bottom of this page, for the next page to continue. */
  carryXs: number[] | null;
}

/**
 * One page's content → lines in reading order: ruled tables first (their runs are taken out),
 * then the remaining runs as lines, two-column stretches read column by column, unruled
 * tables aligned, everything ordered top to bottom.
 */
export function layoutPage(content: PageContent, carryXs: number[] | null): PageLayout {
  let rest: Run[] = content.runs;
  const tableRows: PageLine[] = [];
  const grids = findGrids(content.rules, carryXs);
  for (const grid of grids) {
    const filled = fillGrid(grid, rest);
    tableRows.push(...filled.rows);
    rest = filled.rest;
  }
  let lines = runsToLines(rest);
  if (grids.length === 0) lines = readColumns(lines);
  lines = alignUnruledTables(lines);
  const all = grids.length === 0 ? lines : mergeByY(lines, tableRows);
  const last = grids[grids.length - 1];
  const lowestText = Math.min(Infinity, ...lines.map((l) => l.y));
  const bottom = last ? last.ys[last.ys.length - 1]! : Infinity;
  // A table that is the last thing on the page may continue on the next one.
  return { lines: all, carryXs: last && bottom <= lowestText ? last.xs : null };
}

function mergeByY(a: readonly PageLine[], b: readonly PageLine[]): PageLine[] {
  return [...a, ...b].sort((p, q) => q.y - p.y);
}

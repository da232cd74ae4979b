import type { Rule } from './geometry.js';
import { maxOf, minOf } from '../../util/math.js';

/**
 * A ruled table region: column edges from vertical rules, row edges from horizontal rules, and
 * for every column which row edges are actually drawn there (a missing one means the cell above
 * spans down: a row-spanning cell such as a category in an attendance list).
 */
export interface Grid {
  /** Column edges, left to right (n + 1 edges for n columns). */
  xs: number[];
  /** Row edges, top to bottom (y decreasing). */
  ys: number[];
  /** cut[c][k]: the edge ys[k] is drawn across column c (k = 0 and the last edge are always cuts). */
  cut: boolean[][];
  /**
   * joined[r][c]: no vertical rule is drawn at the inner edge xs[c + 1] across row r, so columns c and
   * c + 1 are one cell there (a body paragraph under a header table whose column rules stop at the header).
   */
  joined: boolean[][];
}

const TOL = 2;
/** Tallest single-row table (points) accepted without a previous page to continue. */
const MAX_SINGLE_ROW = 200;

/**
 * Find ruled tables on a page. Needs at least two columns of drawn rules, so that a page frame or
 * a boxed note is not taken for a table. `carryXs` are the column edges of a table
 * that ended the previous page: horizontal rules at the top of this page with the same extent
 * continue it even when this page draws no vertical rules.
 */
export function findGrids(rules: readonly Rule[], carryXs: readonly number[] | null = null): Grid[] {
  const verticals = rules.filter((r) => r.x0 === r.x1);
  const horizontals = rules.filter((r) => r.y0 === r.y1);
  const grids: Grid[] = [];
  for (const band of yBands(verticals)) {
    const xs = cluster(band.map((v) => v.x0));
    if (xs.length < 3) continue;
    const top = maxOf(band.map((v) => v.y1));
    const bottom = minOf(band.map((v) => v.y0));
    const grid = buildGrid(xs, top, bottom, horizontals, band);
    // One row of cells is a table when it is short or continues the previous page's table;
    // a tall one is more likely a framed page with a column separator.
    if (grid && (grid.ys.length > 2 || top - bottom <= MAX_SINGLE_ROW || sameEdges(xs, carryXs))) grids.push(grid);
  }
  if (grids.length === 0 && carryXs && carryXs.length >= 3) {
    // Continuation without vertical rules: reuse the previous page's columns.
    const x0 = carryXs[0]!, x1 = carryXs[carryXs.length - 1]!;
    const hs = horizontals.filter((h) => Math.abs(h.x0 - x0) <= 3 * TOL || Math.abs(h.x1 - x1) <= 3 * TOL);
    if (hs.length >= 2) {
      const grid = buildGrid([...carryXs], maxOf(hs.map((h) => h.y0)), minOf(hs.map((h) => h.y0)), horizontals);
      if (grid) grids.push(grid);
    }
  }
  return grids;
}

function buildGrid(xs: number[], top: number, bottom: number, horizontals: readonly Rule[], verticals: readonly Rule[] | null = null): Grid | null {
  const left = xs[0]!, rightEdge = xs[xs.length - 1]!;
  const inside = horizontals.filter((h) => h.y0 >= bottom - TOL && h.y0 <= top + TOL && h.x1 > left + TOL && h.x0 < rightEdge - TOL);
  const ys = cluster([top, bottom, ...inside.map((h) => h.y0)]).sort((a, b) => b - a);
  if (ys.length < 2) return null;
  const cut = xs.slice(0, -1).map((x, c) => {
    const mid = (x + xs[c + 1]!) / 2;
    return ys.map((y, k) => k === 0 || k === ys.length - 1 || inside.some((h) => Math.abs(h.y0 - y) <= TOL && h.x0 <= mid && h.x1 >= mid));
  });
  // Without verticals (a continued table) every column edge is taken as drawn.
  const joined = ys.slice(0, -1).map((y, k) => {
    const mid = (y + ys[k + 1]!) / 2;
    return xs.slice(1, -1).map((x) => verticals !== null && !verticals.some((v) => Math.abs(v.x0 - x) <= TOL && v.y0 <= mid && v.y1 >= mid));
  });
  return { xs, ys, cut, joined };
}

function sameEdges(a: readonly number[], b: readonly number[] | null): boolean {
  return b !== null && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= 2 * TOL);
}

/** Vertical rules grouped into bands that overlap vertically: one band per table. */
function yBands(verticals: readonly Rule[]): Rule[][] {
  const sorted = [...verticals].sort((a, b) => b.y1 - a.y1);
  const bands: { bottom: number; rules: Rule[] }[] = [];
  for (const v of sorted) {
    const band = bands[bands.length - 1];
    if (band && v.y1 >= band.bottom - TOL) {
      band.rules.push(v);
      band.bottom = Math.min(band.bottom, v.y0);
    } else bands.push({ bottom: v.y0, rules: [v] });
  }
  return bands.map((b) => b.rules);
}

/** Distinct values, merging those within TOL (the mean of each cluster), ascending. */
export function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

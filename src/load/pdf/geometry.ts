/**
 * Page geometry shared by the layout steps. Coordinates are PDF user space of the page:
 * x grows to the right, y grows upwards, units are points.
 */

/** A piece of text drawn at one place: a pdfjs text item, or part of one. */
export interface Run {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Advance width of `str`. */
  w: number;
  /** Font size (em), from the text matrix. */
  size: number;
  /** `str` is only whitespace: kept because it tells where the producer typed a space. */
  blank: boolean;
}

/** A drawn straight line (table rule): horizontal when y0 === y1, vertical when x0 === x1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One output line of a page, with the geometry later steps (artefacts, columns) need. */
export interface PageLine {
  text: string;
  /** Baseline of the line (the top row's baseline for a table row). */
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** Text split at wide gaps (> ~2 em): candidate table cells. */
  cells: Cell[];
  /** A table row: `text` is already tab-separated. */
  table: boolean;
}

export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

export interface PageContent {
  width: number;
  height: number;
  runs: Run[];
  rules: Rule[];
  /** The page paints at least one image (a scan when there is no text); null when its operator list was not read. */
  hasImages: boolean | null;
}

export const right = (r: Run): number => r.x + r.w;

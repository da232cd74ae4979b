import type { Span } from '../types.js';

/** One logical line of the normalised text. */
export interface Line {
  /** 0-based index; `Span.line` is index + 1. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** 1-based page, or null when unknown. */
  page: number | null;
}

export function toLines(text: string, linePages: readonly (number | null)[]): Line[] {
  const out: Line[] = [];
  let start = 0;
  let index = 0;
  if (text.length === 0) return out;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const p = linePages[index];
    out.push({ index, start, end, text: text.slice(start, end), page: p == null ? null : p + 1 });
    index++;
    if (end >= text.length) break;
    start = end + 1;
  }
  return out;
}

/** A span over [start, end) that begins on `line`. */
export function spanOf(line: Line, start = line.start, end = line.end): Span {
  return { start, end, line: line.index + 1, page: line.page };
}

/** A span from the start of one line to the end of another. */
export function spanOver(first: Line, last: Line): Span {
  return { start: first.start, end: last.end, line: first.index + 1, page: first.page };
}

import type { Diagnostic, Meeting, Person } from '../types.js';
import type { Heading } from '../segment/headings.js';
import type { Line } from '../segment/lines.js';
import type { FrontMatter } from '../segment/front-matter.js';

/** What every extractor reads: the normalised lines and the heading tree. Extractors never mutate it. */
export interface ExtractContext {
  text: string;
  lines: readonly Line[];
  headings: readonly Heading[];
  /** Heading by line index, for quick "is this line a heading" checks. */
  headingAt: ReadonlyMap<number, Heading>;
  headingById: ReadonlyMap<string, Heading>;
  /** Index into `headings` of the deepest heading whose section contains each line (−1: none). */
  deepestAt: Int32Array;
  /** A compilation's front matter (preface, contents), hidden from the lines above; null when there is none. */
  frontMatter?: FrontMatter | null;
}

export interface MetadataResult {
  title: string | null;
  meeting: Meeting;
  /** Line index where the body (first non-metadata section) starts. */
  bodyStart: number;
  /** Indexes of lines that were read as header fields. */
  fieldLines: Set<number>;
  /** Title lines of further sittings recorded in the same file (a 議事錄 chapter of several sittings). */
  laterMeetingLines?: readonly number[];
  /** The attendance field's value and line, when there is one. */
  attendance: { value: string; line: number } | null;
  /** Signals for the kind decision. */
  signals: { header: boolean; chair: boolean; attendance: boolean; adjourn: boolean; date: boolean };
}

export function makeContext(text: string, lines: readonly Line[], headings: readonly Heading[], frontMatter: FrontMatter | null = null): ExtractContext {
  // Sections nest, so one sweep with a stack finds the deepest open section of every line.
  const deepestAt = new Int32Array(lines.length).fill(-1);
  const stack: number[] = [];
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    while (stack.length && headings[stack[stack.length - 1]!]!.lastLine < i) stack.pop();
    while (next < headings.length && headings[next]!.line === i) stack.push(next++);
    deepestAt[i] = stack.length ? stack[stack.length - 1]! : -1;
  }
  return { text, lines, headings, headingAt: new Map(headings.map((h) => [h.line, h])), headingById: new Map(headings.map((h) => [h.id, h])), deepestAt, frontMatter };
}

/** The deepest heading whose section contains the line. */
export function deepestHeadingOf(ctx: ExtractContext, lineIndex: number): Heading | null {
  const k = ctx.deepestAt[lineIndex] ?? -1;
  return k >= 0 ? ctx.headings[k]! : null;
}

/** The heading and its ancestors, innermost first. */
export function* ancestry(ctx: ExtractContext, h: Heading | null): Generator<Heading> {
  for (let x: Heading | null | undefined = h; x; x = x.parent ? ctx.headingById.get(x.parent) : undefined) yield x;
}

/** Headings whose line is in (afterLine, lastLine], by binary search (headings are in line order). */
export function headingsBetween(ctx: ExtractContext, afterLine: number, lastLine: number): Heading[] {
  const hs = ctx.headings;
  let lo = 0;
  let hi = hs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid]!.line <= afterLine) lo = mid + 1;
    else hi = mid;
  }
  const out: Heading[] = [];
  for (let k = lo; k < hs.length && hs[k]!.line <= lastLine; k++) out.push(hs[k]!);
  return out;
}

/** The line that contains a text offset, by binary search. */
export function lineIndexAt(ctx: ExtractContext, offset: number): number {
  let lo = 0;
  let hi = ctx.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

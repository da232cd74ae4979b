import type { Diagnostic, Meeting, Person } from '../types.js';
import type { Heading } from '../segment/headings.js';
import type { Line } from '../segment/lines.js';

/** What every extractor reads: the normalised lines and the heading tree. Extractors never mutate it. */
export interface ExtractContext {
  text: string;
  lines: readonly Line[];
  headings: readonly Heading[];
  /** Heading by line index, for quick "is this line a heading" checks. */
  headingAt: ReadonlyMap<number, Heading>;
}

export interface Extracted<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export interface MetadataResult {
  title: string | null;
  meeting: Meeting;
  /** Line index where the body (first non-metadata section) starts. */
  bodyStart: number;
  /** Indexes of lines that were read as header fields. */
  fieldLines: Set<number>;
  /** The attendance field's value and line, when there is one. */
  attendance: { value: string; line: number } | null;
  /** Signals for the kind decision. */
  signals: { header: boolean; chair: boolean; attendance: boolean; adjourn: boolean; date: boolean };
  chairPerson: Person | null;
}

export function makeContext(text: string, lines: readonly Line[], headings: readonly Heading[]): ExtractContext {
  return { text, lines, headings, headingAt: new Map(headings.map((h) => [h.line, h])) };
}

/** The top-level heading a line sits under, or null before the first one. */
export function topHeadingOf(ctx: ExtractContext, lineIndex: number): Heading | null {
  let found: Heading | null = null;
  for (const h of ctx.headings) {
    if (h.line > lineIndex) break;
    if (h.parent === null) found = h;
  }
  return found;
}

/** The deepest heading whose section contains the line. */
export function deepestHeadingOf(ctx: ExtractContext, lineIndex: number): Heading | null {
  let found: Heading | null = null;
  for (const h of ctx.headings) {
    if (h.line > lineIndex) break;
    if (h.lastLine >= lineIndex) found = h;
  }
  return found;
}

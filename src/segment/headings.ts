import type { AgendaKind, Diagnostic } from '../types.js';
import { matchMarker, type MarkerMatch } from './markers.js';
import { headingTitle, isOmitted, sectionKind } from './kinds.js';
import type { Line } from './lines.js';
import { spanOf } from './lines.js';

/** A numbered heading accepted into the document's heading tree. */
export interface Heading {
  id: string;
  parent: string | null;
  /** Depth in the tree, 1 for the top level. */
  level: number;
  family: string;
  number: string;
  ordinal: number;
  /** The heading's own text after the marker. */
  rest: string;
  title: string;
  kind: AgendaKind;
  omitted: boolean;
  line: number;
  /** Line index of the last line of the section (inclusive). */
  lastLine: number;
  /** Offset where the text after the marker begins. */
  restStart: number;
}

interface Open {
  heading: Heading;
  family: string;
  canonicalLevel: number;
}

/**
 * Build the heading tree. A marker becomes a heading only when it continues its list (next = previous + 1)
 * or starts a new one (1 / 一 / 壹) — so `2.` in a wrapped sentence, or `3.` under a list that never had
 * `1.`, stays text. Families nest in the order they first open, so a document that begins at 一、 nests too.
 */
export function buildHeadings(lines: readonly Line[]): { headings: Heading[]; diagnostics: Diagnostic[] } {
  const headings: Heading[] = [];
  const diagnostics: Diagnostic[] = [];
  let stack: Open[] = [];
  for (const line of lines) {
    const m = matchMarker(line.text);
    if (!m) continue;
    const placed = place(stack, m);
    if (!placed) continue;
    if (placed.warn) {
      diagnostics.push({
        severity: 'info',
        code: 'heading-sequence',
        message: `Heading ${m.number} does not follow the previous one in its list; it was kept as a top-level section.`,
        span: spanOf(line),
      });
    }
    stack = placed.stack;
    const parent = stack.length ? stack[stack.length - 1]!.heading : null;
    const h: Heading = {
      id: `h${headings.length + 1}`,
      parent: parent?.id ?? null,
      level: stack.length + 1,
      family: m.family.id,
      number: m.number,
      ordinal: m.ordinal,
      rest: m.rest,
      title: headingTitle(m.rest),
      kind: sectionKind(m.rest),
      omitted: isOmitted(m.rest),
      line: line.index,
      lastLine: line.index,
      restStart: line.start + m.length,
    };
    headings.push(h);
    stack = [...stack, { heading: h, family: m.family.id, canonicalLevel: m.family.level }];
  }
  closeSections(headings, lines.length);
  return { headings, diagnostics };
}

/** Where a marker goes in the open stack, or null when it is not a heading. */
function place(stack: Open[], m: MarkerMatch): { stack: Open[]; warn?: boolean } | null {
  const at = stack.findIndex((o) => o.family === m.family.id);
  if (at >= 0) {
    const prev = stack[at]!.heading.ordinal;
    if (m.ordinal === prev + 1 || m.ordinal === 1) return { stack: stack.slice(0, at) };
    if (at === 0 && m.ordinal > prev) return { stack: [], warn: true };
    return null;
  }
  // A higher family starting its list above everything open (壹、 after stray 1. lines) takes the top.
  if (m.ordinal === 1 && stack.length && stack.every((o) => o.canonicalLevel > m.family.level)) return { stack: [] };
  if (m.ordinal === 1) return { stack };
  // Top level numbered in another style (1、主席致詞 then 貳、報告事項): the next top-level number.
  const root = stack[0];
  if (root && m.ordinal === root.heading.ordinal + 1 && m.family.level <= root.canonicalLevel) return { stack: [] };
  if (!root && m.family.level === 1) return { stack: [], warn: m.ordinal !== 1 };
  return null;
}

/** A section runs until the next heading at its level or above. */
function closeSections(headings: Heading[], lineCount: number): void {
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    let end = lineCount - 1;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= h.level) {
        end = headings[j]!.line - 1;
        break;
      }
    }
    h.lastLine = end;
  }
}

import type { AgendaKind, Diagnostic } from '../types.js';
import { matchMarker, type MarkerMatch } from './markers.js';
import { headingTitle, isHeaderLabel, isOmitted, sectionKind } from './kinds.js';
import { matchLabel } from './labels.js';
import { impliedHeading, impliedSectionLines, unnumberedHeading } from './unnumbered.js';
import { grammar } from '../grammars/index.js';
import { trimEndOf } from '../util/text.js';
import { memoString } from '../grammars/compiled.js';
import type { Line } from './lines.js';
import { spanOf } from './lines.js';

/** A numbered heading accepted into the document's heading tree. */
export interface Heading {
  id: string;
  parent: string | null;
  /** Depth in the tree, 1 for the top level. */
  level: number;
  family: string;
  /** As written; null for a heading written without a number (報 告 事 項 over numbered items). */
  number: string | null;
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
  /** A chapter heading that wraps whole records (一、各次會議紀錄): not an agenda section. */
  chapter?: boolean;
}

interface Open {
  heading: Heading;
  family: string;
  canonicalLevel: number;
  numerals: string;
  /** Written without an opening bracket (1. 1、 but not (1)). */
  bare: boolean;
  /** An unnumbered heading that is a section keyword alone (報告事項). */
  exact: boolean;
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
  let seenField = false; // a header field (時間：…) has been read
  let numberedTop = false; // a numbered top-level section that is not a header field exists
  let quoting = false; // a record quoted inside a section (an earlier meeting's minutes read out)
  const implied = impliedSectionLines(lines, (t) => {
    const c = t.charCodeAt(0);
    if (!(c >= 0x30 && c <= 0x39)) return null; // outline numbers start with a digit
    const m = matchMarker(t);
    return m && m.family.id.startsWith('outline-') ? m.number : null;
  });
  const loose = implied.size > 0;
  const fieldLine = lines.map((l) => isFieldLine(l.text));
  const firstField = fieldLine.indexOf(true);
  const push = (h: Heading, open: Omit<Open, 'heading'>) => {
    headings.push(h);
    stack = [...stack, { heading: h, family: open.family, canonicalLevel: open.canonicalLevel, numerals: open.numerals, bare: open.bare, exact: open.exact }];
  };
  for (const line of lines) {
    if (fieldLine[line.index]) {
      // Header fields inside a subsection of an unnumbered section: a quoted record, whose sections are not ours.
      // The chair's label (主席：現在請…) is also a speaker's turn in a verbatim record: it quotes nothing.
      if (stack.length >= 2 && stack[0]!.family === UNNUMBERED && !isChairTurn(line.text)) quoting = true;
      seenField = true;
    }
    const m = matchMarker(line.text);
    if (!m) {
      const u = line.index === 0 || numberedTop || quoting ? null : implied.has(line.index) ? impliedHeading(line.text) : unnumberedHeading(line.text, loose);
      if (!u) continue;
      // A sub-heading: right under an unnumbered heading (天文刊物出版： then 現況：), or a sub-report under a
      // report (理事長報告： then 會務報告：, 財務報告：).
      const top = stack[0];
      const last = headings[headings.length - 1];
      const under = top && top.family === UNNUMBERED && stack.length === 1 && last === top.heading && last.line === line.index - 1;
      const subReport = top && top.family === UNNUMBERED && !top.exact && !u.exact && u.kind !== 'other' && top.heading.kind === u.kind;
      stack = top && !implied.has(line.index) && (under || subReport) ? [top] : [];
      const parent = stack.length ? stack[0]!.heading : null;
      push(
        { id: `h${headings.length + 1}`, parent: parent?.id ?? null, level: stack.length + 1, family: UNNUMBERED, number: null, ordinal: 0, rest: line.text, title: u.title, kind: u.kind, omitted: false, line: line.index, lastLine: line.index, restStart: line.start },
        { family: UNNUMBERED, canonicalLevel: 0, numerals: '', bare: false, exact: u.exact },
      );
      continue;
    }
    // A numbered line naming minutes before any header field (一、各次會議紀錄) is a chapter or a title, not a
    // section: kept as a heading (so it is not read as the title) of kind metadata, and left out of the agenda.
    const chapter = !seenField && firstField > line.index && isMinutesTitle(m.rest) && !readsRecord(m.rest);
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
    const kind = chapter ? 'metadata' : sectionKind(m.rest);
    if (!parent && kind !== 'metadata') numberedTop = true;
    push(
      {
        id: `h${headings.length + 1}`,
        parent: parent?.id ?? null,
        level: stack.length + 1,
        family: m.family.id,
        number: m.number,
        ordinal: m.ordinal,
        rest: m.rest,
        // A marker that is a word (第一案) titles a heading with nothing after it.
        title: headingTitle(m.rest) || (/\p{Script=Han}/u.test(m.family.open.join('') + m.family.close.join('')) ? line.text.trim() : ''),
        kind,
        omitted: isOmitted(m.rest),
        line: line.index,
        lastLine: line.index,
        restStart: line.start + m.length,
        chapter,
      },
      { family: m.family.id, canonicalLevel: m.family.level, numerals: m.family.numerals, bare: m.family.open.length === 0, exact: false },
    );
  }
  closeSections(headings, lines.length);
  return { headings, diagnostics };
}

/** Family id of headings written without a number. */
export const UNNUMBERED = 'unnumbered';

/** A header field line (時間：…, 主  席:…), numbered or not. */
function isFieldLine(text: string): boolean {
  if (text.length > 8 && !text.includes('：') && !text.includes(':')) return false;
  return isFieldLineMemo(text);
}
const isFieldLineMemo = memoString(isFieldLineUncached);
function isFieldLineUncached(text: string): boolean {
  const m = matchMarker(text);
  const rest = m ? m.rest : text;
  const label = matchLabel(rest);
  // A label alone on its line (開會日期, its value on the next line) is a field too.
  return label !== null ? isHeaderLabel(label.label) : rest.length <= 8 && isHeaderLabel(rest.replace(/[\s\u3000]+/gu, ''));
}

/** A line labelled by the chair (主席：…, 主  席:…): a speaker's turn as often as a header field. */
function isChairTurn(text: string): boolean {
  const label = matchLabel(text);
  return label !== null && grammar().people.chairWords.includes(label.label.replace(/[\s\u3000]+/gu, ''));
}

/** An item of business that reads or confirms a record (一、宣讀上次會議議事錄。): a section, never a chapter. */
function readsRecord(rest: string): boolean {
  const t = rest.replace(/[\s\u3000]+/gu, '');
  return grammar().records.recordReadingWords.some((w) => t.startsWith(w));
}

/** The text names a record of minutes: it ends with a title marker (會議紀錄, 議事錄). */
function isMinutesTitle(rest: string): boolean {
  const t = trimEndOf(rest, ':：。').replace(/\s+/g, '');
  return grammar().fields.titleMarkers.some((k) => t.endsWith(k));
}

/** A meeting section's kind (報告事項, 討論事项, 散會), not a header field's or an item's. */
function isSectionKind(kind: AgendaKind): boolean {
  return kind !== 'other' && kind !== 'metadata';
}

/** Where a marker goes in the open stack, or null when it is not a heading. */
function place(stack: Open[], m: MarkerMatch): { stack: Open[]; warn?: boolean } | null {
  let at = stack.findIndex((o) => o.family === m.family.id);
  const kind = sectionKind(m.rest);
  if (at >= 0) {
    // One numbering for sections and their items (一、報告事項 / 一、工作報告 / 二、財務報告 / 二、討論事項): a
    // section of another kind continues the sections, anything else the deepest list of that numbering it follows.
    const deeper = stack.findLastIndex((o, i) => i > at && o.family === m.family.id && o.heading.ordinal + 1 === m.ordinal);
    if (deeper > at && !(isSectionKind(kind) && isSectionKind(stack[at]!.heading.kind) && kind !== stack[at]!.heading.kind)) at = deeper;
    // Item 1 right under a section numbered the same way (一、報告事項 then 一、工作報告) opens its items.
    const open = stack[at]!;
    // The same section again (甲、報告事項 after 甲、報告事項: the next sitting's) is no item of it.
    if (m.ordinal === 1 && at === stack.length - 1 && isSectionKind(open.heading.kind) && open.heading.kind !== 'adjournment' && (kind === 'other' || kind === open.heading.kind) && headingTitle(m.rest) !== open.heading.title)
      return { stack };
  }
  // A list begun as 1. and continued as 2、 (or the reverse): the same bare numerals, the next number.
  if (at < 0 && m.ordinal > 1 && m.family.open.length === 0) {
    at = stack.findIndex((o) => o.numerals === m.family.numerals && o.bare && o.heading.ordinal + 1 === m.ordinal);
  }
  if (at >= 0) {
    const prev = stack[at]!.heading.ordinal;
    if (m.ordinal === prev + 1 || m.ordinal === 1) return { stack: stack.slice(0, at) };
    if (at === 0 && m.ordinal > prev) return { stack: [], warn: true };
    return null;
  }
  // 壹、 or 甲、 under an unnumbered section starts the numbered top level.
  if (m.ordinal === 1 && m.family.level === 1 && stack[0]?.family === UNNUMBERED) return { stack: [] };
  // A higher family starting its list above everything open (壹、 after stray 1. lines) takes the top.
  // Not under a section numbered in a lower style (1、報告事項 then 一、工作報告): that opens the section's items.
  if (m.ordinal === 1 && stack.length && stack.every((o) => o.canonicalLevel > m.family.level) && !isSectionKind(stack[0]!.heading.kind)) return { stack: [] };
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

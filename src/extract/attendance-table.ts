import { grammar } from '../grammars/index.js';
import type { Line } from '../segment/lines.js';
import type { Attendee } from '../types.js';
import type { ExtractContext } from './context.js';
import { groupOf, parseAttendeeEntry, type GroupInfo } from './attendees.js';
import { parseName, squeezeHan } from './person.js';

/** A header row of an attendance table: 身份 單位 出席人員 (tab- or space-separated). */
export function isAttendanceHeader(text: string): boolean {
  const cells = text.split(/\t| {1,}|\u3000+/u).map((c) => c.trim()).filter(Boolean);
  const words = grammar().records.attendanceTableHeaders;
  return cells.length >= 2 && cells.length <= 6 && cells.filter((c) => words.includes(c)).length >= 2;
}

/**
 * Attendance tables, usually after the last section: a header row, then rows. Two layouts are read:
 * tab-separated rows (category, unit, people; an empty cell continues the cell above), and rows flattened
 * by text extraction, where a cell's text is split over lines (機關 / 代表 / 委員) and a unit line may be
 * followed by several people (公眾會 / 黃科長 翌弘 / 林程式設計師 孟瑋).
 */
export function findAttendanceTable(ctx: ExtractContext): Attendee[] {
  const out: Attendee[] = [];
  for (let i = 0; i < ctx.lines.length; i++) {
    if (!isAttendanceHeader(ctx.lines[i]!.text)) continue;
    const end = tableEnd(ctx, i + 1);
    const rows = ctx.lines.slice(i + 1, end);
    const tabbed = rows.filter((l) => l.text.includes('\t')).length;
    out.push(...(tabbed >= rows.length / 2 ? tabRows(rows) : flattenedRows(rows)));
    i = end - 1;
  }
  return out;
}

function tableEnd(ctx: ExtractContext, from: number): number {
  for (let j = from; j < ctx.lines.length; j++) if (ctx.headingAt.has(j)) return j;
  return ctx.lines.length;
}

/** People in one cell: several may share a cell, separated by spaces (凌科長士傑 柯秘書書豪(紀錄)). */
function peopleInCell(cell: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  // A space between a title and a given name (徐主任秘書 儷文) joins; between two people it separates.
  const tokens = [...cell.matchAll(/[^\s\u3000]+/gu)].map((m) => ({ text: m[0], index: m.index! }));
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    const solo = parseName(t.text);
    if (next && solo.name === null && solo.title !== null && /^\p{Script=Han}{1,2}(?:[(（].*)?$/u.test(next.text)) {
      out.push({ text: cell.slice(t.index, next.index + next.text.length), index: t.index });
      k++;
    } else out.push(t);
  }
  return out;
}

function tabRows(rows: readonly Line[]): Attendee[] {
  const out: Attendee[] = [];
  let group: GroupInfo | null = null;
  let unit: string | null = null;
  for (const line of rows) {
    const cells = line.text.split('\t');
    if (cells.length < 2) continue;
    const personCell = cells[cells.length - 1]!;
    const category = cells.length >= 3 ? cells[0]!.trim() : '';
    const unitCell = cells.length >= 3 ? cells[cells.length - 2]!.trim() : cells[0]!.trim();
    if (category) group = groupOf(category) ?? group;
    if (category || unitCell) unit = unitCell || null;
    if (!group) continue;
    const personStart = line.text.length - personCell.length;
    for (const p of peopleInCell(personCell)) {
      const a = parseAttendeeEntry(p.text, group, unit, line, line.start + personStart + p.index, 'attendees.tab-table');
      if (a) out.push(a);
    }
  }
  return out;
}

/** `unit person` or `person` on one line, in a flattened table: the person is the last one or two tokens. */
function splitUnitPerson(text: string): { unit: string | null; person: string; personIndex: number } | null {
  const tokens = [...text.matchAll(/[^\s\u3000]+/gu)].map((m) => ({ text: m[0], index: m.index! }));
  for (const take of [2, 1]) {
    if (tokens.length < take) continue;
    const personTokens = tokens.slice(tokens.length - take);
    const personText = text.slice(personTokens[0]!.index);
    const parts = parseName(personText);
    if (!parts.title || !parts.name || parts.org) continue;
    const unitText = squeezeHan(text.slice(0, personTokens[0]!.index));
    return { unit: unitText || null, person: personText, personIndex: personTokens[0]!.index };
  }
  return null;
}

function flattenedRows(rows: readonly Line[]): Attendee[] {
  const out: Attendee[] = [];
  let group: GroupInfo | null = null;
  let unit: string | null = null;
  let fragments: string[] = [];
  for (const line of rows) {
    const row = splitUnitPerson(line.text);
    if (!row) {
      fragments.push(squeezeHan(line.text));
      continue;
    }
    if (fragments.length) {
      // The longest leading run of fragments that names a group is the category; the rest is the unit.
      let k = 0;
      for (let n = fragments.length; n > 0; n--) {
        if (groupOf(fragments.slice(0, n).join(''))) {
          k = n;
          break;
        }
      }
      if (k > 0) group = groupOf(fragments.slice(0, k).join(''));
      const rest = fragments.slice(k).join('');
      if (rest) unit = rest;
      else if (k > 0) unit = null;
      fragments = [];
    }
    if (row.unit) unit = row.unit;
    if (!group) continue;
    const a = parseAttendeeEntry(row.person, group, unit, line, line.start + row.personIndex, 'attendees.flattened-table');
    if (a) out.push(a);
  }
  return out;
}

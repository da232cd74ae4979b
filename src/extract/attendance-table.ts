import { alternation, derived, grammar } from '../grammars/index.js';
import type { Line } from '../segment/lines.js';
import type { Attendee } from '../types.js';
import type { ExtractContext } from './context.js';
import { groupOf, groupsLongestFirst, parseAttendeeEntry, type GroupInfo } from './attendee-entry.js';
import { parseName, splitParens, squeezeHan } from './person.js';

const headerWordRe = derived((g) => new RegExp(alternation(g.records.attendanceTableHeaders), 'u'));

/** A header row of an attendance table: 身份 單位 出席人員 (tab- or space-separated). */
export function isAttendanceHeader(text: string): boolean {
  if (text.length > 40) return false; // a header row is a few short words
  if (!headerWordRe().test(text)) return false;
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
    out.push(...(tabbed >= rows.length / 2 ? tabRows(rows, headerColumns(ctx.lines[i]!.text)) : flattenedRows(rows)));
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

/** What each column of a tab-separated header holds, when the header names a title column (職稱, 姓名, 備註). */
interface Columns {
  title: number;
  person: number;
  /** The first column holds the category (身分, 類別): a unit column stands between it and the title. */
  category: boolean;
}

function headerColumns(text: string): Columns | null {
  const cells = text.split('\t').map((c) => squeezeHan(c));
  if (cells.length < 2) return null;
  const titleHeaders = grammar().records.attendanceTableTitleHeaders;
  const title = cells.findIndex((c) => titleHeaders.includes(c));
  return title >= 0 && title + 1 < cells.length ? { title, person: title + 1, category: title >= 2 && grammar().records.attendanceTableHeaders.includes(cells[0]!) } : null;
}

/** A category cell that is a group's label itself (機關代表, 民間代表委員), not a unit that holds one (本會秘書處). */
function categoryGroup(cell: string): GroupInfo | null {
  const g = groupOf(cell);
  if (!g) return null;
  const main = splitParens(squeezeHan(cell)).main;
  return main === g.label ? g : null;
}

const remarkMarks = derived((g) => new Set([...g.records.statusMarks.map((m) => m.mark), ...g.records.proxyMarks, ...g.records.recorderMarks]));

/** A remarks cell: empty, or a status, proxy or recorder mark (請假, 代理, 紀錄). */
function isRemark(cell: string): boolean {
  const c = squeezeHan(cell).replace(/^[(（]|[)）]$/gu, '');
  return c === '' || remarkMarks().has(c);
}

function tabRows(rows: readonly Line[], columns: Columns | null): Attendee[] {
  const out: Attendee[] = [];
  // A table of titles and names, with no group column, lists the people present.
  let group: GroupInfo | null = columns ? (groupOf(grammar().records.attendanceTableGroup) ?? null) : null;
  let unit: string | null = null;
  for (const line of rows) {
    const cells = line.text.split('\t');
    // A last column of remarks (備註: 請假, 代理) belongs to the person before it, whatever its header says.
    let remark = '';
    if (cells.length >= 2 && isRemark(cells[cells.length - 1]!) && (cells.length >= 3 || columns)) remark = cells.pop()!.trim();
    if (cells.length < 2) continue;
    const personIndex = columns ? Math.min(columns.person, cells.length - 1) : cells.length - 1;
    const personCell = cells[personIndex]!;
    let title: string | null = null;
    if (columns) {
      title = squeezeHan(cells[columns.title] ?? '') || null;
      // 類別\t單位\t職稱\t姓名: a category column before the unit names the row's group (機關代表).
      if (columns.category) group = categoryGroup(cells[0]!) ?? group;
    } else {
      const category = cells.length >= 3 ? cells[0]!.trim() : '';
      const unitCell = cells.length >= 3 ? cells[cells.length - 2]!.trim() : cells[0]!.trim();
      if (category) group = groupOf(category) ?? group;
      if (category || unitCell) unit = unitCell || null;
    }
    if (!group) continue;
    const personStart = cells.slice(0, personIndex).reduce((n, c) => n + c.length + 1, 0);
    for (const p of peopleInCell(personCell)) {
      const written = remark ? `${p.text}(${remark.replace(/^[(（]|[)）]$/gu, '')})` : p.text;
      const a = parseAttendeeEntry(written, group, unit, line, line.start + personStart + p.index, 'attendees.tab-table');
      if (a) {
        if (!a.title && title) a.title = title;
        a.raw = p.text;
        out.push(a);
      }
    }
  }
  return out;
}

const TOKEN = /[^\s\u3000]+/gu;

/** A cell token that is one person, possibly with its org in front (國際事務會李副參事樹東(代理)). */
function personToken(text: string): { org: string | null } | null {
  const { main } = splitParens(text);
  const parts = parseName(main);
  return parts.title && parts.name ? { org: parts.org } : null;
}

/**
 * One row of a table flattened into a line: `[category] [unit] person [person …]`. People are read from the
 * right (`徐主任秘書 儷文` is one person written in two tokens); what is left of them is the lead text.
 * Null when the line names nobody (a piece of a category or unit cell split over lines).
 */
export function splitRowLine(text: string): { lead: string; people: { text: string; index: number }[] } | null {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], index: m.index! }));
  const people: { text: string; index: number }[] = [];
  let k = tokens.length - 1;
  let lead = '';
  while (k >= 0) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    if (prev && /^\p{Script=Han}{1,2}(?:[(（].*)?$/u.test(t.text) && !personToken(t.text)) {
      const joined = text.slice(prev.index, t.index + t.text.length);
      const p = personToken(joined.replace(/[\s\u3000]+/gu, ''));
      if (p && parseName(prev.text).name === null && !p.org) {
        people.unshift({ text: joined, index: prev.index });
        k -= 2;
        continue;
      }
    }
    const p = personToken(t.text);
    if (!p) break;
    if (p.org) {
      // The org written onto the person belongs to the lead (unit) text.
      const cut = t.text.indexOf(p.org) + p.org.length;
      people.unshift({ text: t.text.slice(cut), index: t.index + cut });
      lead = t.text.slice(0, cut);
      k--;
      break;
    }
    people.unshift(t);
    k--;
  }
  if (people.length === 0) return null;
  const before = k >= 0 ? text.slice(0, tokens[k]!.index + tokens[k]!.text.length) : '';
  return { lead: squeezeHan((before + ' ' + lead).trim()), people };
}

/** Split lead text into a category (a group label, with its bracketed note) and a unit. */
function categoryAndUnit(lead: string): { group: GroupInfo | null; unit: string | null } {
  const text = squeezeHan(lead); // 機關 代表 委員 → 機關代表委員; NGO 國際事務會 keeps its space
  const labels = groupsLongestFirst();
  for (const g of labels) {
    if (!text.startsWith(g.label)) continue;
    let rest = text.slice(g.label.length);
    const note = /^[(（]([^)）]*)[)）]/u.exec(rest);
    if (note) rest = rest.slice(note[0].length);
    return { group: groupOf(note ? g.label + note[0] : g.label), unit: rest.trim() || null };
  }
  return { group: null, unit: text || null };
}

function flattenedRows(rows: readonly Line[]): Attendee[] {
  const out: Attendee[] = [];
  let group: GroupInfo | null = null;
  let unit: string | null = null;
  let fragments: string[] = [];
  for (const line of rows) {
    const row = splitRowLine(line.text);
    if (!row) {
      fragments.push(squeezeHan(line.text));
      continue;
    }
    const lead = [...fragments, row.lead].filter(Boolean);
    fragments = [];
    if (lead.length) {
      // The longest leading run of pieces that names a group is the category; the rest is the unit.
      let k = 0;
      for (let n = lead.length; n > 0; n--) {
        if (categoryAndUnit(lead.slice(0, n).join('')).group) {
          k = n;
          break;
        }
      }
      if (k > 0) {
        const cu = categoryAndUnit(lead.slice(0, k).join(''));
        group = cu.group;
        const rest = [cu.unit ?? '', ...lead.slice(k)].join('');
        unit = rest || null;
      } else unit = lead.join('');
    }
    if (!group) continue;
    for (const p of row.people) {
      const a = parseAttendeeEntry(p.text, group, unit, line, line.start + p.index, 'attendees.flattened-table');
      if (a) out.push(a);
    }
  }
  return out;
}

import { derived } from '../grammars/compiled.js';
import { alternation, escapeRegExp, grammar } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Line } from '../segment/lines.js';
import type { AttendanceStatus, Attendee, Diagnostic } from '../types.js';
import { foldName } from '../util/fold.js';
import type { ExtractContext } from './context.js';
import { groupOf, parseAttendeeEntry, type GroupInfo } from './attendee-entry.js';
import { parseName } from './person.js';
import { isDottedName } from './attendee-list.js';

/**
 * Attendance grids: a council's 議員出席情形一覽表 — members by row, the session's sittings by column
 * (dated 9/30, 10/3), a mark in each cell (○ present, △ on leave, nothing: neither), the marks explained by
 * a legend (備註：本表各欄位「○」係指出席、「△」係指請假、未註記係指未簽到、未請假。). A grid broken over
 * pages repeats its title and header rows; a vacant seat is a row with a number and no name.
 *
 * A document holds one meeting's attendance: the statuses are those of the column dated on the meeting's
 * date (the first sitting of a compilation), else of the first column that holds a mark; an info
 * diagnostic names the sittings the grid holds.
 */
export interface GridResult {
  attendees: Attendee[];
  diagnostics: Diagnostic[];
}

/** How far above a header row the grid's title may stand, and below its last row its legend. */
const TITLE_LINES = 3;
const LEGEND_LINES = 6;
/** Fewest named rows that make a grid. */
const MIN_ROWS = 3;

/** A sitting's column head: 9/30, 10/3, 9月30日, 105/09/30 (date parts from time.json). */
const dateCellRe = derived((g) => {
  const { month, day } = g.time.dateParts;
  return new RegExp(`^(?:\\d{2,4}[/.．-])?(\\d{1,2})\\s*(?:[/.．-]|${alternation(month)})\\s*(\\d{1,2})\\s*(?:${alternation(day)})?$`, 'u');
});
/** What separates the words of a legend's entry (出席、簽到; 未簽到或未請假): a list's separators and conjunctions. */
const legendWordSplit = derived((g) => new RegExp(`[。；;\\s]|${alternation([...g.fields.nameSeparators, ...g.records.listConjunctions, ...g.sections.attendanceGrid.legendAlternatives])}`, 'u'));
/** A row's leading number (its seat or order), alone or in its own cell. */
const ROW_NUMBER = /^\d{1,3}$/u;

const titleRe = derived((g) => new RegExp(g.sections.attendanceGrid.titleWords.map(escapeRegExp).join('|'), 'u'));
const linkRe = derived((g) => new RegExp(g.sections.attendanceGrid.legendLinks.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|'), 'gu'));

const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');

interface Column {
  col: number;
  month: number;
  day: number;
}

/** The dated columns of a header row (at least two), or null. */
function dateColumns(text: string): Column[] | null {
  if (!text.includes('\t')) return null;
  const out: Column[] = [];
  text.split('\t').forEach((c, col) => {
    const m = dateCellRe().exec(c.trim());
    if (m) out.push({ col, month: Number(m[1]), day: Number(m[2]) });
  });
  return out.length >= 2 ? out : null;
}

interface Row {
  line: Line;
  name: string;
  /** Offset of the name in the line. */
  at: number;
  cells: string[];
}

/** A row's name: the first cell, outside the dated columns, that the name grammar reads as a person's name. */
function rowName(cells: readonly string[], dated: ReadonlySet<number>): { name: string; col: number } | null {
  for (let col = 0; col < cells.length; col++) {
    if (dated.has(col)) continue;
    const c = cells[col]!.trim();
    if (!c || ROW_NUMBER.test(c)) continue;
    const p = parseName(c);
    if ((p.name && !p.title) || isDottedName(c)) return { name: c, col };
    return null;
  }
  return null;
}

/** Finds attendance grids and reads each member's status at the meeting's sitting. */
export function findAttendanceGrid(ctx: ExtractContext, meetingDate: string | null): GridResult {
  const attendees: Attendee[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    const columns = dateColumns(lines[i]!.text);
    if (!columns) continue;
    const title = titleAbove(lines, i);
    if (title === null) continue;
    const grid = readGrid(lines, i, columns, title.text);
    if (grid.rows.length < MIN_ROWS) continue;
    const legend = readLegend(lines, grid.end, title.line);
    const read = gridAttendees(grid.rows, grid.columns, legend, title.text, meetingDate);
    attendees.push(...read.attendees);
    diagnostics.push(...read.diagnostics);
    i = grid.end - 1;
  }
  return { attendees, diagnostics };
}

/** The grid's title within a few lines above its header: a line naming attendance (…議員出席情形一覽表). */
function titleAbove(lines: readonly Line[], i: number): { text: string; line: number } | null {
  for (let j = i - 1; j >= Math.max(0, i - TITLE_LINES); j--) {
    const t = lines[j]!.text.trim();
    if (t && !t.includes('\t') && titleRe().test(t)) return { text: t, line: j };
  }
  return null;
}

/**
 * The grid's rows from its header on: named rows, with the rows a page break repeats (title, header,
 * weekday row) and vacant seats (a number alone) passed over; it ends at the first other line.
 */
function readGrid(lines: readonly Line[], header: number, columns: Column[], title: string): { rows: Row[]; columns: Column[]; end: number } {
  const rows: Row[] = [];
  let cols = columns;
  let dated = new Set(cols.map((c) => c.col));
  let j = header + 1;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    const t = line.text.trim();
    if (!t) continue;
    const again = dateColumns(line.text);
    if (again) {
      cols = again;
      dated = new Set(cols.map((c) => c.col));
      continue;
    }
    if (!line.text.includes('\t')) {
      if (ROW_NUMBER.test(t) || squeeze(t) === squeeze(title)) continue;
      break;
    }
    const cells = line.text.split('\t');
    // A header's second row (議員 / (五) (六)): words, not marks, in the dated columns.
    if (cells.some((c, col) => dated.has(col) && c.trim() !== '' && !markLike(c.trim()))) continue;
    const name = rowName(cells, dated);
    if (!name) {
      // A numbered row whose name cannot be read is passed over; any other line ends the grid.
      if (ROW_NUMBER.test(cells[0]!.trim())) continue;
      break;
    }
    const at = cells.slice(0, name.col).reduce((n, c) => n + c.length + 1, 0) + cells[name.col]!.indexOf(name.name);
    rows.push({ line, name: name.name, at, cells });
  }
  return { rows, columns: cols, end: j };
}

/** A mark: one or two symbols, no letter, digit or ideograph. */
function markLike(cell: string): boolean {
  return cell.length > 0 && cell.length <= 2 && !/[\p{L}\p{N}]/u.test(cell);
}

interface Legend {
  marks: Map<string, AttendanceStatus>;
  blank: AttendanceStatus | null;
  line: number | null;
}

/** The legend below the grid (or between its title and header): `「○」係指出席、…、未註記係指未簽到`. */
function readLegend(lines: readonly Line[], end: number, titleLine: number): Legend {
  const near = [...range(end, Math.min(lines.length, end + LEGEND_LINES)), ...range(titleLine + 1, Math.min(lines.length, titleLine + TITLE_LINES))];
  for (const j of near) {
    const legend = parseLegend(lines[j]!.text);
    if (legend.marks.size > 0) return { marks: legend.marks, blank: legend.blank, line: j };
  }
  return { marks: new Map(), blank: null, line: null };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

/** Marks and the blank cell linked to a status word (係指, 表示 …). Exported for tests. */
export function parseLegend(text: string): { marks: Map<string, AttendanceStatus>; blank: AttendanceStatus | null } {
  const g = grammar().sections.attendanceGrid;
  const marks = new Map<string, AttendanceStatus>();
  let blank: AttendanceStatus | null = null;
  const links = [...text.matchAll(linkRe())];
  for (let k = 0; k < links.length; k++) {
    const m = links[k]!;
    const before = text.slice(0, m.index).trimEnd();
    const objectEnd = k + 1 < links.length ? subjectStart(text.slice(0, links[k + 1]!.index).trimEnd()) : text.length;
    const object = text.slice(m.index! + m[0].length, objectEnd);
    const status = statusOf(object);
    if (!status) continue;
    const quoted = /[「『“"]([^」』”"]{1,3})[」』”"]$/u.exec(before);
    const bare = /([^\p{L}\p{N}\s、，,。；;：:「」『』“”"])$/u.exec(before);
    if (quoted) marks.set(quoted[1]!.trim(), status);
    else if (g.blankMarks.some((w) => before.endsWith(w))) blank = status;
    else if (bare) marks.set(bare[1]!, status);
  }
  return { marks, blank };
}

/** Where the subject before a link starts: its opening quote, its blank word, its bare mark. */
function subjectStart(before: string): number {
  const g = grammar().sections.attendanceGrid;
  const q = Math.max(before.lastIndexOf('「'), before.lastIndexOf('『'), before.lastIndexOf('“'));
  const w = g.blankMarks.find((x) => before.endsWith(x));
  if (w) return before.length - w.length;
  if (q >= 0 && /[」』”]$/u.test(before)) return q;
  return Math.max(0, before.length - 1);
}

/** The status a legend's words name: the first word (出席; 未簽到、未請假 → 未簽到) that is a status. */
function statusOf(object: string): AttendanceStatus | null {
  const g = grammar();
  const a = g.sections.attendanceGrid;
  for (const raw of object.split(legendWordSplit())) {
    const w = raw.trim();
    if (!w) continue;
    if (a.absentWords.includes(w)) return 'absent';
    if (a.presentWords.includes(w)) return 'present';
    const mark = g.records.statusMarks.find((s) => s.mark === w);
    if (mark) return mark.status;
  }
  return null;
}

function gridAttendees(rows: readonly Row[], columns: readonly Column[], legend: Legend, title: string, meetingDate: string | null): GridResult {
  const diagnostics: Diagnostic[] = [];
  const defaults = new Map(grammar().sections.attendanceGrid.defaultMarks.map((m) => [m.mark, m.status]));
  const markOf = (cell: string): AttendanceStatus | null | undefined => (cell === '' ? (legend.blank ?? 'absent') : (legend.marks.get(cell) ?? defaults.get(cell) ?? undefined));
  const cell = (r: Row, col: number) => (r.cells[col] ?? '').trim();
  const marked = columns.filter((c) => rows.some((r) => cell(r, c.col) !== ''));
  const [, month, day] = meetingDate ? meetingDate.split('-').map(Number) : [];
  const column = columns.find((c) => c.month === month && c.day === day) ?? marked[0] ?? null;
  if (!column) return { attendees: [], diagnostics };
  const group = memberGroup(title);
  if (!group) return { attendees: [], diagnostics };
  const out: Attendee[] = [];
  const unknown = new Set<string>();
  for (const r of rows) {
    const status = markOf(cell(r, column.col));
    if (!status) {
      unknown.add(cell(r, column.col));
      continue;
    }
    const a = parseAttendeeEntry(r.name, group, null, r.line, r.line.start + r.at, 'attendees.grid', { title: null, org: null, status });
    if (a) out.push(a);
  }
  const sittings = marked.map((c) => `${c.month}/${c.day}`).join(', ');
  diagnostics.push({
    severity: 'info',
    code: 'attendance-grid',
    message: `Attendance read from a grid of ${rows.length} rows over ${columns.length} dates (marked: ${sittings || 'none'}); the statuses are those of ${column.month}/${column.day}${legend.line === null ? ', the marks read without a legend' : ', as its legend defines the marks'}.`,
    span: spanOf(rows[0]!.line),
  });
  if (unknown.size) {
    diagnostics.push({
      severity: 'warning',
      code: 'attendance-grid-mark-unknown',
      message: `The grid uses marks its legend does not define (${[...unknown].join(' ')}); those rows were left out.`,
      span: spanOf(rows[0]!.line),
    });
  }
  return { attendees: out, diagnostics };
}

/** The group of the grid's members: the attendance group its title names, with no status of its own. */
function memberGroup(title: string): GroupInfo | null {
  const g = groupOf(title);
  if (g && !g.status) return g;
  const first = grammar().records.attendeeGroups.find((x) => !x.status && x.role === 'member' && title.includes(x.label));
  return first ?? grammar().records.attendeeGroups.find((x) => !x.status && x.role === 'member') ?? null;
}

/** The key a name is matched by across the grid and the lists: folded, its middle dots dropped (谷暮・哈就, 谷暮．哈就). */
function nameKey(name: string | null): string {
  return foldName(name).replace(/[・．‧·•.]/gu, '');
}

/**
 * The attendees of the lists and tables with the grid's: a member the grid names is given once, with the
 * grid's status (a later sitting's list names them again).
 */
export function withGrid(listed: readonly Attendee[], grid: readonly Attendee[]): Attendee[] {
  if (grid.length === 0) return [...listed];
  const inGrid = new Set(grid.map((a) => nameKey(a.name)));
  return [...listed.filter((a) => !a.name || !inGrid.has(nameKey(a.name))), ...grid];
}

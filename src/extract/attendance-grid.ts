import { derived } from '../grammars/compiled.js';
import { alternation, escapeRegExp, grammar } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Line } from '../segment/lines.js';
import { numeralChars, parseChineseNumeral } from '../segment/numerals.js';
import type { AttendanceStatus, Attendee, Diagnostic } from '../types.js';
import { foldName } from '../util/fold.js';
import type { ExtractContext } from './context.js';
import { groupOf, parseAttendeeEntry, type GroupInfo } from './attendee-entry.js';
import { parseName } from './person.js';
import { isDottedName } from './attendee-list.js';

/**
 * Attendance grids: a council's 議員出席情形一覽表 — members by row, the session's sittings by column
 * (dated 9/30, 10/3, 5/2(一); or numbered 第1次會議), a mark in each cell (○ present, △ on leave, V, 出, 公假;
 * nothing: neither), the marks explained by a legend (備註：本表各欄位「○」係指出席、「△」係指請假、未註記係指
 * 未簽到、未請假。; 說明：○出席、△請假; 註：○表出席). A grid broken over pages repeats its title and header rows;
 * a vacant seat is a row with a number and no name. Cells are tab-separated, or in plain text separated by
 * spaces when every row has as many cells as the header.
 *
 * A document holds one meeting's attendance: the statuses are those of the column dated on the meeting's
 * date (the first sitting of a compilation), else of the first column that holds a mark; in a grid of
 * numbered sittings, the column of the meeting's sitting, else the first. An info diagnostic names the
 * sittings the grid holds and the column read.
 */
export interface GridResult {
  attendees: Attendee[];
  diagnostics: Diagnostic[];
}

/** The meeting the grid is read for: its date, and its sitting (第 N 次會議) when the title names one. */
export interface GridMeeting {
  date: string | null;
  sitting?: number | null;
}

/** How far above a header row the grid's title may stand, and below its last row its legend. */
const TITLE_LINES = 3;
const LEGEND_LINES = 6;
/** Fewest named rows that make a grid. */
const MIN_ROWS = 3;
/** The longest mark a cell holds (○, V, 出, 公假, 未出席). */
const MARK_MAX = 3;

/** A weekday written after a date or in its own row: (一), （星期一）, (週五) (time.json weekdays). */
const weekdayPart = derived((g) => `[(（]\\s*(?:(?:${alternation(g.time.weekdayPrefixes)})\\s*)?(?:${alternation(Object.keys(g.time.weekdays))})\\s*[)）]`);
const weekdayRe = derived(() => new RegExp(`^${weekdayPart()}$`, 'u'));
/** A sitting's column head: 9/30, 10/3, 9月30日, 105/09/30, 5/2(一), 5月2日(星期一) (date parts from time.json). */
const dateCellRe = derived((g) => {
  const { month, day } = g.time.dateParts;
  return new RegExp(`^(?:\\d{2,4}[/.．-])?(\\d{1,2})\\s*(?:[/.．-]|${alternation(month)})\\s*(\\d{1,2})(?:\\s*(?:${alternation(day)}))?(?:\\s*${weekdayPart()})?$`, 'u');
});
/** A sitting's column head by number: 第1次會議, 第一次, 第2次會 (numerals.json ordinals, fields.json counts and meeting words). */
const sittingCellRe = derived((g) => {
  return new RegExp(`^(?:${alternation(g.numerals.ordinalPrefixes)})\\s*([0-9${numeralChars()}]+)\\s*(?:${alternation(g.fields.countUnits.session)})\\s*(?:${alternation(g.fields.meetingWords)})?$`, 'u');
});
/** What separates the words of a legend's entry (出席、簽到; 未簽到或未請假): a list's separators and conjunctions. */
const legendWordSplit = derived((g) => new RegExp(`[。；;\\s]|${alternation([...g.fields.nameSeparators, ...g.records.listConjunctions, ...g.sections.attendanceGrid.legendAlternatives])}`, 'u'));
/** A row's leading number (its seat or order), alone or in its own cell. */
const ROW_NUMBER = /^\d{1,3}$/u;

const titleRe = derived((g) => new RegExp(g.sections.attendanceGrid.titleWords.map(escapeRegExp).join('|'), 'u'));
const linkRe = derived((g) => new RegExp(g.sections.attendanceGrid.legendLinks.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|'), 'gu'));
/** The words that name a status, longest first: the grid's present and absent words, and the list's status marks (請假, 公假). */
const statusWords = derived((g) => {
  const a = g.sections.attendanceGrid;
  const words = new Map<string, AttendanceStatus>();
  for (const w of a.absentWords) words.set(w, 'absent');
  for (const w of a.presentWords) words.set(w, 'present');
  for (const s of g.records.statusMarks) if (!words.has(s.mark)) words.set(s.mark, s.status);
  return words;
});
const statusWordRe = derived(() => alternation([...statusWords().keys()]));

const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');

interface Column {
  col: number;
  /** As the diagnostic names it: 9/30, or the head as written (第1次會議). */
  label: string;
  month?: number;
  day?: number;
  sitting?: number;
}

type Sep = 'tab' | 'space';

/** A line's cells: split at tabs; with no tab (plain text), at runs of spaces. Null for a line of one cell. */
function cellsOf(text: string, sep: Sep): string[] | null {
  if (sep === 'tab') return text.includes('\t') ? text.split('\t') : null;
  if (text.includes('\t')) return null;
  const t = text.trim();
  // Most lines are prose with no space inside: one cell, known before splitting.
  if (!/\s/u.test(t)) return null;
  return t.split(/\s+/u);
}

/** The sittings' columns of a header row (at least two): all dated, or all numbered sittings; else null. */
function headerColumns(cells: readonly string[]): Column[] | null {
  const dates: Column[] = [];
  const sittings: Column[] = [];
  cells.forEach((c, col) => {
    const t = c.trim();
    const d = dateCellRe().exec(t);
    if (d) {
      dates.push({ col, label: `${Number(d[1])}/${Number(d[2])}`, month: Number(d[1]), day: Number(d[2]) });
      return;
    }
    const s = sittingCellRe().exec(t);
    const n = s ? parseChineseNumeral(s[1]!) : null;
    if (n !== null) sittings.push({ col, label: t.replace(/\s+/gu, ''), sitting: n });
  });
  if (dates.length >= 2) return dates;
  if (sittings.length >= 2) return sittings;
  return null;
}

interface Row {
  line: Line;
  cells: string[];
}

interface NamedRow extends Row {
  name: string;
  /** Offset of the name in the line. */
  at: number;
}

/** A cell that may name a member: a name the name grammar reads (陳大明, 陳議員大明) or a dotted name (谷暮．哈就). */
function nameLike(cell: string): boolean {
  const c = cell.trim();
  if (!c || ROW_NUMBER.test(c)) return false;
  return parseName(c).name !== null || isDottedName(c);
}

/** A name whose surname the grammar knows (people.json surnames): what tells the name column from others (第一選區). */
function knownName(cell: string): boolean {
  const c = cell.trim();
  if (isDottedName(c)) return true;
  const p = parseName(c);
  if (!p.name || !p.surname) return false;
  const g = grammar().people;
  return g.surnames.includes(p.surname) || g.compoundSurnames.includes(p.surname);
}

/** A mark: short cell content (○, V, 出, 公假) with no digit, not a weekday. */
function markLike(cell: string): boolean {
  return cell.length > 0 && [...cell].length <= MARK_MAX && !/\p{N}/u.test(cell) && !weekdayRe().test(cell);
}

/** Finds attendance grids and reads each member's status at the meeting's sitting. */
export function findAttendanceGrid(ctx: ExtractContext, meeting: string | null | GridMeeting): GridResult {
  const m: GridMeeting = typeof meeting === 'object' && meeting !== null ? meeting : { date: meeting };
  const attendees: Attendee[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    for (const sep of ['tab', 'space'] as const) {
      const cells = cellsOf(lines[i]!.text, sep);
      const columns = cells && headerColumns(cells);
      if (!columns) continue;
      const title = titleGlued(lines, i, cells!, columns) ?? titleAbove(lines, i);
      if (title === null) continue;
      const grid = readGrid(lines, i, columns, title.text, sep);
      if (grid.rows.length < MIN_ROWS) continue;
      if (sep === 'space') {
        // Cells parted by spaces are placed only when every row has the same width, that of the header's
        // last cells (a title unwrapped onto the header stands before them): blank cells cannot be placed.
        const width = grid.rows[0]!.cells.length;
        const shift = cells!.length - width;
        const off = grid.rows.filter((r) => r.cells.length !== width);
        if (off.length || shift < 0 || columns.some((c) => c.col < shift)) {
          const at = (off.length ? off : grid.rows).slice(0, 5).map((r) => r.line.index + 1);
          diagnostics.push({
            severity: 'warning',
            code: 'attendance-grid-unaligned',
            message: `An attendance grid with cells parted by spaces (${grid.rows.length} rows, a header of ${cells!.length} cells) has rows whose cells cannot be placed under the header (line ${at.join(', ')}…): blank cells leave no trace, so the grid was not read.`,
            span: spanOf(lines[i]!),
          });
          i = grid.end - 1;
          break;
        }
        grid.columns = grid.columns.map((c) => ({ col: c.col - shift, label: c.label, month: c.month, day: c.day, sitting: c.sitting }));
      }
      const named = nameRows(grid.rows, grid.columns);
      if (named.rows.length < MIN_ROWS) continue;
      const legend = readLegend(lines, grid.end, title.line);
      const read = gridAttendees(named.rows, grid.columns, legend, title.text, m);
      attendees.push(...read.attendees);
      diagnostics.push(...read.diagnostics);
      if (named.unread.length) {
        diagnostics.push({
          severity: 'warning',
          code: 'attendance-grid-name-unread',
          message: `Grid rows whose name cell could not be read as a name were left out: ${named.unread.map((r) => `line ${r.line.index + 1}`).join(', ')}.`,
          span: spanOf(named.unread[0]!.line),
        });
      }
      i = grid.end - 1;
      break;
    }
  }
  return { attendees, diagnostics };
}

/** The grid's title within a few lines above its header: a line naming attendance (…議員出席情形一覽表). */
function titleAbove(lines: readonly Line[], i: number): { text: string; line: number } | null {
  for (let j = i - 1; j >= Math.max(0, i - TITLE_LINES); j--) {
    const t = lines[j]!.text.trim();
    if (t && !t.includes('\t') && titleRe().test(t) && !headerColumns(t.split(/\s+/u))) return { text: t, line: j };
  }
  return null;
}

/**
 * A title unwrapped onto the header line of a plain-text grid (…議員出席情形一覽表 編號 議員 5/2 5/3): the
 * header's first cell, before the sittings' columns, naming attendance.
 */
function titleGlued(lines: readonly Line[], i: number, cells: readonly string[], columns: readonly Column[]): { text: string; line: number } | null {
  const first = cells[0]!.trim();
  return !lines[i]!.text.includes('\t') && columns[0]!.col > 0 && titleRe().test(first) ? { text: first, line: i } : null;
}

/**
 * The grid's rows from its header on: rows with a number or a name, with the rows a page break repeats
 * (title, header, weekday row) and vacant seats (a number alone) passed over; it ends at the first other line.
 * A row whose sitting cells hold marks is a member's row, never a header's.
 */
function readGrid(lines: readonly Line[], header: number, columns: Column[], title: string, sep: Sep): { rows: Row[]; columns: Column[]; end: number } {
  const rows: Row[] = [];
  let cols = columns;
  let dated = new Set(cols.map((c) => c.col));
  let j = header + 1;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    const t = line.text.trim();
    if (!t || ROW_NUMBER.test(t) || squeeze(t) === squeeze(title)) continue;
    const cells = cellsOf(line.text, sep);
    if (!cells) break;
    const again = headerColumns(cells);
    if (again) {
      // A header repeated after a page break; in plain text its cells are placed as the first header's.
      if (sep === 'space') continue;
      cols = again;
      dated = new Set(cols.map((c) => c.col));
      continue;
    }
    const numbered = ROW_NUMBER.test(cells[0]!.trim());
    // A header's second row (議員 / (五) (六)): no number, weekdays. Marks never make a header row.
    if (!numbered && cells.some((c) => weekdayRe().test(c.trim()))) continue;
    if (!numbered && !cells.some((c, col) => !dated.has(col) && nameLike(c))) break;
    rows.push({ line, cells });
  }
  return { rows, columns: cols, end: j };
}

/**
 * The rows' names: the column (outside the sittings') where most rows hold a name of a known surname; a
 * row with that cell empty is a vacant seat, one with a cell that is no name is reported.
 */
function nameRows(rows: readonly Row[], columns: readonly Column[]): { rows: NamedRow[]; unread: Row[] } {
  const dated = new Set(columns.map((c) => c.col));
  const width = Math.max(...rows.map((r) => r.cells.length));
  let best = -1;
  let bestCount = 0;
  for (let col = 0; col < width; col++) {
    if (dated.has(col)) continue;
    const n = rows.filter((r) => knownName(r.cells[col] ?? '')).length;
    if (n > bestCount) [best, bestCount] = [col, n];
  }
  if (best < 0) return { rows: [], unread: [] };
  const named: NamedRow[] = [];
  const unread: Row[] = [];
  for (const r of rows) {
    const c = (r.cells[best] ?? '').trim();
    if (!c) continue;
    if (!nameLike(c)) {
      unread.push(r);
      continue;
    }
    // Where the name stands in the line: after the cells before it.
    let pos = 0;
    for (let k = 0; k < best; k++) pos = r.line.text.indexOf(r.cells[k]!, pos) + r.cells[k]!.length;
    named.push({ line: r.line, cells: r.cells, name: c, at: r.line.text.indexOf(c, pos) });
  }
  return { rows: named, unread };
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

/** A mark standing alone: one symbol, no letter, digit, space or punctuation. */
const SYMBOL = String.raw`[^\p{L}\p{N}\s、，,。；;：:「」『』“”"()（）]`;
const QUOTED = /[「『“"]([^」』”"]{1,3})[」』”"]$/u;

/**
 * A legend's marks and the blank cell, each tied to a status word: by a link word (「○」係指出席, ○表出席,
 * V為出席, 出＝出席, ○：出席, 空白表未出席) or by standing right before the word (說明：○出席、△請假). Its
 * entries are parted by a list's separators and spaces. Exported for tests.
 */
export function parseLegend(text: string): { marks: Map<string, AttendanceStatus>; blank: AttendanceStatus | null } {
  const marks = new Map<string, AttendanceStatus>();
  let blank: AttendanceStatus | null = null;
  const link = linkRe().source;
  // Spaces around a link word, or between a mark and its word, part nothing (○ ： 出席, ○ 出席).
  const joined = text
    .replace(new RegExp(`\\s*(${link})\\s*`, 'gu'), '$1')
    .replace(new RegExp(`(${SYMBOL}|[」』”"])\\s+(?=${statusWordRe()})`, 'gu'), '$1');
  for (const entry of joined.split(/[、，,；;。\s]+/u)) {
    if (!entry) continue;
    const read = legendEntry(entry);
    if (!read) continue;
    if (read.subject === null) blank = read.status;
    else if (!marks.has(read.subject)) marks.set(read.subject, read.status);
  }
  return { marks, blank };
}

/** One entry of a legend: its mark (null: the blank cell) and its status, or null. */
function legendEntry(entry: string): { subject: string | null; status: AttendanceStatus } | null {
  const g = grammar().sections.attendanceGrid;
  for (const m of entry.matchAll(linkRe())) {
    const status = statusOf(entry.slice(m.index! + m[0].length));
    if (!status) continue;
    const before = entry.slice(0, m.index).trimEnd();
    if (g.blankMarks.some((w) => before.endsWith(w))) return { subject: null, status };
    const quoted = QUOTED.exec(before);
    if (quoted) return { subject: quoted[1]!.trim(), status };
    const symbol = new RegExp(`(${SYMBOL})$`, 'u').exec(before);
    if (symbol) return { subject: symbol[1]!, status };
    // A letter or word as the mark (V為出席, 出＝出席), after the legend's own heading (註：).
    const token = before.slice(Math.max(before.lastIndexOf('：'), before.lastIndexOf(':')) + 1);
    if (token && [...token].length <= MARK_MAX && !/\p{N}/u.test(token) && !titleRe().test(token)) return { subject: token, status };
    return null;
  }
  // A mark right before its word, after the legend's heading: 說明：○出席, 「△」請假.
  const body = entry.slice(Math.max(entry.lastIndexOf('：'), entry.lastIndexOf(':')) + 1);
  const bare = new RegExp(`^(?:[「『“"]([^」』”"]{1,3})[」』”"]|(${SYMBOL}))(.+)$`, 'u').exec(body);
  if (bare) {
    const status = statusWords().get(bare[3]!);
    if (status) return { subject: (bare[1] ?? bare[2]!).trim(), status };
  }
  return null;
}

/** The status a legend's words name: its first word (出席; 未簽到或未請假 → 未簽到), if that is a status. */
function statusOf(object: string): AttendanceStatus | null {
  const first = object.split(legendWordSplit()).find((w) => w.trim() !== '');
  return first ? (statusWords().get(first.trim()) ?? null) : null;
}

/** The status of a cell's mark: by the legend, else the grid's default marks (○, V, 出, 假), else a status word (公假, 缺席). */
function markStatus(cell: string, legend: Legend): AttendanceStatus | null {
  const defaults = grammar().sections.attendanceGrid.defaultMarks;
  for (const c of new Set([cell, cell.toUpperCase(), cell.toLowerCase()])) {
    const s = legend.marks.get(c) ?? defaults.find((m) => m.mark === c)?.status ?? statusWords().get(c);
    if (s) return s;
  }
  return null;
}

function gridAttendees(rows: readonly NamedRow[], columns: readonly Column[], legend: Legend, title: string, meeting: GridMeeting): GridResult {
  const diagnostics: Diagnostic[] = [];
  const cell = (r: Row, col: number) => (r.cells[col] ?? '').trim();
  const marked = columns.filter((c) => rows.some((r) => cell(r, c.col) !== ''));
  const bySitting = columns[0]?.sitting !== undefined;
  let column: Column | null;
  let why: string;
  if (bySitting) {
    const own = meeting.sitting != null ? columns.find((c) => c.sitting === meeting.sitting) : undefined;
    column = own ?? columns[0] ?? null;
    why = own ? `the meeting's own sitting (${meeting.sitting})` : `the first sitting (the grid's columns are numbered sittings, not dates${meeting.sitting != null ? `, and none is the meeting's sitting ${meeting.sitting}` : ''})`;
  } else {
    const [, month, day] = meeting.date ? meeting.date.split('-').map(Number) : [];
    const own = columns.find((c) => c.month === month && c.day === day);
    column = own ?? marked[0] ?? null;
    why = own ? "the meeting's date" : 'the first column with a mark';
  }
  if (!column) return { attendees: [], diagnostics };
  const group = memberGroup(title);
  if (!group) return { attendees: [], diagnostics };
  const out: Attendee[] = [];
  const unknown = new Map<string, string[]>();
  for (const r of rows) {
    const c = cell(r, column.col);
    const status = c === '' ? (legend.blank ?? 'absent') : markLike(c) ? markStatus(c, legend) : null;
    const a = parseAttendeeEntry(r.name, group, null, r.line, r.line.start + r.at, 'attendees.grid', { title: null, org: null, status: status ?? 'absent' });
    if (!a) continue;
    // The contract has no "unknown" status: a member whose mark nothing explains is named in the warning
    // below rather than given a status the page does not state.
    if (!status) unknown.set(c, [...(unknown.get(c) ?? []), r.name]);
    else out.push(a);
  }
  const sittings = marked.map((c) => c.label).join(', ');
  diagnostics.push({
    severity: 'info',
    code: 'attendance-grid',
    message: `Attendance read from a grid of ${rows.length} rows over ${columns.length} ${bySitting ? 'sittings' : 'dates'} (marked: ${sittings || 'none'}); the statuses are those of ${column.label}, ${why}${legend.line === null ? ', the marks read without a legend' : ', as its legend defines the marks'}.`,
    span: spanOf(rows[0]!.line),
  });
  if (unknown.size) {
    diagnostics.push({
      severity: 'warning',
      code: 'attendance-grid-mark-unknown',
      message: `The grid uses marks neither its legend nor the grammar defines (${[...unknown].map(([m, names]) => `${m}: ${names.join('、')}`).join('; ')}); those members are left out of the attendees, as no status can be given them.`,
      span: spanOf(rows[0]!.line),
    });
  }
  return { attendees: out, diagnostics };
}

/**
 * The group of the grid's members: the attendance group its title names, with no status of its own; else
 * the members' group named by a present word (出席: a title 出缺席統計表 names no group of its own).
 */
function memberGroup(title: string): GroupInfo | null {
  const g = groupOf(title);
  if (g && !g.status) return g;
  const groups = grammar().records.attendeeGroups.filter((x) => !x.status && x.role === 'member');
  const present = grammar().sections.attendanceGrid.presentWords;
  return groups.find((x) => title.includes(x.label)) ?? groups.find((x) => present.includes(x.label)) ?? groups[0] ?? null;
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

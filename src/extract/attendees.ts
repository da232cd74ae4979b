import { grammar, alternation, derived } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Line } from '../segment/lines.js';
import type { AttendanceStatus, Attendee, AttendeeRole, Diagnostic, Person } from '../types.js';
import type { ExtractContext, MetadataResult } from './context.js';
import { parseName, person, splitParens, squeezeHan } from './person.js';
import { isName } from './header-value.js';
import { compoundPost, compoundTitledName, groupEntries, isDottedName, orgOnly, splitGlued, titleOnly, tokenizeList, type ListEntry, type ListSegment } from './attendee-list.js';
import { findAttendanceTable, isAttendanceHeader } from './attendance-table.js';
import { findAttendanceGrid, withGrid } from './attendance-grid.js';
import { groupOf, groupsLongestFirst, parseAttendeeEntry, readAttendeeEntry, readGluedProxy, unreadAttendee, type GroupInfo } from './attendee-entry.js';
export { groupOf, groupsLongestFirst, parseAttendeeEntry, type GroupInfo } from './attendee-entry.js';
import { matchLabel } from '../segment/labels.js';
import { isHeaderLabel } from '../segment/kinds.js';
import { memoString } from '../grammars/compiled.js';
import { isListPart } from './metadata.js';

const listLabelRe = derived((g) => new RegExp(`^(?:${alternation(g.records.attendeeGroups.map((x) => x.label))})$`, 'u'));
/** A head count: 計 12 人, 共 N 位 (countPattern); the number is captured. */
const countRe = derived((g) => new RegExp(`(?:${alternation(g.records.countPattern.prefix)})\\s*([0-9]{1,4})\\s*(?:${alternation(g.records.countPattern.suffix)})`, 'u'));
/** A head count closing a name (李小華等 3 人). */
const countTailRe = derived((g) => new RegExp(`(?:${alternation(g.records.countPattern.prefix)})\\s*[0-9]{1,4}\\s*(?:${alternation(g.records.countPattern.suffix)})$`, 'u'));

/**
 * The attendee group a list label names, when the label introduces a list: 出席, 出 席, 列席人員,
 * 出席人員姓名, 出席召集委員, 本府出席人員 (a short unit word before a group label).
 */
const listGroup = memoString(listGroupUncached);

function listGroupUncached(label: string): GroupInfo | null {
  const l = squeezeHan(label).replace(/\s+/g, '');
  if (!l || l.length > 10) return null;
  if (listLabelRe().test(l) || isHeaderLabel(l)) return groupOf(l);
  const end = groupsLongestFirst().find((x) => l.endsWith(x.label) && l.length - x.label.length <= 2 && !x.status);
  return end ? groupOf(l) : null;
}

/**
 * Where a list starts on a line: `出席：A、B`, a label alone on its line (`出席`, names below), or a
 * label followed by a wide gap (`列席人員\t\t汪仁鴻`).
 */
function listStart(text: string): { group: GroupInfo; restOffset: number } | null {
  const label = matchLabel(text);
  if (label) {
    const group = listGroup(label.label);
    return group ? { group, restOffset: label.restOffset } : null;
  }
  const spaced = spacedListStart(text);
  if (spaced) return spaced;
  const m = /^[ \t\u3000]*([\p{Script=Han}][\p{Script=Han} \u3000]{0,12}?)(?:\t|[ \u3000]{2,}|\s*$)/u.exec(text);
  if (!m) return null;
  const group = listGroup(m[1]!);
  if (!group) return null;
  let restOffset = text.indexOf(m[1]!) + m[1]!.length;
  while (restOffset < text.length && /\s/u.test(text[restOffset]!)) restOffset++;
  return { group, restOffset };
}

/**
 * `出  席  王大明  陳小華`: a label letter-spaced as widely as the gap after it; its single ideographs, read
 * together, name the group, and the names start after the last of them.
 */
function spacedListStart(text: string): { group: GroupInfo; restOffset: number } | null {
  const re = /([^\s\u3000]+)[\s\u3000]*/gu;
  let label = '';
  let restOffset = -1;
  let pieces = 0;
  for (let m = re.exec(text); m !== null && pieces < 6; m = re.exec(text)) {
    if (!/^\p{Script=Han}$/u.test(m[1]!)) break;
    label += m[1];
    pieces++;
    restOffset = m.index + m[0].length;
  }
  if (pieces < 2 || restOffset >= text.length) return null;
  const group = listGroup(label);
  return group ? { group, restOffset } : null;
}

/** May lines at i hold this meeting's attendance? The header, or a later sitting's header outside every section. */
function inHeader(ctx: ExtractContext, meta: MetadataResult, i: number, proseStart: number): boolean {
  if ((i < meta.bodyStart || (ctx.deepestAt[i] ?? -1) < 0) && i < proseStart) return true;
  // 四、列席人員\t\t汪仁鴻: a numbered header field whose label has no colon, right after the header.
  const h = ctx.headingAt.get(i);
  if (h && h.parent === null && i === meta.bodyStart && listStart(h.rest) !== null) return true;
  // No header field before the first section: the sections wrap whole records (a chapter holding each
  // sitting's record). A list right after a sitting's time or place field is that sitting's attendance.
  if (meta.fieldLines.size === 0 && followsMeetingField(ctx, i)) return true;
  return inLaterSitting(ctx, meta, i);
}

/** A further sitting's header runs from its title to its first top-level section. */
function inLaterSitting(ctx: ExtractContext, meta: MetadataResult, i: number): boolean {
  for (const t of meta.laterMeetingLines ?? []) {
    if (t > i) continue;
    let j = t + 1;
    while (j <= i && ctx.headingAt.get(j)?.parent !== null) j++;
    if (j > i) return true;
  }
  return false;
}

function followsMeetingField(ctx: ExtractContext, i: number): boolean {
  const f = grammar().fields.fields;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const label = matchLabel(ctx.lines[j]!.text);
    if (label && (f.time.includes(label.label) || f.location.includes(label.label))) return true;
  }
  return false;
}

/** Attendance lists: `機關代表：陳委員華玉(鍾副局長文正代)、…`, continued on following lines, in any of the list forms. */
function inlineLists(ctx: ExtractContext, meta: MetadataResult, diagnostics: Diagnostic[]): Attendee[] {
  const out: Attendee[] = [];
  const n = ctx.lines.length;
  let listNo = 0;
  const listOf = new Map<Attendee, number>();
  let lastListEnd = -10;
  // With no numbered sections the header has no end mark: it ends where prose (a sentence) begins.
  let proseStart = n;
  if (meta.bodyStart >= n) {
    for (let i = 0; i < n; i++) {
      if (/。\s*$/u.test(ctx.lines[i]!.text) && !matchLabel(ctx.lines[i]!.text)) {
        proseStart = i;
        break;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const line = ctx.lines[i]!;
    const text = ctx.headingAt.get(i)?.rest ?? line.text;
    const found = listStart(text);
    if (!found) continue;
    // A list right after another list (出席 … 請假 … 列席) is in the same header.
    if (!inHeader(ctx, meta, i, proseStart) && !(meta.fieldLines.size === 0 && i - lastListEnd <= 4)) continue;
    const offset = line.text.length - text.length;
    const segments: ListSegment[] = [{ line, from: offset + found.restOffset, text: text.slice(found.restOffset) }];
    let org: string | null = null;
    const headOnly = !text.slice(found.restOffset).trim();
    // Continuation lines: until the next heading, label (not a unit's sub-label), field or prose.
    for (let j = i + 1; j < n; j++) {
      const next = ctx.lines[j]!;
      const t = next.text.trim();
      if (!t || (/\d/u.test(t) && grammar().layout.pageNumberPatterns.some((re) => re.test(t)))) continue; // page furniture inside a list
      // （一）市政府：副市長…: a numbered part of a list whose label has nothing after it is read without its number.
      const part = headOnly ? ctx.headingAt.get(j) : undefined;
      const lead = part && isListPart(ctx, part) ? part.restStart - next.start : 0;
      const own = next.text.slice(lead);
      if ((ctx.headingAt.has(j) && !lead && !letterSpacedTitleRow(t)) || isAttendanceHeader(next.text) || listStart(own) || isHeaderLabel(squeezeHan(own.trim()).replace(/[:：]$/u, '')) || /[。]$/u.test(t)) break;
      const label = matchLabel(own);
      let from = lead;
      let subTitle: string | null = null;
      if (label && headOnly) {
        // 列席：(nothing) then 市政府：市長鄭文燦、… / 委員：A、B: a label over sub-lists by unit or title.
        const l = label.label;
        if (l.length <= 6 && grammar().people.orgSuffixes.some((x) => l.endsWith(x)) && !isHeaderLabel(l)) {
          org = l;
          from = lead + label.restOffset;
        } else if (l.length <= 6 && titleOnly(l) && !isHeaderLabel(l)) {
          subTitle = l;
          from = lead + label.restOffset;
        } else break;
      } else if ((label || /^[^、，,]{1,12}[:：]/u.test(own)) && !statusLine(t)) break;
      segments.push({ line: next, from, text: next.text.slice(from), org, title: subTitle });
      i = j;
    }
    lastListEnd = i;
    listNo++;
    const body = segments.map((s) => s.text).join('\n');
    if (grammar().records.attendanceReferenced.some((w) => body.includes(w)) && !/[、，,]/.test(body)) continue;
    const read = readList(ctx.text, segments, found.group, diagnostics);
    for (const a of read) listOf.set(a, listNo);
    if (read.length === 0 && /\p{Script=Han}{2}/u.test(body)) {
      diagnostics.push({
        severity: 'warning',
        code: 'attendee-list-unread',
        message: `An attendance list ("${body.slice(0, 40)}") was found but no person could be read from it; check the list's layout.`,
        span: spanOf(line),
      });
    }
    out.push(...read);
    diagnostics.push(...checkListCount(body, read, segments[0]!.line));
  }
  return dedupeSittings(out, listOf);
}

/** `（無法出席：黃偉哲）` on a line of its own: a bracket that gives its names a status belongs to the list above it. */
function statusLine(t: string): boolean {
  if (!/^[(（]/u.test(t) || !/[)）]$/u.test(t)) return false;
  const inner = t.slice(1, -1).trim();
  return grammar().records.statusMarks.some((m) => inner.startsWith(m.mark));
}

/**
 * `參         議   曾柏文`: a grid row whose letter-spaced title begins with a character that also numbers
 * sections. Its first cells join into a title, so it is a row of the list, not a section.
 */
function letterSpacedTitleRow(t: string): boolean {
  const cells = t.split(/[\s\u3000]+/u);
  return cells.length >= 3 && cells[0]!.length === 1 && titleOnly(cells[0]! + cells[1]!) !== null;
}

/** A file with several sittings lists the same people again: each person once, from the first list. */
function dedupeSittings(list: Attendee[], listOf: ReadonlyMap<Attendee, number>): Attendee[] {
  const seen = new Map<string, number>();
  return list.filter((a) => {
    const key = a.name && parseName(a.name).name === a.name ? a.name + '\u0000' + a.role : null;
    if (!key) return true;
    const first = seen.get(key);
    const no = listOf.get(a) ?? 0;
    if (first === undefined) {
      seen.set(key, no);
      return true;
    }
    return first === no;
  });
}

/** A head count stated inside a list (委員出席12人, 計 N 人) checked against the names read from it. */
function checkListCount(body: string, read: readonly Attendee[], line: Line): Diagnostic[] {
  const m = countRe().exec(body);
  if (!m || read.length === 0) return [];
  const stated = Number(m[1]);
  const present = read.filter((a) => a.status === 'present' || a.status === 'proxy').length;
  if (stated === present || stated === read.length) return [];
  return [
    {
      severity: 'warning',
      code: 'attendee-count-mismatch',
      message: `A list states ${stated} attendees but ${read.length} were read from it (${present} present); some names may be missing or misread.`,
      span: spanOf(line),
    },
  ];
}

/** The attendees of one list, read entry by entry. */
export function readList(text: string, segments: readonly ListSegment[], firstGroup: GroupInfo, diagnostics: Diagnostic[]): Attendee[] {
  const entries = groupEntries(tokenizeList(segments));
  let group = firstGroup;
  // The list's own names. A run ending in a proxy mark (李大華代) names itself only when written twice.
  const known = new Set<string>();
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.nameText, (count.get(e.nameText) ?? 0) + 1);
  const marks = grammar().records.proxyMarks;
  for (const e of entries) if (plausibleWhole(e.nameText) && (!marks.some((m) => e.nameText.endsWith(m)) || count.get(e.nameText)! > 1)) known.add(e.nameText);
  const out: Attendee[] = [];
  const lineOf = (e: ListEntry) => e.line;
  for (const e of entries) {
    // A group label run into the list (…黃清信(代)列席 when the line break was lost) starts that group.
    const label = !e.titleText && e.notes.length === 0 ? listGroup(e.nameText.replace(/[:：]$/u, '')) : null;
    if (label) {
      group = label;
      continue;
    }
    out.push(...entryAttendees(text, e, group, known, lineOf(e), diagnostics));
  }
  return out;
}

function plausibleWhole(s: string): boolean {
  return /^\p{Script=Han}{2,4}$/u.test(s) && !parseName(s).title;
}

/** An entry's person: its name cell read by the name grammar, with its title and unit cells. */
function entryAttendees(text: string, e: ListEntry, group: GroupInfo, known: ReadonlySet<string>, line: Line, diagnostics: Diagnostic[]): Attendee[] {
  const p = grammar().people;
  // 民政局（吳世瑋、李四川）: a unit, and its people in the bracket after it.
  if (!e.nameText && e.titleText && orgOnly(e.titleText) && e.notes.length === 1) {
    const inside = unitPeople(e.notes[0]!);
    if (inside) {
      const org = squeezeHan(e.titleText);
      return inside.flatMap((n) => readAttendeeEntry(n, group, org, line, e.at, 'attendees.inline-list', { title: null, org, status: null }, known).map((a) => withSpan(a, e, line)));
    }
  }
  const name = withoutListTail(squeezeHan(e.nameText));
  // 委員出席12人: a head count under the list, not a person.
  // 實際出席98人: what stands before a head count is a person only when it names one (李小華等 3 人).
  if (name !== squeezeHan(e.nameText) && (!name || titleOnly(name) || grammar().people.titles.includes(name) || !isName(name))) return [];
  if (!name || p.notNames.includes(name) || p.notNamePrefixes.some((x) => name.startsWith(x))) return [];
  if (grammar().records.attendanceReferenced.some((w) => name.includes(w))) return [];
  const raw = text.slice(e.at, e.end).trim() || e.titleText + e.nameText;
  // 機電委員 劉建國: a committee post in its own cell is a title too.
  const cellTitle = e.titleText ? (titleOnly(e.titleText) ?? (compoundPost(e.titleText) ? { title: compoundPost(e.titleText)!, org: null } : null)) : null;
  const cellOrg = !cellTitle && e.titleText && orgOnly(e.titleText) ? squeezeHan(e.titleText) : null;
  const base: EntryContext = {
    title: cellTitle?.title ?? e.suffixTitle ?? e.prefixTitle,
    org: cellTitle?.org ?? cellOrg ?? e.org,
    status: e.status ? (grammar().records.statusMarks.find((m) => m.mark === e.status)?.status ?? null) : null,
  };
  const notes = e.notes.map((x) => `(${x})`).join('');
  // 黃丁燦魏境代, 陳委員華玉鍾副局長文正代: a proxy written without brackets is read as one (parseAttendeeEntry);
  // a run the name grammar cannot divide is kept whole, and said so.
  const glued = e.notes.length === 0 ? readGluedProxy(name, known) : null;
  if (glued?.kind === 'whole') diagnostics.push(unsplitDiagnostic(glued.body, `a member and the proxy attending for them (before the mark ${name.slice(glued.body.length)})`, e, line));
  // 管一政陳炳志: two names written without a separator; 游建華秘書長李憲明: a name, then a title and a name;
  // 財務委員陳美麗: a title made of a modifier and a title word, then a name.
  const parts = parseName(name);
  if (!glued && !parts.name && !parts.title) {
    const compound = compoundTitledName(name, known);
    if (compound) {
      // The post is the member's: a proxy named in the notes (財務委員陳美麗(沈錦生代)) keeps their own title.
      return readAttendeeEntry(compound.name + notes, group, base.org, line, e.at, 'attendees.inline-list', { title: compound.title, org: base.org, status: base.status }, known).map((a) => {
        if (!a.onBehalfOf) a.title = compound.title;
        a.raw = raw.trim() || name + notes;
        return withSpan(a, e, line);
      });
    }
    const pair = nameThenTitledName(name);
    if (pair) {
      // The notes after the entry (…李憲明(請假)) are the last person's.
      return pair.flatMap((n, k) => {
        const a = parseAttendeeEntry(n + (k === 1 ? notes : ''), group, base.org, line, e.at, 'attendees.inline-list', base);
        return a ? [withSpan(a, e, line)] : [];
      });
    }
  }
  if (!glued && !parts.title && !parts.name && /^\p{Script=Han}{5,8}$/u.test(name)) {
    const two = splitGlued(name, known);
    if (two) {
      return two.flatMap((n, k) => {
        const a = parseAttendeeEntry(n + (k === 1 ? notes : ''), group, base.org, line, e.at, 'attendees.inline-list', base);
        return a ? [withSpan(a, e, line)] : [];
      });
    }
    diagnostics.push(unsplitDiagnostic(name, 'two names', e, line));
    // Kept whole: the entry stays in the list as written, with no name read into it.
    const noted = grammar().records.statusMarks.find((m) => e.notes.some((x) => x.startsWith(m.mark)))?.status;
    const a = unreadAttendee(raw.trim() || name + notes, group, base.org, line, e.at, 'attendees.inline-list', base, noted ?? base.status ?? group.status ?? 'present');
    return [withSpan(a, e, line)];
  }
  const written = name + notes;
  return readAttendeeEntry(written, group, base.org, line, e.at, 'attendees.inline-list', base, known).map((a) => {
    a.raw = raw.trim() || written;
    return withSpan(a, e, line);
  });
}

/** The people a unit's bracket names (吳世瑋、李四川 / 王科長大明): every part a person with a known surname; null otherwise. */
function unitPeople(note: string): string[] | null {
  const parts = note.split(/[、，,；;\s]+/u).filter(Boolean);
  if (parts.length === 0) return null;
  const p = grammar().people;
  const person = (s: string) => {
    const n = parseName(s);
    return !!n.name && !!n.surname && (p.surnames.includes(n.surname) || p.compoundSurnames.includes(n.surname)) && !p.notNames.includes(s);
  };
  return parts.every(person) ? parts : null;
}

function unsplitDiagnostic(run: string, what: string, e: ListEntry, line: Line): Diagnostic {
  return {
    severity: 'warning',
    code: 'attendee-name-unsplit',
    message: `"${run}" may hold ${what} written together; it was kept whole, with no name read into it, because the name grammar gives no single split. Check the list.`,
    span: spanOf(line, e.at, e.end),
  };
}

/** 李小華等 3 人 → 李小華: the words that close a list, and the count after them, are not part of the name. */
function withoutListTail(name: string): string {
  let s = name.replace(countTailRe(), '');
  for (const t of grammar().people.listTails) {
    if (s.length > t.length + 1 && s.endsWith(t)) {
      s = s.slice(0, -t.length);
      break;
    }
  }
  return s;
}

/** 游建華秘書長李憲明 → 游建華 + 秘書長李憲明: a plausible name followed by [title][name]. */
function nameThenTitledName(s: string): [string, string] | null {
  for (let k = 2; k <= 4 && k < s.length - 3; k++) {
    const first = parseName(s.slice(0, k));
    const rest = parseName(s.slice(k));
    if (first.name === s.slice(0, k) && !first.title && rest.name && rest.title && s.slice(k).startsWith(rest.title)) return [s.slice(0, k), s.slice(k)];
  }
  return null;
}

function withSpan(a: Attendee, e: ListEntry, line: Line): Attendee {
  a.span = spanOf(line, e.at, Math.min(e.end, line.end));
  return a;
}

interface EntryContext {
  title: string | null;
  org: string | null;
  status: AttendanceStatus | null;
}

/** Split a list on 、，, and ； outside brackets. */
export function splitList(s: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    if (i === s.length || (depth === 0 && (c === '、' || c === '，' || c === ',' || c === '；' || c === ';'))) {
      const piece = s.slice(start, i);
      const lead = piece.length - piece.trimStart().length;
      if (piece.trim()) out.push({ text: piece.trim().replace(/[。.]$/u, ''), index: start + lead });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Attendees from every form the genre uses: inline lists in the header, and attendance tables
 * (tab-separated or flattened by PDF extraction). A list that is only referenced gives an info diagnostic.
 */
export function extractAttendees(ctx: ExtractContext, meta: MetadataResult): { attendees: Attendee[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const grid = findAttendanceGrid(ctx, meta.meeting);
  diagnostics.push(...grid.diagnostics);
  const table = findAttendanceTable(ctx);
  // A table's row that also reads as a list (機關代表\t統計處\t處長\t陳華玉) is the table's: its columns say which cell is whom.
  const tableLines = new Set(table.map((a) => a.span.line));
  const lists = inlineLists(ctx, meta, diagnostics).filter((a) => !tableLines.has(a.span.line));
  const attendees = withGrid([...lists, ...table], grid.attendees);
  const ref = meta.attendance;
  if (attendees.length === 0 && ref && grammar().records.attendanceReferenced.some((w) => ref.value.includes(w))) {
    diagnostics.push({
      severity: 'info',
      code: 'attendees-referenced',
      message: `The attendance list is only referenced ("${ref.value}") and is not in the text; no attendees were listed. Parse the annex or sign-in sheet separately if you have it.`,
      span: spanOf(ctx.lines[ref.line]!),
    });
  }
  // A count inside a list was checked against that list; the field's count is checked once, here, otherwise.
  if (!diagnostics.some((d) => d.code === 'attendee-count-mismatch' && d.span?.line === (meta.attendance?.line ?? -2) + 1)) diagnostics.push(...checkStatedCount(ctx, meta, attendees));
  return { attendees, diagnostics };
}

/** `計 N 位` or `共 N 人` stated in the attendance field, checked against the list. */
function checkStatedCount(ctx: ExtractContext, meta: MetadataResult, attendees: Attendee[]): Diagnostic[] {
  const ref = meta.attendance;
  if (!ref) return [];
  const m = countRe().exec(ref.value);
  if (!m) return [];
  const stated = Number(m[1]);
  const present = attendees.filter((a) => a.status === 'present' || a.status === 'proxy').length;
  if (stated === present || stated === attendees.length) return [];
  return [
    {
      severity: 'warning',
      code: 'attendee-count-mismatch',
      message: `The document states ${stated} attendees but ${attendees.length} were read (${present} present); some names may be missing or misread.`,
      span: spanOf(ctx.lines[ref.line]!),
    },
  ];
}

import { grammar, alternation } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Line } from '../segment/lines.js';
import type { AttendanceStatus, Attendee, AttendeeRole, Diagnostic, Person } from '../types.js';
import type { ExtractContext, MetadataResult } from './context.js';
import { parseName, person, splitParens, squeezeHan } from './person.js';
import { findAttendanceTable } from './attendance-table.js';
import { matchLabel } from '../segment/labels.js';
import { isHeaderLabel } from '../segment/kinds.js';

export interface GroupInfo {
  role: AttendeeRole;
  status?: AttendanceStatus;
  label: string;
}

let sortedGroups: GroupInfo[] | null = null;
/** Attendee groups, longest label first (本部列席及工作人員 before 列席), sorted once. */
export function groupsLongestFirst(): GroupInfo[] {
  sortedGroups ??= [...grammar().records.attendeeGroups].sort((a, b) => b.label.length - a.label.length);
  return sortedGroups;
}

/** The attendee group a list label or table category names: 機關代表委員(召集人) → convener. */
export function groupOf(category: string): GroupInfo | null {
  const squeezed = squeezeHan(category).replace(/\s+/g, '');
  const { main, notes } = splitParens(squeezed);
  const groups = groupsLongestFirst();
  for (const note of notes) {
    const g = groups.find((x) => note === x.label);
    if (g) return g;
  }
  return groups.find((x) => main.includes(x.label)) ?? null;
}

let proxyNoteRe: RegExp | null = null;
/** `鍾副局長文正代` / `林主任聰仁代理`: a person followed by a proxy mark. */
function proxyNoteRegex(): RegExp {
  proxyNoteRe ??= new RegExp(`^(.+?)(?:${alternation(grammar().records.proxyMarks)})$`, 'u');
  return proxyNoteRe;
}

/**
 * One attendee entry as written in a list or table cell: 陳委員華玉(鍾副局長文正代), 陳專門委員首翰(代理),
 * 柯秘書書豪(紀錄), 王委員可言(請假), 黃丁燦魏境代 (proxy without brackets).
 */
export function parseAttendeeEntry(raw: string, group: GroupInfo, org: string | null, line: Line, start: number, rule: string): Attendee | null {
  const g = grammar().records;
  const written = raw.trim();
  if (!written) return null;
  const { main, notes } = splitParens(written);
  let status: AttendanceStatus = group.status ?? 'present';
  let onBehalfOf: Person | null = null;
  let recorder = false;
  let presentName = main;
  let proxy = false;
  for (const note of notes) {
    const mark = g.statusMarks.find((s) => note.startsWith(s.mark));
    if (mark) status = mark.status;
    else if (g.recorderMarks.includes(note)) recorder = true;
    else if (g.proxyMarks.includes(note)) proxy = true;
    else {
      const sub = proxyNoteRegex().exec(note);
      if (sub && parseName(sub[1]!).surname) {
        proxy = true;
        onBehalfOf = person(main);
        presentName = sub[1]!;
      }
    }
  }
  // 黃丁燦魏境代: principal and proxy written together, proxy last, ending in 代.
  if (!proxy && notes.length === 0 && /代$/u.test(main) && !/代表$|代理$/u.test(main)) {
    const body = main.slice(0, -1);
    if (/^\p{Script=Han}{4,6}$/u.test(body)) {
      const cut = body.length - (body.length >= 6 ? 3 : 2);
      proxy = true;
      onBehalfOf = person(body.slice(0, cut));
      presentName = body.slice(cut);
    }
  }
  const parts = parseName(presentName);
  if (!parts.name && !parts.title) return null;
  if (proxy) status = 'proxy';
  // Written out, not `{ ...person(written, parts), … }`: see util/objects.ts.
  return {
    name: parts.name,
    surname: parts.surname,
    title: parts.title,
    org: parts.org ?? org,
    raw: written,
    role: group.role,
    status,
    proxy: status === 'proxy',
    onBehalfOf,
    recorder,
    group: group.label,
    rule,
    span: spanOf(line, start, start + raw.length),
  };
}

let listLabelRe: RegExp | null = null;

/** Inline lists: `機關代表：陳委員華玉(鍾副局長文正代)、丁委員樂群(蔣科長憶萍代)…`, continued on following lines. */
function inlineLists(ctx: ExtractContext, meta: MetadataResult): Attendee[] {
  const g = grammar().records;
  listLabelRe ??= new RegExp(`^(?:${alternation(g.attendeeGroups.map((x) => x.label))})[:：]$`, 'u');
  const out: Attendee[] = [];
  const end = Math.min(meta.bodyStart, ctx.lines.length);
  for (let i = 0; i < end; i++) {
    const line = ctx.lines[i]!;
    const text = ctx.headingAt.get(i)?.rest ?? line.text;
    // A list label, possibly letter-spaced (出  席：…), from the attendee-group table.
    const label = matchLabel(text);
    const group = label && (listLabelRe.test(label.label + '：') || isHeaderLabel(label.label)) ? groupOf(label.label) : null;
    if (!label || !group) continue;
    const offset = line.text.length - text.length;
    const segments: { line: Line; from: number; text: string }[] = [{ line, from: offset + label.restOffset, text: text.slice(label.restOffset) }];
    // Continuation lines: until the next label, field or heading.
    for (let j = i + 1; j < end; j++) {
      const next = ctx.lines[j]!;
      if (ctx.headingAt.has(j) || /^[^、，,]{1,12}[:：]/u.test(next.text) || meta.fieldLines.has(j)) break;
      segments.push({ line: next, from: 0, text: next.text });
      i = j;
    }
    for (const seg of segments) {
      if (g.attendanceReferenced.some((w) => seg.text.includes(w)) && !/[、，,]/.test(seg.text)) continue;
      for (const part of splitList(seg.text)) {
        const a = parseAttendeeEntry(part.text, group, null, seg.line, seg.line.start + seg.from + part.index, 'attendees.inline-list');
        if (a) out.push(a);
      }
    }
  }
  return out;
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
  const attendees = [...inlineLists(ctx, meta), ...findAttendanceTable(ctx)];
  const ref = meta.attendance;
  if (attendees.length === 0 && ref && grammar().records.attendanceReferenced.some((w) => ref.value.includes(w))) {
    diagnostics.push({
      severity: 'info',
      code: 'attendees-referenced',
      message: `The attendance list is only referenced ("${ref.value}") and is not in the text; no attendees were listed. Parse the annex or sign-in sheet separately if you have it.`,
      span: spanOf(ctx.lines[ref.line]!),
    });
  }
  diagnostics.push(...checkStatedCount(ctx, meta, attendees));
  return { attendees, diagnostics };
}

let statedCountRe: RegExp | null = null;
/** `計 N 位` / `共 N 人` stated in the attendance field, checked against the list. */
function checkStatedCount(ctx: ExtractContext, meta: MetadataResult, attendees: Attendee[]): Diagnostic[] {
  const ref = meta.attendance;
  if (!ref) return [];
  const c = grammar().records.countPattern;
  statedCountRe ??= new RegExp(`(?:${alternation(c.prefix)})\\s*([0-9]{1,4})\\s*(?:${alternation(c.suffix)})`, 'u');
  const m = statedCountRe.exec(ref.value);
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

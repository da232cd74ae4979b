import { grammar, alternation, derived } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Line } from '../segment/lines.js';
import type { AttendanceStatus, Attendee, AttendeeRole, Person } from '../types.js';
import { parseName, person, splitParens, squeezeHan } from './person.js';
import { isDottedName, splitGlued, titleOnly } from './attendee-list.js';

/** One attendee entry as written, and the groups of lists: shared by the list reader (attendees.ts) and the table reader (attendance-table.ts). */

export interface GroupInfo {
  role: AttendeeRole;
  status?: AttendanceStatus;
  label: string;
}

/** Attendee groups, longest label first (本部列席及工作人員 before 列席), sorted once per grammar. */
export const groupsLongestFirst = derived((g): GroupInfo[] => [...g.records.attendeeGroups].sort((a, b) => b.label.length - a.label.length));

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

/** `鍾副局長文正代` or `林主任聰仁代理`: a person followed by a proxy mark. */
const proxyNoteRegex = derived((g) => new RegExp(`^(.+?)(?:${alternation(g.records.proxyMarks)})$`, 'u'));

/**
 * Proxy marks written glued to the proxy's name, without a bracket (黃丁燦魏境代): the one-character
 * marks. A longer mark (代理) after a name without a bracket is read with the name (林主任聰仁代理 is
 * not 林主 + 任聰仁).
 */
const gluedProxyMarks = derived((g) => g.records.proxyMarks.filter((m) => [...m].length === 1));

/** The glued proxy mark a run of ideographs ends with (黃丁燦魏境代 → 代), if any; the run must hold more than the mark. */
export function trailingProxyMark(s: string): string | null {
  return gluedProxyMarks().find((m) => s.length > m.length && s.endsWith(m)) ?? null;
}

/**
 * One attendee entry as written in a list or table cell: 陳委員華玉(鍾副局長文正代), 陳專門委員首翰(代理),
 * 柯秘書書豪(紀錄), 王委員可言(請假), 黃丁燦魏境代 (proxy without brackets), 賴詩萍 （清華大學天文所及物理系）
 * (affiliation), 陳林文(秘書長；請假) (title and status in one bracket).
 */
export function parseAttendeeEntry(
  raw: string,
  group: GroupInfo,
  org: string | null,
  line: Line,
  start: number,
  rule: string,
  cells: { title: string | null; org: string | null; status: AttendanceStatus | null } | null = null,
  known: ReadonlySet<string> = EMPTY,
): Attendee | null {
  const g = grammar().records;
  const written = raw.trim();
  if (!written) return null;
  const { main, notes } = splitParens(written);
  let status: AttendanceStatus = cells?.status ?? group.status ?? 'present';
  let onBehalfOf: Person | null = null;
  let recorder = false;
  let presentName = main;
  let proxy = false;
  let noteTitle: string | null = null;
  let noteOrg: string | null = null;
  for (const whole of notes) {
    for (const note of whole.split(/[；;]/u).map((x) => x.trim()).filter(Boolean)) {
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
        } else if (titleOnly(note)) noteTitle = squeezeHan(note);
        else if (/\p{Script=Han}/u.test(note) && grammar().people.orgSuffixes.some((x) => note.endsWith(x))) noteOrg = note;
      }
    }
  }
  // 黃丁燦魏境代: principal and proxy written together, proxy last, ending in a proxy mark. Split where
  // the grammar of names allows (a known surname starts the proxy's name), else keep it whole.
  const mark = !proxy && notes.length === 0 ? trailingProxyMark(main) : null;
  if (mark) {
    const body = main.slice(0, -mark.length);
    const two = splitGlued(body, known);
    if (two) {
      proxy = true;
      onBehalfOf = person(two[0]);
      presentName = two[1];
    }
  }
  const parts = parseName(presentName);
  // 店面陳小姐: a surname and an honorific are the name as written, with what stands before them.
  let name = parts.title && grammar().people.honorifics.includes(parts.title) && squeezeHan(presentName).endsWith(parts.title) ? null : parts.name;
  const squeezed = squeezeHan(presentName);
  if (!name) {
    // People named only as written: 任先生, E棟陳小姐, a unit E1-10F, a romanised or dotted name.
    if (parts.title && grammar().people.honorifics.includes(parts.title)) name = squeezed;
    else if (!parts.title && (/^[A-Za-z0-9][A-Za-z0-9\-]*$/u.test(squeezed) && /\d/u.test(squeezed) && /[A-Za-z]/u.test(squeezed))) name = squeezed;
    else if (!parts.title && (isDottedName(squeezed) || /^[A-Za-z][A-Za-z .．‧·'’-]+$/u.test(squeezed))) name = squeezed;
  }
  if (!name && !parts.title) return null;
  if (name && grammar().people.notNames.includes(name)) return null;
  if (proxy) status = 'proxy';
  const title = parts.title ?? cells?.title ?? noteTitle;
  const surname = parts.surname ?? (name && /^\p{Script=Han}{2,4}$/u.test(name) ? (grammar().people.compoundSurnames.includes(name.slice(0, 2)) && name.length >= 3 ? name.slice(0, 2) : name[0]!) : null);
  // Written out, not `{ ...person(written, parts), … }`: see util/objects.ts.
  return {
    name,
    surname,
    title,
    org: parts.org ?? cells?.org ?? noteOrg ?? org,
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

const EMPTY: ReadonlySet<string> = new Set();


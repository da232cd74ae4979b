import { grammar, alternation, derived } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import type { Line } from '../segment/lines.js';
import type { AttendanceStatus, Attendee, AttendeeRole, Person } from '../types.js';
import { parseName, person, splitParens, squeezeHan } from './person.js';
import { compoundTitledName, isDottedName, plausibleName, titleOnly } from './attendee-list.js';

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
  // 出（列）席人員, 出(列)席單位及人員: a bracket inside the label marks an alternative reading; the label reads without it.
  const plain = main.replace(/[(（][^()（）]*[)）]/gu, '');
  const found = groups.filter((x) => main.includes(x.label));
  const all = found.length ? found : groups.filter((x) => plain.includes(x.label));
  // 請假理事, 缺席監事: the status word decides, whatever group word stands beside it.
  return all.find((x) => x.status) ?? all[0] ?? null;
}

/** `鍾副局長文正代` or `林主任聰仁代理`: a person followed by a proxy mark. */
const proxyNoteRegex = derived((g) => new RegExp(`^(.+?)(?:${alternation(g.records.proxyMarks)})$`, 'u'));

/** Proxy marks, longest first (代表出席 before 代), for a mark written glued to the names before it. */
const proxyMarksLongestFirst = derived((g) => [...g.records.proxyMarks].sort((a, b) => b.length - a.length));
const titleSet = derived((g) => new Set(g.people.titles));
const longestTitle = derived((g) => Math.max(...g.people.titles.map((t) => t.length)));

/**
 * A proxy entry written without brackets: principal and proxy run together, the proxy last, then a proxy
 * mark (黃丁燦魏境代, 陳委員華玉鍾副局長文正代, 林主任聰仁代理). The grammar of names reads the run
 * before the mark:
 * - `one`: one person, the proxy, whose principal is not written (鍾副局長文正代, 林主任聰仁代理);
 * - `pair`: two people, split where the grammar of names allows — each side a titled person with a known
 *   surname or a bare name starting with one, no cut inside a title, the list's own names deciding between
 *   several cuts (陳委員華玉|鍾副局長文正, 黃丁燦|魏境);
 * - `whole`: the run may hold two names but the grammar gives no single split (王明大華代, 王明林李華代):
 *   the entry is kept as written, with no name read into it.
 * Null when the entry is no bracket-less proxy: no mark, or a name that ends in the one-character mark
 * (李時代 is read as written, as a four-character run may be one name).
 */
export type GluedProxy = { kind: 'one'; proxy: string; post?: string } | { kind: 'pair'; principal: string; proxy: string } | { kind: 'whole'; body: string };

export function readGluedProxy(written: string, known: ReadonlySet<string>): GluedProxy | null {
  const s = squeezeHan(written);
  const joined = JOINED.exec(s);
  if (!joined) return null;
  const mark = proxyMarksLongestFirst().find((m) => s.length >= m.length + 2 && s.endsWith(m));
  if (!mark) return null;
  const body = s.slice(0, -mark.length);
  if ([...mark].length === 1) {
    // 王委員時代, 委員陳時代: a titled name whose given name would keep one character without the mark reads as
    // written (王時代), as 李時代 does; 林主任聰仁代 keeps two (林聰仁) and is the proxy.
    const whole = parseName(s);
    const cut = parseName(body);
    if (whole.title && whole.name && cut.name && cut.title === whole.title && [...cut.name].length === 2 && [...whole.name].length === 3) return null;
  }
  if (joined[2]) {
    // 陳委員華玉/鍾副局長文正代: a slash or a dash between the two marks the cut.
    const a = joined[1]!;
    const b = body.slice(a.length + joined[2].length);
    return (titledPerson(a) || bareName(a)) && (titledPerson(b) || bareName(b)) ? { kind: 'pair', principal: a, proxy: b } : { kind: 'whole', body };
  }
  // 李時代: a two-character name and a one-character mark read as one three-character name, as written.
  // 李大華代: a three-character name and the mark is the proxy (four-character names ending in the mark are
  // far rarer), unless the list itself writes 李大華代 elsewhere.
  if ([...mark].length === 1 && plausibleName(s) && !parseName(s).title && (body.length < 3 || (body.length === 3 && isCompoundStart(body)) || known.has(s))) return null;
  if (titledPerson(body)) return { kind: 'one', proxy: body };
  // 機電委員劉建國代理: a committee post and a name, the proxy.
  const post = compoundTitledName(body, known);
  if (post) return { kind: 'one', proxy: post.name, post: post.title };
  const pair = splitPair(body, known);
  if (pair) return { kind: 'pair', principal: pair[0], proxy: pair[1] };
  // 王大明代理, 李大華代: a bare name before the mark.
  if ((body.length <= 3 || (body.length === 4 && isCompoundStart(body))) && bareName(body)) return { kind: 'one', proxy: body };
  return body.length >= 4 ? { kind: 'whole', body } : null;
}

/** Does the run start with a compound surname (歐陽明: a two-character given name is one character)? */
function isCompoundStart(s: string): boolean {
  return grammar().people.compoundSurnames.includes(s.slice(0, 2));
}

/** A run of ideographs, or two runs joined by a slash or a dash. */
const JOINED = /^(\p{Script=Han}+)(?:([/／－—–-])\p{Script=Han}+)?$/u;

/** A person written with a title (鍾副局長文正, 王委員, 資訊處陳處長華玉, 林宜隆委員): a known surname, and any unit before it ends like one. */
function titledPerson(s: string): boolean {
  const p = parseName(s);
  const people = grammar().people;
  if (!p.title || !p.surname) return false;
  if (!people.surnames.includes(p.surname) && !people.compoundSurnames.includes(p.surname)) return false;
  return !p.org || people.orgSuffixes.some((x) => p.org!.endsWith(x));
}

/** A bare name: 2–4 ideographs starting with a known surname, no title in it. */
function bareName(s: string): boolean {
  return plausibleName(s) && !parseName(s).title;
}

/** Does a title word run across the cut at k (林主|任聰仁 cuts 主任)? */
function cutsTitle(s: string, k: number): boolean {
  const max = longestTitle();
  for (let i = Math.max(0, k - max + 1); i < k; i++) for (let j = k + 1; j <= Math.min(s.length, i + max); j++) if (titleSet().has(s.slice(i, j))) return true;
  return false;
}

/**
 * Principal and proxy in a run written without a separator: every cut where both sides read as a person
 * (a titled person or a bare name) and no title is cut through. The list's own names decide between
 * several cuts; two bare names in four ideographs are split only by them (黃林玲玲 may be one name).
 */
function splitPair(body: string, known: ReadonlySet<string>): [string, string] | null {
  const cuts: { a: string; b: string; bare: boolean }[] = [];
  for (let k = 2; k <= body.length - 2; k++) {
    if (cutsTitle(body, k)) continue;
    const a = body.slice(0, k);
    const b = body.slice(k);
    const ta = titledPerson(a);
    const tb = titledPerson(b);
    const ba = !ta && bareName(a);
    const bb = !tb && bareName(b);
    if ((ta || ba) && (tb || bb)) cuts.push({ a, b, bare: ba && bb });
  }
  const name = (x: string) => parseName(x).name ?? x;
  const byKnown = cuts.filter((c) => known.has(name(c.a)) || known.has(name(c.b)));
  if (byKnown.length === 1) return [byKnown[0]!.a, byKnown[0]!.b];
  // 王小明李大華: two bare names of three, the commonest length, over a cut that makes a name of two or four.
  const threes = cuts.length > 1 && cuts.every((c) => c.bare) ? cuts.filter((c) => c.a.length === 3 && c.b.length === 3) : [];
  if (threes.length === 1) return [threes[0]!.a, threes[0]!.b];
  if (cuts.length !== 1 || (cuts[0]!.bare && body.length === 4)) return null;
  return [cuts[0]!.a, cuts[0]!.b];
}

/** A proxy label before the proxy's name: 代理人：林美玲, 代理人 林美玲. */
const proxyLabelRegex = derived((g) => new RegExp(`^(?:${alternation(g.records.proxyLabels)})[\\s:：]*([^\\s:：].*)$`, 'u'));
/** A lead before the proxy's name: 由李大華代理. */
const proxyLeadRegex = derived((g) => new RegExp(`^(?:${alternation(g.records.proxyLeads)})(?=\\S)`, 'u'));

/** Is the text a person as a note names one: a surname, and a name or a title (李大華, 鍾副局長文正, 林主任)? */
function notePerson(s: string): boolean {
  const p = parseName(s);
  return !!p.surname && !!(p.name || p.title) && !grammar().people.notNames.includes(s);
}

/**
 * The proxy a note names: 李大華代, 鍾副局長文正代, 李大華代理出席, 陳小芬代表出席, 由李大華代理 (a lead before
 * the name), 代理人：林美玲 (a label before it). Null when the note names no proxy.
 */
export function noteProxy(note: string): string | null {
  const s = note.trim();
  const labelled = proxyLabelRegex().exec(s);
  if (labelled && notePerson(labelled[1]!.trim())) return labelled[1]!.trim();
  const sub = proxyNoteRegex().exec(s.replace(proxyLeadRegex(), ''));
  return sub && notePerson(sub[1]!) ? sub[1]! : null;
}

/**
 * The parts of a bracketed note: facts separated by ；，、 (請假；蔡英代理, 請假，由李大華代理, 請假、公出), and a
 * status mark run into a proxy note (請假由李大華代理).
 */
function noteParts(whole: string): string[] {
  const out: string[] = [];
  for (const part of whole.split(/[；;，,、]/u).map((x) => x.trim()).filter(Boolean)) {
    const mark = grammar().records.statusMarks.find((m) => part.startsWith(m.mark));
    const rest = mark ? part.slice(mark.mark.length).replace(/^[\s:：]+/u, '') : '';
    if (mark && rest && noteProxy(rest)) out.push(mark.mark, rest);
    else out.push(part);
  }
  return out;
}

/**
 * One attendee entry as written in a list or table cell: 陳委員華玉(鍾副局長文正代), 陳專門委員首翰(代理),
 * 柯秘書書豪(紀錄), 王委員可言(請假), 黃丁燦魏境代 (proxy without brackets), 賴詩萍 （清華大學天文所及物理系）
 * (affiliation), 陳林文(秘書長；請假) (title and status in one bracket). The entry's one attendee; a
 * table reads a cell by it. See readAttendeeEntry for an entry naming two people.
 */
export function parseAttendeeEntry(...entry: Parameters<typeof readAttendeeEntry>): Attendee | null {
  const all = readAttendeeEntry(...entry);
  return all[all.length - 1] ?? null;
}

type EntryCells = { title: string | null; org: string | null; status: AttendanceStatus | null };

/**
 * The attendees of one entry. Usually one: the person written, or the proxy attending for them
 * (王明(李大華代) lists 李大華 for 王明). When the note also gives the member a status of their own
 * (王委員明（請假，由李大華代理）, 吳宗憲（請假；蔡英代理）), both are listed: the member with that status,
 * then the proxy.
 */
export function readAttendeeEntry(
  raw: string,
  group: GroupInfo,
  org: string | null,
  line: Line,
  start: number,
  rule: string,
  cells: EntryCells | null = null,
  known: ReadonlySet<string> = EMPTY,
): Attendee[] {
  const g = grammar().records;
  const written = raw.trim();
  if (!written) return [];
  const { main, notes } = splitParens(written);
  let status: AttendanceStatus = cells?.status ?? group.status ?? 'present';
  let noted: AttendanceStatus | null = null;
  let onBehalfOf: Person | null = null;
  let recorder = false;
  let presentName = main;
  let proxy = false;
  let noteTitle: string | null = null;
  let noteOrg: string | null = null;
  for (const whole of notes) {
    for (const note of noteParts(whole)) {
      const mark = g.statusMarks.find((s) => note.startsWith(s.mark));
      if (mark) status = noted = mark.status;
      else if (g.recorderMarks.includes(note)) recorder = true;
      else if (g.proxyMarks.includes(note)) proxy = true;
      else {
        const named = noteProxy(note);
        if (named) {
          proxy = true;
          onBehalfOf = person(main);
          presentName = named;
        } else if (titleOnly(note)) noteTitle = squeezeHan(note);
        else if (/\p{Script=Han}/u.test(note) && grammar().people.orgSuffixes.some((x) => note.endsWith(x))) noteOrg = note;
      }
    }
  }
  // 黃丁燦魏境代, 陳委員華玉鍾副局長文正代: principal and proxy written together, proxy last, then a proxy
  // mark. Split where the grammar of names allows, else the entry is kept whole with no name read into it.
  const glued = !proxy && notes.length === 0 ? readGluedProxy(main, known) : null;
  if (glued?.kind === 'whole') return [unreadAttendee(written, group, org, line, start, rule, cells, 'proxy')];
  if (glued) {
    proxy = true;
    if (glued.kind === 'pair') onBehalfOf = person(glued.principal);
    presentName = glued.proxy;
  }
  // A title in its own cell (財務委員 陳美麗(沈錦生代), 委員：A(B代)) is the seat's: the member's, not the proxy's.
  if (onBehalfOf && !onBehalfOf.title && cells?.title) onBehalfOf = { name: onBehalfOf.name, surname: onBehalfOf.surname, title: cells.title, org: onBehalfOf.org, raw: onBehalfOf.raw };
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
  if (!name && !parts.title) return [];
  if (name && grammar().people.notNames.includes(name)) return [];
  if (proxy) status = 'proxy';
  const title = parts.title ?? (glued?.kind === 'one' ? glued.post : null) ?? (onBehalfOf ? null : cells?.title) ?? noteTitle;
  const surname = parts.surname ?? (name && /^\p{Script=Han}{2,4}$/u.test(name) ? (grammar().people.compoundSurnames.includes(name.slice(0, 2)) && name.length >= 3 ? name.slice(0, 2) : name[0]!) : null);
  // Written out, not `{ ...person(written, parts), … }`: see util/objects.ts.
  const attendee: Attendee = {
    name,
    surname,
    title,
    org: parts.org ?? cells?.org ?? noteOrg ?? org,
    raw: written,
    role: roleOf(group, onBehalfOf ? null : title),
    status,
    proxy: status === 'proxy',
    onBehalfOf,
    recorder,
    group: group.label,
    rule,
    span: spanOf(line, start, start + raw.length),
  };
  // 王委員明（請假，由李大華代理）: the member, with the status the note gives them, then the proxy.
  if (!onBehalfOf || !noted || glued) return [attendee];
  const member = readAttendeeEntry(main, group, org, line, start, rule, { title: cells?.title ?? null, org: cells?.org ?? null, status: noted }, EMPTY)[0];
  if (!member) return [attendee];
  member.raw = written;
  member.span = attendee.span;
  return [member, attendee];
}

const EMPTY: ReadonlySet<string> = new Set();

/** A member whose own title is a convener's (出席委員：王召集人大明) is the convener; the group decides otherwise. */
function roleOf(group: GroupInfo, title: string | null): AttendeeRole {
  if (group.role !== 'member' || !title) return group.role;
  const byTitle = groupsLongestFirst().find((g) => g.label === title);
  return byTitle?.role === 'convener' ? 'convener' : group.role;
}

/**
 * An entry kept whole: a run the name grammar cannot divide into people (王明大華代). It stays in the list
 * as written, with no name, surname or title read into it; the list reader reports it.
 */
export function unreadAttendee(
  written: string,
  group: GroupInfo,
  org: string | null,
  line: Line,
  start: number,
  rule: string,
  cells: { title: string | null; org: string | null; status: AttendanceStatus | null } | null,
  status: AttendanceStatus,
): Attendee {
  return {
    name: null,
    surname: null,
    title: cells?.title ?? null,
    org: cells?.org ?? org,
    raw: written,
    role: group.role,
    status,
    proxy: status === 'proxy',
    onBehalfOf: null,
    recorder: false,
    group: group.label,
    rule,
    span: spanOf(line, start, start + written.length),
  };
}


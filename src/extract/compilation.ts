import type { ExtractContext } from './context.js';
import { derived, escapeRegExp, grammar } from '../grammars/index.js';
import { foldName } from '../util/fold.js';
import { findFields } from './fields.js';
import { parseRocDate } from './datetime.js';
import { cleanTitle, nameParts, titleScore, type NameParts } from './title.js';

/**
 * Where the header of a compilation (a council's 議事錄: front matter, then the records of a session's
 * sittings, with committee records and annexes around them) is read, and its title.
 *
 * The compilation's title (from its contents page) names the meeting it compiles (臺南市議會第2屆第8次臨時會).
 * The document's header is that meeting's first record: the first record whose title names no other
 * meeting — no other agency, term, session or body (臺南市議會第 2 屆第 8 次臨時會 / 第 1 次會議紀錄, or a
 * sitting's title that repeats none of them: 第1次會議紀錄) — not a committee's record filed before it
 * (…臨時會程序委員會暨第 4 次定期大會第 1 次程序委員會會議紀錄, 程序委員會第1次會議紀錄). Without a title naming
 * a meeting by its counts, the header is read right after the front matter, and a contents page's title
 * that names no term and no session (a gazette's masthead: 立法院公報 第105卷 第31期 委員會紀錄) is not the
 * document's title: its records' titles are.
 */
export interface HeaderWindow {
  /** The first line the header reader looks at. */
  from: number;
  /** The compilation's title, in the shape the header reader keeps a title. */
  title: { text: string; first: number; last: number; score: number; namesMeeting: boolean } | null;
}

/** Lines above a record's time field that its title may take. */
const TITLE_LINES = 3;
/** The longest line read for a record's time field. */
const FIELD_LINE_MAX = 120;

export function headerWindow(ctx: ExtractContext): HeaderWindow {
  const fm = ctx.frontMatter;
  if (!fm) return compilationTitled(ctx) ?? { from: 0, title: null };
  const t = fm.title;
  const meeting = t ? nameParts(t.text) : null;
  if (!t || !meeting || (meeting.term === null && meeting.session === null)) return { from: fm.end, title: null };
  const score = titleScore(t.text);
  const title = { text: t.text, first: t.first, last: t.last, score: score.score, namesMeeting: score.namesMeeting };
  return { from: firstRecordOf(ctx, fm.end, meeting) ?? fm.end, title };
}

/** How far down a compilation's title (with no contents page) may stand: its first lines. */
const TITLE_SCAN_LINES = 5;

const compilationWordRe = derived((g) => new RegExp(`(?:${g.sections.compilationWords.map(escapeRegExp).join('|')})$`, 'u'));

/**
 * A compilation without a contents page: its first line is a title ending in a compilation word
 * (臺南市議會第2屆第8次臨時會議事錄) that names a meeting by its counts but no sitting, and records with
 * titles of their own follow (程序委員會…會議紀錄, then 第 1 次會議紀錄). The header is then the compiled
 * meeting's first record, as after a contents page. A record's own title ending in the same word (a
 * committee's …委員會議議事錄, its fields right below) heads no other record: nothing changes.
 */
function compilationTitled(ctx: ExtractContext): HeaderWindow | null {
  for (let i = 0; i < Math.min(ctx.lines.length, TITLE_SCAN_LINES); i++) {
    const raw = ctx.lines[i]!.text.trim();
    if (raw === '') continue;
    const text = cleanTitle(raw);
    if (ctx.headingAt.has(i) || !compilationWordRe().test(text.replace(/\s+/gu, ''))) return null;
    const meeting = nameParts(text);
    const score = titleScore(text);
    if ((meeting.term === null && meeting.session === null) || meeting.sitting !== null || !score.namesMeeting) return null;
    const from = firstRecordOf(ctx, i + 1, meeting);
    return from !== null && from > i ? { from, title: { text, first: i, last: i, score: score.score, namesMeeting: score.namesMeeting } } : null;
  }
  return null;
}

/** The first line of the first record whose title names the compiled meeting, or null. */
function firstRecordOf(ctx: ExtractContext, from: number, meeting: NameParts): number | null {
  for (let i = from; i < ctx.lines.length; i++) {
    const h = ctx.headingAt.get(i);
    const text = h ? h.rest : ctx.lines[i]!.text;
    // A record's time field is a short line with a date (the field pattern is costly: tried only there).
    if (text.length > FIELD_LINE_MAX || parseRocDate(text) === null) continue;
    if (!findFields(text).some((f) => f.field === 'time' && parseRocDate(f.value) !== null)) continue;
    const title = titleAbove(ctx, i);
    if (title && !otherMeeting(nameParts(title.text), meeting)) return title.first;
  }
  return null;
}

/** The short unnumbered lines right above a field line, joined: a record's title (wrapped over up to three lines). */
function titleAbove(ctx: ExtractContext, i: number): { text: string; first: number } | null {
  const parts: string[] = [];
  let first = i;
  for (let j = i - 1; j >= 0 && parts.length < TITLE_LINES; j--) {
    const text = ctx.lines[j]!.text.trim();
    if (text === '') {
      if (parts.length) break;
      continue;
    }
    if (ctx.headingAt.has(j) || text.length > 60 || findFields(text).length > 0) break;
    parts.unshift(text);
    first = j;
  }
  const text = parts.join('');
  return text && titleScore(text).namesMeeting ? { text, first } : null;
}

/** A body's name with each of its other names (定期大會) written as the first of grammar sameBodies (定期會), folded. */
const bodyNames = derived((g) => {
  const to = new Map<string, string>();
  for (const names of g.sections.sameBodies) for (const n of names.slice(1)) to.set(n, names[0]!);
  const re = to.size ? new RegExp([...to.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gu') : null;
  return (s: string) => (re ? foldName(s).replace(re, (m) => to.get(m)!) : foldName(s));
});

/**
 * Whether a record's title names another meeting than the compilation's: another agency (臺/台 and spaces
 * folded), term or body, or — when it names its term, as a full title does — another session. A body is
 * another when what the record names beyond the compiled body (a sitting's 臨時會, or none) still names a
 * body: 臨時會程序委員會暨…, or 程序委員會 alone (read as an agency when it opens the title).
 */
function otherMeeting(record: NameParts, compiled: NameParts): boolean {
  const fold = bodyNames();
  const agency = compiled.agency !== null ? fold(compiled.agency) : null;
  const recordAgency = record.agency !== null ? fold(record.agency) : null;
  // The record names a body as its agency (程序委員會第1次會議紀錄) when that is not the compiled agency.
  const named = (recordAgency !== null && recordAgency !== agency ? recordAgency : '') + (record.body !== null ? fold(record.body) : '');
  if (agency !== null && recordAgency !== null && recordAgency !== agency && !keywordIn(recordAgency)) return true;
  if (record.term !== null && compiled.term !== null && record.term !== compiled.term) return true;
  if (record.term !== null && record.session !== compiled.session) return true;
  const rest = compiled.body !== null ? named.split(fold(compiled.body)).join('') : named;
  return keywordIn(rest);
}

/** The text names a body (委員會, 小組, 會議 …: grammar fields.bodyKeywords). */
function keywordIn(text: string): boolean {
  return text !== '' && grammar().fields.bodyKeywords.some((k) => text.includes(k));
}

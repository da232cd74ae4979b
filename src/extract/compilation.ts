import type { ExtractContext } from './context.js';
import { findFields } from './fields.js';
import { parseRocDate } from './datetime.js';
import { nameParts, titleScore, type NameParts } from './title.js';

/**
 * Where the header of a compilation (a council's 議事錄: front matter, then the records of a session's
 * sittings, with committee records and annexes around them) is read, and its title.
 *
 * The compilation's title (from its contents page) names the meeting it compiles (臺南市議會第2屆第8次臨時會).
 * The document's header is that meeting's first record: the first record whose title names the same
 * meeting (agency, term, session and body alike: 臺南市議會第 2 屆第 8 次臨時會 / 第 1 次會議紀錄), not a
 * committee's record filed before it (…臨時會程序委員會暨第 4 次定期大會第 1 次程序委員會會議紀錄).
 * Without a title naming a meeting, the header is read right after the front matter.
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
  if (!fm) return { from: 0, title: null };
  const t = fm.title;
  const score = t ? titleScore(t.text) : null;
  const title = t && score ? { text: t.text, first: t.first, last: t.last, score: score.score, namesMeeting: score.namesMeeting } : null;
  const meeting = title ? nameParts(title.text) : null;
  const from = meeting && (meeting.term !== null || meeting.session !== null) ? firstRecordOf(ctx, fm.end, meeting) : null;
  return { from: from ?? fm.end, title };
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
    if (title && sameMeeting(nameParts(title.text), meeting)) return title.first;
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

function sameMeeting(a: NameParts, b: NameParts): boolean {
  const body = (s: string | null) => (s ?? '').replace(/\s+/gu, '');
  return (a.agency === null || b.agency === null || a.agency === b.agency) && a.term === b.term && a.session === b.session && body(a.body) === body(b.body);
}

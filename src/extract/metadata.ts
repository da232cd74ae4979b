import { grammar, alternation } from '../grammars/index.js';
import { spanOf } from '../segment/lines.js';
import { parseChineseNumeral } from '../segment/numerals.js';
import type { Diagnostic, Meeting, Person } from '../types.js';
import type { ExtractContext, MetadataResult } from './context.js';
import { parseClockTimes, parseRocDate, isoDateTime, WEEKDAY_NAMES } from './datetime.js';
import { findFields, type FieldHit } from './fields.js';
import { parseChairOrRecorder } from './presiding.js';

/** Where the header ends: the first top-level section that is not itself a header field (壹、時間：…). */
function bodyStartLine(ctx: ExtractContext): number {
  const first = ctx.headings.find((h) => h.parent === null && h.kind !== 'metadata');
  return first ? first.line : ctx.lines.length;
}

/**
 * Meeting metadata from the header: title, agency, body, term, session, date and times, location,
 * chair (with acting forms) and recorder. Fields may be plain lines or numbered headings.
 */
export function extractMetadata(ctx: ExtractContext): { value: MetadataResult; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bodyStart = bodyStartLine(ctx);
  const found = new Map<string, { hit: FieldHit; line: number }>();
  const fieldLines = new Set<number>();
  const titleLines: string[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const line = ctx.lines[i]!;
    const h = ctx.headingAt.get(i);
    const text = h ? h.rest : line.text;
    const hits = findFields(text);
    if (hits.length === 0) {
      if (fieldLines.size === 0 && !h) titleLines.push(line.text);
      continue;
    }
    fieldLines.add(i);
    for (const hit of hits) {
      // A value on the next line (label and value on separate lines).
      if (hit.value === '' && i + 1 < bodyStart && findFields(ctx.lines[i + 1]!.text).length === 0 && !ctx.headingAt.has(i + 1) && hit.field !== 'attendance') {
        hit.value = ctx.lines[i + 1]!.text.trim();
        fieldLines.add(i + 1);
      }
      if (!found.has(hit.field)) found.set(hit.field, { hit, line: i });
    }
  }

  const title = titleLines.length ? titleLines.join(' ').replace(/\s+/g, ' ').trim() : null;
  const naming = nameParts(title);

  const meeting: Meeting = {
    agency: naming.agency,
    body: naming.body,
    term: naming.term,
    session: naming.session,
    date: null,
    start: null,
    end: null,
    location: null,
    online: false,
    chair: null,
    recorder: null,
  };

  const time = found.get('time');
  if (time) {
    const d = parseRocDate(time.hit.value);
    if (d) {
      meeting.date = d.date;
      if (d.weekdayWritten !== null && d.weekdayWritten !== d.weekdayActual) {
        diagnostics.push({
          severity: 'warning',
          code: 'weekday-mismatch',
          message: `Unexpected weekday 星期${WEEKDAY_NAMES[d.weekdayWritten]} for ${d.date}, expected 星期${WEEKDAY_NAMES[d.weekdayActual]}; check the date in the document.`,
          span: spanOf(ctx.lines[time.line]!),
        });
      }
      const times = parseClockTimes(time.hit.value.slice(d.index + d.length));
      if (times[0]) meeting.start = isoDateTime(d.date, times[0]);
      if (times[1]) meeting.end = isoDateTime(d.date, times[1]);
    } else {
      diagnostics.push({ severity: 'warning', code: 'date-unreadable', message: `The meeting time "${time.hit.value}" has no readable date (year 年 month 月 day 日).`, span: spanOf(ctx.lines[time.line]!) });
    }
  } else if (titleLines.length || fieldLines.size) {
    diagnostics.push({ severity: 'info', code: 'date-missing', message: 'No meeting time field (時間：…) was found in the header.' });
  }

  const end = adjournTime(ctx, found.get('adjourn')?.hit.value);
  if (end && meeting.date) meeting.end = isoDateTime(meeting.date, end);

  const loc = found.get('location');
  if (loc) {
    meeting.location = loc.hit.value || null;
    meeting.online = grammar().fields.onlineWords.some((w) => loc.hit.value.includes(w));
  }

  let chairPerson: Person | null = null;
  const chair = found.get('chair');
  if (chair && chair.hit.value) {
    chairPerson = parseChairOrRecorder(chair.hit.value);
    meeting.chair = chairPerson;
  }
  const rec = found.get('recorder');
  if (rec && rec.hit.value) meeting.recorder = parseChairOrRecorder(rec.hit.value);

  if (meeting.agency === null && naming.agencyRef && title) {
    diagnostics.push({ severity: 'info', code: 'agency-unresolved', message: `The title refers to ${naming.agencyRef} without naming the agency.` });
  }

  const att = found.get('attendance');
  const hasAdjourn = ctx.headings.some((h) => h.kind === 'adjournment') || found.has('adjourn');
  return {
    value: {
      title,
      meeting,
      bodyStart,
      fieldLines,
      attendance: att ? { value: att.hit.value, line: att.line } : null,
      signals: {
        header: !!title && grammar().fields.titleMarkers.some((m) => title.includes(m)),
        chair: !!chair,
        attendance: !!att,
        adjourn: hasAdjourn,
        date: meeting.date !== null,
      },
      chairPerson,
    },
    diagnostics,
  };
}

/** End time from the adjournment section: 散會：上午 11 時, 散會。（下午 3 時 45 分）. */
function adjournTime(ctx: ExtractContext, fieldValue: string | undefined): { hour: number; minute: number } | null {
  const adj = ctx.headings.find((h) => h.kind === 'adjournment' && h.parent === null);
  const texts: string[] = [];
  if (adj) {
    texts.push(adj.rest);
    const next = ctx.lines[adj.line + 1];
    if (next && adj.lastLine > adj.line) texts.push(next.text);
  }
  if (fieldValue) texts.push(fieldValue);
  for (const t of texts) {
    const times = parseClockTimes(t);
    if (times.length) return times[times.length - 1]!;
  }
  return null;
}

/**
 * Where the body's name ends: at 第 N 屆/次, a year (110 年), or 會議紀錄. Each pattern starts only at
 * a boundary (第, or a digit after a non-digit), so the search stays linear.
 */
function bodyEnd(s: string): number {
  // 會議紀錄 ends the body, but a name that is only a prefix (市政 | 會議紀錄) keeps its 會議: 市政會議.
  const minutesWord = /會議紀錄|會議記錄|紀錄|記錄/u.exec(s);
  const keepMeeting = minutesWord && minutesWord[0].startsWith('會議') && minutesWord.index <= 2 && minutesWord.index > 0;
  const cuts = [/第\s*[0-9〇零一二三四五六七八九十百兩]+\s*[屆次]/u, /(?:^|[^0-9])[0-9]+\s*年/u, keepMeeting ? /紀錄|記錄/u : /會議紀錄|會議記錄|紀錄|記錄/u].map((re) => {
    const m = re.exec(s);
    if (!m) return s.length;
    return m.index + (/^[^0-9第會紀記]/u.test(m[0]) ? 1 : 0);
  });
  return Math.min(...cuts);
}

interface NameParts {
  agency: string | null;
  agencyRef: string | null;
  body: string | null;
  term: number | null;
  session: number | null;
}

let agencyRe: RegExp | null = null;
let countRe: { term: RegExp; session: RegExp } | null = null;

/** Agency, body, term and session from the title: 經濟部政府資料開放諮詢小組第 7 屆第 1 次會議紀錄. */
export function nameParts(title: string | null): NameParts {
  const out: NameParts = { agency: null, agencyRef: null, body: null, term: null, session: null };
  if (!title) return out;
  const f = grammar().fields;
  const num = '([0-9]{1,5}|[〇零一二三四五六七八九十百千兩]{1,7})'; // 第2156次市政會議
  countRe ??= { term: new RegExp(`第\\s*${num}\\s*屆`, 'u'), session: new RegExp(`第\\s*${num}\\s*次`, 'u') };
  const term = countRe.term.exec(title);
  const session = countRe.session.exec(title);
  if (term) out.term = parseChineseNumeral(term[1]!);
  if (session) out.session = parseChineseNumeral(session[1]!);

  const plain = title.replace(/[「」『』"]/g, '').trim();
  // The agency is the shortest leading run of ideographs that ends in an agency suffix (外交部, 臺北市政府).
  agencyRe ??= new RegExp(`^(\\p{Script=Han}{1,12}?(?:${alternation(f.agencySuffixes)}))`, 'u');
  const ref = f.agencyRefs.find((r) => plain.startsWith(r));
  if (ref) out.agencyRef = ref;
  else {
    const m = agencyRe.exec(plain);
    if (m) out.agency = m[1]!;
  }

  // The body: 「quoted」, else what follows the agency up to the year / term / session / 會議紀錄.
  const quoted = /「([^「」]+)」/u.exec(title);
  let body = quoted ? quoted[1]! : plain.slice((out.agency ?? out.agencyRef ?? '').length);
  if (out.agency && body.startsWith(out.agency)) body = body.slice(out.agency.length);
  body = body.replace(/^\s*[0-9〇零一二三四五六七八九十百]+\s*年(?:度)?\s*/u, '');
  const cut = bodyEnd(body);
  // 臺北市政府第2156次市政會議紀錄: nothing before the count, so the body is what follows it (市政會議).
  if (body.slice(0, cut).trim() === '') {
    // 立法院第11屆第1會期內政委員會第5次全體委員會議紀錄, 臺北市政府第2156次市政會議紀錄: the body sits
    // between the counts; take the first piece that names one (委員會, 小組, 會議 …).
    const pieces = body.split(/第\s*[0-9〇零一二三四五六七八九十百千兩]+\s*(?:屆|次|會期)/u).map((x) => x.slice(0, bodyEnd(x)).trim());
    body = pieces.find((x) => x && f.bodyKeywords.some((k) => x.includes(k))) ?? pieces.find((x) => x) ?? '';
  } else body = body.slice(0, cut);
  body = body.trim();
  out.body = body || null;
  return out;
}

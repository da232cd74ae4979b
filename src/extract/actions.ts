// Per-function entry point: see datetime.ts.
import { isExists } from 'date-fns/isExists';
import { alternation, derived } from '../grammars/index.js';
import type { ActionItem, Diagnostic } from '../types.js';
import { spanOf, type Line } from '../segment/lines.js';
import { numberValue } from '../segment/numerals.js';
import type { ExtractContext, MetadataResult } from './context.js';
import { ancestry, deepestHeadingOf, lineIndexAt } from './context.js';
import type { RulingDraft } from './drafts.js';
import { gregorianYear, monthEnd } from './datetime.js';
import { quotedRecords } from './rulings.js';
import { numeralChars } from '../segment/numerals.js';
import { charClass } from '../grammars/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** After a request verb (請): the run that may name the party. */
const requestRe = derived((g) => new RegExp(`(?:${alternation(g.records.ownerVerbs)})([\\p{Script=Han}A-Za-z]{2,20})`, 'u'));
const unitEndRe = derived((g) => new RegExp(`(?:${alternation(g.people.orgSuffixes)})$`, 'u'));
const titleEndRe = derived((g) => new RegExp(`(?:${alternation(g.people.titles)})$`, 'u'));
/** After a request verb, the words before a stop word (請各位委員配合…). */
const ownerRe = derived((g) => new RegExp(`(?:${alternation(g.records.ownerVerbs)})([\\p{Script=Han}A-Za-z、]{2,20}?)(?=${alternation(g.records.ownerStop)})`, 'u'));

/**
 * The party asked to act: after 請, the shortest run that ends as a unit does (工務局, 秘書處, 研考會, 各局處),
 * else one that ends with a title (各理事, 王委員); whatever adverb follows (盡快, 先行) is not part of it.
 * A run that reads as neither falls back to the text before a stop word of the table (請各位委員配合…).
 */
function ownerIn(text: string): string | null {
  const m = requestRe().exec(text);
  if (m) {
    const run = m[1]!;
    const unitEnd = unitEndRe();
    for (const end of [unitEnd, titleEndRe()]) {
      for (let k = 2; k <= run.length; k++) {
        const head = run.slice(0, k);
        // A title standing alone (請委員) is no party: it needs a name or 各 before it (王委員, 各委員); a
        // unit may stand alone (請秘書處), but not a bare suffix (請處理).
        if (end.test(head) && !end.test(run.slice(0, 1)) && (head.length > 2 || end === unitEnd)) return head;
      }
    }
  }
  return ownerRe().exec(text)?.[1] ?? null;
}

/** A heading about one year's part (`110 年部分`, `111年度`): the year is captured. */
const blockYearRe = derived((g) => {
  const d = g.time.dateParts;
  const fiscalYear = d.year.flatMap((y) => d.yearSuffixes.map((x) => y + x));
  return new RegExp(`^\\s*([0-9]{2,4})\\s*(?:${alternation([...fiscalYear, ...d.year])})\\s*(?:${alternation(g.records.yearPartWords)}|$)`, 'u');
});

/** The year a block is about: an enclosing heading that starts with it (`(一) 110 年部分`). */
function yearOfBlock(ctx: ExtractContext, lineIndex: number): number | null {
  const re = blockYearRe();
  for (const h of ancestry(ctx, deepestHeadingOf(ctx, lineIndex))) {
    const m = re.exec(h.rest);
    if (m) return gregorianYear(Number(m[1]));
  }
  return null;
}

interface Patterns {
  /** Every exact date in a line: with a year (年 or slashes), or month and day only. */
  date: RegExp;
  /** After a date: a deadline marker (前, 前完成, 開會前), past an optional weekday and 日 (2/24日前). */
  due: RegExp;
  /** Before a date: a plan (預計 12/13 完成, 預定發出日期：…). */
  plan: RegExp;
  /** Before a date: a deadline noun (提名截止日為 …). */
  deadline: RegExp;
  /** Before a date: a word that makes it the latest day (最遲於 10 月 31 日完成). */
  lead: RegExp;
  taskVerb: RegExp;
  request: RegExp;
  past: RegExp;
  /** After a date: a range (5/22-24, 5/20~5/24, 至) — a period, not a day to act by. */
  range: RegExp;
  scheduleHead: RegExp;
}

const pats = derived((g): Patterns => {
  const t = g.time;
  const r = g.records;
  const w = r.dateWords;
  const d = t.dateParts;
  const [year, month, day] = [d.year, d.month, d.day].map((x) => `(?:${alternation(x)})`);
  const yearClass = charClass(d.year);
  const num = `(?:[0-9]{1,2}|[${numeralChars()}]{1,3})`;
  // After a date, before its marker: a weekday in brackets and the day word (2/24(一)日前).
  const afterDate = `^\\s{0,3}(?:[(（][^()（）\\n]{1,6}[)）])?\\s{0,3}${day}?\\s{0,3}`;
  const frame = (words: string[]) => `(?:[:：]|${alternation(words)})?`;
  return {
    date: new RegExp(
      [
        `(?<!\\d)(?:(?:${alternation(w.yearLeads)})\\s*[(（]\\s*)?([0-9]{2,4})\\s*(?:[)）]\\s*)?${year}\\s*(${num})\\s*${month}\\s*(?:(${num})\\s*${day}|(${alternation(t.monthEnd)}))`,
        `(?<![0-9/／])([0-9]{3,4})\\s*[/／]\\s*([0-9]{1,2})\\s*[/／]\\s*([0-9]{1,2})(?![0-9/／])`,
        `(?<![0-9${yearClass}])(${num})\\s*${month}\\s*(${num})\\s*${day}`,
        `(?<![0-9/／.])([0-9]{1,2})\\s*[/／]\\s*([0-9]{1,2})(?![0-9/／])`,
      ].join('|'),
      'gu',
    ),
    due: new RegExp(`${afterDate}(?:${alternation(t.dueMarkers)})(?!${alternation(r.notDueFollowers)})`, 'u'),
    plan: new RegExp(`(?:${alternation(r.actionPlanMarkers)})([^，。；,;:：\\s]{0,10}?)(?:${alternation(w.dateNouns)})?${frame([...w.copulas, ...w.prepositions])}\\s{0,3}$`, 'u'),
    deadline: new RegExp(`(?:${alternation(r.actionDeadlineNouns)})${frame(w.copulas)}\\s{0,3}$`, 'u'),
    lead: new RegExp(`(?:${alternation(r.actionDeadlineLeads)})\\s{0,3}$`, 'u'),
    taskVerb: new RegExp(alternation(r.actionTaskVerbs), 'u'),
    request: new RegExp(alternation(r.actionRequestVerbs), 'u'),
    past: new RegExp(`(?:${alternation(r.actionPastMarkers)})(?:${alternation(w.prepositions)})?\\s{0,3}$`, 'u'),
    range: new RegExp(`${afterDate}(?:${alternation(w.rangeMarks)})`, 'u'),
    scheduleHead: new RegExp(`^(?:${alternation(r.scheduleHeads)})`, 'u'),
  };
});

/** Characters a dated line must hold: a slash, or the month word. */
const dateHints = derived((g) => ['/', '／', ...g.time.dateParts.month]);

interface FoundDate {
  start: number;
  end: number;
  /** null: no year written. */
  year: number | null;
  month: number;
  /** null: the month's end (月底). */
  day: number | null;
}

function datesIn(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(pats().date)) {
    const n = (s: string | undefined) => (s === undefined ? null : numberValue(s));
    let year: number | null = null;
    let month: number | null;
    let day: number | null;
    if (m[1] !== undefined) {
      year = gregorianYear(Number(m[1]));
      month = n(m[2]);
      day = m[4] !== undefined ? null : n(m[3]);
    } else if (m[5] !== undefined) {
      year = gregorianYear(Number(m[5]));
      month = n(m[6]);
      day = n(m[7]);
    } else if (m[8] !== undefined) {
      month = n(m[8]);
      day = n(m[9]);
    } else {
      month = n(m[10]);
      day = n(m[11]);
    }
    if (month === null || (day === null && year === null)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, year, month, day });
  }
  return out;
}

function sentenceBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !'。；;\n'.includes(text[i - 1]!)) i--;
  return text.slice(i, at);
}

function clauseAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && !'。；;，,\n'.includes(text[i]!)) i++;
  return text.slice(at, i);
}

type Form = 'deadline' | 'plan' | 'deadline-noun' | 'schedule';

/** Which form makes this date a task, if any. */
function formOf(text: string, d: FoundDate, nextDateAt: number, inSchedule: boolean, inRuling: boolean): Form | null {
  const p = pats();
  const after = text.slice(d.end, d.end + 16);
  const before = text.slice(Math.max(0, d.start - 16), d.start);
  if (p.past.test(before)) return null;
  // A deadline is a task when the sentence asks for it (請, 應於 before it), or when a ruling sets it for an act
  // (前完成, 前…寄回); `將於 7 月 31 日前停止服務` only states what will happen, `預計於…前完成` in a report forecasts.
  if (p.due.test(after) || p.lead.test(before)) return p.request.test(sentenceBefore(text, d.start)) || (inRuling && p.taskVerb.test(clauseAfter(text, d.end))) ? 'deadline' : null;
  // A plan (預計 12/13 完成) is a task where the meeting decided it; in a report it is a forecast.
  const plan = inRuling ? p.plan.exec(before) : null;
  if (plan && (p.taskVerb.test(plan[1]!) || p.taskVerb.test(after.trimStart().slice(0, 4)))) return 'plan';
  if (p.deadline.test(before) && p.request.test(text.slice(d.end))) return 'deadline-noun';
  if (inSchedule && d.day !== null && !p.range.test(after) && p.taskVerb.test(text.slice(d.end, nextDateAt))) return 'schedule';
  return null;
}

/** The lines of items titled as a schedule (3.時程): each dated row there that names an act is a task. */
function scheduleLines(ctx: ExtractContext): Set<number> {
  const out = new Set<number>();
  for (const h of ctx.headings) {
    if (!pats().scheduleHead.test(h.rest.replace(/\s+/gu, ''))) continue;
    for (let i = h.line; i <= h.lastLine && i <= h.line + 30; i++) out.add(i);
  }
  return out;
}

/**
 * Tasks with an exact date: a deadline (`(12/15 前完成)`, `2/24日前`, `十月20日前`, `111 年 3 月 15 日前`,
 * `106 年 1 月底前` → that month's last day), a plan to do something on a date (`預計12/13完成`), a deadline
 * noun with a request (`提名截止日為 …。…請提名`), and the dated rows of a schedule that name an act.
 * A date without a year takes its block's year, else the meeting's, else the next year when the date
 * has passed by the meeting. A dated deadline that passed before the meeting is not this meeting's task;
 * an impossible date (2/30) is reported, not emitted. `rule` says the form and where the year came from.
 */
export function extractActions(ctx: ExtractContext, meta: MetadataResult, rulings: readonly RulingDraft[]): { actions: ActionItem[]; diagnostics: Diagnostic[] } {
  const actions: ActionItem[] = [];
  const diagnostics: Diagnostic[] = [];
  const meetingDate = meta.meeting.date ?? headerDate(ctx);
  const quoted = quotedRecords(ctx);
  const schedule = scheduleLines(ctx);
  const ruled = new Uint8Array(ctx.lines.length);
  for (const r of rulings) for (let i = r.span.line - 1, last = lineIndexAt(ctx, Math.max(r.span.start, r.span.end - 1)); i <= last; i++) ruled[i] = 1;
  // Every line but the header's fields: the body start is not always known (a header read short).
  let nextQuoted = 0;
  for (let i = 0; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    const text = line.text;
    // Most lines hold no date: skip them before the date pattern runs.
    if (!dateHints().some((c) => text.includes(c))) continue;
    while (nextQuoted < quoted.length && quoted[nextQuoted]![1] < i) nextQuoted++;
    if (meta.fieldLines.has(i) || (nextQuoted < quoted.length && quoted[nextQuoted]![0] <= i)) continue;
    const dates = datesIn(text);
    if (dates.length === 0) continue;
    const body = ctx.headingAt.get(i)?.rest ?? text;
    let owner: string | null | undefined;
    for (let k = 0; k < dates.length; k++) {
      const d = dates[k]!;
      const form = formOf(text, d, k + 1 < dates.length ? dates[k + 1]!.start : text.length, schedule.has(i), ruled[i] === 1);
      if (!form) continue;
      const resolved = resolveDate(ctx, i, d, meetingDate);
      if (!resolved) continue;
      const span = actionSpan(line, d, form);
      if (!resolved.valid) {
        diagnostics.push({
          severity: 'warning',
          code: 'action-date-invalid',
          message: `The deadline ${text.slice(d.start, d.end).trim()} is not a calendar date (${resolved.due}); no action was made from it. Check the date in the source.`,
          span,
        });
        continue;
      }
      // A deadline with its year written that passed before the meeting is quoted history, not a task set here.
      if (d.year !== null && meetingDate && resolved.due < meetingDate) continue;
      owner ??= ownerIn(body) ?? ancestorsOwner(ctx, i);
      const rowText = form === 'schedule' ? text.slice(d.start, k + 1 < dates.length ? dates[k + 1]!.start : text.length).trim() : body.trim();
      actions.push({ text: rowText, due: resolved.due, owner, rule: `actions.${form}:${resolved.yearFrom}`, span });
    }
  }
  return { actions, diagnostics };
}

/**
 * When the header gave no meeting date: the first full date written in the document's first lines (the
 * 時間 line a header reader missed, `113/12/10 19:00`), so that dates without a year still get one.
 */
function headerDate(ctx: ExtractContext): string | null {
  for (let i = 0; i < Math.min(ctx.lines.length, 20); i++) {
    for (const d of datesIn(ctx.lines[i]!.text)) {
      if (d.year !== null && d.day !== null && isExists(d.year, d.month - 1, d.day)) return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    }
  }
  return null;
}

/** The due date, its validity, and where its year came from (written, block, meeting, next-year). */
function resolveDate(ctx: ExtractContext, lineIndex: number, d: FoundDate, meetingDate: string | null): { due: string; valid: boolean; yearFrom: string } | null {
  if (d.month < 1 || d.month > 12) return null;
  let year = d.year;
  let yearFrom = 'written';
  if (year === null) {
    const block = yearOfBlock(ctx, lineIndex);
    if (block !== null) {
      year = block;
      yearFrom = 'block';
    } else if (meetingDate) {
      year = Number(meetingDate.slice(0, 4));
      yearFrom = 'meeting';
      if (`${year}-${pad(d.month)}-${pad(d.day ?? 31)}` < meetingDate) {
        year++;
        yearFrom = 'next-year';
      }
    } else return null;
  }
  if (d.day === null) return { due: monthEnd(year, d.month), valid: true, yearFrom };
  const due = `${year}-${pad(d.month)}-${pad(d.day)}`;
  return { due, valid: isExists(year, d.month - 1, d.day), yearFrom };
}

/** The date and its marker; a bracketed deadline `(12/15 前完成)` with its brackets. */
function actionSpan(line: Line, d: FoundDate, form: Form) {
  const text = line.text;
  let start = d.start;
  let end = d.end;
  if (form === 'deadline') {
    const m = pats().due.exec(text.slice(d.end, d.end + 16));
    if (m) end = d.end + m[0].length;
    let s = start;
    while (s > 0 && /\s/u.test(text[s - 1]!)) s--;
    if (s > 0 && '(（'.includes(text[s - 1]!)) {
      const close = /^[^)）\n]{0,8}[)）]/u.exec(text.slice(end));
      if (close) {
        start = s - 1;
        end += close[0].length;
      }
    }
  }
  return spanOf(line, line.start + start, line.start + end);
}

function ancestorsOwner(ctx: ExtractContext, lineIndex: number): string | null {
  for (const h of ancestry(ctx, deepestHeadingOf(ctx, lineIndex))) {
    const o = ownerIn(h.rest);
    if (o) return o;
  }
  return null;
}

import { grammar, alternation } from '../grammars/index.js';
import type { ActionItem, Meeting } from '../types.js';
import { spanOf } from '../segment/lines.js';
import type { ExtractContext } from './context.js';
import { ancestry, deepestHeadingOf, lineIndexAt } from './context.js';
import { gregorianYear, monthEnd } from './datetime.js';
import type { RulingDraft } from './records.js';

const pad = (n: number) => String(n).padStart(2, '0');

let ownerRe: RegExp | null = null;

/** The unit asked to act: 請國組司…, 請各單位配合… (the shortest run before a verb of the table). */
function ownerIn(text: string): string | null {
  const r = grammar().records;
  ownerRe ??= new RegExp(`(?:${alternation(r.ownerVerbs)})([\\p{Script=Han}A-Za-z、]{2,20}?)(?=${alternation(r.ownerStop)})`, 'u');
  return ownerRe.exec(text)?.[1] ?? null;
}

/** The year a block is about: an enclosing heading that starts with it (`(一) 110 年部分`). */
function yearOfBlock(ctx: ExtractContext, lineIndex: number): number | null {
  for (const h of ancestry(ctx, deepestHeadingOf(ctx, lineIndex))) {
    const m = /^\s*([0-9]{2,4})\s*年(?:度)?\s*(?:部分|部份|$)/u.exec(h.rest);
    if (m) return gregorianYear(Number(m[1]));
  }
  return null;
}

let dueRe: { shortDate: RegExp; fullDate: RegExp; monthDay: RegExp } | null = null;
function dueRegexes() {
  if (dueRe) return dueRe;
  const t = grammar().time;
  const due = alternation(t.dueMarkers);
  dueRe = {
    // 10月31日前 with no year: the year of the block or the meeting, as for 12/15.
    monthDay: new RegExp(`(?:^|[^0-9年])([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日\\s*(?:${due})`, 'gu'),
    // (12/15 前完成) in brackets, or 於6/30前提送 in running text; never part of a longer number (2023/6/30).
    shortDate: new RegExp(`(?:[(（]\\s*|(?:^|[^0-9/／]))([0-9]{1,2})\\s*[/／]\\s*([0-9]{1,2})\\s*(?:${due})(?:[^)）\\n]{0,8}[)）])?`, 'gu'),
    fullDate: new RegExp(`([0-9]{2,4})\\s*年\\s*([0-9]{1,2})\\s*月\\s*(?:([0-9]{1,2})\\s*日|(${alternation(t.monthEnd)}))\\s*(?:${due})`, 'gu'),
  };
  return dueRe;
}

/**
 * Tasks with deadlines in rulings: `(12/15 前完成)` resolved against the year of the block it sits in or
 * the meeting; `111 年 3 月 15 日前`; `106 年 1 月底前` → last day of that month.
 */
export function extractActions(ctx: ExtractContext, rulings: readonly RulingDraft[], meeting: Meeting): ActionItem[] {
  const { shortDate, fullDate, monthDay } = dueRegexes();
  const out: ActionItem[] = [];
  const meetingDate = meeting.date;
  for (const r of rulings) {
    const first = r.span.line - 1;
    const last = lineIndexAt(ctx, Math.max(r.span.start, r.span.end - 1));
    for (let i = first; i <= last; i++) {
      const line = ctx.lines[i]!;
      const body = ctx.headingAt.get(i)?.rest ?? line.text;
      const owner = ownerIn(body) ?? ancestorsOwner(ctx, i);
      for (const m of [...line.text.matchAll(shortDate), ...line.text.matchAll(monthDay)]) {
        const month = Number(m[1]);
        const day = Number(m[2]);
        let year = yearOfBlock(ctx, i) ?? (meetingDate ? Number(meetingDate.slice(0, 4)) : null);
        if (year === null || month < 1 || month > 12 || day < 1 || day > 31) continue;
        if (!yearOfBlock(ctx, i) && meetingDate && `${year}-${pad(month)}-${pad(day)}` < meetingDate) year++;
        const lead = m[0].search(/[0-9(（]/u); // the character before an unbracketed date is not part of it
        out.push({ text: body.trim(), due: `${year}-${pad(month)}-${pad(day)}`, owner, rule: 'actions.month-day', span: spanOf(line, line.start + m.index! + lead, line.start + m.index! + m[0].length) });
      }
      for (const m of line.text.matchAll(fullDate)) {
        const year = gregorianYear(Number(m[1]));
        const month = Number(m[2]);
        if (month < 1 || month > 12) continue;
        const date = m[3] ? `${year}-${pad(month)}-${pad(Number(m[3]))}` : monthEnd(year, month);
        out.push({ text: body.trim(), due: date, owner, rule: m[3] ? 'actions.full-date' : 'actions.month-end', span: spanOf(line, line.start + m.index!, line.start + m.index! + m[0].length) });
      }
    }
  }
  return out;
}

function ancestorsOwner(ctx: ExtractContext, lineIndex: number): string | null {
  for (const h of ancestry(ctx, deepestHeadingOf(ctx, lineIndex))) {
    const o = ownerIn(h.rest);
    if (o) return o;
  }
  return null;
}

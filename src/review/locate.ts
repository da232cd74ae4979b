import { parseClockTimes, parseRocDate } from '../extract/datetime.js';
import type { Person } from '../types.js';
import type { ReviewContext } from './context.js';

/**
 * Evidence the document does not carry as spans but the review page shows: the speaker label of a
 * speech and the meeting header fields. Each is found by looking for the extracted value itself
 * (its `raw` text, its date) near where it must be; nothing is found, nothing is marked.
 */
export interface Range {
  start: number;
  end: number;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
};

/** The first line of a range (a heading's title line within its whole section). */
export function firstLine(text: string, range: Range): Range {
  return { start: range.start, end: Math.min(range.end, lineEnd(text, range.start)) };
}

/**
 * Where the speaker is written: `1. 主席：` on the speech's first line, or a section heading on the
 * line before that introduces the speaker (`貳、新任外聘委員-…彭總經理啟明`).
 */
export function speakerLabel(text: string, span: Range, speaker: Person | null | undefined): Range | null {
  const raw = speaker && typeof speaker.raw === 'string' ? speaker.raw : '';
  if (!raw) return null;
  const from = lineStart(text, span.start);
  const to = lineEnd(text, span.start);
  const inLine = text.indexOf(raw, from);
  if (inLine >= 0 && inLine + raw.length <= to) return { start: inLine, end: inLine + raw.length };
  if (from === 0) return null;
  const before = text.lastIndexOf(raw, from - 1 - raw.length);
  if (before >= 0 && before >= lineStart(text, from - 1)) return { start: before, end: before + raw.length };
  return null;
}

/** The header: text before the first section that is not meeting metadata (at most 4,000 characters). */
function headerEnd(ctx: ReviewContext, text: string): number {
  let end = Math.min(text.length, 4000);
  for (const item of ctx.agenda) {
    if (item.kind !== 'metadata' && item.span && Number.isInteger(item.span.start)) end = Math.min(end, item.span.start);
  }
  return end;
}

function findIn(text: string, needle: string | null | undefined, end: number): Range | null {
  if (typeof needle !== 'string' || !needle) return null;
  const at = text.indexOf(needle);
  return at >= 0 && at < end ? { start: at, end: at + needle.length } : null;
}

/** The meeting date as written (with the clock times on its line: 上午 10 時), when it is the extracted date. */
function meetingDate(text: string, date: string, end: number): Range | null {
  let at = 0;
  while (at < end) {
    const found = parseRocDate(text.slice(at, end));
    if (!found) return null;
    const start = at + found.index;
    const dateEnd = start + found.length;
    if (found.date === date) {
      const lineTo = lineEnd(text, dateEnd);
      const times = parseClockTimes(text.slice(dateEnd, lineTo));
      const last = times[times.length - 1];
      return { start, end: last ? dateEnd + last.index + last.length : dateEnd };
    }
    at = dateEnd;
  }
  return null;
}

/** Header fields found in the text, keyed `meeting-date`, `meeting-chair`, `meeting-location`, `meeting-recorder`. */
export function meetingRanges(ctx: ReviewContext, text: string): Map<string, Range> {
  const out = new Map<string, Range>();
  const m = ctx.doc.meeting;
  if (!m || typeof m !== 'object') return out;
  const end = headerEnd(ctx, text);
  const add = (key: string, range: Range | null) => range && out.set(key, range);
  if (typeof m.date === 'string') add('meeting-date', meetingDate(text, m.date, end));
  add('meeting-chair', findIn(text, m.chair?.raw, end));
  add('meeting-location', findIn(text, m.location, end));
  add('meeting-recorder', findIn(text, m.recorder?.raw, text.length));
  return out;
}

import type { Span } from '../types.js';
import { spanRange, type ReviewContext } from './context.js';
import { firstLine, meetingRanges, speakerLabel, type Range } from './locate.js';

/** What a highlight shows; the order is the legend's. `diagnostic` underlines instead of colouring. */
export const MARK_KINDS = ['meeting', 'heading', 'attendee', 'speaker', 'speech', 'ruling', 'dataset', 'date', 'action', 'diagnostic'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export const MARK_LABELS: Record<MarkKind, string> = {
  meeting: 'meeting header',
  heading: 'agenda heading',
  attendee: 'attendee',
  speaker: 'speaker label',
  speech: 'speech body',
  ruling: 'ruling',
  dataset: 'dataset name',
  date: 'date',
  action: 'action (due date)',
  diagnostic: 'diagnostic',
};

/** One highlighted range of the text, linked to the record (table row) it belongs to by `key`. */
export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  key: string;
}

/**
 * Every highlight of a document: record spans (agenda headings by their first line, speeches with
 * their speaker label, rulings, dataset names, attendees, actions, diagnostics) and the meeting
 * header fields found in the text. Empty when the document has no text.
 */
export function collectMarks(ctx: ReviewContext): Mark[] {
  const text = ctx.text;
  if (text === null) return [];
  const out: Mark[] = [];
  const add = (kind: MarkKind, key: string, range: Range | null) => {
    if (range && range.start < range.end) out.push({ start: range.start, end: range.end, kind, key });
  };
  const spanOf = (span: Span | undefined) => spanRange(span, text.length);

  for (const [key, range] of meetingRanges(ctx, text)) add(key === 'meeting-date' ? 'date' : 'meeting', key, range);
  ctx.agenda.forEach((item, i) => {
    const range = spanOf(item.span);
    add('heading', `agenda-${i}`, range && firstLine(text, range));
  });
  ctx.attendees.forEach((a, i) => add('attendee', `attendee-${i}`, spanOf(a.span)));
  ctx.speeches.forEach((s, i) => {
    const range = spanOf(s.span);
    add('speech', `speech-${i}`, range);
    add('speaker', `speech-${i}`, range && speakerLabel(text, range, s.speaker));
  });
  ctx.rulings.forEach((r, i) => add('ruling', `ruling-${i}`, spanOf(r.span)));
  ctx.datasets.forEach((d, i) => add('dataset', `dataset-${i}`, spanOf(d.span)));
  ctx.actions.forEach((a, i) => add('action', `action-${i}`, spanOf(a.span)));
  ctx.diagnostics.forEach((d, i) => add('diagnostic', `diag-${i}`, spanOf(d.span)));
  return out;
}

/** The keys that have at least one highlight: their rows link to the text. */
export const locatedKeys = (marks: readonly Mark[]): Set<string> => new Set(marks.map((m) => m.key));

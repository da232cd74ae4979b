import type { MinutesDocument, Span } from '../types.js';

/**
 * The document as the review page reads it: every list present (a `.jsonl` line from another
 * version may lack some), and a stable key per record (`speech-0`, `attendee-3`) that links a
 * table row to its highlights. Keys are built from list positions, never from document strings.
 */
export interface ReviewContext extends Pick<MinutesDocument, RecordList> {
  doc: MinutesDocument;
  text: string | null;
}

/** The lists of records the page shows, typed as in the contract. */
type RecordList = 'agenda' | 'attendees' | 'speeches' | 'rulings' | 'datasets' | 'actions' | 'diagnostics';

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]).filter((x) => x !== null && typeof x === 'object') : []);

export function reviewContext(doc: MinutesDocument): ReviewContext {
  return {
    doc,
    text: typeof doc.text === 'string' ? doc.text : null,
    agenda: list(doc.agenda),
    attendees: list(doc.attendees),
    speeches: list(doc.speeches),
    rulings: list(doc.rulings),
    datasets: list(doc.datasets),
    actions: list(doc.actions),
    diagnostics: list(doc.diagnostics),
  };
}

/** A span's offsets clamped into the text, or null when it is missing, malformed or empty. */
export function spanRange(span: Span | undefined | null, length: number): { start: number; end: number } | null {
  if (!span || typeof span !== 'object') return null;
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  const s = Math.max(0, start);
  const e = Math.min(length, end);
  return s < e ? { start: s, end: e } : null;
}

/** `L23 · p.2` for a record's span, or '' when it has none. */
export function spanLabel(span: Span | undefined | null): string {
  if (!span || typeof span !== 'object' || !Number.isInteger(span.line)) return '';
  return `L${span.line}` + (Number.isInteger(span.page) ? ` · p.${span.page}` : '');
}

/** A string field as text ('' for null or a non-string a hand-edited file may carry). */
export const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

import type { Span } from '../types.js';
import type { ReviewContext } from './context.js';

/** A page-break rule drawn before `line`. */
export interface PageBreak {
  line: number;
  page: number;
  /** True when the lines on both sides are known to be on the two pages. */
  exact: boolean;
  label: string;
  /** Why the rule is where it is (shown on hover). */
  note: string;
}

/**
 * Where PDF pages begin in the normalised text. The document gives every span its line and page
 * but not the page starts, so each page is taken to start at the first line a record of that page
 * starts on: exact when the line before it holds a record of the page before, inferred otherwise.
 */
export function pageBreaks(ctx: ReviewContext): PageBreak[] {
  const exact = exactPageBreaks(ctx);
  if (exact) return exact;
  const spans: (Span | undefined)[] = [
    ...ctx.agenda.map((x) => x.span),
    ...ctx.attendees.map((x) => x.span),
    ...ctx.speeches.map((x) => x.span),
    ...ctx.rulings.map((x) => x.span),
    ...ctx.datasets.map((x) => x.span),
    ...ctx.actions.map((x) => x.span),
    ...ctx.diagnostics.map((x) => x.span),
  ];
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  for (const s of spans) {
    if (!s || !Number.isInteger(s.page) || !Number.isInteger(s.line)) continue;
    const page = s.page as number;
    first.set(page, Math.min(first.get(page) ?? Infinity, s.line));
    last.set(page, Math.max(last.get(page) ?? -Infinity, s.line));
  }
  const pages = [...first.keys()].sort((a, b) => a - b);
  const out: PageBreak[] = [];
  let prev: number | null = null;
  for (const page of pages) {
    const line = page === pages[0] && page === 1 ? 1 : first.get(page)!;
    const skipped = prev !== null && page > prev + 1;
    const label = skipped ? `pages ${prev! + 1}–${page}` : `page ${page}`;
    const exact = prev === null ? line === 1 : !skipped && last.get(prev)! === line - 1;
    const note = exact
      ? `page ${page} starts at line ${line}`
      : prev === null
        ? `page ${page} starts at or before line ${line} (inferred: no record before it)`
        : `page ${page} starts between line ${last.get(prev)! + 1} and line ${line} (inferred from the records' pages)`;
    // Records that start after a later page's first line (a span across a break) never move a rule backwards.
    if (!out.length || line > out[out.length - 1]!.line) out.push({ line, page, exact, label, note });
    prev = page;
  }
  return out;
}

/** The document's own page starts (`pageStarts`, given with `text`): every rule exact. */
function exactPageBreaks(ctx: ReviewContext): PageBreak[] | null {
  const starts = (ctx.doc as { pageStarts?: unknown }).pageStarts;
  if (!Array.isArray(starts) || !ctx.text) return null;
  const text = ctx.text;
  const out: PageBreak[] = [];
  for (const entry of starts) {
    if (!Array.isArray(entry) || !Number.isInteger(entry[0]) || !Number.isInteger(entry[1])) return null;
    const [page, offset] = entry as [number, number];
    if (offset < 0 || offset > text.length) return null;
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    if (!out.length || line > out[out.length - 1]!.line) out.push({ line, page, exact: true, label: `page ${page}`, note: `page ${page} starts at line ${line}` });
  }
  return out;
}

import type { Heading } from '../segment/headings.js';
import { headingsBetween, type ExtractContext } from './context.js';
import type { Block } from './drafts.js';
import { minOf } from '../util/math.js';

/** The record's text: from after its label to its last line, logical lines joined by newlines. */
export function blockText(ctx: ExtractContext, b: Block): string {
  const first = ctx.lines[b.line]!;
  const parts: string[] = [];
  const head = ctx.text.slice(Math.min(b.textStart, first.end), first.end).trim();
  if (head) parts.push(head);
  for (let i = b.line + 1; i <= b.lastLine; i++) parts.push(ctx.lines[i]!.text);
  return parts.join('\n');
}

/** Headings inside the record (after its label line). */
export function innerHeadings(ctx: ExtractContext, b: Block): Heading[] {
  return headingsBetween(ctx, b.line, b.lastLine);
}

/**
 * The record's top-level numbered entries (1. 2. / (1)(2) / 一、二、): the shallowest headings inside it;
 * each entry's text runs to the next entry and keeps its nested lists.
 */
export function topItems(ctx: ExtractContext, b: Block): { heading: Heading; text: string }[] {
  const inner = innerHeadings(ctx, b);
  if (inner.length === 0) return [];
  const top = minOf(inner.map((h) => h.level));
  const tops = inner.filter((h) => h.level === top);
  return tops.map((h, k) => {
    const end = k + 1 < tops.length ? tops[k + 1]!.line - 1 : b.lastLine;
    const lines = [h.rest];
    for (let i = h.line + 1; i <= end; i++) lines.push(ctx.lines[i]!.text);
    return { heading: h, text: lines.join('\n').trim() };
  });
}

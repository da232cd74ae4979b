import { html, join, type SafeHtml } from './escape.js';
import { MARK_KINDS, type Mark } from './marks.js';
import { copyWith } from '../util/objects.js';
import type { PageBreak } from './pages.js';

/** A run of text covered by the same set of marks, innermost (shortest) mark first. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

const kindRank = (m: Mark) => MARK_KINDS.indexOf(m.kind);
const innermostFirst = (a: Mark, b: Mark) => a.end - a.start - (b.end - b.start) || kindRank(a) - kindRank(b) || a.start - b.start;

/**
 * Cuts `[0, length)` at every mark boundary, so overlapping and nested marks become flat segments
 * that each know every mark covering them. Segments cover the whole text, unmarked runs included.
 *
 * @example
 *   segment(6, [{start: 0, end: 4, …speech}, {start: 2, end: 6, …ruling}])
 *   // [0,2) speech · [2,4) speech+ruling · [4,6) ruling
 */
export function segment(length: number, marks: readonly Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = [...new Set([0, length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const starting = new Map<number, Mark[]>();
  for (const m of valid) starting.set(m.start, [...(starting.get(m.start) ?? []), m]);
  const out: Segment[] = [];
  let active: Mark[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    active = [...active.filter((m) => m.end > start), ...(starting.get(start) ?? [])];
    out.push({ start, end, marks: [...active].sort(innermostFirst) });
  }
  return out;
}

/** The colouring kind of a segment: its innermost mark that is not a diagnostic (those underline). */
export const topKind = (marks: readonly Mark[]) => marks.find((m) => m.kind !== 'diagnostic')?.kind ?? null;

function piece(text: string, seg: Segment, anchors: string[]): SafeHtml {
  const ids = anchors.map((key) => html`<span class="a" id="${'t-' + key}"></span>`);
  if (seg.marks.length === 0) return html`${ids}${text}`;
  const keys = [...new Set(seg.marks.map((m) => m.key))].join(' ');
  const kinds = [...new Set(seg.marks.map((m) => m.kind))].join(' ');
  const diag = seg.marks.some((m) => m.kind === 'diagnostic') ? ' dg' : '';
  const top = topKind(seg.marks);
  return html`${ids}<span class="${'m' + diag}" data-k="${keys}" data-kinds="${kinds}"${top ? html` data-top="${top}"` : ''}>${text}</span>`;
}

/**
 * The normalised text as HTML: one `div.l` per line (numbered by CSS, so copying the text copies no
 * numbers), marked segments as `span.m` with their record keys, an empty anchor `#t-<key>` where
 * each record starts (links work without script), and page-break rules before the lines given.
 */
export function renderText(text: string, marks: readonly Mark[], breaks: readonly PageBreak[] = []): SafeHtml {
  const lines: SafeHtml[] = [];
  const breakAt = new Map(breaks.map((b) => [b.line, b]));
  let current: SafeHtml[] = [];
  let line = 1;
  const anchored = new Set<string>();
  const close = () => {
    const pb = breakAt.get(line);
    if (pb) lines.push(html`<div class="${pb.exact ? 'pb' : 'pb inferred'}" role="separator" title="${pb.note}">${pb.label}</div>`);
    lines.push(html`<div class="l" data-line="${line}">${current}</div>`);
    current = [];
    line++;
  };
  for (const seg of segment(text.length, marks)) {
    const anchors = seg.marks.filter((m) => m.start === seg.start && !anchored.has(m.key)).map((m) => m.key);
    anchors.forEach((k) => anchored.add(k));
    const parts = text.slice(seg.start, seg.end).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) close();
      if (part) current.push(piece(part, seg, i === 0 ? anchors : []));
      else if (i === 0 && anchors.length) current.push(piece('', copyWith(seg, { marks: [] }), anchors));
    });
  }
  close();
  return join(lines);
}

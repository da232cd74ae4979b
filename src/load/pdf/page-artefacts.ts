import { grammar, type Grammar } from '../../grammars/index.js';
import type { PageLine } from './geometry.js';

export interface LaidOutPage {
  height: number;
  /** Top of the page first. */
  lines: PageLine[];
}

/** Header and footer zone: this share of the page height at the top and at the bottom. */
const EDGE = 0.15;
/** Lines looked at from each edge of a page: a letterhead may hold name, English name and a two-line address. */
const DEPTH = 4;

/** Page numbers as written (`3`, `- 3 -`, `第 3 頁`, `第3頁，共10頁`, `3/10`, `Page 3 of 10`): the grammar's table. */
export function isPageNumber(text: string, g: Grammar = grammar()): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  const { pageNumberPatterns, pageEdgeOnlyPatterns } = g.layout;
  return pageNumberPatterns.some((re) => re.test(t)) || pageEdgeOnlyPatterns.some((re) => re.test(t));
}

/** Text with its digits masked, so "第 3 頁" on page 3 and "第 4 頁" on page 4 compare equal. */
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
}

/**
 * Drop running headers and footers and page numbers. A line in the top or bottom zone of a page
 * (among the first or last two lines) goes when it is a page number, or when its digit-masked text
 * recurs in the same zone on at least half of the pages (and on two pages at least).
 * Returns the pages without them and how many lines were dropped.
 */
export function dropPageArtefacts(pages: readonly LaidOutPage[], g: Grammar): { pages: LaidOutPage[]; dropped: number } {
  const counts = new Map<string, number>();
  const edgeLines = pages.map((p) => edgeCandidates(p));
  for (const cands of edgeLines) {
    for (const key of new Set(cands.map((c) => c.key))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  let dropped = 0;
  const out = pages.map((p, i) => {
    const drop = new Set(
      edgeLines[i]!.filter((c) => isPageNumber(c.line.text, g) || (counts.get(c.key) ?? 0) >= needed).map((c) => c.line),
    );
    dropped += drop.size;
    return { height: p.height, lines: p.lines.filter((l) => !drop.has(l)) };
  });
  return { pages: out, dropped };
}

function edgeCandidates(p: LaidOutPage): { key: string; line: PageLine }[] {
  const top = p.lines.slice(0, DEPTH).filter((l) => l.y >= p.height * (1 - EDGE));
  const bottom = p.lines.slice(-DEPTH).filter((l) => l.y <= p.height * EDGE);
  return [
    ...top.filter((l) => !l.table).map((line) => ({ key: `top:${shape(line.text)}`, line })),
    ...bottom.filter((l) => !l.table && !top.includes(l)).map((line) => ({ key: `bottom:${shape(line.text)}`, line })),
  ];
}

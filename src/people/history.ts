import type { Appearance, TitleSpan } from './types.js';

/**
 * Titles and orgs over time, from appearances in date order: consecutive meetings with the same
 * title and org make one span. An appearance with no title (a bare name in a list) does not break
 * or start a span.
 *
 * @example
 *   // 林副處長東亨 (資電處) 2018-06-22, 林處長東亨 (資電處) 2021-07-21 →
 *   // [{ title: '副處長', org: '資電處', from: '2018-06-22', to: '2018-06-22', meetings: 1 },
 *   //  { title: '處長', org: '資電處', from: '2021-07-21', to: '2021-07-21', meetings: 1 }]
 */
export function historyOf(appearances: readonly Appearance[]): TitleSpan[] {
  const spans: TitleSpan[] = [];
  for (const a of appearances) {
    if (!a.title && !a.org) continue;
    const last = spans[spans.length - 1];
    if (last && last.title === a.title && (last.org === a.org || !a.org || !last.org)) {
      last.to = a.date ?? last.to;
      last.org ??= a.org;
      last.meetings++;
    } else spans.push({ title: a.title, org: a.org, from: a.date, to: a.date, meetings: 1 });
  }
  return spans;
}

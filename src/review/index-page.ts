import type { MinutesDocument } from '../types.js';
import { reviewContext, str } from './context.js';
import { html, type SafeHtml } from './escape.js';
import { page } from './page.js';
import { INDEX_JS } from './script.js';
import { INDEX_CSS, REVIEW_CSS } from './style.js';

/** One document of a batch: its review page's address (relative to the index), or why it failed. */
export type ReviewIndexEntry = { doc: MinutesDocument; href: string } | { source: string; error: string };

/** A row of the index, with the values its columns sort by. */
export interface ReviewIndexRow {
  href: string | null;
  source: string;
  title: string;
  /** YYYY-MM-DD, '' when unknown (sorts last). */
  date: string;
  /** Agency and body: 經濟部 政府資料開放諮詢小組. */
  body: string;
  kind: string;
  attendees: number;
  speeches: number;
  rulings: number;
  datasets: number;
  actions: number;
  warnings: number;
  errors: number;
  /** Set when the document could not be parsed; its counts are 0. */
  error: string | null;
  /** False when the document carries no `text` (its page shows no spans). */
  hasText: boolean;
}

const count = (severity: string, doc: MinutesDocument) => reviewContext(doc).diagnostics.filter((d) => d.severity === severity).length;

/** The index rows in input order (the page sorts them in the browser). */
export function reviewIndexRows(entries: readonly ReviewIndexEntry[]): ReviewIndexRow[] {
  return entries.map((entry) => {
    if (!('doc' in entry)) {
      return { href: null, source: str(entry.source), title: '', date: '', body: '', kind: 'failed', attendees: 0, speeches: 0, rulings: 0, datasets: 0, actions: 0, warnings: 0, errors: 0, error: str(entry.error) || 'failed', hasText: false };
    }
    const { doc } = entry;
    const ctx = reviewContext(doc);
    const m = doc.meeting && typeof doc.meeting === 'object' ? doc.meeting : null;
    return {
      href: entry.href,
      source: str(doc.source?.name),
      title: str(doc.title),
      date: typeof m?.date === 'string' ? m.date : '',
      body: [str(m?.agency), str(m?.body)].filter(Boolean).join(' '),
      kind: str(doc.kind),
      attendees: ctx.attendees.length,
      speeches: ctx.speeches.length,
      rulings: ctx.rulings.length,
      datasets: ctx.datasets.length,
      actions: ctx.actions.length,
      warnings: count('warning', doc),
      errors: count('error', doc),
      error: null,
      hasText: ctx.text !== null,
    };
  });
}

const COLUMNS: [label: string, type: 'text' | 'num'][] = [
  ['document', 'text'],
  ['date', 'text'],
  ['body', 'text'],
  ['kind', 'text'],
  ['attendees', 'num'],
  ['speeches', 'num'],
  ['rulings', 'num'],
  ['datasets', 'num'],
  ['actions', 'num'],
  ['warnings', 'num'],
  ['errors', 'num'],
];

function row(r: ReviewIndexRow): SafeHtml {
  const name = r.title || r.source || '(unnamed)';
  const doc = r.href
    ? html`<a href="${r.href}" lang="zh-Hant-TW">${name}</a>${r.title && r.source ? html`<br><span class="raw">${r.source}</span>` : ''}${r.hasText ? '' : html`<br><span class="badge t-warn">no text</span>`}`
    : html`<span lang="zh-Hant-TW">${name}</span><br><span class="badge t-warn">failed</span> <span class="muted">${r.error}</span>`;
  // A failed document has no counts: its cells are empty for sorting, so it sorts last either way.
  const n = (v: number) => (r.error ? html`<td class="n" data-v="">–</td>` : html`<td class="n">${v}</td>`);
  return html`<tr class="${r.error ? 'failed' : 'doc'}"><td data-v="${name}">${doc}</td><td class="nowrap">${r.date}</td><td lang="zh-Hant-TW">${r.body}</td><td>${r.kind}</td>${[
    n(r.attendees),
    n(r.speeches),
    n(r.rulings),
    n(r.datasets),
    n(r.actions),
    n(r.warnings),
    n(r.errors),
  ]}</tr>`;
}

/**
 * The index of a batch review: every document with its date, body, record counts and warning
 * count, failed ones included; columns sort on click, a box filters rows.
 */
export function reviewIndexHtml(entries: readonly ReviewIndexEntry[], options: { title?: string } = {}): string {
  return indexHtmlFromRows(reviewIndexRows(entries), options);
}

/** The index page from rows already made (the CLI makes each row as it writes that document's page). */
export function indexHtmlFromRows(rows: readonly ReviewIndexRow[], options: { title?: string } = {}): string {
  const failed = rows.filter((r) => r.error).length;
  const title = options.title ?? 'Review: minutes';
  const body = html`<header class="top"><h1>${title}</h1><p class="meta">${rows.length} documents${failed ? `, ${failed} failed` : ''}</p></header>
<main class="index">
<input class="filter" type="search" placeholder="filter" aria-label="filter documents">
<div class="tw"><table class="docs"><thead><tr>${COLUMNS.map(
    ([label, type]) => html`<th scope="col" data-type="${type}" aria-sort="none"><button type="button">${label}</button></th>`,
  )}</tr></thead><tbody>${rows.map(row)}</tbody></table></div>
</main>`;
  return page({ title, css: REVIEW_CSS + INDEX_CSS, js: INDEX_JS, body, bodyClass: 'index' });
}

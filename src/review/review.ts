import { withGrammar } from '../grammars/compiled.js';
import type { Grammar } from '../grammars/build.js';
import type { MinutesDocument } from '../types.js';
import { reviewContext, str, type ReviewContext } from './context.js';
import { html, type SafeHtml } from './escape.js';
import { renderText } from './highlight.js';
import { collectMarks, locatedKeys, MARK_KINDS, MARK_LABELS } from './marks.js';
import { agendaSection, meetingSection } from './meeting.js';
import { attendeesSection } from './attendees.js';
import { page } from './page.js';
import { pageBreaks } from './pages.js';
import { actionsSection, datasetsSection, diagnosticsSection, rulingsSection, speechesSection } from './records.js';
import { REVIEW_JS } from './script.js';
import { REVIEW_CSS } from './style.js';

export interface ReviewOptions {
  /** Link back to the index page (set by `twminutes review out.jsonl -o dir/`). */
  indexHref?: string;
  /** The grammar the documents were parsed with (names, titles and chair words are read by it); the package's own by default. */
  grammar?: Grammar;
}

function header(ctx: ReviewContext, indexHref: string | undefined): SafeHtml {
  const { doc } = ctx;
  const src = doc.source && typeof doc.source === 'object' ? doc.source : null;
  const meta = [str(src?.name) || '(unnamed source)', str(src?.format), Number.isInteger(src?.pages) ? `${str(src?.pages)} pages` : '', str(doc.meeting?.date)]
    .filter(Boolean)
    .join(' · ');
  const jumps: [string, string, number][] = [
    ['diagnostics', 'diagnostics', ctx.diagnostics.length],
    ['attendees', 'attendees', ctx.attendees.length],
    ['agenda', 'agenda', ctx.agenda.length],
    ['speeches', 'speeches', ctx.speeches.length],
    ['rulings', 'rulings', ctx.rulings.length],
    ['datasets', 'datasets', ctx.datasets.length],
    ['actions', 'actions', ctx.actions.length],
  ];
  return html`<header class="top">${indexHref ? html`<a class="back" href="${indexHref}">← all documents</a>` : ''}
<h1 lang="zh-Hant-TW">${str(doc.title) || str(src?.name) || 'Untitled document'}</h1>
<p class="meta">${meta}</p>
<nav class="jump" aria-label="records">${jumps.map(([id, label, n]) => html`<a href="${'#sec-' + id}">${label} ${n}</a>`)}</nav>
<ul class="legend" aria-label="highlights">${MARK_KINDS.map(
    (k) => html`<li><label><input type="checkbox" value="${k}" checked><span class="${'sw k-' + k}"></span>${MARK_LABELS[k]}</label></li>`,
  )}</ul>
</header>`;
}

/**
 * The review page of one document: its normalised text with every extracted span highlighted by
 * record type, beside the records as tables and every diagnostic. One self-contained HTML string
 * (inline CSS and script, no network), safe for any document: every document string is escaped.
 * A document parsed without `text: true` gets its tables and a notice instead of the text.
 *
 * @example
 *   const doc = await parseFile('minutes.pdf', { text: true });
 *   await writeFile('review.html', reviewHtml(doc));
 */
export function reviewHtml(doc: MinutesDocument, options: ReviewOptions = {}): string {
  return withGrammar(options.grammar, () => reviewPage(doc, options));
}

function reviewPage(doc: MinutesDocument, options: ReviewOptions): string {
  const ctx = reviewContext(doc);
  const marks = collectMarks(ctx);
  const located = locatedKeys(marks);
  const text =
    ctx.text === null
      ? html`<div class="notice" role="note"><b>No source text in this document.</b> It was parsed without <code>text: true</code>, so spans cannot be shown. Parse it again with <code>twminutes parse --text</code> (or <code>parse(text, { text: true })</code>) and review that output.</div>`
      : html`<div class="text">${renderText(ctx.text, marks, pageBreaks(ctx))}</div>`;
  const body = html`${header(ctx, options.indexHref)}
<main class="split">
<section class="text-pane" aria-label="normalised text" lang="zh-Hant-TW">${text}</section>
<section class="records-pane" aria-label="records">${[
    meetingSection(ctx, located),
    diagnosticsSection(ctx, located),
    attendeesSection(ctx, located),
    agendaSection(ctx, located),
    speechesSection(ctx, located),
    rulingsSection(ctx, located),
    datasetsSection(ctx, located),
    actionsSection(ctx, located),
  ]}</section>
</main>
<div id="tip" class="tip" role="tooltip" hidden></div>`;
  return page({ title: `Review: ${str(doc.title) || str(doc.source?.name) || 'document'}`, css: REVIEW_CSS, js: REVIEW_JS, body, bodyClass: 'review' });
}

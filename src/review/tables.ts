import type { Person, Span } from '../types.js';
import { spanLabel, str } from './context.js';
import { html, type HtmlValue, type SafeHtml } from './escape.js';

/**
 * Building blocks of the record tables. A record row carries its key; clicking it (or its line
 * link, which works without script) shows its span in the text.
 */

/** A titled, collapsible section of the records pane with its count. */
export function section(id: string, title: string, count: number | null, body: HtmlValue): SafeHtml {
  const n = count === null ? '' : html` <span class="count">${count}</span>`;
  return html`<section class="recs" id="${'sec-' + id}"><details open><summary><h2>${title}${n}</h2></summary>${body}</details></section>`;
}

export function table(headers: readonly string[], rows: readonly SafeHtml[], empty = 'none'): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<div class="tw"><table><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The first cell of a record row: its line (and page), a link to its span when it has one. */
export function lineCell(key: string, span: Span | undefined | null, located: boolean): SafeHtml {
  const label = spanLabel(span) || '—';
  return located
    ? html`<td class="loc"><a class="go" href="${'#t-' + key}" data-go="${key}" title="show in the text">${label}</a></td>`
    : html`<td class="loc"><span title="no span in the text">${label}</span></td>`;
}

/** A row of a record table: focusable, keyed, marked when its span cannot be shown. */
export function recordRow(key: string, kind: string, located: boolean, cells: HtmlValue): SafeHtml {
  return html`<tr class="${located ? 'rec' : 'rec nospan'}" data-key="${key}" data-kind="${kind}" tabindex="0">${cells}</tr>`;
}

/** A small label: status, decision, severity. `tone` picks a colour from a fixed set. */
export function badge(text: string, tone: string): SafeHtml {
  return html`<span class="${'badge t-' + tone}">${text}</span>`;
}

/** A value from a closed set (a class name), or `fallback` for anything else. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * A person as the tables show them: the resolved name (or "unresolved"), title and org, then the
 * text as written when it differs, and whom they act for.
 */
export function person(p: Person | null | undefined): SafeHtml {
  if (!p || typeof p !== 'object') return html`<span class="muted">—</span>`;
  const name = str(p.name);
  const who = [str(p.org), str(p.title)].filter(Boolean).join(' ');
  const rawText = str(p.raw);
  const acting = p.actingFor && typeof p.actingFor === 'object' ? p.actingFor : null;
  return html`<span class="person">${name ? html`<b>${name}</b>` : badge('unresolved', 'warn')}${who ? html` <span class="muted">${who}</span>` : ''}${
    rawText && rawText !== name ? html`<br><span class="raw" title="as written">${rawText}</span>` : ''
  }${acting ? html`<br><span class="acting">acting for ${str(acting.name) || str(acting.raw)}</span>` : ''}${
    p.note && !rawText.includes(str(p.note)) ? html` <span class="muted">(${str(p.note)})</span>` : ''
  }</span>`;
}

/** Long text shown whole but folded after a few lines by CSS. */
export const longText = (text: unknown): SafeHtml => html`<div class="long" lang="zh-Hant-TW">${str(text)}</div>`;

/** A numbered list of items (speech points, ruling items). */
export const items = (list: unknown): SafeHtml | '' =>
  Array.isArray(list) && list.length ? html`<ol class="items" lang="zh-Hant-TW">${list.map((x) => html`<li>${str(x)}</li>`)}</ol>` : '';

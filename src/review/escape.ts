/**
 * HTML built by construction: every value interpolated into `html` is escaped unless it is already
 * `SafeHtml` (made by `html` itself). Document strings can therefore never become markup.
 *
 * @example
 *   html`<td>${'<script>'}</td>`.value  // '<td>&lt;script&gt;</td>'
 */

/** A string that is already HTML. Only `html` and `raw` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A value to interpolate: strings and numbers are escaped; arrays are joined; null, undefined and false vanish. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Template tag: literal parts are markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup written in this package (the stylesheet and script constants), never document text. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** Joins fragments into one. */
export const join = (parts: readonly HtmlValue[], separator = ''): SafeHtml => new SafeHtml(parts.map(render).join(separator));

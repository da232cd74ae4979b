/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 (Chinese intact) only when the file starts with it. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Prefix `'` to cells that start with `=`, `+`, `-`, `@`, tab or CR, so that a spreadsheet does
   * not run text from a hostile file as a formula (CSV injection). Off by default: it changes data.
   */
  excelSafe?: boolean;
}

/**
 * One CSV record (RFC 4180): fields with `,` `"` CR or LF are quoted, quotes doubled; null and
 * undefined are empty; booleans are `true`/`false`. Lines end with CRLF.
 *
 * @example
 *   csvRow(['a', 'b,c', 'say "hi"', null, 3]); // 'a,"b,c","say ""hi""",,3\r\n'
 */
export function csvRow(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return values.map((v) => csvField(v, options)).join(',') + '\r\n';
}

export function csvField(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (options.excelSafe && typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

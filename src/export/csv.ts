/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 (Chinese intact) only when the file starts with it. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Prefix `'` to cells that start with `=`, `+`, `-`, `@`, tab or CR, so that a spreadsheet does
   * not run text from a hostile file as a formula (CSV injection), and cut cells longer than a
   * spreadsheet holds (`EXCEL_CELL_MAX`). Off by default: it changes data.
   */
  excelSafe?: boolean;
  /** Counts the cells `excelSafe` cut to a spreadsheet's limit (`EXCEL_CELL_MAX`), for the export to report. */
  truncated?: { count: number };
}

/** The most characters a spreadsheet cell holds (Excel, LibreOffice): longer text is cut when `excelSafe`. */
export const EXCEL_CELL_MAX = 32_767;

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
  if (options.excelSafe && text.length > EXCEL_CELL_MAX) {
    // Past the limit a spreadsheet splits the cell over rows or drops it: cut it, and say so.
    text = text.slice(0, EXCEL_CELL_MAX - 1) + '…';
    if (options.truncated) options.truncated.count++;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

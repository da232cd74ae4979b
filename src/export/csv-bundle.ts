import type { Grammar } from '../grammars/build.js';
import { buildPeopleIndex } from '../people/build.js';
import type { PeopleIndex } from '../people/types.js';
import type { MinutesDocument } from '../types.js';
import { BOM, csvRow, type CsvOptions } from './csv.js';
import { CSV_COLUMNS, csvRecordsOf, peopleRecords, type CsvRecord, type CsvTable } from './csv-tables.js';
import { uniqueDocuments } from './ids.js';

/** File name of each table in the bundle. */
export const csvFileName = (table: CsvTable): string => `${table}.csv`;

/** The header line of a table, BOM first (Excel then reads the file as UTF-8). */
export const csvHeader = (table: CsvTable): string => BOM + csvRow(CSV_COLUMNS[table]);

/** A record as a CSV line in its table's column order. */
export const csvLine = (table: CsvTable, record: CsvRecord, options?: CsvOptions): string => csvRow(CSV_COLUMNS[table].map((c) => record[c]), options);

/**
 * The CSV bundle in memory: `{ 'meetings.csv': '\uFEFFmeeting_id,…', 'attendees.csv': … }`, one
 * row per record, each file UTF-8 with a BOM and CRLF line ends. Files copied twice count once.
 * For a large archive, `twminutes export` streams the same rows to disk instead.
 */
export function toCsvBundle(docs: Iterable<MinutesDocument>, options: CsvOptions & { people?: PeopleIndex; grammar?: Grammar } = {}): Record<string, string> {
  const unique = [...uniqueDocuments(docs)];
  const people = options.people ?? buildPeopleIndex(unique, { grammar: options.grammar });
  const files = Object.fromEntries((Object.keys(CSV_COLUMNS) as CsvTable[]).map((t) => [t, [csvHeader(t)]])) as Record<CsvTable, string[]>;
  for (const doc of unique) {
    for (const [table, records] of Object.entries(csvRecordsOf(doc, people)) as [CsvTable, CsvRecord[]][]) {
      for (const r of records) files[table].push(csvLine(table, r, options));
    }
  }
  for (const r of peopleRecords(people)) files.people.push(csvLine('people', r, options));
  return Object.fromEntries(Object.entries(files).map(([t, chunks]) => [csvFileName(t as CsvTable), chunks.join('')]));
}

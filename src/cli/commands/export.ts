import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isErrorLine, readBatchLines } from '../../archive/jsonl.js';
import { toAkomaNtoso } from '../../export/akn.js';
import { csvFileName, csvHeader, csvLine } from '../../export/csv-bundle.js';
import { CSV_COLUMNS, csvRecordsOf, peopleRecords, type CsvRecord, type CsvTable } from '../../export/csv-tables.js';
import { meetingId } from '../../export/ids.js';
import { createPopoloBuilder } from '../../export/popolo.js';
import type { PeopleIndex } from '../../people/types.js';
import type { MinutesDocument } from '../../types.js';
import type { Command } from '../command.js';
import { indexFiles, readAliasFile } from './people.js';

const FORMATS = ['csv', 'popolo', 'akn'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = 'export <out.jsonl…> --to csv|popolo|akn -o DIR [--aliases people.json] [--excel-safe] [--sayit]';

export const exportCommand: Command = {
  name: 'export',
  summary: `${USAGE}   CSV bundle, Popolo JSON or Akoma Ntoso debates`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, 'excel-safe': { type: 'boolean' }, sayit: { type: 'boolean' }, aliases: { type: 'string' } },
    });
    const to = values.to as Format | undefined;
    if (!positionals.length || !to || !FORMATS.includes(to) || !values.output) {
      io.stderr(`twminutes export: give the batch output, --to ${FORMATS.join('|')} and -o DIR\nUsage: twminutes ${USAGE}`);
      return 2;
    }
    const aliases = await readAliasFile(values.aliases, 'export', io.stderr);
    if (aliases === false) return 2;
    const dir = values.output;
    await mkdir(dir, { recursive: true });
    // Two passes over the archive: people first (ids every format links to), then the records.
    const { index, skipped } = await indexFiles(positionals, aliases);
    const docs = uniqueDocs(positionals);
    let written: string[];
    if (to === 'csv') written = await exportCsv(docs, index, dir, !!values['excel-safe']);
    else if (to === 'popolo') {
      const builder = createPopoloBuilder(index);
      for await (const doc of docs) builder.add(doc);
      await writeFile(join(dir, 'popolo.json'), JSON.stringify(builder.build(), null, 2) + '\n');
      written = ['popolo.json'];
    } else {
      written = [];
      for await (const doc of docs) {
        const xml = toAkomaNtoso(doc, { people: index, sayit: !!values.sayit });
        if (!xml) continue;
        await writeFile(join(dir, `${meetingId(doc)}.xml`), xml);
        written.push(`${meetingId(doc)}.xml`);
      }
    }
    io.stderr(`twminutes export: wrote ${written.length} file(s) to ${dir} (${index.meetings.length} meetings, ${index.people.length} people)`);
    if (to === 'akn') io.stderr('twminutes export: one Akoma Ntoso file per document of minutes, named by its meeting id');
    if (skipped.count) io.stderr(`twminutes export: skipped ${skipped.count} malformed or half-written line(s)`);
    return 0;
  },
};

/** Documents of the batch outputs, each file once (by sha256); error lines are left out. */
async function* uniqueDocs(paths: readonly string[]): AsyncGenerator<MinutesDocument> {
  const seen = new Set<string>();
  for (const path of paths)
    for await (const line of readBatchLines(path)) {
      if (isErrorLine(line) || seen.has(line.source.sha256)) continue;
      seen.add(line.source.sha256);
      yield line;
    }
}

/** Stream rows to one file per table (memory flat whatever the archive size). */
async function exportCsv(docs: AsyncIterable<MinutesDocument>, index: PeopleIndex, dir: string, excelSafe: boolean): Promise<string[]> {
  const tables = Object.keys(CSV_COLUMNS) as CsvTable[];
  const streams = Object.fromEntries(tables.map((t) => [t, createWriteStream(join(dir, csvFileName(t)))])) as Record<CsvTable, WriteStream>;
  const write = async (t: CsvTable, text: string) => {
    if (!streams[t].write(text)) await once(streams[t], 'drain');
  };
  for (const t of tables) await write(t, csvHeader(t));
  for await (const doc of docs)
    for (const [t, records] of Object.entries(csvRecordsOf(doc, index)) as [CsvTable, CsvRecord[]][])
      for (const r of records) await write(t, csvLine(t, r, { excelSafe }));
  for (const r of peopleRecords(index)) await write('people', csvLine('people', r, { excelSafe }));
  await Promise.all(tables.map((t) => new Promise<void>((resolve, reject) => streams[t].end((e?: Error | null) => (e ? reject(e) : resolve())))));
  return tables.map(csvFileName);
}

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isErrorLine, readBatchLines } from '../../archive/jsonl.js';
import { toAkomaNtoso } from '../../export/akn.js';
import { csvFileName, csvHeader, csvLine } from '../../export/csv-bundle.js';
import { EXCEL_CELL_MAX, type CsvOptions } from '../../export/csv.js';
import { CSV_COLUMNS, csvRecordsOf, peopleRecords, type CsvRecord, type CsvTable } from '../../export/csv-tables.js';
import { meetingId } from '../../export/ids.js';
import { createPopoloBuilder } from '../../export/popolo.js';
import type { PeopleIndex } from '../../people/types.js';
import { capLine, capMeeting, LINE_FIELD_MAX } from '../../assemble/caps.js';
import { copyWith } from '../../util/objects.js';
import type { Diagnostic, MinutesDocument } from '../../types.js';
import { checkBatchFiles } from '../batch-files.js';
import type { Command } from '../command.js';
import { GRAMMAR_OPTION, grammarOption } from '../grammar-option.js';
import { withGrammar } from '../../grammars/index.js';
import { indexFiles, readAliasFile } from './people.js';

const FORMATS = ['csv', 'popolo', 'akn'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = 'export <out.jsonl…> --to csv|popolo|akn -o DIR [--aliases people.json] [--grammar DIR] [--excel-safe] [--sayit]';

export const exportCommand: Command = {
  name: 'export',
  summary: `${USAGE}   CSV bundle, Popolo JSON or Akoma Ntoso debates`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, 'excel-safe': { type: 'boolean' }, sayit: { type: 'boolean' }, aliases: { type: 'string' }, ...GRAMMAR_OPTION },
    });
    const to = values.to as Format | undefined;
    if (!positionals.length || !to || !FORMATS.includes(to) || !values.output) {
      io.stderr(`twminutes export: give the batch output, --to ${FORMATS.join('|')} and -o DIR\nUsage: twminutes ${USAGE}`);
      return 2;
    }
    const bad = await checkBatchFiles(positionals);
    if (bad) {
      io.stderr(`twminutes export: ${bad.path}: ${bad.code}: ${bad.message}`);
      return 1;
    }
    const aliases = await readAliasFile(values.aliases, 'export', io.stderr);
    if (aliases === false) return 2;
    const grammar = await grammarOption(values.grammar, 'export', io.stderr);
    if (grammar === false) return 2;
    // Names are folded and told from organisations with the grammar the documents were parsed with.
    const inGrammar = <T>(run: () => T): T => withGrammar(grammar, run);
    const dir = values.output;
    await mkdir(dir, { recursive: true });
    // Two passes over the archive: people first (ids every format links to), then the records.
    const { index, skipped } = await indexFiles(positionals, aliases, grammar);
    const leftOut = new Map<string, number>();
    const capped = { count: 0 };
    const docs = uniqueDocs(positionals, leftOut, capped);
    // Popolo and AKN describe meetings: a document of another kind has none to export.
    const minutesOnly = async function* () {
      for await (const doc of docs) {
        if (doc.kind === 'minutes' && doc.meeting) yield doc;
        else count(leftOut, `not minutes (kind ${doc.kind})`);
      }
    };
    let written: string[];
    let withoutText = 0;
    const truncated = { count: 0 };
    if (to === 'csv') written = await exportCsv(docs, index, dir, { excelSafe: !!values['excel-safe'], truncated }, inGrammar);
    else if (to === 'popolo') {
      const builder = inGrammar(() => createPopoloBuilder(index));
      for await (const doc of minutesOnly()) inGrammar(() => builder.add(doc));
      await writeFile(join(dir, 'popolo.json'), JSON.stringify(inGrammar(() => builder.build()), null, 2) + '\n');
      written = ['popolo.json'];
    } else {
      written = [];
      for await (const doc of minutesOnly()) {
        const xml = inGrammar(() => toAkomaNtoso(doc, { people: index, sayit: !!values.sayit }));
        if (!xml) continue;
        if (doc.text === undefined) withoutText++;
        const name = `${inGrammar(() => meetingId(doc))}.xml`;
        await writeFile(join(dir, name), xml);
        written.push(name);
      }
    }
    io.stderr(`twminutes export: wrote ${written.length} file(s) to ${dir} (${index.meetings.length} meetings, ${index.people.length} people)`);
    if (to === 'akn') io.stderr('twminutes export: one Akoma Ntoso file per document of minutes, named by its meeting id');
    const total = [...leftOut.values()].reduce((a, b) => a + b, 0);
    io.stderr(`twminutes export: left out ${total} document(s)${total ? `: ${[...leftOut].sort((a, b) => b[1] - a[1]).map(([why, n]) => `${n} ${why}`).join(', ')}` : ''}`);
    if (capped.count) io.stderr(`twminutes export: ${capped.count} document(s) had a title, agency, body or location longer than ${LINE_FIELD_MAX} characters: cut, with a field-truncated diagnostic`);
    if (truncated.count) io.stderr(`twminutes export: --excel-safe cut ${truncated.count} cell(s) to ${EXCEL_CELL_MAX} characters, a spreadsheet's limit`);
    if (withoutText)
      io.stderr(`twminutes export: ${withoutText} document(s) have no text (batch without --text): their sections keep speeches and rulings but not their narrative paragraphs`);
    if (skipped.count) io.stderr(`twminutes export: skipped ${skipped.count} malformed or half-written line(s)`);
    return 0;
  },
};

/**
 * Documents of the batch outputs, each file once (by sha256), their one-line fields capped (counted in
 * `capped`); error lines are left out, and counted in `leftOut` by reason.
 */
async function* uniqueDocs(paths: readonly string[], leftOut: Map<string, number>, capped: { count: number }): AsyncGenerator<MinutesDocument> {
  const seen = new Set<string>();
  for (const path of paths)
    for await (const line of readBatchLines(path)) {
      if (isErrorLine(line)) count(leftOut, `refused when parsed (${line.error.code})`);
      else if (seen.has(line.source.sha256)) count(leftOut, 'the same file again');
      else {
        seen.add(line.source.sha256);
        yield capFields(line, capped);
      }
    }
}

/**
 * One-line fields capped as the parser caps them now, for batch outputs written before it did (a
 * one-line file gave a title of millions of characters).
 */
function capFields(doc: MinutesDocument, capped: { count: number }): MinutesDocument {
  const notes: Diagnostic[] = [];
  const title = capLine(doc.title, 'title', notes);
  const meeting = doc.meeting && capMeeting(doc.meeting, notes);
  if (!notes.length) return doc;
  capped.count++;
  return copyWith(doc, { title, meeting, diagnostics: [...doc.diagnostics, ...notes] });
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Stream rows to one file per table (memory flat whatever the archive size). */
async function exportCsv(docs: AsyncIterable<MinutesDocument>, index: PeopleIndex, dir: string, options: CsvOptions, inGrammar: <T>(run: () => T) => T): Promise<string[]> {
  const tables = Object.keys(CSV_COLUMNS) as CsvTable[];
  const streams = Object.fromEntries(tables.map((t) => [t, createWriteStream(join(dir, csvFileName(t)))])) as Record<CsvTable, WriteStream>;
  const write = async (t: CsvTable, text: string) => {
    if (!streams[t].write(text)) await once(streams[t], 'drain');
  };
  for (const t of tables) await write(t, csvHeader(t));
  for await (const doc of docs)
    for (const [t, records] of Object.entries(inGrammar(() => csvRecordsOf(doc, index))) as [CsvTable, CsvRecord[]][])
      for (const r of records) await write(t, csvLine(t, r, options));
  for (const r of inGrammar(() => peopleRecords(index))) await write('people', csvLine('people', r, options));
  await Promise.all(tables.map((t) => new Promise<void>((resolve, reject) => streams[t].end((e?: Error | null) => (e ? reject(e) : resolve())))));
  return tables.map(csvFileName);
}

import { parseArgs } from 'node:util';
import { readBatchLines } from '../../archive/jsonl.js';
import { collectCoverage, coverageTable } from '../../archive/coverage.js';
import { checkBatchFiles } from '../batch-files.js';
import type { Command } from '../command.js';

const USAGE = 'stats <out.jsonl…> [--json] [--top N]';

export const statsCommand: Command = {
  name: 'stats',
  summary: `${USAGE}   coverage of a batch output: per kind and field, refusals by code, the most diagnosed documents`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, top: { type: 'string' } },
    });
    const top = Number(values.top ?? '10');
    if (!positionals.length || !Number.isInteger(top) || top < 0) {
      io.stderr(`twminutes stats: give the JSON Lines written by \`twminutes batch\` (--top takes a whole number)\nUsage: twminutes ${USAGE}`);
      return 2;
    }
    const bad = await checkBatchFiles(positionals);
    if (bad) {
      io.stderr(`twminutes stats: ${bad.path}: ${bad.code}: ${bad.message}`);
      return 1;
    }
    const collector = collectCoverage(top);
    const skipped = { count: 0 };
    for (const path of positionals) for await (const line of readBatchLines(path, skipped)) collector.add(line);
    const coverage = collector.build();
    if (values.json) io.stdout(JSON.stringify(coverage, null, 2));
    else for (const line of coverageTable(coverage)) io.stdout(line);
    if (skipped.count) io.stderr(`twminutes stats: skipped ${skipped.count} malformed or half-written line(s)`);
    return 0;
  },
};

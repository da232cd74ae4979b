#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseFile, isLoadError } from '../index.js';

const USAGE = `Usage: twminutes parse <file> [--pretty] [--text] [--strict]

Turns a Taiwanese meeting-minutes document (.txt, .md, .pdf) into MinutesDocument JSON (schema minutes/1).

Commands:
  parse <file>     print the document's JSON on stdout

Options:
  --pretty         indent the JSON
  --text           include the normalised text that spans point into
  --strict         report warnings as errors
  -h, --help       this help`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { pretty: { type: 'boolean' }, text: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    process.stderr.write(`twminutes: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return command || values.help ? 0 : 2;
  }
  if (command !== 'parse') {
    process.stderr.write(`twminutes: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  if (rest.length !== 1) {
    process.stderr.write(`twminutes: parse takes one file\n${USAGE}\n`);
    return 2;
  }
  try {
    const doc = await parseFile(rest[0]!, { text: !!values.text, strict: !!values.strict });
    process.stdout.write(JSON.stringify(doc, null, values.pretty ? 2 : undefined) + '\n');
    return 0;
  } catch (e) {
    const msg = isLoadError(e) ? `${e.code}: ${e.message}` : `internal-error: ${(e as Error).message}`;
    process.stderr.write(`twminutes: ${rest[0]}: ${msg}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`twminutes: internal-error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);

import { parseArgs } from 'node:util';
import { LoadError } from '../../load/types.js';
import type { Command } from '../command.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse <file> [--pretty] [--text] [--strict]   print one document as MinutesDocument JSON',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { pretty: { type: 'boolean' }, text: { type: 'boolean' }, strict: { type: 'boolean' } },
    });
    if (positionals.length !== 1) {
      io.stderr('twminutes parse: give exactly one file (.txt, .md or .pdf)');
      return 2;
    }
    const file = positionals[0]!;
    try {
      // The parser is imported here, not at the top: every command's module loads at CLI start.
      const { parseFile } = await import('../../index.js');
      const doc = await parseFile(file, { text: !!values.text, strict: !!values.strict });
      io.stdout(JSON.stringify(doc, null, values.pretty ? 2 : undefined));
      return 0;
    } catch (e) {
      io.stderr(`twminutes: ${file}: ${e instanceof LoadError ? `${e.code}: ${e.message}` : `internal-error: ${(e as Error).message}`}`);
      return 1;
    }
  },
};

import { parseArgs } from 'node:util';
import { LoadError } from '../../load/types.js';
import type { Command } from '../command.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse <file> [--pretty] [--text] [--strict] [--format F]   print one document as MinutesDocument JSON',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { pretty: { type: 'boolean' }, text: { type: 'boolean' }, strict: { type: 'boolean' }, format: { type: 'string' } },
    });
    const formats = ['pdf', 'text', 'markdown', 'html', 'docx', 'odt', 'doc', 'akn'] as const;
    const format = values.format as (typeof formats)[number] | undefined;
    if (format !== undefined && !formats.includes(format)) {
      io.stderr(`twminutes parse: --format must be one of ${formats.join(', ')}`);
      return 2;
    }
    if (positionals.length !== 1) {
      io.stderr('twminutes parse: give exactly one file (.pdf, .txt, .md, .html, .docx, .odt, .doc or Akoma Ntoso .xml)');
      return 2;
    }
    const file = positionals[0]!;
    try {
      // The parser is imported here, not at the top: every command's module loads at CLI start.
      const { parseFile } = await import('../../index.js');
      const doc = await parseFile(file, { text: !!values.text, strict: !!values.strict, format });
      io.stdout(JSON.stringify(doc, null, values.pretty ? 2 : undefined));
      return 0;
    } catch (e) {
      io.stderr(`twminutes: ${file}: ${e instanceof LoadError ? `${e.code}: ${e.message}` : `internal-error: ${(e as Error).message}`}`);
      return 1;
    }
  },
};

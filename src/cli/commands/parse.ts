import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LoadError } from '../../load/types.js';
import type { LoadOptions } from '../../load/index.js';
import type { ParseOptions } from '../../pipeline.js';
import type { MinutesDocument } from '../../types.js';
import type { Command, CommandIO } from '../command.js';
import { GRAMMAR_OPTION, grammarOption } from '../grammar-option.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse <file|-> [-o out.json|-] [--name N] [--format F] [--pretty] [--text] [--strict] [--ocr|--ocr-all] [--grammar DIR]   print one document as MinutesDocument JSON (- reads stdin, --name names it)',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pretty: { type: 'boolean' },
        text: { type: 'boolean' },
        strict: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        name: { type: 'string' },
        format: { type: 'string' },
        ocr: { type: 'boolean' },
        'ocr-all': { type: 'boolean' },
        ...GRAMMAR_OPTION,
      },
    });
    const formats = ['pdf', 'text', 'markdown', 'html', 'docx', 'odt', 'doc', 'akn'] as const;
    const format = values.format as (typeof formats)[number] | undefined;
    if (format !== undefined && !formats.includes(format)) {
      io.stderr(`twminutes parse: --format must be one of ${formats.join(', ')}`);
      return 2;
    }
    if (positionals.length !== 1) {
      io.stderr('twminutes parse: give exactly one file (.pdf, .txt, .md, .html, .docx, .odt, .doc or Akoma Ntoso .xml), or - for stdin');
      return 2;
    }
    const grammar = await grammarOption(values.grammar, 'parse', io.stderr);
    if (grammar === false) return 2;
    const file = positionals[0]!;
    let doc: MinutesDocument;
    try {
      const options: ParseOptions & LoadOptions = { text: !!values.text, strict: !!values.strict };
      if (values.name !== undefined) options.name = values.name; // absent, not undefined: parseFile names a file by its path
      if (format !== undefined) options.format = format;
      const ocr = ocrOption(values);
      if (ocr) options.ocr = ocr;
      if (grammar) options.grammar = grammar;
      doc = await parseInput(file, options, io);
    } catch (e) {
      io.stderr(`twminutes: ${file}: ${e instanceof LoadError ? `${e.code}: ${e.message}` : `internal-error: ${(e as Error).message}`}`);
      return 1;
    }
    const json = JSON.stringify(doc, null, values.pretty ? 2 : undefined);
    if (!(await writeOutput(values.output, json, io))) return 1;
    return strictExit(doc, !!values.strict, io);
  },
};

/**
 * `-` is stdin (format from magic bytes, then from the extension of `--name`); anything else a path.
 * `options` go to the parser as they are (`format` forces a format, for a file or stdin alike).
 */
async function parseInput(file: string, options: ParseOptions & LoadOptions, io: CommandIO): Promise<MinutesDocument> {
  // The parser is imported here, not at the top: every command's module loads at CLI start.
  const { parseBytes, parseFile } = await import('../../index.js');
  if (file !== '-') return parseFile(file, options);
  if (!io.readStdin) throw new LoadError('unreadable', 'stdin is not available here');
  return parseBytes(await io.readStdin(), options);
}

/** To stdout (no -o, or -o -) or to a file; false (after one line on stderr) when the file cannot be written. */
export async function writeOutput(output: string | undefined, text: string, io: CommandIO): Promise<boolean> {
  if (output === undefined || output === '-') {
    io.stdout(text);
    return true;
  }
  try {
    await writeFile(output, text + '\n');
    return true;
  } catch (e) {
    io.stderr(`twminutes: cannot write ${output}: ${(e as Error).message}`);
    return false;
  }
}

/** `--strict`: exit 1 when any warning or error remains (the document is still written). */
export function strictExit(doc: MinutesDocument, strict: boolean, io: CommandIO): number {
  if (!strict) return 0;
  const left = doc.diagnostics.filter((d) => d.severity !== 'info');
  if (!left.length) return 0;
  const codes = [...new Set(left.map((d) => d.code))];
  io.stderr(`twminutes parse: --strict: ${left.length} diagnostic(s) remain (${codes.join(', ')})`);
  return 1;
}

/** `--ocr`: pages without usable text are read by OCR; `--ocr-all`: every page (see docs/ocr.md). */
export function ocrOption(values: { ocr?: boolean; 'ocr-all'?: boolean }): 'auto' | true | undefined {
  return values['ocr-all'] ? true : values.ocr ? 'auto' : undefined;
}

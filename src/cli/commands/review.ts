import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ocrOption } from './parse.js';
import { LoadError } from '../../load/types.js';
import { readJsonl, pageFileName } from '../../review/files.js';
import { indexHtmlFromRows, reviewIndexRows, type ReviewIndexRow } from '../../review/index-page.js';
import { reviewHtml } from '../../review/review.js';
import type { MinutesDocument } from '../../types.js';
import type { Command, CommandIO } from '../command.js';
import { GRAMMAR_OPTION, grammarOption } from '../grammar-option.js';
import type { Grammar } from '../../grammars/index.js';

const NO_TEXT = 'has no "text", so its page shows the records but no highlighted source; produce it with --text (twminutes parse --text, or batch --text)';

const isDir = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;

/** One document: a .txt/.md/.pdf parsed with text, or a .json MinutesDocument (`twminutes parse --text` output). */
async function loadOne(file: string, ocr: 'auto' | true | undefined, grammar: Grammar | null): Promise<MinutesDocument> {
  // The parser is imported here, not at the top: every command's module loads at CLI start.
  if (extname(file).toLowerCase() !== '.json') return (await import('../../index.js')).parseFile(file, Object.assign({ text: true }, ocr ? { ocr } : {}, grammar ? { grammar } : {}));
  const doc = JSON.parse(await readFile(file, 'utf8')) as MinutesDocument;
  if (!doc || doc.schema !== 'minutes/1') throw new Error('not a MinutesDocument (no "schema": "minutes/1")');
  return doc;
}

async function reviewOne(file: string, output: string | undefined, io: CommandIO, ocr: 'auto' | true | undefined, grammar: Grammar | null): Promise<number> {
  let doc: MinutesDocument;
  try {
    doc = await loadOne(file, ocr, grammar);
  } catch (e) {
    io.stderr(`twminutes review: ${file}: ${e instanceof LoadError ? `${e.code}: ${e.message}` : (e as Error).message}`);
    return 1;
  }
  // The page reads dates and times again (to highlight them) with the same grammar.
  const page = reviewHtml(doc, { grammar: grammar ?? undefined });
  if (output === undefined) io.stdout(page);
  else {
    const target = output.endsWith('/') || (await isDir(output)) ? join(output, pageFileName(basename(file), 0, new Set())) : output;
    await writeFile(target, page);
    io.stderr(`twminutes review: wrote ${target}`);
  }
  if (typeof doc.text === 'string') return 0;
  io.stderr(`twminutes review: ${file} ${NO_TEXT}`);
  return 1;
}

/** A batch: one page per document line, then `index.html`; failed lines are listed as failed. */
async function reviewBatch(file: string, dir: string, io: CommandIO, grammar: Grammar | null): Promise<number> {
  await mkdir(dir, { recursive: true });
  const used = new Set(['index.html']);
  const rows: ReviewIndexRow[] = [];
  let withoutText = 0;
  for await (const item of readJsonl(file)) {
    if (!('doc' in item)) {
      rows.push(...reviewIndexRows([item]));
      continue;
    }
    const name = pageFileName(item.doc.source?.name, rows.length, used);
    await writeFile(join(dir, name), reviewHtml(item.doc, { indexHref: 'index.html', grammar: grammar ?? undefined }));
    rows.push(...reviewIndexRows([{ doc: item.doc, href: encodeURIComponent(name) }]));
    if (typeof item.doc.text !== 'string') {
      withoutText++;
      io.stderr(`twminutes review: ${file}:${item.line} (${item.doc.source?.name ?? 'unnamed'}) ${NO_TEXT}`);
    }
  }
  await writeFile(join(dir, 'index.html'), indexHtmlFromRows(rows, { title: `Review: ${basename(file)}` }));
  const failed = rows.filter((r) => r.error).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stderr(`twminutes review: wrote ${plural(rows.length - failed, 'page')} and ${join(dir, 'index.html')}${failed ? ` (${plural(failed, 'failed document')} listed)` : ''}`);
  return withoutText > 0 ? 1 : 0;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review <file|out.jsonl> [-o page.html|dir/] [--ocr|--ocr-all] [--grammar DIR]   HTML page(s) showing what was extracted over the source text',
  async run(argv, io) {
    try {
      return await run(argv, io);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // Usage errors go to main (exit 2); file-system errors say which file could not be written.
      if (!err.syscall) throw e;
      io.stderr(`twminutes review: cannot write: ${err.message}`);
      return 1;
    }
  },
};

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, ocr: { type: 'boolean' }, 'ocr-all': { type: 'boolean' }, ...GRAMMAR_OPTION } });
  if (positionals.length !== 1) {
    io.stderr('twminutes review: give exactly one file: a .txt, .md or .pdf (or a .json document), or a .jsonl batch output with -o <dir>/');
    return 2;
  }
  const grammar = await grammarOption(values.grammar, 'review', io.stderr);
  if (grammar === false) return 2;
  const file = positionals[0]!;
  const output = values.output;
  if (extname(file).toLowerCase() !== '.jsonl') return reviewOne(file, output, io, ocrOption(values), grammar);
  if (!output || extname(output).toLowerCase() === '.html') {
    io.stderr('twminutes review: a .jsonl input writes one page per document and an index: give a directory with -o <dir>/');
    return 2;
  }
  if (!(await stat(file).catch(() => null))?.isFile()) {
    io.stderr(`twminutes review: ${file}: unreadable: no such file`);
    return 1;
  }
  return reviewBatch(file, output, io, grammar);
}

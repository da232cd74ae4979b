import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Unix and Node manners of the built CLI and package (issue 18, part 2).
const cli = (args: string[], input?: string | Buffer, cwd?: string) =>
  spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8', input, cwd, maxBuffer: 64 << 20 });
const tmp = () => mkdtempSync(join(tmpdir(), 'twm-manners-'));
const SAMPLE = ROOT + 'samples/mofa-2021-110-1.txt';
// A real document with a speaker the parser cannot resolve: a warning remains after parsing. (It was
// 09_tainan…, whose date and weekday disagreed when its spaced digits 1 0 1 年 were misread; they are read now.)
const WARNED = ROOT + 'test/fixtures/corpus/raw/02_taipei-citygov-2122-20201222.txt';

describe('CommonJS', () => {
  it('require("twminutes") resolves through the package exports and parses (Node ≥ 20.19 requires the ESM build)', () => {
    const code = `const t = require('twminutes'); process.stdout.write(t.parse(require('fs').readFileSync(${JSON.stringify(SAMPLE)}, 'utf8')).meeting.date)`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect([r.status, r.stderr, r.stdout]).toEqual([0, '', '2021-07-21']);
  });
});

describe('twminutes parse: stdin and -o', () => {
  it('- reads a text document from stdin: the same document as from its file, but without a name', () => {
    const fromFile = JSON.parse(cli(['parse', SAMPLE]).stdout);
    const r = cli(['parse', '-'], readFileSync(SAMPLE));
    expect(r.status).toBe(0);
    const fromStdin = JSON.parse(r.stdout);
    expect(fromStdin.source.name).toBeNull();
    expect(fromStdin.attendees).toEqual(fromFile.attendees);
    expect(fromStdin.source.sha256).toBe(fromFile.source.sha256);
  });

  it('- reads a PDF from stdin (the format from its magic bytes)', () => {
    const r = cli(['parse', '-'], readFileSync(ROOT + 'test/fixtures/pdf/moea-2021-7-1.pdf'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).source).toMatchObject({ format: 'pdf', pages: expect.any(Number) });
  });

  it('--name names what stdin holds: Markdown read as Markdown (a real committee record)', () => {
    const md = ROOT + 'test/fixtures/corpus/raw/63_community-committee27-20241210.md';
    const r = cli(['parse', '-', '--name', 'minutes.md'], readFileSync(md));
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source).toMatchObject({ name: 'minutes.md', format: 'markdown' });
    expect(doc.agenda).toEqual(JSON.parse(cli(['parse', md]).stdout).agenda);
    expect(JSON.parse(cli(['parse', '-'], readFileSync(md)).stdout).source.format).toBe('text'); // without it, text
  });

  it('binary data on stdin is refused like a binary file: not-text, exit 1', () => {
    const r = cli(['parse', '-'], Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not-text');
  });

  it('-o FILE writes the file and nothing to stdout; -o - writes stdout', () => {
    const out = join(tmp(), 'doc.json');
    const r = cli(['parse', SAMPLE, '-o', out]);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe('minutes/1');
    expect(JSON.parse(cli(['parse', SAMPLE, '-o', '-']).stdout).schema).toBe('minutes/1');
    const bad = cli(['parse', SAMPLE, '-o', join(tmp(), 'no/such/dir/doc.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('cannot write');
  });
});

describe('--strict', () => {
  it('parse: exit 1 when a warning remains (the document is still written), 0 when none does', () => {
    const warned = cli(['parse', WARNED, '--strict']);
    expect(warned.status).toBe(1);
    const doc = JSON.parse(warned.stdout);
    expect(doc.diagnostics.find((d: { code: string }) => d.code === 'unresolved-speaker').severity).toBe('error');
    expect(warned.stderr).toContain('unresolved-speaker');
    expect(cli(['parse', WARNED]).status).toBe(0);
    const clean = cli(['parse', SAMPLE, '--strict']);
    expect(JSON.parse(clean.stdout).diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
    expect(clean.status).toBe(0);
  });

  it('batch: exit 1 when any document keeps a warning, 0 without --strict', () => {
    const out = join(tmp(), 'out.jsonl');
    expect(cli(['batch', SAMPLE, WARNED, '-o', out, '--quiet', '--strict']).status).toBe(1);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(cli(['batch', SAMPLE, WARNED, '-o', out, '--quiet']).status).toBe(0);
    expect(cli(['batch', SAMPLE, '-o', out, '--quiet', '--strict']).status).toBe(0);
  });
});

describe('batch on an empty folder', () => {
  it('writes an empty output, says so in one line, exits 0', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'empty'));
    const out = join(dir, 'out.jsonl');
    const r = cli(['batch', join(dir, 'empty'), '-o', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no .txt, .md or .pdf file');
    // The empty output is a valid (empty) batch output for the commands that read one.
    expect(cli(['stats', out]).status).toBe(0);
    expect(cli(['people', out]).status).toBe(0);
  });
});

describe('people, export and stats refuse what is not a batch output with a coded error', () => {
  const dir = tmp();
  const binary = join(dir, 'binary.jsonl');
  writeFileSync(binary, Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 8, 0, 255, 254, 0, 7, 10, 1, 2]));
  const cases: [string, string, string][] = [
    ['a missing file', join(dir, 'missing.jsonl'), 'unreadable'],
    ['a directory', dir, 'unreadable'],
    ['a binary file', binary, 'not-jsonl'],
    ['a document instead of its batch output', SAMPLE, 'not-jsonl'],
    ['a PDF', ROOT + 'test/fixtures/pdf/moea-2021-7-1.pdf', 'not-jsonl'],
  ];
  for (const [what, file, code] of cases)
    it(`${what}: ${code}, exit 1, one line, never internal-error`, () => {
      for (const args of [['people', file], ['export', file, '--to', 'csv', '-o', join(dir, 'csv')], ['stats', file]]) {
        const r = cli(args);
        expect(r.status, args.join(' ')).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(`${file}: ${code}: `);
        expect(r.stderr).not.toContain('internal-error');
      }
    });
});

describe('docs/cli.md', () => {
  const doc = readFileSync(ROOT + 'docs/cli.md', 'utf8');
  const dir = tmp();
  // Run a `twminutes …` line of the docs from the repository's root, its output files in a temporary folder.
  const runLine = (line: string) => {
    // A trailing `# exit N` says the exit code the docs show; it is no argument.
    const args = line.replace(/\s+#.*$/, '').replace(/^twminutes /, '').split(' ');
    return cli(args.map((a, i) => (a === 'out.jsonl' || (args[i - 1] === '-o' && a === 'akn') ? join(dir, a) : a)), undefined, ROOT);
  };

  it('the stats example shows what stats prints for that batch', () => {
    const commands = /## `twminutes stats`\n\n```sh\n([\s\S]*?)```/.exec(doc)![1]!.trim().split('\n');
    expect(commands).toHaveLength(2);
    expect(runLine(commands[0]!).status).toBe(1); // the encrypted PDF is refused
    const shown = /<!-- stats-output -->\n```\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(runLine(commands[1]!).stdout).toBe(shown);
  });

  it('the export example: its left-out line is what export says', () => {
    runLine(/## `twminutes stats`\n\n```sh\n([^\n]*)/.exec(doc)![1]!); // the batch it reads
    const line = /```sh\n(twminutes export out\.jsonl[^\n]*)\n```/.exec(doc)![1]!;
    const r = runLine(line);
    const shown = /twminutes export: left out[^\n]*/.exec(doc)![0];
    expect(r.stderr).toContain(shown);
  });
});

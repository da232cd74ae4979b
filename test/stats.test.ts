import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { COVERAGE_FIELDS, type Coverage } from '../src/archive/coverage.js';

// `twminutes stats` on a real batch output: the samples, the corpus documents and one binary file.
// Three inputs are refused: the binary file, the encrypted PDF and the corpus PDF whose text layer is
// noise (41_asroc…, fonts without a Unicode map: pdf-garbled-text, refused since the formats merge).
const cli = (args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

interface Line {
  kind?: string;
  meeting?: { date: string | null; chair: unknown } | null;
  attendees?: unknown[];
  speeches?: unknown[];
  rulings?: unknown[];
  datasets?: unknown[];
  actions?: unknown[];
  diagnostics?: { severity: string; code: string }[];
  source: { name: string };
  error?: { code: string };
}

let out = '';
let batchStderr = '';
let lines: Line[] = [];
const CORPUS = ROOT + 'test/fixtures/corpus/raw';

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'twm-stats-'));
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
  copyFileSync(ROOT + 'test/fixtures/pdf/encrypted.pdf', join(broken, 'encrypted.pdf'));
  out = join(dir, 'out.jsonl');
  const r = cli(['batch', ROOT + 'samples', CORPUS, broken, '-o', out, '--jobs', '2']);
  expect(r.status).toBe(1); // three inputs refused
  batchStderr = r.stderr;
  lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}, 120_000);

const has: Record<(typeof COVERAGE_FIELDS)[number], (l: Line) => boolean> = {
  date: (l) => !!l.meeting?.date,
  chair: (l) => !!l.meeting?.chair,
  attendees: (l) => !!l.attendees?.length,
  speeches: (l) => !!l.speeches?.length,
  rulings: (l) => !!l.rulings?.length,
  datasets: (l) => !!l.datasets?.length,
  actions: (l) => !!l.actions?.length,
};

describe('twminutes stats', () => {
  it('--json: every line counted, per kind and field as the lines say, refusals by code', () => {
    const r = cli(['stats', out, '--json']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as Coverage;
    const inputs = readdirSync(ROOT + 'samples').filter((f) => /\.(txt|md|pdf)$/.test(f)).length + readdirSync(CORPUS).length + 2;
    expect(c.lines).toBe(inputs);
    expect([c.documents, c.refused]).toEqual([inputs - 3, 3]);
    expect(c.refusals).toEqual({ 'not-text': 1, 'pdf-encrypted': 1, 'pdf-garbled-text': 1 });
    expect(lines.find((l) => l.error?.code === 'pdf-garbled-text')?.source.name).toBe('41_asroc-council-minutes_20230818.pdf');
    const minutes = lines.filter((l) => l.kind === 'minutes');
    expect(c.kinds.minutes!.documents).toBe(minutes.length);
    expect(c.kinds.other!.documents).toBe(lines.filter((l) => l.kind === 'other').length);
    for (const f of COVERAGE_FIELDS) expect(c.kinds.minutes!.fields[f], f).toBe(minutes.filter(has[f]).length);
    // The corpus has minutes with dates and attendees, and minutes without attendees (every minutes
    // document read now has its date; 41_asroc, whose text layer is noise, is refused as garbled).
    expect(c.kinds.minutes!.fields.date).toBeGreaterThan(10);
    expect(c.kinds.minutes!.fields.attendees).toBeGreaterThan(10);
    expect(c.kinds.minutes!.fields.attendees).toBeLessThan(minutes.length);
    expect(c.kinds.minutes!.withRecords).toBe(minutes.filter((l) => COVERAGE_FIELDS.slice(2).some((f) => has[f](l))).length);
  });

  it('the most diagnosed documents come first, with their codes', () => {
    const c = JSON.parse(cli(['stats', out, '--json', '--top', '3']).stdout) as Coverage;
    const counts = lines.filter((l) => !l.error).map((l) => ({ name: l.source.name, n: l.diagnostics!.filter((d) => d.severity !== 'info').length }));
    const most = Math.max(...counts.map((x) => x.n));
    expect(c.mostDiagnosed).toHaveLength(3);
    expect(c.mostDiagnosed[0]!.diagnostics).toBe(most);
    expect(counts.filter((x) => x.n === most).map((x) => x.name)).toContain(c.mostDiagnosed[0]!.name);
    expect(c.mostDiagnosed.map((d) => d.diagnostics)).toEqual([...c.mostDiagnosed.map((d) => d.diagnostics)].sort((a, b) => b - a));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(c.mostDiagnosed[0]!.codes)).toBe(most);
  });

  it('the table: a row per kind with the same numbers, then refusals and the most diagnosed', () => {
    const r = cli(['stats', out]);
    expect(r.status).toBe(0);
    const c = JSON.parse(cli(['stats', out, '--json']).stdout) as Coverage;
    const table = r.stdout.split('\n');
    expect(table[0]).toBe(`${c.lines} lines: ${c.documents} documents, 3 refused`);
    expect(table.find((l) => l.startsWith('kind '))!.split(/\s{2,}/)).toEqual(['kind', 'docs', 'with records', ...COVERAGE_FIELDS]);
    const row = table.find((l) => l.startsWith('minutes '))!.trim().split(/\s+/);
    const m = c.kinds.minutes!;
    expect(row).toEqual(['minutes', String(m.documents), String(m.withRecords), ...COVERAGE_FIELDS.map((f) => String(m.fields[f]))]);
    expect(table).toContain('refused: pdf-garbled-text 1, not-text 1, pdf-encrypted 1');
    expect(table).toContain('most diagnosed:');
  });

  it('the batch summary says how many are minutes with records, not "ok"', () => {
    const c = JSON.parse(cli(['stats', out, '--json']).stdout) as Coverage;
    const summary = batchStderr.split('\n').find((l) => / files in /.test(l))!;
    expect(summary).not.toMatch(/\bok\b/);
    expect(summary).toContain(`${c.kinds.minutes!.withRecords} minutes with records`);
    expect(summary).toContain(`${c.kinds.other!.documents} other`);
    expect(summary).toContain('3 failed');
    const fields = batchStderr.split('\n').find((l) => l.startsWith('  minutes with: '))!;
    expect(fields).toContain(`date ${c.kinds.minutes!.fields.date},`);
  });
});

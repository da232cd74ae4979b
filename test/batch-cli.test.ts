import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildBatchArchive } from '../scripts/fixtures/build-batch-archive.mjs';
import { ROOT, childPids, isRunning } from './helpers.js';

// The built CLI as users run it (npm test builds dist/ first), with a non-TTY stderr.
const CLI = ROOT + 'dist/cli/main.js';
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

interface Line {
  schema?: string;
  kind?: string;
  source: { name: string | null; sha256: string | null };
  error?: { code: string; message: string };
}
const readLines = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const outcomeOf = (l: Line) => l.error?.code ?? l.kind;

let archive: string;
let manifest: { name: string; expect: string }[];
const expected = () => Object.fromEntries(manifest.map((m) => [m.name, m.expect]));

beforeAll(() => {
  archive = mkdtempSync(join(tmpdir(), 'twm-batch-'));
  manifest = buildBatchArchive(archive, { copies: 3 });
});

describe('twminutes batch', () => {
  it('every sample three times over plus broken files: one line per input, the right codes, progress, summary', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'twm-out-')), 'out.jsonl');
    const r = cli('batch', archive, '-o', out, '--jobs', '2');
    expect(r.status).toBe(1); // some inputs failed
    const lines = readLines(out);
    expect(lines).toHaveLength(manifest.length);
    expect(Object.fromEntries(lines.map((l) => [l.source.name, outcomeOf(l)]))).toEqual(expected());
    // Stable order: the lines follow the sorted inputs whatever the order the workers finished in.
    expect(lines.map((l) => l.source.name)).toEqual(manifest.map((m) => m.name));
    for (const l of lines.filter((x) => x.error)) expect(l.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Not a terminal: plain progress lines (at each tenth), then the summary.
    const err = r.stderr.trim().split('\n');
    expect(err.filter((l) => /^twminutes batch: \d+\/38 \(\d+%\) · [\d.]+ files\/s/.test(l)).length).toBeGreaterThanOrEqual(9);
    expect(err.find((l) => l.includes('38/38'))).toMatch(/^twminutes batch: 38\/38 \(100%\) · [\d.]+ files\/s · \d+ ok, \d+ with warnings, 4 failed$/);
    const summary = err.find((l) => l.includes('38 files in'))!;
    expect(summary).toMatch(/^twminutes batch: 38 files in [\d.]+ s \([\d.]+ files\/s\): \d+ minutes with records, .*4 failed; \d+ with warnings$/);
    expect(err).toContain('  failed: pdf-corrupt 2, pdf-encrypted 1, not-text 1');
    expect(err.find((l) => l.startsWith('  slowest: '))).toBeDefined();
  });

  it('killed half-way, then --resume: each input exactly once, the first run\'s lines kept', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'twm-out-')), 'out.jsonl');
    const child = spawn(process.execPath, [CLI, 'batch', archive, '-o', out, '--jobs', '2'], { stdio: 'ignore' });
    let running = true;
    const exited = new Promise((resolve) => child.on('exit', resolve)).then(() => (running = false));
    while (running && !(existsSync(out) && readFileSync(out, 'utf8').split('\n').length > 6)) await sleep(10);
    expect(running).toBe(true); // killed half-way, not after the end
    const workers = childPids(child.pid!);
    expect(workers.length).toBe(2); // --jobs 2: two worker processes
    child.kill('SIGKILL');
    await exited;
    // Its worker processes see their channel close and end: none goes on parsing for nobody.
    for (let waited = 0; workers.some(isRunning) && waited < 10_000; waited += 50) await sleep(50);
    expect(workers.filter(isRunning)).toEqual([]);
    const before = readFileSync(out, 'utf8');
    const complete = before.slice(0, before.lastIndexOf('\n') + 1);
    expect(complete.split('\n').filter(Boolean).length).toBeLessThan(manifest.length);

    const r = cli('batch', archive, '-o', out, '--jobs', '2', '--resume');
    expect(r.status).toBe(1);
    const after = readFileSync(out, 'utf8');
    expect(after.startsWith(complete)).toBe(true);
    const lines = readLines(out);
    expect(lines.map((l) => l.source.name).sort()).toEqual(manifest.map((m) => m.name).sort());
    expect(Object.fromEntries(lines.map((l) => [l.source.name, outcomeOf(l)]))).toEqual(expected());
    expect(r.stderr).toMatch(/resumed: \d+ already in the output/);

    // Once complete, resuming again parses nothing and adds nothing.
    const again = cli('batch', archive, '-o', out, '--resume', '--quiet');
    expect(again.status).toBe(1); // earlier failures still count
    expect(readFileSync(out, 'utf8')).toBe(after);
  });

  it('a half-written last line is dropped and its file parsed again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-out-'));
    const out = join(dir, 'out.jsonl');
    const inputs = [ROOT + 'samples/mofa-2021-110-1.txt', ROOT + 'samples/mofa-2018-107-1.txt'];
    expect(cli('batch', inputs[0]!, '-o', out, '-q').status).toBe(0);
    const full = cli('parse', inputs[1]!).stdout;
    appendFileSync(out, full.slice(0, 200)); // killed mid-write
    const r = cli('batch', ...inputs, '-o', out, '--resume');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('dropped a half-written last line');
    expect(readLines(out).map((l) => l.source.name)).toEqual(['mofa-2021-110-1.txt', 'mofa-2018-107-1.txt']);
  });

  it('--shard i/n: the shards of one archive are disjoint and cover it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-out-'));
    const names = [1, 2, 3].flatMap((i) => {
      const out = join(dir, `shard-${i}.jsonl`);
      const r = cli('batch', join(archive, 'copy-*/*.txt'), join(archive, 'broken'), '--shard', `${i}/3`, '-o', out, '--quiet', '--jobs', '2');
      expect(r.stderr).toBe('');
      return existsSync(out) ? readLines(out).map((l) => `${l.source.name}`) : [];
    });
    const all = manifest.filter((m) => /^copy-.*\.txt$/.test(m.name)).map((m) => m.name);
    all.push(...manifest.filter((m) => m.name.startsWith('broken/')).map((m) => m.name.slice('broken/'.length)));
    expect(names.sort()).toEqual(all.sort());
  });

  it('writes JSON Lines to stdout without -o; --quiet silences stderr', () => {
    const r = cli('batch', ROOT + 'samples/moea-2021-7-1.txt', ROOT + 'samples/moj-action-strategy.txt', '--quiet');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).kind)).toEqual(['minutes', 'other']);
  });

  it('usage errors exit 2', () => {
    expect(cli('batch').status).toBe(2);
    expect(cli('batch', archive, '--shard', '4/3').status).toBe(2);
    expect(cli('batch', archive, '--resume').status).toBe(2);
    expect(cli('batch', archive, '--jobs', '0').status).toBe(2);
    // node takes whole megabytes only: 1.5 would stop every worker process before it starts.
    const fractional = cli('batch', archive, '--max-memory', '1.5');
    expect([fractional.status, fractional.stderr]).toEqual([2, expect.stringContaining('--jobs and --max-memory take whole numbers')]);
    expect(cli('batch', join(archive, '*.nothing')).status).toBe(2);
    // Not a usage error, but no file could be parsed: one line saying why, not an error line per file.
    const tiny = cli('batch', ROOT + 'samples', '--max-memory', '1', '--quiet');
    expect([tiny.status, tiny.stdout, tiny.stderr.trim()]).toEqual([1, '', 'twminutes batch: a worker could not start (its heap limit of 1 MB is too small to load the parser).']);
    const unwritable = cli('batch', join(archive, 'broken'), '-o', join(archive, 'no-such-dir', 'out.jsonl'));
    expect([unwritable.status, unwritable.stderr]).toEqual([1, expect.stringContaining('cannot write')]);
  });
});

describe('twminutes schema', () => {
  it('prints the shipped JSON Schema of MinutesDocument', () => {
    const r = cli('schema');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(ROOT + 'schema/minutes-1.schema.json', 'utf8')));
    expect(cli('schema', 'extra').status).toBe(2);
  });
});

// Keeps the helper honest: the archive holds what the manifest says.
it('the batch archive builder writes what its manifest lists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twm-b-'));
  const m = buildBatchArchive(dir, { copies: 1 }) as { name: string }[];
  for (const { name } of m) expect(existsSync(join(dir, name))).toBe(true);
});


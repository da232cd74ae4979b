import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ROOT, childPids, commandLine, isRunning } from './helpers.js';
import { parseFile } from '../src/index.js';
import { BATCH_V8_FLAGS, batchUsesThreads, relaunchArgs } from '../src/cli/v8-flags.js';

// The built CLI, as users run it (npm test builds dist/ first).
const cli = (...args: string[]) => spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', ...args], { encoding: 'utf8' });

describe('twminutes parse', () => {
  it('prints the JSON of a sample and exits 0', () => {
    const r = cli('parse', ROOT + 'samples/mofa-2021-110-1.txt');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schema: 'minutes/1', kind: 'minutes', source: { name: 'mofa-2021-110-1.txt', format: 'text' } });
    expect(doc.text).toBeUndefined();
  });

  it('--text adds the normalised text, --pretty indents', () => {
    const r = cli('parse', ROOT + 'samples/moea-2021-7-1.txt', '--text', '--pretty');
    expect(r.stdout.startsWith('{\n  "schema"')).toBe(true);
    expect(JSON.parse(r.stdout).text).toContain('經濟部政府資料開放諮詢小組');
  });

  it('parses a PDF', () => {
    const r = cli('parse', ROOT + 'test/fixtures/pdf/moea-2021-7-1.pdf');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source).toMatchObject({ format: 'pdf', pages: expect.any(Number) });
  });

  it('the CLI inflates PDF streams in place (no DecompressionStream): the same document as the library, and an inflate bomb ends in a clean refusal', async () => {
    expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe('function'); // the library's path here
    const file = ROOT + 'test/fixtures/pdf/mofa-2021-110-1.pdf';
    const viaCli = cli('parse', file);
    expect(viaCli.status).toBe(0);
    expect(JSON.parse(viaCli.stdout)).toEqual(JSON.parse(JSON.stringify(await parseFile(file))));
    const bomb = cli('parse', ROOT + 'test/fixtures/pdf/hostile/inflate-bomb.pdf'); // 100 KB → 100 MB of spaces: no text
    expect(bomb.status).toBe(1);
    expect(bomb.stderr.trim().split('\n')).toEqual([expect.stringContaining('pdf-no-text')]);
  });

  it('a missing file: one clear line and exit 1', () => {
    const r = cli('parse', '/no/such/file.txt');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unreadable');
  });

  it('an encrypted PDF: a coded error and exit 1', () => {
    const r = cli('parse', ROOT + 'test/fixtures/pdf/encrypted.pdf');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pdf-encrypted');
  });

  it('binary data named .txt: not-text, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-'));
    writeFileSync(join(dir, 'x.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const r = cli('parse', join(dir, 'x.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not-text');
  });

  it('usage errors exit 2', () => {
    expect(cli().status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('parse').status).toBe(2);
    expect(cli('parse', ROOT + 'samples/moj-action-strategy.txt', '--bogus').status).toBe(2);
  });
});

describe('twminutes batch: V8 flags (src/cli/v8-flags.ts)', () => {
  it('relaunches with the flags it lacks, keeping node\'s own and the command line, and not twice', () => {
    const script = ROOT + 'dist/cli/main.js';
    expect(relaunchArgs(BATCH_V8_FLAGS, ['--max-old-space-size=4096'], [script, 'batch', 'minutes/', '-o', 'out.jsonl'])).toEqual([
      '--no-cppheap-concurrent-marking', '--max-old-space-size=4096', script, 'batch', 'minutes/', '-o', 'out.jsonl',
    ]);
    expect(relaunchArgs(BATCH_V8_FLAGS, ['--no-cppheap-concurrent-marking'], [script, 'batch', 'minutes/'])).toBeNull();
  });

  it('only a batch in worker threads is relaunched: worker processes get the flags on their own command line', () => {
    expect(batchUsesThreads(['minutes/', '-o', 'out.jsonl'])).toBe(false);
    expect(batchUsesThreads(['minutes/', '--isolation', 'thread'])).toBe(true);
    expect(batchUsesThreads(['--isolation=thread', 'minutes/'])).toBe(true);
    expect(batchUsesThreads(['--isolation', 'thread', '--isolation', 'process', 'minutes/'])).toBe(false);
    expect(batchUsesThreads(['--', '--isolation', 'thread'])).toBe(false); // a file of that name
  });

  it('who runs what: --isolation thread relaunches node with the flag, by default the workers are processes started with it; neither outlives a batch killed early', async () => {
    const children = async (isolation: string) => {
      const out = join(mkdtempSync(join(tmpdir(), 'twm-relaunch-')), 'out.jsonl');
      const child = spawn(process.execPath, [ROOT + 'dist/cli/main.js', 'batch', ROOT + 'samples', ROOT + 'test/fixtures/pdf', '-o', out, '--jobs', '1', '--isolation', isolation, '--quiet'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // A child seen between fork and exec still shows this CLI's command line: wait for node's.
      const execed = (pid: number) => commandLine(pid)?.includes('--no-cppheap-concurrent-marking') ?? false;
      let pids: number[] = [];
      for (let waited = 0; waited < 20_000 && !(pids.length > 0 && pids.every(execed)); waited += 20) {
        await sleep(20);
        pids = childPids(child.pid!);
      }
      const seen = pids.map(commandLine).filter((c): c is string[] => c !== null);
      // Killed outright while its child is most likely still loading: the child must not live on
      // (it learns that its channel closed before it could listen for that).
      child.kill('SIGKILL');
      await exited;
      for (let waited = 0; pids.some(isRunning) && waited < 10_000; waited += 50) await sleep(50);
      expect(pids.filter(isRunning)).toEqual([]);
      return seen;
    };
    const [relaunched] = await children('thread');
    expect(relaunched).toEqual([process.execPath, '--no-cppheap-concurrent-marking', ROOT + 'dist/cli/main.js', 'batch', expect.any(String), expect.any(String), '-o', expect.any(String), '--jobs', '1', '--isolation', 'thread', '--quiet']);
    const [worker] = await children('process');
    expect(worker).toEqual([process.execPath, '--max-old-space-size=1024', '--single-threaded-gc', '--no-cppheap-concurrent-marking', ROOT + 'dist/archive/worker.js']);
  });

  it('a relaunched batch writes every line and exits with the batch\'s own code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twm-relaunch-'));
    const out = join(dir, 'out.jsonl');
    const ok = spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', 'batch', ROOT + 'samples/mofa-2018-107-1.txt', ROOT + 'samples/moj-action-strategy.txt', '-o', out, '--jobs', '1', '--isolation', 'thread', '--quiet'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).source.name)).toEqual(['mofa-2018-107-1.txt', 'moj-action-strategy.txt']);
    const usage = spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', 'batch', '--isolation', 'thread'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/give files, directories or globs/);
    const bad = spawnSync(process.execPath, [ROOT + 'dist/cli/main.js', 'batch', ROOT + 'samples', '--isolation', 'fibre'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--isolation takes process or thread, not "fibre"/);
  });
});

import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, parseArchive, WorkerStartError, type ArchiveProgress, type ArchiveResult } from '../src/archive/index.js';
import { parseFile } from '../src/index.js';
import { globToRegExp, splitGlob } from '../src/archive/glob.js';
import { inShard, parseShard } from '../src/archive/shard.js';
import { dropPartialTail, pendingInputs, readResumeState } from '../src/archive/resume.js';
import { formatBar, formatDuration, formatLine } from '../src/archive/progress.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, childPids, isRunning } from './helpers.js';

// Real worker processes and threads running the built parser (dist/archive/worker.js; `npm test` builds first).
const sample = (f: string) => ROOT + 'samples/' + f;
const pdf = (f: string) => ROOT + 'test/fixtures/pdf/' + f;
const tmp = () => mkdtempSync(join(tmpdir(), 'twm-archive-'));

async function collect(inputs: Parameters<typeof parseArchive>[0], options: Parameters<typeof parseArchive>[1] = {}): Promise<ArchiveResult[]> {
  const out: ArchiveResult[] = [];
  for await (const r of parseArchive(inputs, options)) out.push(r);
  return out;
}

const outcome = (r: ArchiveResult) => (r.ok ? r.document.kind : r.error.code);

describe('parseArchive', () => {
  it('one result per input, in input order, with coded errors for broken files', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'garbage.txt'), Buffer.from([0, 1, 2, 0, 255, 0, 7, 0]));
    const inputs = [pdf('mofa-2021-110-1.pdf'), sample('mofa-2018-107-1.txt'), pdf('encrypted.pdf'), join(dir, 'garbage.txt'), pdf('truncated.pdf'), sample('moj-action-strategy.txt'), join(dir, 'missing.txt')];
    const progress: ArchiveProgress[] = [];
    const results = await collect(inputs, { concurrency: 2, onProgress: (p) => progress.push(p) });
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => r.input.path)).toEqual(inputs);
    expect(results.map(outcome)).toEqual(['minutes', 'minutes', 'pdf-encrypted', 'not-text', 'pdf-corrupt', 'other', 'unreadable']);
    const failed = results.filter((r) => !r.ok);
    // A file that was read carries its hash (what --resume keys on); a missing one cannot.
    expect(failed.map((r) => (r.ok ? null : r.source.sha256 !== null))).toEqual([true, true, true, false]);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.at(-1)).toMatchObject({ done: 7, total: 7, failed: 4, running: 0 });
  });

  it('names documents by the input name, and reads (async) iterables lazily', async () => {
    async function* inputs() {
      yield { path: sample('mofa-2021-110-1.txt'), name: 'mofa/2021.txt' };
      yield sample('moea-2021-7-1.txt');
    }
    const results = await collect(inputs(), { concurrency: 1, total: 2 });
    expect(results.map((r) => (r.ok ? r.document.source.name : null))).toEqual(['mofa/2021.txt', sample('moea-2021-7-1.txt')]);
  });

  describe.each(['process', 'thread'] as const)('in worker %ss', (isolation) => {
    it('a file running past the timeout has its worker ended and replaced; the batch goes on', async () => {
      const results = await collect([sample('mofa-2016-105-4.txt'), pdf('hostile/text-bomb.pdf'), sample('moea-2021-7-1.txt')], { concurrency: 1, timeoutMs: 500, isolation });
      expect(results.map(outcome)).toEqual(['minutes', 'timeout', 'minutes']);
      const timedOut = results[1]!;
      expect(!timedOut.ok && timedOut.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('a file blowing the heap limit fails with out-of-memory; the batch goes on', async () => {
      // The text limits are lifted so that the bomb's text (~32 million characters) keeps growing
      // until the heap gives out; the same limit parses an ordinary PDF (it fails near 20 MB).
      const parse = { pdf: { maxTextChars: Number.MAX_SAFE_INTEGER, maxExpansion: Number.MAX_SAFE_INTEGER } };
      const inputs = [pdf('hostile/heap-bomb.pdf'), pdf('mofa-2016-105-4.pdf'), sample('mofa-2021-110-1.txt')];
      const results = await collect(inputs, { concurrency: 1, maxMemoryMb: 32, parse, isolation });
      expect(results.map(outcome)).toEqual(['out-of-memory', 'minutes', 'minutes']);
    });

    it('the same documents as a parse in this process', async () => {
      const inputs = [pdf('moea-2021-7-1.pdf'), sample('mofa-2018-107-1.txt')];
      const results = await collect(inputs, { concurrency: 2, isolation });
      const here = await Promise.all(inputs.map((path) => parseFile(path, { name: path })));
      expect(results.map((r) => (r.ok ? r.document : null))).toEqual(here);
    });
  });

  it('a worker process stuck in synchronous code ends when the program that started it is killed outright', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.spins.txt'), readFileSync(sample('moea-2021-7-1.txt')));
    const host = spawn(process.execPath, [ROOT + 'test/fixtures/archive/archive-host.mjs', './dying-worker.mjs', join(dir, 'a.spins.txt')], { stdio: 'ignore' });
    // Wait for the worker process to be spinning on the file: it writes its pid first.
    const marker = join(dir, 'a.spins.txt.spinning');
    for (let waited = 0; waited < 20_000 && !existsSync(marker); waited += 50) await sleep(50);
    const worker = Number(readFileSync(marker, 'utf8'));
    await sleep(200);
    expect(isRunning(worker)).toBe(true);
    expect(childPids(host.pid!)).toContain(worker);
    host.kill('SIGKILL');
    try {
      for (let waited = 0; isRunning(worker) && waited < 10_000; waited += 50) await sleep(50);
      expect(isRunning(worker)).toBe(false);
    } finally {
      if (isRunning(worker)) process.kill(worker, 'SIGKILL'); // not left spinning when this fails
    }
  });

  it.each(['process', 'thread'] as const)('workers that cannot even load the parser (%s) fail the iteration, not each file', async (isolation) => {
    const run = collect([sample('moea-2021-7-1.txt'), sample('mofa-2021-110-1.txt')], { concurrency: 1, maxMemoryMb: 1, isolation });
    await expect(run).rejects.toThrow(WorkerStartError);
    await expect(collect([sample('moea-2021-7-1.txt')], { concurrency: 1, maxMemoryMb: 1, isolation })).rejects.toThrow(
      /^twminutes: a worker could not start \(its heap limit of 1 MB is too small to load the parser\)\.$/,
    );
  });

  it('a worker that never says it is ready is ended after the timeout, and the iteration fails', async () => {
    const workerUrl = new URL('./fixtures/archive/silent-worker.mjs', import.meta.url);
    const run = collect([sample('moea-2021-7-1.txt')], { concurrency: 1, timeoutMs: 300, workerUrl });
    await expect(run).rejects.toThrow('twminutes: a worker could not start (not ready after 0.3 s).');
  });

  it('a worker process that dies under a file is replaced; the file gets one more try in a fresh worker', async () => {
    const dir = tmp();
    const text = readFileSync(sample('moea-2021-7-1.txt'));
    for (const name of ['a.dies-once.txt', 'b.dies.txt']) writeFileSync(join(dir, name), text);
    const inputs = [join(dir, 'a.dies-once.txt'), join(dir, 'b.dies.txt'), sample('mofa-2021-110-1.txt')];
    const workerUrl = new URL('./fixtures/archive/dying-worker.mjs', import.meta.url);
    const results = await collect(inputs, { concurrency: 1, workerUrl });
    // Died once, then parsed; died twice, reported; the batch went on in a third worker.
    expect(results.map(outcome)).toEqual(['minutes', 'worker-crashed', 'minutes']);
    const crashed = results[1]!;
    expect(!crashed.ok && crashed.error.message).toBe('The worker parsing this file stopped (signal SIGKILL), twice: once more in a fresh worker.');
    expect(!crashed.ok && crashed.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops when aborted: the iterator rejects with the reason', async () => {
    const controller = new AbortController();
    const seen: ArchiveResult[] = [];
    const run = (async () => {
      for await (const r of parseArchive([sample('mofa-2021-110-1.txt'), pdf('mofa-2016-105-4.pdf'), pdf('moea-2021-7-1.pdf')], { concurrency: 1, signal: controller.signal })) {
        seen.push(r);
        controller.abort(new Error('stop'));
      }
    })();
    await expect(run).rejects.toThrow('stop');
    expect(seen).toHaveLength(1);
  });

  it('a throwing onProgress or input iterable ends the iteration with its error', async () => {
    const boom = () => {
      throw new Error('callback');
    };
    await expect(collect([sample('moj-action-strategy.txt')], { concurrency: 1, onProgress: boom })).rejects.toThrow('callback');
    async function* bad() {
      yield sample('moj-action-strategy.txt');
      throw new Error('listing');
    }
    await expect(collect(bad(), { concurrency: 1 })).rejects.toThrow('listing');
  });

  it('an empty archive yields nothing', async () => {
    expect(await collect([])).toEqual([]);
  });
});

describe('expandInputs', () => {
  it('walks directories for every known format, matches globs, keeps missing paths, drops duplicates', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    for (const f of ['a/x.txt', 'a/b/y.pdf', 'a/b/z.md', 'a/notes.docx', 'a/notes.bak', '.git/h.txt', 'top.txt']) writeFileSync(join(dir, f), 'x');
    symlinkSync(join(dir, 'a'), join(dir, 'a/b/loop'));
    const walked = await expandInputs([join(dir, 'a')]);
    expect(walked.map((i) => i.name)).toEqual(['b/y.pdf', 'b/z.md', 'notes.docx', 'x.txt']);
    const globbed = await expandInputs([join(dir, '**/*.txt'), join(dir, 'a/x.txt'), join(dir, 'nope.txt')]);
    expect(globbed.map((i) => i.name)).toEqual(['a/x.txt', 'top.txt', 'nope.txt']);
    expect((await expandInputs([join(dir, 'a/?.txt')])).map((i) => i.name)).toEqual(['x.txt']);
  });

  it('glob patterns', () => {
    expect(splitGlob('archive/2021/**/*.pdf')).toEqual({ base: 'archive/2021', rest: '**/*.pdf' });
    expect(splitGlob('*.txt')).toEqual({ base: '.', rest: '*.txt' });
    const re = globToRegExp('**/*.pdf');
    expect(['a.pdf', 'x/a.pdf', 'x/y/a.pdf'].every((p) => re.test(p))).toBe(true);
    expect(['a.txt', 'a.pdf/x', 'apdf'].some((p) => re.test(p))).toBe(false);
    expect(globToRegExp('m?-*.txt').test('m1-會議.txt')).toBe(true);
    expect(globToRegExp('m?-*.txt').test('m1/-x.txt')).toBe(false);
    expect(globToRegExp('a.(b)+.txt').test('a.(b)+.txt')).toBe(true);
  });
});

describe('shards', () => {
  it('--shard i/n splits any list into n disjoint parts that cover it', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3']) expect(parseShard(bad)).toBeNull();
    const names = Array.from({ length: 200 }, (_, i) => `copy-${i}/會議紀錄.pdf`);
    const parts = [1, 2, 3].map((index) => names.filter((n) => inShard(n, { index, count: 3 })));
    expect(parts.flat().sort()).toEqual([...names].sort());
    for (const p of parts) expect(p.length).toBeGreaterThan(30);
  });
});

describe('resume state', () => {
  it('counts the lines by hash, drops a half-written last line, skips that many inputs', async () => {
    const dir = tmp();
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    const c = join(dir, 'c.txt');
    writeFileSync(a, 'same');
    writeFileSync(b, 'same'); // a copy: same hash, its own input
    writeFileSync(c, 'other');
    const out = join(dir, 'out.jsonl');
    const { createHash } = await import('node:crypto');
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    writeFileSync(out, JSON.stringify({ source: { name: 'a.txt', sha256: sha('same') }, error: { code: 'x', message: '' } }) + '\n');
    appendFileSync(out, '{"schema":"minutes/1","source":{"name":"c.txt","sha256":"' + sha('other'));
    const state = await readResumeState(out);
    expect(state).toMatchObject({ lines: 1, failed: 1, dropped: 1 });
    expect(await dropPartialTail(out, state)).toBe(true);
    expect(readFileSync(out, 'utf8').endsWith('}\n')).toBe(true);
    const pending = [];
    for await (const i of pendingInputs([{ path: a, name: 'a.txt' }, { path: b, name: 'b.txt' }, { path: c, name: 'c.txt' }], state)) pending.push(i.name);
    expect(pending).toEqual(['b.txt', 'c.txt']);
    expect((await readResumeState(join(dir, 'none.jsonl'))).lines).toBe(0);
  });
});

describe('progress text', () => {
  const p: ArchiveProgress = { done: 12, total: 40, ok: 10, warnings: 1, failed: 1, running: 2, elapsedMs: 4000 };
  it('a bar with counts, rate and ETA; plain lines; durations', () => {
    expect(formatBar(p)).toMatch(/^\[=+> +\] 12\/40 30% · 3\.0 files\/s · ETA 9 s · 10 ok · 1 warn · 1 failed$/);
    expect(formatLine(p)).toBe('twminutes batch: 12/40 (30%) · 3.0 files/s · ETA 9 s · 10 ok, 1 with warnings, 1 failed');
    expect(formatLine({ ...p, total: null })).toContain('12 files · 3.0 files/s · 10 ok');
    expect([formatDuration(9), formatDuration(134), formatDuration(7300)]).toEqual(['9 s', '2 min 14 s', '2 h 1 min']);
  });
});

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKER_START_FAILED, WorkerPool, type TaskOutcome } from './pool.js';
import type { WorkerGrammar, WorkerTask } from './protocol.js';
import { defaultGrammar, type Grammar } from '../grammars/index.js';
import type { ArchiveInput, ArchiveInputs, ArchiveOptions, ArchiveProgress, ArchiveResult } from './types.js';

/** No worker could load the parser (twice): the iteration ends with this instead of failing every file. */
export class WorkerStartError extends Error {
  readonly code = 'worker-start-failed';
  override name = 'WorkerStartError';
}

/**
 * Parse many files in worker processes (or threads); results come back in input order, one per input, whatever
 * the order the workers finish in. A file that cannot be parsed yields `ok: false` with a coded
 * error instead of stopping the batch. At most `4 × concurrency` finished results wait for a slow
 * one, so memory stays flat however long the archive; inputs are pulled lazily.
 *
 * @example
 *   for await (const r of parseArchive(['a.pdf', 'b.txt'], { concurrency: 2 })) {
 *     console.log(r.input.name, r.ok ? r.document.title : r.error.code);
 *   }
 */
export async function* parseArchive(inputs: ArchiveInputs, options: ArchiveOptions = {}): AsyncGenerator<ArchiveResult, void, undefined> {
  const size = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const { signal } = options;
  signal?.throwIfAborted();
  const pool = new WorkerPool({
    size,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxMemoryMb: options.maxMemoryMb ?? 1024,
    workerUrl: resolveWorkerUrl(options.workerUrl),
    isolation: options.isolation ?? 'process',
  });
  const grammar = workerGrammar(options.grammar);
  const source = toAsyncIterator(inputs);
  const total = options.total ?? (Array.isArray(inputs) ? inputs.length : null);
  const started = performance.now();
  const progress: ArchiveProgress = { done: 0, total, ok: 0, warnings: 0, failed: 0, running: 0, elapsedMs: 0 };
  const finished = new Map<number, ArchiveResult>();
  const window = size * 4;
  let pulled = 0;
  let yielded = 0;
  let exhausted = false;
  let pumping = false;
  let closed = false;
  // What ends the iteration with an error, once `failed` (anything may be thrown, even undefined).
  let failure: unknown = null;
  let failed = false;
  const fail = (e: unknown) => {
    if (failed) return;
    failed = true;
    failure = e;
  };
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const settle = (index: number, input: Required<ArchiveInput>, outcome: TaskOutcome) => {
    const result: ArchiveResult = outcome.ok
      ? { index, input, ok: true, document: outcome.document, ms: outcome.ms }
      : { index, input, ok: false, error: outcome.error, source: { name: input.name, sha256: outcome.sha256 }, ms: outcome.ms };
    finished.set(index, result);
    progress.running--;
    progress.done++;
    if (!result.ok) progress.failed++;
    else if (result.document.diagnostics.some((d) => d.severity !== 'info')) progress.warnings++;
    else progress.ok++;
    progress.elapsedMs = performance.now() - started;
    try {
      if (!signal?.aborted) options.onProgress?.({ ...progress });
    } catch (e) {
      fail(e); // a throwing callback ends the iteration with its error, not an unhandled rejection
    }
    notify();
    void pump();
  };

  // A worker that died under a file (a native abort, a kill from outside) may not have been the
  // file's fault: it gets one more try in a fresh worker. Timeouts and heap blow-ups are not retried.
  const retryCrashed = async (task: WorkerTask, first: TaskOutcome): Promise<TaskOutcome> => {
    if (first.ok || first.error.code !== 'worker-crashed' || closed || signal?.aborted || !pool.open) return first;
    const second = await pool.run(task, { freshWorker: true });
    if (second.ok || second.error.code !== 'worker-crashed') return second;
    return { ok: false, error: { code: 'worker-crashed', message: `${second.error.message.replace(/\.$/, '')}, twice: once more in a fresh worker.` }, sha256: second.sha256, ms: first.ms + second.ms };
  };
  // Workers that cannot even start fail the whole iteration: no file could be parsed.
  const settleOrFail = (index: number, input: Required<ArchiveInput>, outcome: TaskOutcome) => {
    if (!outcome.ok && outcome.error.code === WORKER_START_FAILED) {
      fail(new WorkerStartError(`twminutes: ${outcome.error.message}`));
      notify();
    } else settle(index, input, outcome);
  };

  // Start files while a worker is free and the reorder window has room.
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (!exhausted && !closed && !signal?.aborted && progress.running < size && pulled - yielded < window) {
        const next = await source.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        if (closed || signal?.aborted || !pool.open) break; // stopped while the input was read
        const input = normalizeInput(next.value);
        const index = pulled++;
        const task: WorkerTask = grammar
          ? { id: index, path: input.path, name: input.name, parse: options.parse ?? {}, grammar }
          : { id: index, path: input.path, name: input.name, parse: options.parse ?? {} };
        progress.running++;
        void pool
          .run(task)
          .then((first) => retryCrashed(task, first))
          .then(
            (outcome) => settleOrFail(index, input, outcome),
            (e: unknown) => {
              fail(e);
              notify();
            },
          );
      }
    } catch (e) {
      fail(e);
      exhausted = true;
    } finally {
      pumping = false;
      notify();
    }
  };

  const onAbort = () => {
    void pool.close();
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    void pump();
    for (;;) {
      signal?.throwIfAborted();
      if (failed) throw failure;
      const result = finished.get(yielded);
      if (result) {
        finished.delete(yielded);
        yielded++;
        void pump();
        yield result;
        continue;
      }
      if (exhausted && !pumping && yielded === pulled) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closed = true;
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
}

const sentForms = new WeakMap<Grammar, WorkerGrammar>();

/** What the workers are sent of a grammar (nothing for the package's own, which they load themselves). */
function workerGrammar(grammar: Grammar | undefined): WorkerGrammar | null {
  if (!grammar || grammar === defaultGrammar()) return null;
  let sent = sentForms.get(grammar);
  if (!sent) {
    const tables = grammar.tables;
    sent = { hash: createHash('sha256').update(JSON.stringify(tables)).digest('hex'), tables };
    sentForms.set(grammar, sent);
  }
  return sent;
}

function normalizeInput(input: ArchiveInput | string): Required<ArchiveInput> {
  return typeof input === 'string' ? { path: input, name: input } : { path: input.path, name: input.name ?? input.path };
}

function toAsyncIterator<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const it = items[Symbol.iterator]();
  return { next: async () => it.next() };
}

/** `worker.js` beside this module; from `src/` (tests, tsx) the built `dist/archive/worker.js`. */
export function resolveWorkerUrl(given?: URL | string): URL {
  if (given instanceof URL) return given;
  if (given) return /^file:/.test(given) ? new URL(given) : pathToFileURL(resolve(given));
  for (const candidate of ['./worker.js', '../../dist/archive/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('twminutes: the archive worker (dist/archive/worker.js) is missing; run `npm run build` first.');
}

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sha256File } from './hash.js';
import { POOL_PID_VARIABLE, type WorkerMessage, type WorkerTask } from './protocol.js';
import type { ArchiveError } from './types.js';
import type { MinutesDocument } from '../types.js';

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  maxMemoryMb: number;
  workerUrl: URL;
  /** Worker threads of this process, or child processes of their own (see `spawnProcess`). */
  isolation: 'thread' | 'process';
}

/** The code of an outcome whose worker could not start at all (twice): not a file's failure. */
export const WORKER_START_FAILED = 'worker-start-failed';

export type TaskOutcome =
  | { ok: true; document: MinutesDocument; ms: number }
  | { ok: false; error: ArchiveError; sha256: string | null; ms: number };

/** How a worker ended: out of heap, or anything else (`detail` says what). */
interface WorkerEnd {
  outOfMemory: boolean;
  detail: string;
}

/** One worker, thread or process, as the pool drives it. */
interface Runner {
  send(task: WorkerTask): void;
  /** Ends the worker at once; its `onEnd` still fires. */
  terminate(): Promise<void>;
}

interface RunnerEvents {
  onMessage(message: WorkerMessage): void;
  /** Fires once, whatever ended the worker (including `terminate`). */
  onEnd(end: WorkerEnd): void;
}

interface Pending {
  task: WorkerTask;
  resolve: (outcome: TaskOutcome) => void;
  started: number;
  posted: boolean;
}

interface Slot {
  runner: Runner | null;
  ready: boolean;
  /** Workers in a row that ended before they were ready. */
  startFailures: number;
  pending: Pending | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
  /** The hash of the grammar this slot's worker was sent the tables of (each worker is sent them once). */
  grammar: string | null;
}

/**
 * A fixed set of workers, one file at a time each. A file that runs past `timeoutMs` or past the
 * heap limit gets its worker ended (pdf.js runs synchronously inside it, so ending it is the only
 * way out of a hang) and a coded failure; the next file gets a fresh worker. `run` never rejects
 * and must only be called while fewer than `size` files are running.
 */
export class WorkerPool {
  readonly #options: PoolOptions;
  readonly #slots: Slot[];
  #closed = false;
  /** Some worker has loaded the parser: from then on a worker that cannot start is a file's failure. */
  #everReady = false;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#slots = Array.from({ length: options.size }, () => ({ runner: null, ready: false, startFailures: 0, pending: null, timer: null, timedOut: false, grammar: null }));
  }

  /**
   * `freshWorker`: in a worker that has parsed nothing yet (a retry after a crash). There is one:
   * the slot whose worker crashed, free and empty until its file is settled.
   */
  run(task: WorkerTask, options: { freshWorker?: boolean } = {}): Promise<TaskOutcome> {
    const free = this.#slots.filter((s) => !s.pending);
    const slot = (options.freshWorker ? free.find((s) => !s.runner) : undefined) ?? free[0];
    if (!slot || this.#closed) throw new Error('WorkerPool.run: no free worker');
    return new Promise((resolve) => {
      slot.pending = { task, resolve, started: performance.now(), posted: false };
      if (!slot.runner) this.#spawn(slot);
      else if (slot.ready) this.#post(slot);
    });
  }

  /** False once `close` was called. */
  get open(): boolean {
    return !this.#closed;
  }

  /** Ends every worker; files still running resolve as `worker-crashed`. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.runner?.terminate()));
  }

  #spawn(slot: Slot): void {
    const { workerUrl, maxMemoryMb, isolation, timeoutMs } = this.#options;
    const spawn = isolation === 'process' ? spawnProcess : spawnThread;
    slot.ready = false;
    slot.timedOut = false;
    slot.grammar = null;
    let wasReady = false;
    let runner: Runner;
    // Loading the parser is bounded too (a stalled disk, a worker script that never says ready).
    let startTimer: NodeJS.Timeout | null = setTimeout(() => {
      startTimer = null;
      startDetail = `not ready after ${timeoutMs / 1000} s`;
      void runner?.terminate();
    }, timeoutMs);
    let startDetail: string | null = null;
    const stopStartTimer = () => {
      if (startTimer) clearTimeout(startTimer);
      startTimer = null;
    };
    try {
      runner = spawn(workerUrl, maxMemoryMb, {
        onMessage: (message) => {
          // A worker that was replaced, or timed out and is being ended, has nothing more to say.
          if (slot.runner !== runner || slot.timedOut) return;
          if (message.type === 'ready') {
            stopStartTimer();
            wasReady = slot.ready = true;
            this.#everReady = true;
            slot.startFailures = 0;
            if (slot.pending && !slot.pending.posted) this.#post(slot);
          } else if (slot.pending?.task.id === message.id) {
            this.#finish(slot, message.ok ? message : { ok: false, error: message.error, sha256: message.sha256, ms: message.ms });
          }
        },
        onEnd: (end) => {
          stopStartTimer();
          if (slot.runner === runner) this.#ended(slot, startDetail ? { outOfMemory: false, detail: startDetail } : end, wasReady);
        },
      });
    } catch (e) {
      // fork or new Worker refused outright (EMFILE, ENOMEM, …): a worker that never started.
      stopStartTimer();
      slot.runner = null;
      setImmediate(() => this.#ended(slot, { outOfMemory: false, detail: (e as Error).message }, false));
      return;
    }
    slot.runner = runner;
  }

  #ended(slot: Slot, end: WorkerEnd, wasReady: boolean): void {
    slot.runner = null;
    slot.ready = false;
    const pending = slot.pending;
    if (!pending) return;
    const ms = performance.now() - pending.started;
    if (!wasReady && !this.#closed) {
      // Not the file's fault: the worker died loading the parser. Try once more. If no worker has
      // ever loaded it, every file would fail alike: give up on the whole pool. Otherwise (the
      // machine short of memory or processes for a while) it is this file's failure.
      if (++slot.startFailures < 2) return this.#spawn(slot);
      slot.startFailures = 0;
      const why = end.outOfMemory ? `its heap limit of ${this.#options.maxMemoryMb} MB is too small to load the parser` : end.detail;
      if (!this.#everReady) return this.#finish(slot, { ok: false, error: { code: WORKER_START_FAILED, message: `a worker could not start (${why}).` }, sha256: null, ms });
      const error = { code: 'worker-crashed', message: `A fresh worker for this file could not start (${why}).` };
      return void sha256File(pending.task.path).then((sha256) => this.#finish(slot, { ok: false, error, sha256, ms }));
    }
    const error = this.#crashError(slot, end);
    void sha256File(pending.task.path).then((sha256) => this.#finish(slot, { ok: false, error, sha256, ms }));
  }

  #post(slot: Slot): void {
    const pending = slot.pending!;
    pending.posted = true;
    pending.started = performance.now();
    slot.runner!.send(withGrammarOnce(slot, pending.task));
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      slot.ready = false;
      void slot.runner?.terminate();
    }, this.#options.timeoutMs);
  }

  #finish(slot: Slot, outcome: TaskOutcome): void {
    const pending = slot.pending;
    if (!pending) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.pending = null;
    pending.resolve(outcome);
  }

  #crashError(slot: Slot, end: WorkerEnd): ArchiveError {
    const { timeoutMs, maxMemoryMb } = this.#options;
    if (slot.timedOut)
      return { code: 'timeout', message: `Parsing took longer than ${timeoutMs / 1000} s, so its worker was stopped; raise the timeout if the file is only large.` };
    if (end.outOfMemory)
      return { code: 'out-of-memory', message: `Parsing needed more than ${maxMemoryMb} MB of heap, so its worker was stopped; raise the memory limit if the file is only large.` };
    if (this.#closed) return { code: 'worker-crashed', message: 'The batch was stopped before this file finished.' };
    return { code: 'worker-crashed', message: `The worker parsing this file stopped (${end.detail}).` };
  }
}

/** The task as this slot's worker is sent it: a grammar's tables with its first task only, its hash after. */
function withGrammarOnce(slot: Slot, task: WorkerTask): WorkerTask {
  const grammar = task.grammar;
  if (!grammar?.tables) return task;
  if (slot.grammar === grammar.hash) return Object.assign({}, task, { grammar: { hash: grammar.hash } });
  slot.grammar = grammar.hash;
  return task;
}

/** A worker thread, its heap capped by `resourceLimits`. */
function spawnThread(url: URL, maxMemoryMb: number, events: RunnerEvents): Runner {
  const worker = new Worker(url, {
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    // pdf.js may print warnings; they must not reach our stdout (JSON Lines) or the progress bar.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  let error: (Error & { code?: string }) | null = null;
  worker.on('message', events.onMessage);
  worker.on('error', (e) => (error = e));
  worker.on('exit', (code) => events.onEnd({ outOfMemory: error?.code === 'ERR_WORKER_OUT_OF_MEMORY', detail: error?.message ?? `exit code ${code}` }));
  return {
    send: (task) => worker.postMessage(task),
    terminate: async () => void (await worker.terminate()),
  };
}

/**
 * V8 flags of a worker process. A busy worker has no spare core for V8's GC helper threads, which
 * only compete with it for one (see bench/run.mjs for the measured effect); the C++ heap's
 * concurrent marking aborted Node 20 under load (see cli/v8-flags.ts).
 */
export const WORKER_PROCESS_FLAGS: readonly string[] = ['--single-threaded-gc', '--no-cppheap-concurrent-marking'];

/**
 * V8's messages when a heap limit is hit, after which the process aborts: `Reached heap limit …
 * JavaScript heap out of memory`, or `Fatal javascript OOM in …` when the limit is too small to
 * start at all.
 */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Fatal javascript OOM|Fatal process out of memory/i;

/**
 * A child process running the worker script, its heap capped by `--max-old-space-size`. Documents
 * cross the IPC channel with V8's serializer, as they would between threads. Its stdout is dropped
 * (pdf.js warnings must not reach our JSON Lines); the tail of its stderr tells an out-of-memory
 * abort from other deaths.
 */
function spawnProcess(url: URL, maxMemoryMb: number, events: RunnerEvents): Runner {
  const child = fork(fileURLToPath(url), [], {
    execArgv: [`--max-old-space-size=${Math.ceil(maxMemoryMb)}`, ...WORKER_PROCESS_FLAGS], // node takes whole MB only
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: Object.assign({}, process.env, { [POOL_PID_VARIABLE]: String(process.pid) }),
  });
  // V8's message comes before a native stack trace of unknown length: look as the text arrives.
  let stderrTail = '';
  let outOfMemory = false;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4096);
    outOfMemory ||= OUT_OF_MEMORY.test(stderrTail);
  });
  let ended = false;
  const end = (detail: string) => {
    if (ended) return;
    ended = true;
    events.onEnd({ outOfMemory, detail });
  };
  child.on('message', (message: WorkerMessage) => events.onMessage(message));
  // 'close' comes after stderr is drained; 'error' alone when the process could not be started.
  child.on('close', (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code}`));
  child.on('error', (e) => {
    if (child.pid === undefined) end(e.message);
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    // A send to a process that just died fails; its 'close' reports the death.
    send: (task) => {
      stderrTail = ''; // what an abort prints is about the file being parsed
      outOfMemory = false;
      child.send(task, () => undefined);
    },
    terminate: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      if (child.pid !== undefined) await closed;
    },
  };
}

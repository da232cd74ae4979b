import { Worker } from 'node:worker_threads';
import { sha256File } from './hash.js';
import type { WorkerMessage, WorkerTask } from './protocol.js';
import type { ArchiveError } from './types.js';
import type { MinutesDocument } from '../types.js';

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  maxMemoryMb: number;
  workerUrl: URL;
}

export type TaskOutcome =
  | { ok: true; document: MinutesDocument; ms: number }
  | { ok: false; error: ArchiveError; sha256: string | null; ms: number };

interface Pending {
  task: WorkerTask;
  resolve: (outcome: TaskOutcome) => void;
  started: number;
  posted: boolean;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  pending: Pending | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
  error: (Error & { code?: string }) | null;
}

/**
 * A fixed set of worker threads, one file at a time each. A file that runs past `timeoutMs` or
 * past the heap limit gets its worker terminated (pdf.js runs synchronously inside it, so
 * termination is the only way out of a hang) and a coded failure; the next file gets a fresh
 * worker. `run` never rejects and must only be called while fewer than `size` files are running.
 */
export class WorkerPool {
  readonly #options: PoolOptions;
  readonly #slots: Slot[];
  #closed = false;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#slots = Array.from({ length: options.size }, () => ({ worker: null, ready: false, pending: null, timer: null, timedOut: false, error: null }));
  }

  run(task: WorkerTask): Promise<TaskOutcome> {
    const slot = this.#slots.find((s) => !s.pending);
    if (!slot || this.#closed) throw new Error('WorkerPool.run: no free worker');
    return new Promise((resolve) => {
      slot.pending = { task, resolve, started: performance.now(), posted: false };
      if (!slot.worker) this.#spawn(slot);
      else if (slot.ready) this.#post(slot);
    });
  }

  /** Terminates every worker; files still running resolve as `worker-crashed`. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker?.terminate()));
  }

  #spawn(slot: Slot): void {
    const worker = new Worker(this.#options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxMemoryMb },
      // pdf.js may print warnings; they must not reach our stdout (JSON Lines) or the progress bar.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    Object.assign(slot, { worker, ready: false, timedOut: false, error: null });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        if (slot.pending && !slot.pending.posted) this.#post(slot);
      } else if (slot.pending?.task.id === message.id) {
        this.#finish(slot, message.ok ? message : { ok: false, error: message.error, sha256: message.sha256, ms: message.ms });
      }
    });
    worker.on('error', (error) => (slot.error = error));
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      slot.ready = false;
      const pending = slot.pending;
      if (!pending) return;
      const error = this.#crashError(slot, code);
      const ms = performance.now() - pending.started;
      void sha256File(pending.task.path).then((sha256) => this.#finish(slot, { ok: false, error, sha256, ms }));
    });
  }

  #post(slot: Slot): void {
    const pending = slot.pending!;
    pending.posted = true;
    pending.started = performance.now();
    slot.worker!.postMessage(pending.task);
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker?.terminate();
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

  #crashError(slot: Slot, code: number): ArchiveError {
    const { timeoutMs, maxMemoryMb } = this.#options;
    if (slot.timedOut)
      return { code: 'timeout', message: `Parsing took longer than ${timeoutMs / 1000} s, so its worker was stopped; raise the timeout if the file is only large.` };
    if (slot.error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return { code: 'out-of-memory', message: `Parsing needed more than ${maxMemoryMb} MB of heap, so its worker was stopped; raise the memory limit if the file is only large.` };
    if (this.#closed) return { code: 'worker-crashed', message: 'The batch was stopped before this file finished.' };
    return { code: 'worker-crashed', message: `The worker parsing this file stopped (${slot.error?.message ?? `exit code ${code}`}).` };
  }
}

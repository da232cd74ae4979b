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

/**
 * Files handed to one worker at a time: the one it parses and the next, already in its message
 * queue. When the worker finishes a file it starts the next at once instead of waiting for the
 * main thread to hear of it and answer, which, with every core busy parsing, means waiting to
 * be scheduled (measured: ~2 ms a file, 5 % of a two-worker batch).
 */
const DEPTH = 2;

const STOPPED: ArchiveError = { code: 'worker-crashed', message: 'The batch was stopped before this file finished.' };

interface Pending {
  task: WorkerTask;
  resolve: (outcome: TaskOutcome) => void;
  /** When this file became the one its worker is parsing (the head of the slot's queue). */
  started: number;
  posted: boolean;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  /** Unfinished files in the order they were handed over; the worker parses the first. */
  queue: Pending[];
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
  error: (Error & { code?: string }) | null;
}

/**
 * A fixed set of worker threads, each parsing one file at a time with the next one queued. A file
 * that runs past `timeoutMs` or past the heap limit gets its worker terminated (pdf.js runs
 * synchronously inside it, so termination is the only way out of a hang) and a coded failure; the
 * file queued behind it goes to a fresh worker. `run` never rejects and must only be called while
 * `hasRoom()`.
 */
export class WorkerPool {
  readonly #options: PoolOptions;
  readonly #slots: Slot[];
  #closed = false;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#slots = Array.from({ length: options.size }, () => ({ worker: null, ready: false, queue: [], timer: null, timedOut: false, error: null }));
  }

  /** Whether a file can be handed over now: some worker has fewer than DEPTH files. */
  hasRoom(): boolean {
    return !this.#closed && this.#slots.some((s) => s.queue.length < DEPTH);
  }

  run(task: WorkerTask): Promise<TaskOutcome> {
    // The least loaded worker: an idle one first, so files spread before they queue.
    const slot = this.#slots.reduce<Slot | null>((best, s) => (s.queue.length < DEPTH && (!best || s.queue.length < best.queue.length) ? s : best), null);
    if (!slot || this.#closed) throw new Error('WorkerPool.run: no room');
    return new Promise((resolve) => {
      slot.queue.push({ task, resolve, started: performance.now(), posted: false });
      if (!slot.worker) this.#spawn(slot);
      else if (slot.ready) this.#postQueued(slot);
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
        this.#postQueued(slot);
      } else if (slot.queue[0]?.task.id === message.id) {
        this.#finishHead(slot, message.ok ? message : { ok: false, error: message.error, sha256: message.sha256, ms: message.ms });
      }
    });
    worker.on('error', (error) => (slot.error = error));
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      slot.ready = false;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      // The worker parses its queue in order, so the file it died on is the head; the files behind
      // it were never started and go to a fresh worker.
      const head = slot.queue.shift();
      if (!head) return;
      const error = this.#crashError(slot, code);
      const ms = performance.now() - head.started;
      for (const p of slot.queue) p.posted = false;
      if (this.#closed) for (const p of slot.queue.splice(0)) p.resolve({ ok: false, error: STOPPED, sha256: null, ms: 0 });
      else if (slot.queue.length > 0) this.#spawn(slot);
      void sha256File(head.task.path).then((sha256) => head.resolve({ ok: false, error, sha256, ms }));
    });
  }

  /** Hand the worker every file of its queue it does not have yet; the head's clock starts now. */
  #postQueued(slot: Slot): void {
    for (const [i, pending] of slot.queue.entries()) {
      if (pending.posted) continue;
      pending.posted = true;
      slot.worker!.postMessage(pending.task);
      if (i === 0) this.#startClock(slot);
    }
  }

  #startClock(slot: Slot): void {
    const head = slot.queue[0];
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (!head) return;
    head.started = performance.now();
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker?.terminate();
    }, this.#options.timeoutMs);
  }

  #finishHead(slot: Slot, outcome: TaskOutcome): void {
    const head = slot.queue.shift();
    if (!head) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    // The next file is already in the worker's hands (or will be once a fresh worker is ready).
    if (slot.queue[0]?.posted && slot.worker) this.#startClock(slot);
    head.resolve(outcome);
  }

  #crashError(slot: Slot, code: number): ArchiveError {
    const { timeoutMs, maxMemoryMb } = this.#options;
    if (slot.timedOut)
      return { code: 'timeout', message: `Parsing took longer than ${timeoutMs / 1000} s, so its worker was stopped; raise the timeout if the file is only large.` };
    if (slot.error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return { code: 'out-of-memory', message: `Parsing needed more than ${maxMemoryMb} MB of heap, so its worker was stopped; raise the memory limit if the file is only large.` };
    if (this.#closed) return STOPPED;
    return { code: 'worker-crashed', message: `The worker parsing this file stopped (${slot.error?.message ?? `exit code ${code}`}).` };
  }
}

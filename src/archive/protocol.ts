import type { MinutesDocument } from '../types.js';
import type { ArchiveError, ArchiveParseOptions } from './types.js';

/** Main thread → worker: parse one file. */
export interface WorkerTask {
  id: number;
  path: string;
  name: string;
  parse: ArchiveParseOptions;
}

/** Worker → main thread. `ready` once the parser is loaded, then one `done` per task. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; ok: true; document: MinutesDocument; ms: number }
  | { type: 'done'; id: number; ok: false; error: ArchiveError; sha256: string | null; ms: number };

/** Set for a worker process: the pid of the process that runs its pool (its watchdog's parent). */
export const POOL_PID_VARIABLE = 'TWMINUTES_POOL_PID';

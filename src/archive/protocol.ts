import type { MinutesDocument } from '../types.js';
import type { GrammarTables } from '../grammars/index.js';
import type { ArchiveError, ArchiveParseOptions } from './types.js';

/** Main thread → worker: parse one file. */
export interface WorkerTask {
  id: number;
  path: string;
  name: string;
  parse: ArchiveParseOptions;
  /** The grammar to read it with, when not the package's own (see WorkerGrammar). */
  grammar?: WorkerGrammar;
}

/**
 * A grammar as a worker is sent it: its tables (plain JSON) and a hash of them. The tables go to each
 * worker with its first file only; later files carry the hash, and the worker reuses the grammar it built.
 */
export interface WorkerGrammar {
  hash: string;
  tables?: GrammarTables;
}

/** Worker → main thread. `ready` once the parser is loaded, then one `done` per task. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; ok: true; document: MinutesDocument; ms: number }
  | { type: 'done'; id: number; ok: false; error: ArchiveError; sha256: string | null; ms: number };

/** Set for a worker process: the pid of the process that runs its pool (its watchdog's parent). */
export const POOL_PID_VARIABLE = 'TWMINUTES_POOL_PID';

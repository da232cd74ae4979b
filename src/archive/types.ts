import type { MinutesDocument } from '../types.js';
import type { LoadOptions } from '../load/index.js';
import type { Grammar } from '../grammars/index.js';

/** One file of an archive: where to read it and the name it is reported under. */
export interface ArchiveInput {
  /** Path to read (absolute, or relative to the working directory). */
  path: string;
  /** Reported as `source.name`: the path relative to the directory or glob it was found under. Default: `path`. */
  name?: string;
}

/** The files of an archive: paths or inputs, listed or streamed (read lazily, as workers free up). */
export type ArchiveInputs = Iterable<ArchiveInput | string> | AsyncIterable<ArchiveInput | string>;

/** Options passed to every parse, as `parseFile` takes them (structured-cloned into the workers). */
export interface ArchiveParseOptions {
  text?: boolean;
  strict?: boolean;
  pdf?: LoadOptions['pdf'];
  /** Read PDF pages without usable text by OCR (`'auto'`) or every page (`true`), inside the workers. */
  ocr?: LoadOptions['ocr'];
}

/** Counts so far, given to `onProgress` after every finished file. */
export interface ArchiveProgress {
  done: number;
  /** Known when the inputs are an array (or `options.total` is given); null otherwise. */
  total: number | null;
  ok: number;
  /** Parsed, with at least one warning or error diagnostic. */
  warnings: number;
  failed: number;
  running: number;
  elapsedMs: number;
}

export interface ArchiveOptions {
  /** Files parsed at once, each in its own worker (see `isolation`). Default: `os.availableParallelism()`. */
  concurrency?: number;
  /** A file still running after this long has its worker terminated and fails with `timeout`. Default 120 000. */
  timeoutMs?: number;
  /**
   * V8 heap limit of each worker in MB (`--max-old-space-size` of a process, rounded up;
   * `resourceLimits.maxOldGenerationSizeMb` of a thread); above it the file fails with `out-of-memory`. Default 1024.
   */
  maxMemoryMb?: number;
  /** Stops the batch: workers are terminated and the iterator rejects with `signal.reason`. */
  signal?: AbortSignal;
  onProgress?: (progress: ArchiveProgress) => void;
  /** Total for progress when the inputs are an (async) iterable of unknown length. */
  total?: number;
  parse?: ArchiveParseOptions;
  /**
   * The grammar every file is read with (`extendGrammar(defaultGrammar(), overlay)`); the package's own by
   * default. Its tables go to each worker once, which builds the same grammar from them.
   */
  grammar?: Grammar;
  /**
   * Where files are parsed: `'process'` (default), a child process per worker, or `'thread'`, a
   * worker thread of this process. A process that dies natively costs its file one retry; a
   * thread's native death takes the host's process along.
   */
  isolation?: 'process' | 'thread';
  /** The worker script. Default: `worker.js` beside this module (built `dist/archive/worker.js`). */
  workerUrl?: URL | string;
}

/** Why a file yielded no document: a `LoadError` code, or `timeout`, `out-of-memory`, `worker-crashed`, `internal-error`. */
export interface ArchiveError {
  code: string;
  message: string;
}

interface ResultBase {
  /** Position of the input (0-based); results come in this order. */
  index: number;
  input: ArchiveInput;
  /** Wall time of the file in its worker, in milliseconds. */
  ms: number;
}

export type ArchiveResult =
  | (ResultBase & { ok: true; document: MinutesDocument })
  | (ResultBase & { ok: false; error: ArchiveError; source: { name: string; sha256: string | null } });

/** The line `twminutes batch` writes for a failed file (beside MinutesDocument lines). */
export interface ArchiveErrorLine {
  source: { name: string; sha256: string | null };
  error: ArchiveError;
}

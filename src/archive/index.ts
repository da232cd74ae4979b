/**
 * Archives: parse many files in worker processes (or threads), in a stable order, one result per input.
 * `twminutes batch` is built from these and from the modules beside them (resume, shard, progress).
 */
export { parseArchive, WorkerStartError } from './parse-archive.js';
export { expandInputs } from './inputs.js';
export { readBatchLines, type BatchLine } from './jsonl.js';
export type { ArchiveInput, ArchiveOptions, ArchiveParseOptions, ArchiveProgress, ArchiveResult, ArchiveError, ArchiveErrorLine } from './types.js';

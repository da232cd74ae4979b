/**
 * `twminutes/archive`: parse many files in worker processes (or threads), in a stable order, one result per
 * input; the people index built from what they yield; the grammar they are read with.
 * `twminutes batch` is built from these and from the modules beside them (resume, shard, progress).
 *
 * @example
 *   import { parseArchive, buildPeopleIndex } from 'twminutes/archive';
 */
export { parseArchive, WorkerStartError } from './parse-archive.js';
export { expandInputs } from './inputs.js';
export { readBatchLines, type BatchLine } from './jsonl.js';
export type { ArchiveInput, ArchiveInputs, ArchiveOptions, ArchiveParseOptions, ArchiveProgress, ArchiveResult, ArchiveError, ArchiveErrorLine } from './types.js';
export * from '../people/index.js';
export { defaultGrammar, extendGrammar, readGrammarOverlay, GrammarError, type Grammar, type GrammarOverlay } from '../grammars/index.js';

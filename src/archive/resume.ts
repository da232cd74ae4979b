import { stat, truncate } from 'node:fs/promises';
import { sha256File } from './hash.js';
import { isErrorLine, parseBatchLine, readLines, resumeKey } from './jsonl.js';
import type { ArchiveInput } from './types.js';

/** What an earlier (maybe killed) run already wrote. */
export interface ResumeState {
  /** Lines per resume key: a key written k times skips its first k inputs (copies of one file count apart). */
  done: Map<string, number>;
  lines: number;
  ok: number;
  warnings: number;
  failed: number;
  /** Bytes of the file up to the end of its last complete line. */
  validBytes: number;
  /** A half-written last line (the run was killed mid-write) or malformed lines, which do not count as done. */
  dropped: number;
}

/** Read an earlier output; a file that does not exist is an empty state. */
export async function readResumeState(path: string): Promise<ResumeState> {
  const state: ResumeState = { done: new Map(), lines: 0, ok: 0, warnings: 0, failed: 0, validBytes: 0, dropped: 0 };
  if (!(await stat(path).catch(() => null))) return state;
  for await (const raw of readLines(path)) {
    const line = parseBatchLine(raw);
    if (raw.complete) state.validBytes = raw.end;
    if (!line) {
      if (raw.text.trim()) state.dropped++;
      continue;
    }
    const key = resumeKey(line.source);
    state.done.set(key, (state.done.get(key) ?? 0) + 1);
    state.lines++;
    if (isErrorLine(line)) state.failed++;
    else if (line.diagnostics.some((d) => d.severity !== 'info')) state.warnings++;
    else state.ok++;
  }
  return state;
}

/** Cut a half-written last line off, so that appended lines start on a line of their own. */
export async function dropPartialTail(path: string, state: ResumeState): Promise<boolean> {
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  if (size <= state.validBytes) return false;
  await truncate(path, state.validBytes);
  return true;
}

/** The inputs not yet in the output, hashed lazily (streamed) one by one; `onSkip` counts the others. */
export async function* pendingInputs(inputs: Iterable<ArchiveInput>, state: ResumeState, onSkip?: (input: ArchiveInput) => void): AsyncGenerator<ArchiveInput> {
  const remaining = new Map(state.done);
  for (const input of inputs) {
    const key = resumeKey({ name: input.name ?? input.path, sha256: await sha256File(input.path) });
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      onSkip?.(input);
    } else yield input;
  }
}

import { createReadStream } from 'node:fs';
import type { MinutesDocument } from '../types.js';
import type { ArchiveErrorLine } from './types.js';

/** One line of a JSON Lines file; `end` is the byte offset just after it (after its `\n` when complete). */
export interface RawLine {
  text: string;
  complete: boolean;
  end: number;
}

/** The lines of a file, streamed, with byte offsets. The last one is `complete: false` when it has no `\n` (a write cut short). */
export async function* readLines(path: string): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let offset = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      parts.push(chunk.subarray(from, nl));
      offset += nl + 1 - from;
      yield { text: Buffer.concat(parts).toString('utf8'), complete: true, end: offset };
      parts = [];
      from = nl + 1;
    }
    if (from < chunk.length) {
      parts.push(chunk.subarray(from));
      offset += chunk.length - from;
    }
  }
  if (parts.length) yield { text: Buffer.concat(parts).toString('utf8'), complete: false, end: offset };
}

export type BatchLine = MinutesDocument | ArchiveErrorLine;

export const isErrorLine = (line: BatchLine): line is ArchiveErrorLine => 'error' in line && !('schema' in line);

/** A complete line parsed; null when it is not a batch line (half-written, or not JSON). */
export function parseBatchLine(line: RawLine): BatchLine | null {
  if (!line.complete) return null;
  try {
    const value = JSON.parse(line.text) as BatchLine;
    return value && typeof value === 'object' && value.source && typeof value.source === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** The batch lines of a file, skipping (and counting in `skipped`) any that are half-written or malformed. */
export async function* readBatchLines(path: string, skipped?: { count: number }): AsyncGenerator<BatchLine> {
  for await (const raw of readLines(path)) {
    const line = parseBatchLine(raw);
    if (line) yield line;
    else if (raw.text.trim() && skipped) skipped.count++;
  }
}

/** What `--resume` skips an input by: its sha256, or its name when it could not be read (no hash). */
export function resumeKey(source: { name: string | null; sha256: string | null }): string {
  return source.sha256 ?? `name:${source.name}`;
}

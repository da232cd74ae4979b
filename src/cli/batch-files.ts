import { open } from 'node:fs/promises';
import { parseBatchLine, readLines } from '../archive/jsonl.js';

/** Why a file given to `people`, `export` or `stats` cannot be read as a batch output. */
export interface BatchFileError {
  path: string;
  /** `unreadable` (missing, a directory, no permission) or `not-jsonl` (binary, or not `twminutes batch` lines). */
  code: 'unreadable' | 'not-jsonl';
  message: string;
}

/**
 * The first file that is not a batch output, or null. Checked before any work so that a wrong
 * argument is a coded error with exit 1, not an empty result with exit 0: the file must be
 * readable, hold no NUL byte in its first block, and its first line must be a batch line. An empty
 * file is an empty batch (a shard with no inputs writes one).
 */
export async function checkBatchFiles(paths: readonly string[]): Promise<BatchFileError | null> {
  for (const path of paths) {
    const error = await checkOne(path);
    if (error) return error;
  }
  return null;
}

async function checkOne(path: string): Promise<BatchFileError | null> {
  let head: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      if ((await file.stat()).isDirectory()) return { path, code: 'unreadable', message: 'it is a directory; give the .jsonl file written by twminutes batch' };
      const { buffer, bytesRead } = await file.read(Buffer.alloc(8192), 0, 8192, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    return { path, code: 'unreadable', message: `cannot read it: ${why}` };
  }
  const notJsonl: BatchFileError = { path, code: 'not-jsonl', message: 'not JSON Lines written by twminutes batch (one MinutesDocument or error per line)' };
  if (head.includes(0)) return notJsonl;
  for await (const raw of readLines(path)) {
    if (!raw.text.trim()) continue;
    // A lone half-written line is what a batch killed on its first file leaves: still a batch output.
    const ok = raw.complete ? parseBatchLine(raw) !== null : raw.text.trimStart().startsWith('{');
    return ok ? null : notJsonl;
  }
  return null;
}

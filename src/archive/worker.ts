/**
 * Worker thread of `parseArchive`: loads the parser once, then parses one file per message.
 * Runs from `dist/` (workers cannot run TypeScript). A hang or a heap blow-up here is handled by
 * the pool, which terminates this thread; everything else comes back as a message.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile, isLoadError } from '../index.js';
import { sha256File } from './hash.js';
import { useSynchronousInflate } from '../load/pdf/pdfjs.js';
import type { WorkerMessage, WorkerTask } from './protocol.js';

// This thread's global is ours: pdf.js inflates here instead of waiting on the threadpool
// (300 files with --jobs 1: 9.0 → 7.7 s, and less CPU).
useSynchronousInflate();

const port = parentPort;
if (!port) throw new Error('twminutes: archive/worker.js must run in a worker thread');

const send = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async (task: WorkerTask) => {
  const started = performance.now();
  try {
    const document = await parseFile(task.path, Object.assign({}, task.parse, { name: task.name }));
    send({ type: 'done', id: task.id, ok: true, document, ms: performance.now() - started });
  } catch (e) {
    const error = isLoadError(e)
      ? { code: e.code, message: e.message }
      : { code: 'internal-error', message: `The parser failed: ${(e as Error)?.message ?? String(e)}` };
    send({ type: 'done', id: task.id, ok: false, error, sha256: await sha256File(task.path), ms: performance.now() - started });
  }
});

send({ type: 'ready' });

/**
 * The worker of `parseArchive`, as a worker thread or as a child process (see pool.ts): loads the
 * parser once, then parses one file per message. Runs from `dist/` (neither can run TypeScript).
 * A hang or a heap blow-up here is handled by the pool, which ends this thread or process;
 * everything else comes back as a message.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { POOL_PID_VARIABLE, type WorkerGrammar, type WorkerMessage, type WorkerTask } from './protocol.js';
import type { Grammar } from '../grammars/index.js';

// Ctrl-C in a terminal reaches a worker process too (one process group); stopping is the pool's
// call. Set before the parser loads, which takes a while: the parser comes by dynamic import.
if (!parentPort) process.on('SIGINT', () => undefined);
const { parseFile, isLoadError } = await import('../index.js');
const { sha256File } = await import('./hash.js');
const { buildGrammar } = await import('../grammars/index.js');
const { useSynchronousInflate } = await import('../load/pdf/pdfjs.js');

// This thread's global is ours: pdf.js inflates here instead of waiting on the threadpool
// (300 files with --jobs 1: 9.0 → 7.7 s, and less CPU).
useSynchronousInflate();

const port = parentPort;
const send: (message: WorkerMessage) => void = port
  ? (message) => port.postMessage(message)
  : process.send
    ? (message) => void process.send!(message)
    : () => {
        throw new Error('twminutes: archive/worker.js must run in a worker thread or a process forked with IPC');
      };

/** Grammars built from the tables the pool sent, by their hash: each is built once in this worker. */
const grammars = new Map<string, Grammar>();

function grammarOf(sent: WorkerGrammar | undefined): Grammar | undefined {
  if (!sent) return undefined;
  let grammar = grammars.get(sent.hash);
  if (!grammar) {
    if (!sent.tables) throw new Error(`the grammar ${sent.hash.slice(0, 12)} was never sent to this worker`);
    grammars.set(sent.hash, (grammar = buildGrammar(sent.tables)));
  }
  return grammar;
}

async function parseTask(task: WorkerTask): Promise<WorkerMessage> {
  const started = performance.now();
  try {
    const grammar = grammarOf(task.grammar);
    const document = await parseFile(task.path, Object.assign({}, task.parse, grammar ? { name: task.name, grammar } : { name: task.name }));
    return { type: 'done', id: task.id, ok: true, document, ms: performance.now() - started };
  } catch (e) {
    const error = isLoadError(e)
      ? { code: e.code, message: e.message }
      : { code: 'internal-error', message: `The parser failed: ${(e as Error)?.message ?? String(e)}` };
    return { type: 'done', id: task.id, ok: false, error, sha256: await sha256File(task.path), ms: performance.now() - started };
  }
}

/**
 * A worker process must not outlive the batch. When the pool goes away in an orderly way its IPC
 * channel closes, which this process hears between two awaits; but a parse stuck in synchronous
 * code (the hang the pool's timeout is for) hears nothing, and if the pool was killed outright its
 * timer died with it. So a thread of this process watches the parent's pid and ends the process
 * once the parent is gone (the kernel then gives it another parent).
 */
function endWhenOrphaned(parentPid: number): void {
  if (process.ppid !== parentPid) process.exit(0); // already gone while the parser loaded
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL'); }, 500);`,
    { eval: true, workerData: parentPid, stdout: true, stderr: true },
  );
  watchdog.unref();
  // No thread to watch from (a limit on threads, say): watch from here, between two awaits; only
  // a hang then goes unnoticed. The process must not die of its watchdog.
  watchdog.on('error', () => setInterval(() => process.ppid !== parentPid && process.kill(process.pid, 'SIGKILL'), 500).unref());
}

const onTask = async (task: WorkerTask) => send(await parseTask(task));
if (port) port.on('message', onTask);
else {
  // The pool went away while the parser loaded (the channel closed before anyone listened).
  if (!process.connected) process.exit(0);
  process.on('message', onTask);
  process.once('disconnect', () => process.exit(0));
  endWhenOrphaned(Number(process.env[POOL_PID_VARIABLE]) || process.ppid);
}

send({ type: 'ready' });

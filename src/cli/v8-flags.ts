import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * V8 flags `twminutes batch --isolation thread` runs with. `--no-cppheap-concurrent-marking`: on
 * Node 20.20, when the machine is busier than its cores (two `batch --jobs 1` at once on 2 cores), V8 now and then aborts
 * the process mid-archive with "Check failed: concurrent_marking_handle_ implies
 * !concurrent_marking_handle_->IsValid()" in the marker of its C++ heap (Oilpan): 12 of 32 such runs
 * here, 0 of 16 with the flag. It only stops Oilpan (a small heap of Node's own objects) from marking
 * on helper threads; the JavaScript heap still marks concurrently. V8 reads it when a heap is set
 * up, so `v8.setFlagsFromString` is too late for the main thread (measured: 10 of 20 still aborted):
 * the flag has to be on the command line.
 */
export const BATCH_V8_FLAGS: readonly string[] = ['--no-cppheap-concurrent-marking'];

/**
 * Whether a `batch` command line (after the command's name) parses in worker threads of this
 * process: only such a batch needs the flags in its own process. Worker processes get them on
 * their own command line (archive/pool.ts), and the aborts were never seen in a process without
 * worker threads. The last `--isolation` wins, as in `parseArgs`.
 */
export function batchUsesThreads(args: readonly string[]): boolean {
  let isolation = 'process';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg === '--isolation') isolation = args[++i] ?? isolation;
    else if (arg.startsWith('--isolation=')) isolation = arg.slice('--isolation='.length);
  }
  return isolation === 'thread';
}

const RELAUNCHED = 'TWMINUTES_RELAUNCHED';

/**
 * In a relaunched CLI: end as soon as the process that started it is gone (its IPC channel closes),
 * as if killed along with it; a half-written last line is what `--resume` already repairs. The
 * channel itself does not keep this process alive.
 */
export function endWithParent(): void {
  // Started by `relaunch` only if the variable is set and an IPC channel was given (a stale
  // variable in a user's shell has no channel, and is ignored).
  if (process.env[RELAUNCHED] !== '1' || typeof process.send !== 'function') return;
  delete process.env[RELAUNCHED]; // not for whatever this process starts
  // The channel closed while this CLI was still loading its modules: the parent is gone already.
  if (!process.connected) return void process.kill(process.pid, 'SIGKILL');
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}

/**
 * Node's arguments to run `script` with `args` again with `flags` (before the ones this process
 * was started with), or null when they are all set already.
 */
export function relaunchArgs(flags: readonly string[], execArgv: readonly string[], scriptAndArgs: readonly string[]): string[] | null {
  const missing = flags.filter((f) => !execArgv.includes(f));
  if (missing.length === 0) return null;
  return [...missing, ...execArgv, ...scriptAndArgs];
}

/**
 * Run this CLI again in a child process with `args` and return its exit code. Output goes straight
 * through; a terminal's Ctrl-C reaches the child itself (same process group), and SIGTERM or SIGHUP
 * sent to this process are passed on, so the batch still stops cleanly and can be resumed. If this
 * process dies outright (SIGKILL), the child sees its IPC channel close and ends at once (see
 * endWithParent): no batch goes on writing behind the back of whoever killed it.
 */
export function relaunch(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: Object.assign({}, process.env, { [RELAUNCHED]: '1' }) });
  const pass = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onTerm = pass('SIGTERM');
  const onHup = pass('SIGHUP');
  const onInt = (): void => undefined; // the child got it too, and stops the batch itself
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);
  process.on('SIGINT', onInt);
  return new Promise((resolve) => {
    const done = (code: number) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
      process.off('SIGINT', onInt);
      resolve(code);
    };
    child.on('error', (e) => {
      process.stderr.write(`twminutes: cannot start node (${e.message})\n`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}

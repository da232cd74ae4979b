#!/usr/bin/env node
import { COMMANDS } from './commands/index.js';
import { useSynchronousInflate } from '../load/pdf/pdfjs.js';
import type { CommandIO } from './command.js';
import { BATCH_V8_FLAGS, batchUsesThreads, endWithParent, relaunch, relaunchArgs } from './v8-flags.js';

const USAGE = `Usage: twminutes <command> [options]

Turns Taiwanese government meeting minutes (.txt, .md, .pdf) into MinutesDocument JSON (schema minutes/1).

Commands:
${COMMANDS.map((c) => '  ' + c.summary).join('\n')}

  twminutes <command> --help   options of one command`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    io.stdout(createRequire(import.meta.url)('../../package.json').version);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`twminutes: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: twminutes ${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // parseArgs rejects unknown options by throwing: a usage error, not a crash.
    const err = e as Error & { code?: string };
    if (err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`twminutes ${name}: ${err.message}\nUsage: twminutes ${command.summary}`);
      return 2;
    }
    io.stderr(`twminutes ${name}: internal-error: ${err.message}`);
    return 1;
  }
}

// A reader that stops early (`twminutes parse x | head`) closes the pipe: stop quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const io: CommandIO = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  isTTY: !!process.stderr.isTTY,
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  },
};

// The CLI's process is ours: pdf.js inflates in place rather than through DecompressionStream.
useSynchronousInflate();

// A batch in worker threads runs in a process started with the V8 flags it needs (see v8-flags.ts).
endWithParent();
const argv = process.argv.slice(2);
const again = argv[0] === 'batch' && batchUsesThreads(argv.slice(1)) ? relaunchArgs(BATCH_V8_FLAGS, process.execArgv, [process.argv[1]!, ...argv]) : null;
(again ? relaunch(again) : main(argv, io)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`twminutes: internal-error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);

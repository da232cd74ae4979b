import type { Command } from '../command.js';

/** PLACEHOLDER: the batch command is being built (see the issues). */
export const batchCommand: Command = {
  name: 'batch',
  summary: 'batch (not available yet)',
  async run(_argv, io) {
    io.stderr('twminutes batch: not available yet');
    return 2;
  },
};

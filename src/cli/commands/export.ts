import type { Command } from '../command.js';

/** PLACEHOLDER: the export command is being built (see the issues). */
export const exportCommand: Command = {
  name: 'export',
  summary: 'export (not available yet)',
  async run(_argv, io) {
    io.stderr('twminutes export: not available yet');
    return 2;
  },
};

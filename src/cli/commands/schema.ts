import type { Command } from '../command.js';

/** PLACEHOLDER: the schema command is being built (see the issues). */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'schema (not available yet)',
  async run(_argv, io) {
    io.stderr('twminutes schema: not available yet');
    return 2;
  },
};

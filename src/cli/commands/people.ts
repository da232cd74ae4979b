import type { Command } from '../command.js';

/** PLACEHOLDER: the people command is being built (see the issues). */
export const peopleCommand: Command = {
  name: 'people',
  summary: 'people (not available yet)',
  async run(_argv, io) {
    io.stderr('twminutes people: not available yet');
    return 2;
  },
};

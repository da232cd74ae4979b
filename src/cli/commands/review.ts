import type { Command } from '../command.js';

/** PLACEHOLDER: the review command is being built (see the issues). */
export const reviewCommand: Command = {
  name: 'review',
  summary: 'review (not available yet)',
  async run(_argv, io) {
    io.stderr('twminutes review: not available yet');
    return 2;
  },
};

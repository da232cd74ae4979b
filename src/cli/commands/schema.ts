import { readFile } from 'node:fs/promises';
import type { Command } from '../command.js';

/** Shipped in the package (`files: ["schema"]`), two levels above `dist/cli/commands/` and `src/cli/commands/`. */
export const SCHEMA_URL = new URL('../../../schema/minutes-1.schema.json', import.meta.url);

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'schema   print the JSON Schema of MinutesDocument (minutes/1)',
  async run(argv, io) {
    if (argv.length) {
      io.stderr('twminutes schema: takes no arguments');
      return 2;
    }
    io.stdout((await readFile(SCHEMA_URL, 'utf8')).trimEnd());
    return 0;
  },
};

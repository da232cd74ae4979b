import type { Command } from '../command.js';
import { parseCommand } from './parse.js';
import { batchCommand } from './batch.js';
import { peopleCommand } from './people.js';
import { exportCommand } from './export.js';
import { schemaCommand } from './schema.js';
import { reviewCommand } from './review.js';
import { statsCommand } from './stats.js';

/** Every command, in the order the help lists them. Each lives in its own module. */
export const COMMANDS: readonly Command[] = [parseCommand, batchCommand, peopleCommand, exportCommand, statsCommand, schemaCommand, reviewCommand];

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from '../src/index.js';
import { ROOT, SAMPLES, parseSample } from './helpers.js';
// @ts-expect-error plain ESM script without types
import { generateSchema } from '../scripts/schema.mjs';

const schemaText = readFileSync(ROOT + 'schema/minutes-1.schema.json', 'utf8');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv); // date, date-time: a due date of 2024-02-30 is invalid
const validate = ajv.compile(JSON.parse(schemaText));

describe('JSON Schema of MinutesDocument', () => {
  it('is generated from the TypeScript contract and up to date', () => {
    expect(schemaText).toBe((generateSchema as () => string)());
  });

  it.each(SAMPLES.map((s) => [s.file]))('%s validates', (file) => {
    const ok = validate(JSON.parse(JSON.stringify(parseSample(file))));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a document that breaks the contract', () => {
    const doc = JSON.parse(JSON.stringify(parseSample('mofa-2018-107-1.txt')));
    doc.attendees[0].status = 'maybe';
    delete doc.meeting.chair;
    expect(validate(doc)).toBe(false);
  });

  it('a date that is not a calendar date breaks the contract (meeting.date, actions[].due)', () => {
    const doc = JSON.parse(JSON.stringify(parseSample('moea-2021-7-1.txt')));
    expect(validate(doc)).toBe(true);
    doc.actions[0].due = '2024-02-30';
    expect(validate(doc)).toBe(false);
    const other = JSON.parse(JSON.stringify(parseSample('moea-2021-7-1.txt')));
    other.meeting.date = '110-11-30';
    expect(validate(other)).toBe(false);
  });

  it('an empty or non-minutes document validates too', () => {
    expect(validate(JSON.parse(JSON.stringify(parse(''))))).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(parse('隨便一段文字，不是會議紀錄。'))))).toBe(true);
  });
});

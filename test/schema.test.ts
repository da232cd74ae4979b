import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from '../src/index.js';
import { ROOT, SAMPLES, parseSample } from './helpers.js';
// @ts-expect-error plain ESM script without types
import { generateSchema } from '../scripts/schema.mjs';

const schemaText = readFileSync(ROOT + 'schema/minutes-1.schema.json', 'utf8');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText));

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

  it('an empty or non-minutes document validates too', () => {
    expect(validate(JSON.parse(JSON.stringify(parse(''))))).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(parse('隨便一段文字，不是會議紀錄。'))))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, parseSample } from './helpers.js';

const readme = readFileSync(ROOT + 'README.md', 'utf8');

describe('README', () => {
  it('starts with the three newcomer commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(block.split('\n').filter(Boolean).map((l) => l.split('#')[0]!.trim())).toEqual(['npm install', 'npx twminutes parse samples/mofa-2021-110-1.txt --pretty', 'npm test']);
  });

  it('its JSON example is what the parser returns for that sample', () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!.replace(/"message": "([^"]|\\")*…"/g, '"message": ""'));
    const doc = parseSample('moea-2021-7-1.txt');
    expect(doc.title).toBe(example.title);
    expect(doc.meeting).toEqual(example.meeting);
    expect(doc.actions[0]).toEqual(example.actions[0]);
    expect(doc.diagnostics.find((d) => d.code === example.diagnostics[0].code)?.severity).toBe(example.diagnostics[0].severity);
  });

  it('lists every diagnostic code the source can emit', () => {
    const codes = new Set<string>();
    const files = readFileSync(ROOT + 'README.md', 'utf8');
    for (const src of ['src/extract/metadata.ts', 'src/extract/attendees.ts', 'src/extract/speeches.ts', 'src/extract/datasets.ts', 'src/pipeline.ts', 'src/normalize/script.ts', 'src/load/text.ts', 'src/segment/headings.ts', 'src/load/pdf/index.ts', 'src/load/pdf/garbled.ts']) {
      for (const m of readFileSync(ROOT + src, 'utf8').matchAll(/code: '([a-z0-9-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const c of codes) expect([c, files.includes('`' + c + '`') || files.includes(c + '`')]).toEqual([c, true]);
  });
});

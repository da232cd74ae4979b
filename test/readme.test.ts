import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, parseSample } from './helpers.js';

const readme = readFileSync(ROOT + 'README.md', 'utf8');

describe('README', () => {
  it('starts with the three newcomer commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(block.split('\n').filter(Boolean).map((l) => l.split('#')[0]!.trim())).toEqual(['npm install', 'npm run parse -- samples/mofa-2021-110-1.txt --pretty', 'npm test']);
  });

  it('its JSON example is what the parser returns for that sample', () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!.replace(/"message": "([^"]|\\")*…"/g, '"message": ""'));
    const doc = parseSample('moea-2021-7-1.txt');
    expect(doc.title).toBe(example.title);
    // Abridged: what the example shows is what the parser returns (fields it leaves out, e.g. evidence, exist).
    expect(doc.meeting).toMatchObject(example.meeting);
    expect(doc.actions[0]).toEqual(example.actions[0]);
    expect(doc.diagnostics.find((d) => d.code === example.diagnostics[0].code)?.severity).toBe(example.diagnostics[0].severity);
  });

  it('documents every diagnostic and error code the source can emit', () => {
    // Every source file, so a code added anywhere must be documented (docs/output.md or docs/archives.md).
    const docs = ['README.md', ...readdirSync(ROOT + 'docs').filter((f) => f.endsWith('.md')).map((f) => 'docs/' + f)].map((f) => readFileSync(ROOT + f, 'utf8')).join('\n');
    const codes = new Set<string>();
    for (const src of sourceFiles(ROOT + 'src')) {
      for (const m of readFileSync(src, 'utf8').matchAll(/(?:code: |LoadError\()'([a-z0-9-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(20);
    const undocumented = [...codes].filter((c) => !docs.includes('`' + c + '`') && !docs.includes(c + '`'));
    expect(undocumented).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(dir + '/' + f).isDirectory() ? sourceFiles(dir + '/' + f) : f.endsWith('.ts') ? [dir + '/' + f] : []));
}

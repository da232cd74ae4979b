import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGrammar, GrammarError } from '../src/grammars/index.js';
import { ROOT } from './helpers.js';
import * as api from '../src/index.js';

function brokenCopy(file: string, edit: (o: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'twm-grammar-')) + '/';
  cpSync(ROOT + 'grammars', dir, { recursive: true });
  const o = JSON.parse(readFileSync(dir + file, 'utf8'));
  edit(o);
  writeFileSync(dir + file, JSON.stringify(o));
  return dir;
}

describe('grammar tables', () => {
  it('load and validate', () => {
    const g = loadGrammar();
    expect(g.people.titles).toContain('政務次長');
    expect(g.variants.get('啓')).toBe('啟');
    expect(g.headings.families.map((f) => f.id)).toEqual(['upper', 'lower', 'paren-lower', 'arabic', 'paren-arabic', 'circled']);
  });

  it('a bad table fails at load, naming file and key', () => {
    const badKind = brokenCopy('sections.json', (o) => {
      (o.kinds as { kind: string }[])[0]!.kind = 'speechez';
    });
    expect(() => loadGrammar(badKind)).toThrow(/grammars\/sections\.json: "kinds\[0\]\.kind" must be one of/);
    const badTitles = brokenCopy('people.json', (o) => {
      o.titles = 'x';
    });
    expect(() => loadGrammar(badTitles)).toThrow(GrammarError);
    const badRegex = brokenCopy('layout.json', (o) => {
      o.pageNumberPatterns = ['('];
    });
    expect(() => loadGrammar(badRegex)).toThrow(/layout\.json/);
  });
});

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['GrammarError', 'LoadError', 'STAGES', 'isLoadError', 'loadGrammar', 'parse', 'parseBytes', 'parseChineseNumeral', 'parseClockTimes', 'parseFile', 'parseName', 'parseRocDate', 'reviewHtml', 'reviewIndexHtml', 'buildPeopleIndex', 'collectPeople', 'expandInputs', 'foldName', 'parseArchive', 'personIdOf', 'readBatchLines', 'toAkomaNtoso', 'toCsvBundle', 'toPopolo', 'normalize'].sort(),
    );
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGrammar, GrammarError } from '../src/grammars/index.js';
import { ROOT, SAMPLES, sampleText } from './helpers.js';
import * as api from '../src/index.js';
import { parse } from '../src/index.js';

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
    expect(g.headings.families.map((f) => f.id)).toEqual(['upper', 'lower', 'paren-lower', 'arabic', 'paren-arabic', 'circled', 'arabic-comma', 'stem']);
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

describe('grammar regexes are compiled once', () => {
  it('parsing a sample a second time constructs no RegExp', () => {
    // Every sample once: each lazily built regex is built now.
    for (const { file } of SAMPLES) parse(sampleText(file));
    const built: string[] = [];
    const Original = globalThis.RegExp;
    // Regex literals do not go through the global constructor; `new RegExp(…)` in src/ does.
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        built.push(String(args[0]).slice(0, 60));
        return new target(...args);
      },
    });
    try {
      for (const { file } of SAMPLES) parse(sampleText(file));
    } finally {
      globalThis.RegExp = Original;
    }
    expect(built).toEqual([]);
  });

  it('the check sees a RegExp built during a parse', () => {
    const built: string[] = [];
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        built.push(String(args[0]));
        return new target(...args);
      },
    });
    try {
      new RegExp('出席'); // as src/ would write it
    } finally {
      globalThis.RegExp = Original;
    }
    expect(built).toEqual(['出席']);
  });
});

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['GrammarError', 'LoadError', 'isLoadError', 'loadGrammar', 'defaultGrammar', 'extendGrammar', 'readGrammarOverlay', 'buildGrammar', 'parse', 'parseBytes', 'parseChineseNumeral', 'parseClockTimes', 'parseFile', 'parseName', 'parseRocDate', 'parseAliases', 'reviewHtml', 'reviewIndexHtml', 'buildPeopleIndex', 'collectPeople', 'expandInputs', 'foldName', 'parseArchive', 'personIdOf', 'readBatchLines', 'WorkerStartError', 'toAkomaNtoso', 'toCsvBundle', 'toPopolo', 'normalize'].sort(),
    );
  });
});

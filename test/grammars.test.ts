import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadGrammar, GrammarError, extendGrammar, defaultGrammar } from '../src/grammars/index.js';
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
    expect(g.headings.families.map((f) => f.id)).toEqual(['upper', 'lower', 'paren-lower', 'arabic', 'paren-arabic', 'circled', 'arabic-comma', 'stem', 'lower-half-paren', 'arabic-half-paren', 'case', 'case-arabic']);
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
    // Regex literals do not go through the global constructor; `new RegExp(…)` in src/ does.
    const built = regexesBuiltBy(() => {
      for (const { file } of SAMPLES) parse(sampleText(file));
    });
    expect(built).toEqual([]);
  });

  it('the check is not vacuous: the first parse in fresh modules builds patterns, and the proxy sees them', async () => {
    vi.resetModules();
    const fresh = await import('../src/index.js');
    // The grammar loaded before the proxy goes in: only what the parse itself constructs is counted.
    (await import('../src/grammars/index.js')).defaultGrammar();
    const built = regexesBuiltBy(() => fresh.parse(sampleText(SAMPLES[0]!.file)));
    expect(built.length).toBeGreaterThan(0);
    expect(regexesBuiltBy(() => fresh.parse(sampleText(SAMPLES[0]!.file)))).toEqual([]);
  });
});

/** The sources of every RegExp constructed through the global constructor while `run` runs. */
function regexesBuiltBy(run: () => void): string[] {
  const built: string[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      built.push(String(args[0]).slice(0, 60));
      return new target(...args);
    },
  });
  try {
    run();
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

describe('a grammar table entry changes what is parsed (extendGrammar overlay)', () => {
  // Heading lines from samples/mofa-2021-110-1.txt; the titles are written in its agency's style.
  const doc = (title: string) => `${title}\n時間：110 年 7 月 21 日(星期三)上午 10 時\n壹、報告事項\n一、資料開放現況。\n`;
  const kindMessage = (d: ReturnType<typeof parse>) => d.diagnostics.find((x) => x.code === 'kind-minutes' || x.code === 'kind-other')!.message;

  it('a title marker added by an overlay makes a title name the meeting; the default grammar is unchanged', () => {
    const text = doc('外交部資料開放諮詢小組座談摘要');
    const withMarker = extendGrammar(defaultGrammar(), { 'fields.json': { titleMarkers: ['摘要'] } });
    const before = parse(text);
    expect([before.kind, before.title, kindMessage(before)]).toEqual(['other', null, expect.stringContaining('not found: a 會議紀錄 title')]);
    const read = parse(text, { grammar: withMarker });
    expect([read.kind, read.title, read.meeting?.date, kindMessage(read)]).toEqual(['minutes', '外交部資料開放諮詢小組座談摘要', '2021-07-21', expect.stringContaining('found a 會議紀錄 title, a meeting date')]);
    // The overlay's grammar is its own: a later parse with the package grammar reads as before.
    expect(parse(text).kind).toBe('other');
    expect(withMarker.fields.titleMarkers).toContain('摘要');
    expect(defaultGrammar().fields.titleMarkers).not.toContain('摘要');
  });

  it('a title marker removed by an overlay stops the title naming the meeting', () => {
    const text = doc('外交部資料開放諮詢小組紀錄');
    const without = extendGrammar(defaultGrammar(), { 'fields.json': { remove: { titleMarkers: ['紀錄'] } } });
    expect([parse(text).kind, parse(text).title]).toEqual(['minutes', '外交部資料開放諮詢小組紀錄']);
    const read = parse(text, { grammar: without });
    expect([read.kind, read.title, read.meeting]).toEqual(['other', null, null]);
    expect(kindMessage(read)).toContain('not found: a 會議紀錄 title');
  });

  it('an overlay naming an entry the base lacks, or a key it lacks, is refused', () => {
    expect(() => extendGrammar(defaultGrammar(), { 'fields.json': { remove: { titleMarkers: ['摘要'] } } })).toThrow(GrammarError);
    expect(() => extendGrammar(defaultGrammar(), { 'fields.json': { titleMarker: ['摘要'] } })).toThrow(/fields\.json.*titleMarker/);
  });
});

describe('a field label added or removed by an overlay', () => {
  // samples/mofa-2018-107-1.txt:2–8 with the chair's label under test.
  const doc = (label: string) => ['外交部 107 年「資料開放諮詢小組」第 1 次會議 會議紀錄', '時間：107 年 6 月 22 日(星期五)下午 3 時', `${label}：謝政務次長武樵(資訊長)`, '壹、主席致詞(略)', '貳、報告事項', '參、散會'].join('\n');
  it('會議召集人 read as the chair only under the overlay', () => {
    const g = extendGrammar(defaultGrammar(), { 'fields.json': { fields: { chair: ['會議召集人'] } } });
    expect(parse(doc('會議召集人')).meeting?.chair?.name ?? null).toBeNull();
    expect(parse(doc('會議召集人'), { grammar: g }).meeting?.chair?.name).toBe('謝武樵');
    expect(parse(doc('會議召集人')).meeting?.chair?.name ?? null).toBeNull();
  });
  it('主席 no longer read once removed', () => {
    const g = extendGrammar(defaultGrammar(), { 'fields.json': { remove: { fields: { chair: ['主席', '會議主席'] }, labelForms: { chair: { stems: ['主席'] } } } } });
    expect(parse(doc('主席')).meeting?.chair?.name).toBe('謝武樵');
    expect(parse(doc('主席'), { grammar: g }).meeting?.chair?.name ?? null).toBeNull();
  });
});

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['GrammarError', 'LoadError', 'isLoadError', 'loadGrammar', 'defaultGrammar', 'extendGrammar', 'readGrammarOverlay', 'buildGrammar', 'parse', 'parseBytes', 'parseChineseNumeral', 'parseClockTimes', 'parseFile', 'parseName', 'parseRocDate', 'parseAliases', 'reviewHtml', 'reviewIndexHtml', 'buildPeopleIndex', 'collectPeople', 'expandInputs', 'foldName', 'parseArchive', 'personIdOf', 'readBatchLines', 'WorkerStartError', 'toAkomaNtoso', 'toCsvBundle', 'toPopolo', 'normalize'].sort(),
    );
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGrammar, buildPeopleIndex, defaultGrammar, extendGrammar, GrammarError, parse, parseArchive, parseFile, parseName, readGrammarOverlay, toAkomaNtoso, type ArchiveResult, type Grammar, type Person } from '../src/index.js';
import { ROOT } from './helpers.js';

/**
 * The README's overlay (test/fixtures/overlay/): a chair label (會議召集人) and a title (技監) the package's
 * grammar does not know, added from a folder, through the library, the CLI and a batch worker. The minutes are
 * a real sample (moea-2021-7-1.txt) with its chair line written in that body's style.
 */
const OVERLAY = ROOT + 'test/fixtures/overlay/my-grammar';
const MINUTES = ROOT + 'test/fixtures/overlay/minutes.txt';
const CLI = ROOT + 'dist/cli/main.js';
const text = readFileSync(MINUTES, 'utf8');
const overlaid = () => extendGrammar(defaultGrammar(), readGrammarOverlay(OVERLAY));
const CHAIR: Person = { name: '林全能', surname: '林', title: '技監', org: null, raw: '林技監全能' };

const tmp = () => mkdtempSync(join(tmpdir(), 'twm-overlay-'));
/** An overlay folder holding these tables (JSON text as given, so a broken file can be written). */
function folder(files: Record<string, string | object>): string {
  const dir = tmp();
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('a grammar overlay: the README example', () => {
  it('the library reads the new label and title with the overlay, and neither without it', () => {
    expect(parse(text).meeting?.chair).toBeNull();
    expect(parse(text, { grammar: overlaid() }).meeting?.chair).toEqual(CHAIR);
    // Each part does its share: the label alone finds the chair, whose name the title then splits.
    const labelOnly = extendGrammar(defaultGrammar(), { 'fields.json': JSON.parse(readFileSync(join(OVERLAY, 'fields.json'), 'utf8')) });
    expect(parse(text, { grammar: labelOnly }).meeting?.chair).toMatchObject({ raw: '林技監全能', name: null, title: null });
    // The rest of the document is read as before; the chair's line is now a field line (split at 紀錄, so
    // later spans move by a line), its recorder read too.
    const plain = parse(text);
    const withOverlay = parse(text, { grammar: overlaid() });
    expect(withOverlay.meeting?.date).toBe('2021-11-30');
    const actions = (doc: typeof plain) => doc.actions.map((a) => [a.text, a.due, a.owner]);
    expect(actions(withOverlay)).toEqual(actions(plain));
    expect(withOverlay.actions.length).toBeGreaterThan(0);
    expect([plain.meeting?.recorder?.name ?? null, withOverlay.meeting?.recorder?.name]).toEqual([null, '曾郁庭']);
  });

  it('the CLI reads them with --grammar DIR, and not without it', () => {
    const without = cli('parse', MINUTES);
    expect(without.status, without.stderr).toBe(0);
    expect(JSON.parse(without.stdout).meeting.chair).toBeNull();
    const withIt = cli('parse', MINUTES, '--grammar', OVERLAY);
    expect(withIt.status, withIt.stderr).toBe(0);
    expect(JSON.parse(withIt.stdout).meeting.chair).toEqual(CHAIR);
  });

  it('a batch worker reads them: parseArchive sends the grammar to its workers (processes and threads)', async () => {
    const chairs = async (options: Parameters<typeof parseArchive>[1]) => {
      const out: (Person | null | undefined)[] = [];
      for await (const r of parseArchive([MINUTES, ROOT + 'samples/moea-2021-7-1.txt', MINUTES], options)) out.push(r.ok ? r.document.meeting?.chair : undefined);
      return out;
    };
    const sample = parse(readFileSync(ROOT + 'samples/moea-2021-7-1.txt', 'utf8')).meeting?.chair;
    // One worker parses all three: the tables go with its first file, and the later ones use the grammar it built.
    expect(await chairs({ concurrency: 1, grammar: overlaid() })).toEqual([CHAIR, sample, CHAIR]);
    expect(await chairs({ concurrency: 2, isolation: 'thread', grammar: overlaid() })).toEqual([CHAIR, sample, CHAIR]);
    expect(await chairs({ concurrency: 1 })).toEqual([null, sample, null]);
  });

  it('each worker is sent the tables with its first file only, and a fresh worker gets them again', async () => {
    // A stand-in worker that reports what it was sent (the pool's side of the protocol is what is checked).
    const dir = tmp();
    const worker = join(dir, 'worker.mjs');
    writeFileSync(
      worker,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (task) => {
         if (task.name.endsWith('crash')) process.exit(1);
         parentPort.postMessage({ type: 'done', id: task.id, ok: true, ms: 0, document: { hash: task.grammar?.hash ?? null, tables: !!task.grammar?.tables, diagnostics: [] } });
       });
       parentPort.postMessage({ type: 'ready' });`,
    );
    const sent = async (grammar: Grammar | undefined, names: string[]) => {
      const out: unknown[] = [];
      for await (const r of parseArchive(names.map((name) => ({ path: MINUTES, name })), { concurrency: 1, isolation: 'thread', workerUrl: worker, ...(grammar ? { grammar } : {}) }))
        out.push(r.ok ? { hash: (r.document as unknown as { hash: string | null }).hash, tables: (r.document as unknown as { tables: boolean }).tables } : r.error.code);
      return out;
    };
    const mine = overlaid();
    const result = await sent(mine, ['a', 'b', 'c-crash', 'd']);
    const hash = (result[0] as { hash: string }).hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // c crashed its worker (twice: once more in a fresh one); d, in a fresh worker, is sent the tables again.
    expect(result).toEqual([{ hash, tables: true }, { hash, tables: false }, 'worker-crashed', { hash, tables: true }]);
    // The package's own grammar is not sent: workers load it themselves.
    expect(await sent(undefined, ['a'])).toEqual([{ hash: null, tables: false }]);
    expect(await sent(defaultGrammar(), ['a'])).toEqual([{ hash: null, tables: false }]);
    // Equal tables are one grammar to a worker; other tables, another.
    expect(((await sent(overlaid(), ['a']))[0] as { hash: string }).hash).toBe(hash);
    const other = extendGrammar(defaultGrammar(), { 'people.json': { titles: ['技監', '參議員'] } });
    expect(((await sent(other, ['a']))[0] as { hash: string }).hash).not.toBe(hash);
  });

  it('twminutes batch --grammar DIR gives what the library gives', async () => {
    const out = join(tmp(), 'out.jsonl');
    const r = cli('batch', MINUTES, '-o', out, '--jobs', '1', '--quiet', '--grammar', OVERLAY);
    expect(r.status, r.stderr).toBe(0);
    const [line] = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ArchiveResult & { meeting: { chair: Person } });
    expect(line!.meeting.chair).toEqual(CHAIR);
    const library = await parseFile(MINUTES, { grammar: overlaid() });
    expect(line).toEqual(JSON.parse(JSON.stringify(library)));
  });
});

describe('overlay errors name the file and the key', () => {
  const fail = (run: () => unknown): GrammarError => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(GrammarError);
      return e as GrammarError;
    }
    throw new Error('it did not fail');
  };
  const apply = (dir: string) => () => extendGrammar(defaultGrammar(), readGrammarOverlay(dir));

  it('a file that is not JSON', () => {
    const dir = folder({ 'people.json': '{ "titles": ["技監", ] }' });
    const e = fail(apply(dir));
    expect(e.message).toMatch(new RegExp(`^${join(dir, 'people.json')}: "\\(file\\)" must be readable JSON`));
  });

  it('a table that does not exist (a misspelt file name)', () => {
    const dir = folder({ 'feilds.json': { fields: { chair: ['會議召集人'] } } });
    expect(fail(apply(dir)).message).toContain(`${join(dir, 'feilds.json')}: "(file)" must be one of the grammar tables (numerals.json, headings.json`);
    expect(fail(() => extendGrammar(defaultGrammar(), { ['feilds.json' as 'fields.json']: {} })).message).toMatch(/feilds\.json/);
  });

  it('a key the table does not have, at its root or inside', () => {
    const root = folder({ 'people.json': { title: ['技監'] } });
    expect(fail(apply(root)).message).toBe(`${join(root, 'people.json')}: "title" must be a key the base has (titles, compoundSurnames, orgSuffixes, givenNameMaxLength, chairWords, surnames, titleModifiers, honorifics, notNames, notNamePrefixes, listTails, postWords, shortPostEnds, unitHeadEnds)`);
    const inner = folder({ 'fields.json': { fields: { chiar: ['會議召集人'] } } });
    expect(fail(apply(inner)).message).toMatch(new RegExp(`^${join(inner, 'fields.json')}: "fields\\.chiar" must be a key the base has \\(time, location, chair,`));
  });

  it('a value of the wrong type', () => {
    const dir = folder({ 'people.json': { titles: '技監' } });
    expect(fail(apply(dir)).message).toBe(`${join(dir, 'people.json')}: "titles" must be a list (it extends a list)`);
    const empty = folder({ 'people.json': { titles: [''] } });
    expect(fail(apply(empty)).message).toBe(`${join(empty, 'people.json')}: "titles" must be a list of non-empty strings`);
  });

  it('a removal of an entry the base does not have', () => {
    const dir = folder({ 'people.json': { remove: { titles: ['技監'] } } });
    expect(fail(apply(dir)).message).toBe(`${join(dir, 'people.json')}: "remove.titles" must be a list of entries the base has (it has no "技監")`);
    const key = folder({ 'fields.json': { remove: { fields: { chiar: ['主席'] } } } });
    expect(fail(apply(key)).message).toMatch(/"remove\.fields\.chiar" must be a key of the base table/);
  });

  it('an empty or missing folder', () => {
    expect(fail(() => readGrammarOverlay(tmp())).message).toMatch(/must be a folder holding at least one of numerals\.json/);
    expect(fail(() => readGrammarOverlay(join(tmp(), 'nowhere'))).message).toMatch(/nowhere\/: "\(folder\)" must be an existing folder/);
    // A folder named without a slash is still named as a folder, not as a table of the package's grammars/.
    const here = spawnSync(process.execPath, ['--input-type=module', '-e', `import { readGrammarOverlay } from 'twminutes'; try { readGrammarOverlay('nowhere'); } catch (e) { console.log(e.message); }`], { cwd: ROOT, encoding: 'utf8' });
    expect(here.stdout.trim()).toBe('nowhere/: "(folder)" must be an existing folder of grammar tables');
  });

  it('the CLI says it in one line and exits 2, on every command that takes --grammar', () => {
    const dir = folder({ 'fields.json': { fields: { chiar: ['會議召集人'] } } });
    const batchOut = join(tmp(), 'out.jsonl');
    writeFileSync(batchOut, '');
    const runs = [
      ['parse', MINUTES],
      ['batch', MINUTES, '-o', join(tmp(), 'b.jsonl')],
      ['review', MINUTES, '-o', join(tmp(), 'r.html')],
      ['people', batchOut],
      ['export', batchOut, '--to', 'csv', '-o', tmp()],
    ];
    for (const [command, ...args] of runs) {
      const r = cli(command!, ...args, '--grammar', dir);
      expect([command, r.status, r.stdout]).toEqual([command, 2, '']);
      expect(r.stderr).toBe(`twminutes ${command}: --grammar: ${join(dir, 'fields.json')}: "fields.chiar" must be a key the base has (time, location, chair, recorder, attendance, observers, absent, adjourn, name, furniture)\n`);
    }
  });
});

describe('grammars are values', () => {
  it('two grammars used in turn in one process do not leak into each other', () => {
    const mine = overlaid();
    const name = '林技監全能';
    const seen: unknown[] = [];
    for (const grammar of [mine, undefined, mine, defaultGrammar(), mine]) {
      const doc = parse(text, grammar ? { grammar } : {});
      seen.push(doc.meeting?.chair?.title ?? null);
    }
    expect(seen).toEqual(['技監', null, '技監', null, '技監']);
    // Memoised answers are the grammar's own: the default reads no title in the name the overlay splits.
    expect(parseName(name)).toMatchObject({ title: null });
    expect(parse(text, { grammar: mine }).meeting?.chair).toEqual(CHAIR);
    expect(parseName(name)).toMatchObject({ title: null });
    expect(defaultGrammar().people.titles).not.toContain('技監');
    expect(defaultGrammar().fields.fields.chair).not.toContain('會議召集人');
  });

  it('extendGrammar does not change its base', () => {
    const base = defaultGrammar();
    const before = JSON.stringify(base.tables);
    const titles = [...base.people.titles];
    const chair = [...base.fields.fields.chair];
    const recorder = [...base.fields.fields.recorder];
    // A new stem of a label form derives labels into lists the base shares: they must be copies.
    const g = extendGrammar(base, {
      'fields.json': { labelForms: { recorder: { stems: ['筆記'] } }, fields: { chair: ['會議召集人'] } },
      'people.json': { titles: ['技監'], remove: { titles: ['同學'] } },
      'time.json': { remove: { dateSeparators: ['.'] } },
    });
    expect(g.fields.fields.recorder).toContain('筆記人');
    expect(g.people.titles).toContain('技監');
    expect(g.people.titles).not.toContain('同學');
    expect(JSON.stringify(base.tables)).toBe(before);
    expect([base.people.titles, base.fields.fields.chair, base.fields.fields.recorder]).toEqual([titles, chair, recorder]);
    expect(base.people.titles).toContain('同學');
  });

  it('merges as documented: lists appended once, objects merged, scalars replaced, open maps take new keys, $ keys are comments', () => {
    const base = defaultGrammar();
    const g = extendGrammar(base, {
      'people.json': { $comment: 'ours', $why: 'a note', titles: ['技監', '部長'], givenNameMaxLength: 3 },
      'variants.json': { variants: { 峯: '峰' } },
      'time.json': { periods: { 午前: { pm: false } } },
    });
    expect(g.people.titles.filter((t) => t === '部長')).toHaveLength(1);
    expect(g.people.titles.at(-1)).toBe('技監');
    expect(g.people.givenNameMaxLength).toBe(3);
    expect(g.time.periods['午前']).toEqual({ pm: false });
    expect(g.time.periods['上午']).toEqual(base.time.periods['上午']);
    expect(() => extendGrammar(base, { 'people.json': { givenNameMaxLength: '3' } })).toThrow('"givenNameMaxLength" must be a number (it replaces one)');
  });

  it('a grammar rebuilt from its tables reads as the grammar does (what a worker does)', () => {
    const mine = overlaid();
    const rebuilt: Grammar = buildGrammar(JSON.parse(JSON.stringify(mine.tables)));
    expect(parse(text, { grammar: rebuilt })).toEqual(parse(text, { grammar: mine }));
  });

  it('remove takes an entry out of the base', () => {
    const g = extendGrammar(defaultGrammar(), { 'fields.json': { remove: { fields: { time: ['日期'] } } } });
    expect(defaultGrammar().fields.fields.time).toContain('日期');
    expect(g.fields.fields.time).not.toContain('日期');
  });
});

describe('what reads parsed documents takes the grammar too', () => {
  // Two meetings whose chairs are one person written with two forms of a character: an overlay's variant
  // (鏞 → 庸, which the package's table does not fold) makes them one person in the index.
  const withChair = (name: string) => parse(text.replace('林技監全能', `林技監${name}`), { grammar: overlaid(), name: `${name}.txt` });
  const docs = [withChair('全庸'), withChair('全鏞')];
  const variant = extendGrammar(overlaid(), { 'variants.json': { variants: { 庸: '鏞' } } });
  const chairs = (g?: Grammar) => buildPeopleIndex(docs, { grammar: g }).people.filter((p) => p.names.some((n) => n.startsWith('林全')));

  it('the people index folds names with the grammar it is given, and only with it', () => {
    expect(docs.map((d) => d.meeting?.chair?.name)).toEqual(['林全庸', '林全鏞']);
    expect(chairs().length).toBe(2);
    expect(chairs(variant).length).toBe(1);
    expect(chairs().length).toBe(2);
  });

  it('the Akoma Ntoso export reads the chair words of the grammar it is given', () => {
    // A record whose header names no chair: a turn written 主席 is the chair's by the chair words alone.
    const parsed = parse(readFileSync(ROOT + 'samples/mofa-2016-105-4.txt', 'utf8'));
    const doc = { ...parsed, meeting: { ...parsed.meeting!, chair: null } };
    expect(doc.speeches.some((sp) => sp.speaker.raw === '主席')).toBe(true);
    const chairWords = defaultGrammar().people.chairWords;
    const noChair = extendGrammar(defaultGrammar(), { 'people.json': { chairWords: ['會議召集人'], remove: { chairWords } } });
    const chairTurns = (g?: Grammar) => (toAkomaNtoso(doc, { grammar: g }) ?? '').match(/as="#r-chair"/g)?.length ?? 0;
    expect(chairTurns()).toBeGreaterThan(0);
    expect(chairTurns(noChair)).toBe(0);
    expect(chairTurns()).toBeGreaterThan(0);
  });
});

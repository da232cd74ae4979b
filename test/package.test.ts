import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The package as users get it: `npm pack`, then installed from the tarball into a fresh project.
// `--ignore-scripts` at pack time: `prepack` would clean and rebuild dist/ under the other test files
// (npm test has just built it); what is checked here is what the tarball holds and how it installs.

interface PackedFile {
  path: string;
}

const npm = (args: string[], cwd: string, input?: string) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', input, shell: process.platform === 'win32', env: { ...process.env, npm_config_update_notifier: 'false' } });

let packed: string[] = [];
let tarball = '';
let project = '';
let install: ReturnType<typeof npm>;

beforeAll(() => {
  const dest = mkdtempSync(join(tmpdir(), 'twm-pack-'));
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: PackedFile[] }[];
  packed = info!.files.map((f) => f.path);
  tarball = join(dest, info!.filename);
  project = mkdtempSync(join(tmpdir(), 'twm-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // From the cache when it holds the dependencies (fast, and no network needed), else from the registry.
  install = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'warn', tarball], project);
}, 180_000);

const run = (file: string, args: string[] = [], input?: string) =>
  spawnSync(process.execPath, [file, ...args], { cwd: project, encoding: 'utf8', input });

describe('the published package', () => {
  it('holds what it references: every relative import and source map of dist/ is in the tarball', () => {
    const files = new Set(packed);
    expect(files.has('dist/index.js')).toBe(true);
    expect(files.has('dist/cli/main.js')).toBe(true);
    expect(files.has('schema/minutes-1.schema.json')).toBe(true);
    expect(packed.some((f) => f.startsWith('grammars/'))).toBe(true);
    const missing: string[] = [];
    for (const file of packed.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const dir = file.split('/').slice(0, -1);
      const refs = [...text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)'|sourceMappingURL=(\S+)/g)].map((m) => m[1] ?? m[2]!);
      for (const ref of refs) {
        const parts = [...dir];
        for (const p of ref.split('/')) if (p === '..') parts.pop();
        else if (p !== '.') parts.push(p);
        if (!files.has(parts.join('/'))) missing.push(`${file} → ${ref}`);
      }
    }
    expect(missing).toEqual([]);
    // No source maps: they would point at src/, which is not shipped.
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('runs nothing of ours at install time', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[hook], hook).toBeUndefined();
    expect(install.status, install.stderr).toBe(0);
    // npm 11 lists packages whose scripts would run at install: `npm warn install-scripts   twminutes@0.1.0 (prepare: …)`.
    expect(install.stdout + install.stderr).not.toMatch(/install[- ]scripts|twminutes@/i);
  });

  it('the installed CLI parses from stdin', () => {
    const cli = join(project, 'node_modules/twminutes/dist/cli/main.js');
    expect(run(cli, ['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const r = run(cli, ['parse', '-'], readFileSync(join(ROOT, 'samples/mofa-2021-110-1.txt'), 'utf8'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ schema: 'minutes/1', kind: 'minutes', meeting: { date: '2021-07-21' } });
  });

  it('imports as ESM and requires as CommonJS, with no warning', () => {
    const text = JSON.stringify(readFileSync(join(ROOT, 'samples/moea-2021-7-1.txt'), 'utf8'));
    writeFileSync(join(project, 'esm.mjs'), `import { parse } from 'twminutes';\nconsole.log(parse(${text}).meeting.date);\n`);
    writeFileSync(join(project, 'cjs.cjs'), `const { parse } = require('twminutes');\nconsole.log(parse(${text}).meeting.date);\nconsole.log(require.resolve('twminutes/schema').endsWith('minutes-1.schema.json'));\n`);
    const esm = run('esm.mjs');
    expect([esm.status, esm.stderr, esm.stdout.trim()]).toEqual([0, '', '2021-11-30']);
    const cjs = run('cjs.cjs');
    expect([cjs.status, cjs.stderr, cjs.stdout.trim()]).toEqual([0, '', '2021-11-30\ntrue']);
  });

  it('its types resolve for a TypeScript consumer in CommonJS (.cts) and ESM (.mts), module nodenext', () => {
    const source = `import { parse, type MinutesDocument } from 'twminutes';\nconst doc: MinutesDocument = parse('x');\nexport const kind: string = doc.kind;\n`;
    writeFileSync(join(project, 'types.cts'), source);
    writeFileSync(join(project, 'types.mts'), source);
    // A wrong type must be an error: the types are read, not `any`.
    writeFileSync(join(project, 'wrong.cts'), `import { parse } from 'twminutes';\nexport const n: number = parse('x').kind;\n`);
    const tsc = (files: string[]) => {
      const options = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files }));
      return spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' });
    };
    const ok = tsc(['types.cts', 'types.mts']);
    expect([ok.status, ok.stdout]).toEqual([0, '']);
    const wrong = tsc(['wrong.cts']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain("is not assignable to type 'number'");
  });

  it('its subpaths import, require and type-check by name: twminutes/archive, twminutes/export, twminutes/review', () => {
    const entries = { 'twminutes/archive': ['parseArchive', 'buildPeopleIndex', 'extendGrammar'], 'twminutes/export': ['toCsvBundle', 'toPopolo', 'toAkomaNtoso'], 'twminutes/review': ['reviewHtml', 'reviewIndexHtml'] };
    const check = (load: string) => `const want = ${JSON.stringify(entries)};\nfor (const [n, fns] of Object.entries(want)) { const m = ${load}; for (const f of fns) if (typeof m[f] !== 'function') throw new Error(n + ' lacks ' + f); }\nconsole.log('ok');\n`;
    writeFileSync(join(project, 'subpaths.mjs'), check('await import(n)'));
    writeFileSync(join(project, 'subpaths.cjs'), check('require(n)'));
    for (const file of ['subpaths.mjs', 'subpaths.cjs']) expect([file, run(file).stderr, run(file).stdout.trim()]).toEqual([file, '', 'ok']);
    // Their types: each subpath's .d.ts is found and read (a wrong type is an error).
    writeFileSync(
      join(project, 'subpaths.mts'),
      `import { parseArchive, type ArchiveOptions } from 'twminutes/archive';\nimport { toPopolo, type PopoloBundle } from 'twminutes/export';\nimport { reviewHtml } from 'twminutes/review';\nimport { parse, defaultGrammar, extendGrammar, type Grammar } from 'twminutes';\n` +
        `const grammar: Grammar = extendGrammar(defaultGrammar(), { 'people.json': { titles: ['技監'] } });\nconst options: ArchiveOptions = { grammar };\nexport const it = parseArchive([], options);\nconst bundle: PopoloBundle = toPopolo([parse('x', { grammar })]);\nexport const html: string = reviewHtml(parse('x')) + bundle.persons.length;\n`,
    );
    writeFileSync(join(project, 'wrong-subpath.mts'), `import { reviewHtml } from 'twminutes/review';\nexport const n: number = reviewHtml({} as never);\n`);
    const tsc = (files: string[]) => {
      const options = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files }));
      return spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' });
    };
    const ok = tsc(['subpaths.mts']);
    expect([ok.status, ok.stdout]).toEqual([0, '']);
    const wrong = tsc(['wrong-subpath.mts']);
    expect(wrong.stdout).toContain("is not assignable to type 'number'");
  });

  it('an archive parses from CommonJS too: the worker ships and starts from the installed package', () => {
    const input = JSON.stringify(join(ROOT, 'samples/mofa-2021-110-1.txt'));
    writeFileSync(
      join(project, 'archive.cjs'),
      `const { parseArchive } = require('twminutes');
(async () => {
  for await (const r of parseArchive([${input}], { concurrency: 1 })) console.log(r.ok && r.document.meeting.date);
})();
`,
    );
    const r = run('archive.cjs');
    expect([r.status, r.stderr, r.stdout.trim()]).toEqual([0, '', '2021-07-21']);
  });
});

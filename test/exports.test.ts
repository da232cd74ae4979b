import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The package's entry points, imported by the package's name as a user imports them (the package refers to
 * itself through its `exports`; test/package.test.ts does the same from an installed tarball), and the types
 * of every exported function: each named type a signature reaches is one a user can import.
 */

const manifest = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8')) as { exports: Record<string, unknown> };

/** The functions (and classes) each entry point must export. */
const ENTRIES: Record<string, string[]> = {
  twminutes: ['parse', 'parseFile', 'parseBytes', 'defaultGrammar', 'extendGrammar', 'readGrammarOverlay', 'loadGrammar', 'buildGrammar', 'GrammarError', 'parseArchive', 'collectPeople', 'toPopolo', 'reviewHtml'],
  'twminutes/archive': ['parseArchive', 'expandInputs', 'readBatchLines', 'WorkerStartError', 'collectPeople', 'buildPeopleIndex', 'personIdOf', 'parseAliases', 'foldName', 'defaultGrammar', 'extendGrammar', 'readGrammarOverlay', 'GrammarError'],
  'twminutes/export': ['toCsvBundle', 'toPopolo', 'toAkomaNtoso'],
  'twminutes/review': ['reviewHtml', 'reviewIndexHtml'],
};

/** Runs a script in the package's folder, where `twminutes` names this package. */
function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
}

describe('entry points', () => {
  it('package.json exports each with types, import, require and default, all in dist/', () => {
    for (const name of Object.keys(ENTRIES)) {
      const key = name === 'twminutes' ? '.' : './' + name.slice('twminutes/'.length);
      const conditions = manifest.exports[key] as Record<string, string>;
      expect(Object.keys(conditions), name).toEqual(['types', 'import', 'require', 'default']);
      expect(conditions.types).toBe(conditions.import!.replace(/\.js$/, '.d.ts'));
      for (const file of Object.values(conditions)) expect(existsSync(ROOT + file), `${name}: ${file}`).toBe(true);
    }
  });

  it('each imports by name as an ES module and requires as CommonJS, with its functions', () => {
    const names = Object.keys(ENTRIES);
    const script = (load: string) =>
      `const out = {}; for (const n of ${JSON.stringify(names)}) { const m = ${load}; out[n] = Object.keys(m).filter((k) => typeof m[k] === 'function'); } console.log(JSON.stringify(out));`;
    const esm = node(['--input-type=module', '-e', `${script('await import(n)')}`]);
    const cjs = node(['-e', `${script('require(n)')}`]);
    for (const [run, how] of [[esm, 'import'], [cjs, 'require']] as const) {
      expect(run.status, `${how}: ${run.stderr}`).toBe(0);
      const found = JSON.parse(run.stdout) as Record<string, string[]>;
      for (const [name, functions] of Object.entries(ENTRIES)) expect(found[name], `${how} ${name}`).toEqual(expect.arrayContaining(functions));
    }
  });

  it('a subpath loads less than the whole package: twminutes/review and twminutes/export do not load the parser', () => {
    // The modules a built entry loads up front: its static imports, followed through dist/.
    const reach = (entry: string): Set<string> => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(ROOT + 'dist/' + file, 'utf8');
        for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) visit(posix.normalize(posix.join(posix.dirname(file), m[1] ?? m[2]!)));
      };
      visit(entry);
      return seen;
    };
    const parser = (files: Set<string>) => [...files].filter((f) => f === 'pipeline.js' || f.startsWith('load/') || f.startsWith('archive/'));
    expect(parser(reach('index.js')).length).toBeGreaterThan(0);
    expect(parser(reach('review/index.js'))).toEqual([]);
    expect(parser(reach('export/index.js'))).toEqual([]);
  });
});

describe('types of the public API', () => {
  const program = ts.createProgram([ROOT + 'src/index.ts', ROOT + 'src/archive/index.ts', ROOT + 'src/export/index.ts', ROOT + 'src/review/index.ts'], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const exportsOf = (file: string) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(ROOT + file)!)!);
  const rootNames = new Set(exportsOf('src/index.ts').map((s) => s.name));

  /** Named types of src/ that a type reaches (through unions, type arguments, members and signatures). */
  function namedTypes(type: ts.Type, out: Map<string, string>, seen: Set<ts.Type>, depth: number, part = false): void {
    if (seen.has(type) || depth > 6) return;
    seen.add(type);
    const named = type.aliasSymbol ?? (type.flags & ts.TypeFlags.Object ? type.getSymbol() : undefined);
    const declared = named?.declarations?.[0]?.getSourceFile().fileName ?? '';
    const ours = declared.startsWith(ROOT + 'src/');
    const isType = !!named && !!(named.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum));
    // A part of an intersection (ArchiveResult's common fields) is read through the type it makes up.
    if (named && ours && isType && !part) out.set(named.name, declared.slice(ROOT.length));
    if (named && !ours && !(type.aliasTypeArguments || (type as ts.TypeReference).typeArguments)) return; // a library's or Node's own type
    for (const t of type.aliasTypeArguments ?? []) namedTypes(t, out, seen, depth + 1);
    if (type.isUnionOrIntersection()) for (const t of type.types) namedTypes(t, out, seen, depth + 1, type.isIntersection());
    if (type.flags & ts.TypeFlags.Object) {
      for (const t of checker.getTypeArguments(type as ts.TypeReference) ?? []) namedTypes(t, out, seen, depth + 1);
      if (ours || !named) {
        for (const p of type.getProperties()) if (p.valueDeclaration || p.declarations?.length) namedTypes(checker.getTypeOfSymbol(p), out, seen, depth + 1);
        for (const sig of type.getCallSignatures()) signature(sig, out, seen, depth + 1);
      }
    }
  }
  function signature(sig: ts.Signature, out: Map<string, string>, seen: Set<ts.Type>, depth: number): void {
    for (const p of sig.getParameters()) namedTypes(checker.getTypeOfSymbol(p), out, seen, depth);
    namedTypes(sig.getReturnType(), out, seen, depth);
  }

  it('every named type a public function takes or gives is exported', () => {
    const missing: string[] = [];
    for (const entry of ['src/index.ts', 'src/archive/index.ts', 'src/export/index.ts', 'src/review/index.ts']) {
      for (const symbol of exportsOf(entry)) {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        if (!(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
        const reached = new Map<string, string>();
        const type = checker.getTypeOfSymbol(target);
        for (const sig of [...type.getCallSignatures(), ...type.getConstructSignatures()]) signature(sig, reached, new Set(), 0);
        for (const [name, file] of reached) if (!rootNames.has(name) && name !== target.name) missing.push(`${symbol.name} → ${name} (${file})`);
      }
    }
    expect([...new Set(missing)].sort()).toEqual([]);
  });

  it('the check finds a type that is not exported', () => {
    const reached = new Map<string, string>();
    const runPipeline = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(ROOT + 'src/pipeline.ts')!)!).find((s) => s.name === 'runPipeline')!;
    for (const sig of checker.getTypeOfSymbol(runPipeline).getCallSignatures()) signature(sig, reached, new Set(), 0);
    expect(reached.has('LoadedSource')).toBe(true);
    expect(rootNames.has('LoadedSource')).toBe(false);
  });
});

import { loadGrammar, type Grammar } from './build.js';

/**
 * A grammar compiled: its tables plus every pattern, set and memo derived from them. Built once per
 * grammar object (as chrono keeps its patterns on the parser instance), so two grammars in one process
 * never share a cache, and nothing is cached at module level.
 */
interface CompiledGrammar {
  readonly grammar: Grammar;
  readonly derived: Map<object, unknown>;
}

const compiledOf = new WeakMap<Grammar, CompiledGrammar>();
let packageGrammar: CompiledGrammar | null = null;
/** The grammar of the parse running now (withGrammar); the package's own outside any. */
let active: CompiledGrammar | null = null;

function compiled(g: Grammar): CompiledGrammar {
  let c = compiledOf.get(g);
  if (!c) compiledOf.set(g, (c = { grammar: g, derived: new Map() }));
  return c;
}

/** The package's own grammar (grammars/), loaded once. */
export function defaultGrammar(): Grammar {
  packageGrammar ??= compiled(loadGrammar());
  return packageGrammar.grammar;
}

function current(): CompiledGrammar {
  if (active) return active;
  defaultGrammar();
  return packageGrammar!;
}

/** The grammar the stages read: the one `withGrammar` set for this parse, else the package's own. */
export function grammar(): Grammar {
  return current().grammar;
}

/**
 * Runs `run` with `g` as the grammar every stage reads. The pipeline is synchronous, so the grammar is
 * in force exactly for one document's stages; loaders that await read theirs as an argument.
 */
export function withGrammar<T>(g: Grammar | null | undefined, run: () => T): T {
  if (!g) return run();
  const before = active;
  active = compiled(g);
  try {
    return run();
  } finally {
    active = before;
  }
}

/**
 * A value derived from the grammar (a pattern, a set, a sorted list), built the first time it is asked
 * for under each grammar and kept on that grammar's compiled form.
 *
 * @example
 *   const adjournRe = derived((g) => new RegExp(`^(?:${alternation(g.fields.fields.adjourn)})`, 'u'));
 *   adjournRe().test(line);
 */
export function derived<T>(build: (g: Grammar) => T): () => T {
  const key = {};
  // The last grammar asked for and its value: a parse asks under one grammar thousands of times, so the
  // common case skips the lookup. The value is the compiled form's own entry, never a copy.
  let lastFor: CompiledGrammar | null = null;
  let lastValue: T | undefined;
  return (): T => {
    const c = active ?? current();
    if (c === lastFor) return lastValue as T;
    let value: T;
    if (c.derived.has(key)) value = c.derived.get(key) as T;
    else c.derived.set(key, (value = build(c.grammar)));
    lastFor = c;
    lastValue = value;
    return value;
  };
}

/**
 * Memoise a pure function of one string, per grammar (its answer depends on the grammar's tables). The
 * same lines and names are looked at by several stages; the cache is dropped whole when it grows past
 * `max`, so memory stays bounded on huge inputs. Results are frozen: a caller changing one
 * (`parseName(x).name = …`) cannot change what the next caller, or the next document, is given.
 */
export function memoString<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = derived(() => ({ map: new Map<string, T>() }));
  return (s: string): T => {
    const c = cache();
    const hit = c.map.get(s);
    if (hit !== undefined || c.map.has(s)) return hit as T;
    const value = deepFreeze(fn(s));
    if (c.map.size >= max) c.map = new Map();
    c.map.set(s, value);
    return value;
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

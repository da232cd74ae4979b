import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the data tables: `grammars/` at the package root (same from src/ and dist/). */
export const GRAMMAR_DIR = fileURLToPath(new URL('../../grammars/', import.meta.url));

/**
 * A grammar table is wrong: says which file and which key, so the fix is obvious. `file` is a table's
 * name (`fields.json`, shown as `grammars/fields.json`) or, for an overlay read from a folder, its path.
 */
export class GrammarError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly expected: string,
  ) {
    super(`${/[\\/]/.test(file) ? file : `grammars/${file}`}: "${key}" must be ${expected}`);
    this.name = 'GrammarError';
  }
}

/** Reads one table's JSON; a missing or broken file is a GrammarError naming it. */
export function readJson(file: string, dir = GRAMMAR_DIR): unknown {
  try {
    return JSON.parse(readFileSync(joinDir(dir, file), 'utf8'));
  } catch (e) {
    throw new GrammarError(file, '(file)', `readable JSON (${(e as Error).message})`);
  }
}

/** A folder given with or without its trailing slash. */
export function joinDir(dir: string, file: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + file : `${dir}/${file}`;
}

/** Reads one table and checks it with the given validator; the validator throws GrammarError. */
export function readTable<T>(file: string, validate: (raw: unknown, check: Checker) => T, dir = GRAMMAR_DIR): T {
  return validate(readJson(file, dir), new Checker(file));
}

/** Small typed accessors that fail with the file and key path. */
export class Checker {
  constructor(readonly file: string) {}

  obj(v: unknown, key: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new GrammarError(this.file, key, 'an object');
    return v as Record<string, unknown>;
  }

  strings(v: unknown, key: string): string[] {
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0))
      throw new GrammarError(this.file, key, 'a list of non-empty strings');
    return v as string[];
  }

  string(v: unknown, key: string): string {
    if (typeof v !== 'string') throw new GrammarError(this.file, key, 'a string');
    return v;
  }

  number(v: unknown, key: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new GrammarError(this.file, key, 'a number');
    return v;
  }

  numberMap(v: unknown, key: string): Record<string, number> {
    const o = this.obj(v, key);
    for (const [k, n] of Object.entries(o)) this.number(n, `${key}.${k}`);
    return o as Record<string, number>;
  }

  oneOf<T extends string>(v: unknown, key: string, allowed: readonly T[]): T {
    if (typeof v !== 'string' || !allowed.includes(v as T)) throw new GrammarError(this.file, key, `one of ${allowed.join(', ')}`);
    return v as T;
  }
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of literals, longest first so that 副處長 wins over 處長. An empty list matches nothing
 * (`(?!)`), not the empty string: an overlay that removes every word of a list turns its rule off.
 */
export function alternation(words: readonly string[]): string {
  if (words.length === 0) return '(?!)';
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Characters to write inside a regex character class (`[…]`): `\\`, `]`, `[`, `^` and `-` escaped, each once. */
export function charClass(chars: Iterable<string>): string {
  return [...new Set([...chars].flatMap((s) => [...s]))].map((c) => c.replace(/[\\\]\[^-]/u, '\\$&')).join('');
}

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
 * `between` is a pattern allowed between a word's characters (letter-spacing: `[ \t]{0,3}`); it must
 * not match the words' own characters, nor hold a top-level `|`.
 *
 * The words are written as a tree of their shared beginnings (主(?:席|任委員)), the longer word tried
 * first at each branch: it matches what the flat list `主任委員|主席` matches, in the same order, but the
 * engine reads each character once instead of once per word (the ruling labels are some 400 words).
 */
export function alternation(words: readonly string[], between = ''): string {
  if (words.length === 0) return '(?!)';
  const root: PrefixNode = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const c of w) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  // The empty word, if listed, is tried last, as the shortest.
  return branches(root, between).join('|') + (root.end ? '|' : '');
}

interface PrefixNode {
  end: boolean;
  next: Map<string, PrefixNode>;
}

/** One branch per next character, each with what may follow it; a word ending here is tried after the longer ones. */
function branches(node: PrefixNode, between: string): string[] {
  return [...node.next].map(([c, child]) => {
    if (child.next.size === 0) return escapeRegExp(c);
    const alts = branches(child, between);
    const rest = between + (alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`);
    return escapeRegExp(c) + (child.end ? `(?:${rest})?` : rest);
  });
}

/** Characters to write inside a regex character class (`[…]`): `\\`, `]`, `[`, `^` and `-` escaped, each once. */
export function charClass(chars: Iterable<string>): string {
  return [...new Set([...chars].flatMap((s) => [...s]))].map((c) => c.replace(/[\\\]\[^-]/u, '\\$&')).join('');
}

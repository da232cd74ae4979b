import { existsSync, readdirSync, statSync } from 'node:fs';
import { GRAMMAR_DIR, GrammarError, joinDir, readJson } from './load.js';

/** The tables of a grammar, one JSON file each. */
export const GRAMMAR_FILES = [
  'numerals.json',
  'headings.json',
  'sections.json',
  'people.json',
  'fields.json',
  'time.json',
  'records.json',
  'layout.json',
  'variants.json',
  'identity.json',
  'ocr.json',
] as const;
export type GrammarFile = (typeof GRAMMAR_FILES)[number];

/** Every table's JSON, as read from a grammar folder. */
export type GrammarTables = Readonly<Record<GrammarFile, unknown>>;

/**
 * Additions to a grammar: some tables, each with only the keys it changes. Lists are appended to, objects
 * merged key by key, numbers and strings replaced; a table's `remove` names list entries (or object keys)
 * to take out of the base first. Keys starting with `$` are comments.
 *
 * @example
 *   { 'fields.json': { fields: { chair: ['會議召集人'] }, remove: { fields: { chair: ['主持'] } } } }
 */
export type GrammarOverlay = Partial<Record<GrammarFile, unknown>>;

/** Reads every table of a full grammar folder. */
export function readGrammarTables(dir: string = GRAMMAR_DIR): GrammarTables {
  return Object.fromEntries(GRAMMAR_FILES.map((f) => [f, readJson(f, dir)])) as Record<GrammarFile, unknown>;
}

/** The folder each overlay was read from, so an error found when it is applied names the overlay's own file. */
const overlayFolders = new WeakMap<object, string>();

/** The folder `readGrammarOverlay` read this overlay from, if it did. */
export function overlayFolder(overlay: GrammarOverlay): string | null {
  return overlayFolders.get(overlay) ?? null;
}

/** The same error, naming the overlay's file in `dir` instead of the table's name. */
export function inFolder(e: GrammarError, dir: string): GrammarError {
  return /[\\/]/.test(e.file) ? e : new GrammarError(joinDir(dir, e.file), e.key, e.expected);
}

/**
 * Reads an overlay folder: whichever grammar tables it holds. A JSON file that is not a grammar table is an
 * error (a misspelt file name would otherwise be ignored); so is a folder with none. Errors name the file.
 *
 * @example
 *   const g = extendGrammar(defaultGrammar(), readGrammarOverlay('my-grammar/'));
 */
export function readGrammarOverlay(dir: string): GrammarOverlay {
  // Named with its slash, so that a folder named without one is not taken for a table of the package's.
  const folder = joinDir(dir, '');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new GrammarError(folder, '(folder)', 'an existing folder of grammar tables');
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    if (!(GRAMMAR_FILES as readonly string[]).includes(name)) throw new GrammarError(joinDir(dir, name), '(file)', `one of the grammar tables (${GRAMMAR_FILES.join(', ')})`);
    try {
      out[name] = readJson(name, dir);
    } catch (e) {
      throw e instanceof GrammarError ? inFolder(e, dir) : e;
    }
  }
  if (Object.keys(out).length === 0) throw new GrammarError(folder, '(folder)', `a folder holding at least one of ${GRAMMAR_FILES.join(', ')}`);
  overlayFolders.set(out, dir);
  return out as GrammarOverlay;
}

/**
 * Objects whose keys are data (a numeral, a weekday, a variant character, a spelling): an overlay may add
 * keys to them. Every other object has fixed keys, and a key its base lacks is an error (a misspelt key
 * would otherwise be silently unused).
 */
const OPEN_OBJECTS: Readonly<Partial<Record<GrammarFile, readonly string[]>>> = {
  'numerals.json': ['digits', 'units', 'bigUnits'],
  'headings.json': ['numeralSets'],
  'time.json': ['periods', 'weekdays'],
  'variants.json': ['variants'],
  'records.json': ['speakerTitleSpellings'],
  'fields.json': ['labelForms'],
  'ocr.json': ['digitLookalikes', 'markerLookalikes'],
};

/** The tables of `base` with `overlay` applied (see GrammarOverlay); the base is not changed. */
export function mergeTables(base: GrammarTables, overlay: GrammarOverlay): GrammarTables {
  const out: Record<string, unknown> = { ...base };
  for (const [file, raw] of Object.entries(overlay)) {
    if (!(GRAMMAR_FILES as readonly string[]).includes(file)) throw new GrammarError(file, '(file)', `one of the grammar tables (${GRAMMAR_FILES.join(', ')})`);
    if (raw === undefined) continue;
    const o = asObject(raw, file, '(root)');
    const { remove, ...add } = o;
    let table = base[file as GrammarFile];
    if (remove !== undefined) table = removeFrom(table, asObject(remove, file, 'remove'), file, 'remove');
    out[file] = mergeValue(table, add, file, '', OPEN_OBJECTS[file as GrammarFile] ?? []);
  }
  return out as GrammarTables;
}

function mergeValue(base: unknown, add: unknown, file: string, key: string, open: readonly string[]): unknown {
  if (Array.isArray(base)) {
    if (!Array.isArray(add)) throw new GrammarError(file, key || '(root)', 'a list (it extends a list)');
    const seen = new Set(base.map((x) => JSON.stringify(x)));
    return [...base, ...add.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  if (isObject(base)) {
    const a = asObject(add, file, key || '(root)');
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(a)) {
      if (k.startsWith('$')) continue; // a comment
      const at = join(key, k);
      if (k in base) out[k] = mergeValue(base[k], v, file, at, open);
      else if (open.includes(key)) out[k] = v;
      else throw new GrammarError(file, at, `a key the base has (${Object.keys(base).filter((x) => !x.startsWith('$')).join(', ')})`);
    }
    return out;
  }
  if (base !== undefined && add !== null && typeof add !== typeof base) throw new GrammarError(file, key, `a ${typeof base} (it replaces one)`);
  return add;
}

function removeFrom(base: unknown, remove: Record<string, unknown>, file: string, key: string): unknown {
  const b = asObject(base, file, key);
  const out: Record<string, unknown> = { ...b };
  for (const [k, what] of Object.entries(remove)) {
    const at = join(key, k);
    if (!(k in b)) throw new GrammarError(file, at, 'a key of the base table');
    const value = b[k];
    if (Array.isArray(value)) {
      if (!Array.isArray(what)) throw new GrammarError(file, at, 'a list of the entries to remove');
      const drop = new Set(what.map((x) => JSON.stringify(x)));
      const kept = value.filter((x) => !drop.has(JSON.stringify(x)));
      const present = new Set(value.map((x) => JSON.stringify(x)));
      const missing = what.find((x) => !present.has(JSON.stringify(x)));
      if (missing !== undefined) throw new GrammarError(file, at, `a list of entries the base has (it has no ${JSON.stringify(missing)})`);
      out[k] = kept;
    } else if (isObject(value) && Array.isArray(what)) {
      // An object's keys named in a list are removed (a spelling, a variant).
      for (const name of what) {
        if (typeof name !== 'string' || !(name in value)) throw new GrammarError(file, at, `a list of keys the base has (it has no ${JSON.stringify(name)})`);
      }
      out[k] = Object.fromEntries(Object.entries(value).filter(([name]) => !what.includes(name)));
    } else if (isObject(value)) {
      out[k] = removeFrom(value, asObject(what, file, at), file, at);
    } else throw new GrammarError(file, at, 'a list or an object (only their entries can be removed)');
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (key: string, k: string) => (key && key !== '(root)' ? `${key}.${k}` : k);

function asObject(v: unknown, file: string, key: string): Record<string, unknown> {
  if (!isObject(v)) throw new GrammarError(file, key, 'an object');
  return v;
}

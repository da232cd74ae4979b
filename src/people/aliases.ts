import { foldName } from './fold.js';
import type { MeetingInfo } from './types.js';

/**
 * A user's alias file (`twminutes people --aliases people.json`, or the `aliases` option of
 * `collectPeople`/`buildPeopleIndex`/`toPopolo`): identities stated by hand, which win over the
 * automatic rules. Each entry of `people` is one person; a mention belongs to the first entry one
 * of whose `match` rules it meets. Several rules in one entry merge; several entries for one name
 * split. `notPeople` lists names that are never a person. The format is in docs/people.md.
 */
export interface Aliases {
  people: AliasPerson[];
  notPeople: string[];
}

export interface AliasPerson {
  /** The id to give (default `p-` and the folded name, numbered on a clash). */
  id: string | null;
  /** The name to show (default: the name as last written). */
  name: string | null;
  match: AliasRule[];
}

/** Every field given must hold; names, orgs and agencies are compared folded (台/臺, spaces). */
export interface AliasRule {
  name: string;
  /** The org written with the mention contains this (`臺灣大學` matches `國立臺灣大學資訊管理學系`). */
  org?: string;
  /** The agency holding the meeting contains this. */
  agency?: string;
  /** The meeting's date is within (ISO dates, both ends included). */
  from?: string;
  to?: string;
  /** The meeting id (`m-…`) or the source file name. */
  meeting?: string;
}

const RULE_KEYS = ['name', 'org', 'agency', 'from', 'to', 'meeting'] as const;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Check a parsed alias file: the aliases, or every problem with its path (`people[0].match[1].name: …`).
 *
 * @example
 *   parseAliases({ people: [{ match: [{ name: '陳建宏', org: '臺灣大學' }] }] }).errors; // []
 *   parseAliases({ people: [{ match: [] }] }).errors; // ['people[0].match: a non-empty list of rules']
 */
export function parseAliases(value: unknown): { aliases: Aliases | null; errors: string[] } {
  const errors: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const text = (v: unknown, path: string, required: boolean): string | null => {
    if (v === undefined || v === null) {
      if (required) errors.push(`${path}: a non-empty string`);
      return null;
    }
    if (typeof v !== 'string' || !v.trim()) {
      errors.push(`${path}: a non-empty string`);
      return null;
    }
    return v.trim();
  };
  if (!isObject(value)) return { aliases: null, errors: ['(root): an object with "people" and/or "notPeople"'] };
  for (const key of Object.keys(value)) if (key !== 'people' && key !== 'notPeople' && !key.startsWith('$')) errors.push(`${key}: unknown key (expected people, notPeople)`);
  const people: AliasPerson[] = [];
  const ids = new Set<string>();
  if (value.people !== undefined && !Array.isArray(value.people)) errors.push('people: a list');
  (Array.isArray(value.people) ? value.people : []).forEach((entry: unknown, i: number) => {
    const at = `people[${i}]`;
    if (!isObject(entry)) return void errors.push(`${at}: an object with "match"`);
    for (const key of Object.keys(entry)) if (key !== 'id' && key !== 'name' && key !== 'match' && !key.startsWith('$')) errors.push(`${at}.${key}: unknown key (expected id, name, match)`);
    const id = text(entry.id, `${at}.id`, false);
    if (id && ids.has(id)) errors.push(`${at}.id: "${id}" is given twice`);
    if (id) ids.add(id);
    if (!Array.isArray(entry.match) || !entry.match.length) return void errors.push(`${at}.match: a non-empty list of rules`);
    const match: AliasRule[] = [];
    entry.match.forEach((rule: unknown, j: number) => {
      const rat = `${at}.match[${j}]`;
      if (!isObject(rule)) return void errors.push(`${rat}: an object with "name"`);
      for (const key of Object.keys(rule)) if (!(RULE_KEYS as readonly string[]).includes(key)) errors.push(`${rat}.${key}: unknown key (expected ${RULE_KEYS.join(', ')})`);
      const name = text(rule.name, `${rat}.name`, true);
      const out: AliasRule = { name: name ?? '' };
      for (const key of ['org', 'agency', 'meeting'] as const) {
        const v = text(rule[key], `${rat}.${key}`, false);
        if (v) out[key] = v;
      }
      for (const key of ['from', 'to'] as const) {
        const v = text(rule[key], `${rat}.${key}`, false);
        if (v && !DATE.test(v)) errors.push(`${rat}.${key}: a date as YYYY-MM-DD (or YYYY-MM, YYYY)`);
        else if (v) out[key] = v;
      }
      match.push(out);
    });
    people.push({ id, name: text(entry.name, `${at}.name`, false), match });
  });
  if (value.notPeople !== undefined && (!Array.isArray(value.notPeople) || value.notPeople.some((n) => typeof n !== 'string' || !n.trim())))
    errors.push('notPeople: a list of non-empty strings');
  const notPeople = Array.isArray(value.notPeople) ? value.notPeople.filter((n): n is string => typeof n === 'string' && !!n.trim()) : [];
  return errors.length ? { aliases: null, errors } : { aliases: { people, notPeople }, errors };
}

/** Aliases folded once for matching. */
export interface AliasMatcher {
  /** The entry a person of one meeting belongs to (its index in `people`), or -1: their folded name and the org written for them there (folded). */
  entryOf(name: string, org: string | null, meeting: MeetingInfo): number;
  isNotAPerson(name: string): boolean;
  /** Rules that matched no mention, as `people[i].match[j]`: usually a typo in the file. */
  unused(): string[];
}

export function aliasMatcher(aliases: Aliases | null | undefined): AliasMatcher {
  const rules = (aliases?.people ?? []).flatMap((p, i) =>
    p.match.map((r, j) => ({ entry: i, path: `people[${i}].match[${j}]`, name: foldName(r.name), org: r.org ? foldName(r.org) : null, agency: r.agency ? foldName(r.agency) : null, from: r.from ?? null, to: r.to ?? null, meeting: r.meeting ?? null })),
  );
  const byName = new Map<string, typeof rules>();
  for (const r of rules) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const never = new Set((aliases?.notPeople ?? []).map(foldName));
  const used = new Set<string>();
  return {
    entryOf(name, org, meeting) {
      const candidates = byName.get(name);
      if (!candidates) return -1;
      const agency = meeting.agency ? foldName(meeting.agency) : null;
      for (const r of candidates) {
        if (r.org && !org?.includes(r.org)) continue;
        if (r.agency && !agency?.includes(r.agency)) continue;
        if (r.from && (!meeting.date || meeting.date < r.from)) continue;
        if (r.to && (!meeting.date || meeting.date.slice(0, r.to.length) > r.to)) continue;
        if (r.meeting && r.meeting !== meeting.id && r.meeting !== meeting.sourceName) continue;
        used.add(r.path);
        return r.entry;
      }
      return -1;
    },
    isNotAPerson: (name) => never.has(foldName(name)),
    unused: () => rules.filter((r) => !used.has(r.path)).map((r) => r.path),
  };
}

import { withGrammar } from '../grammars/compiled.js';
import type { Grammar } from '../grammars/build.js';
import type { MinutesDocument } from '../types.js';
import { clusterBy, clusterByOrg, covers } from './cluster.js';
import { foldName } from './fold.js';
import { mentionsOf } from './mentions.js';
import type { Appearance, Homonym, IndexedPerson, MeetingInfo, Mention, PeopleIndex, PersonRole, RefusedName } from './types.js';
import { historyOf } from './history.js';
import { aliasMatcher, type Aliases } from './aliases.js';
import { isOrganisationName, notAPerson } from './names.js';
import { findRenames } from './renames.js';

/** Roles of people who work for the agency holding the meeting: an org they write is a unit of it (資電處 of 外交部). */
const INTERNAL: ReadonlySet<PersonRole> = new Set(['convener', 'agency-representative', 'observer', 'staff', 'chair', 'recorder']);

/** One person in one meeting: the mentions of one name there (attendee row, chair, speeches). */
interface Local {
  meeting: MeetingInfo;
  key: string;
  mentions: Mention[];
  /** The most specific org written there (folded), if any. */
  org: string | null;
  /** Whether the org is a unit of the agency holding the meeting (the mentions have an internal role). */
  internal: boolean;
  /** The alias-file entry the mentions belong to, or -1. */
  alias: number;
}

export interface PeopleOptions {
  /** Identities stated by hand (see `parseAliases` and docs/people.md): they win over the automatic rules. */
  aliases?: Aliases | null;
  /** The grammar the documents were parsed with (names, titles and chair words are read by it); the package's own by default. */
  grammar?: Grammar;
}

export interface PeopleCollector {
  add(doc: MinutesDocument): void;
  build(): PeopleIndex;
}

/**
 * People across meetings, added one document at a time (so a large archive is never held in
 * memory). Mentions of one folded name are one person unless something contradicts it: orgs
 * that neither contain nor abbreviate each other split them (林副處長東亨 of 資電處 in 2018 and
 * 林處長東亨 of 資電處 in 2021 are one person with two titles; 陳建宏 of 臺灣大學 and of 陽明大學
 * are two), and every split is reported in `homonyms`, saying whether the two were seen at
 * overlapping dates. Someone in an internal role (chair, recorder, agency representative, staff)
 * works for the agency holding the meeting, under its latest name when the body's series shows a
 * rename (see `findRenames`): two such agencies contradict each other, an org written for the same
 * name elsewhere does not (a society's chair is a professor somewhere), and a unit is of its agency
 * (資電處 of 外交部). Names that are not a person's (titles, election words, fragments) are left
 * out and listed in `refused`. An alias file (`options.aliases`) states identities by hand and wins
 * over all of this. Each file counts once.
 */
export function collectPeople(options: PeopleOptions = {}): PeopleCollector {
  const collector = collectPeopleWith(options);
  if (!options.grammar) return collector;
  const g = options.grammar;
  return { add: (doc) => withGrammar(g, () => collector.add(doc)), build: () => withGrammar(g, () => collector.build()) };
}

function collectPeopleWith(options: PeopleOptions): PeopleCollector {
  const locals: Local[] = [];
  const meetings = new Map<string, MeetingInfo>();
  const homonyms: Homonym[] = [];
  const refused = new Map<string, RefusedName>();
  const aliases = aliasMatcher(options.aliases);
  let unresolvedSpeakers = 0;
  const refuse = (ms: Mention[], reason: RefusedName['reason']) => {
    const name = ms[0]!.person.name!;
    const seen = refused.get(name);
    if (seen) seen.mentions += ms.length;
    else refused.set(name, { name, reason, mentions: ms.length });
  };
  return {
    add(doc) {
      if (doc.kind !== 'minutes') return;
      const { meeting, mentions, unresolved } = mentionsOf(doc);
      if (meetings.has(meeting.id)) return;
      meetings.set(meeting.id, meeting);
      unresolvedSpeakers += unresolved;
      for (const [name, ms] of groupBy(mentions, (m) => foldName(m.person.name!))) {
        const split = clusterByOrg(ms, orgOf);
        for (const g of split.groups) {
          const org = longest(g.map(orgOf));
          const alias = aliases.entryOf(name, org, meeting);
          // The alias file decides first: what it names is a person, what it rules out is not.
          const why = alias >= 0 ? null : aliases.isNotAPerson(name) ? 'alias-file' : notAPerson(g[0]!.person.name!);
          if (why) refuse(g, why);
          else locals.push({ meeting, key: name, mentions: g, org, internal: g.some((m) => INTERNAL.has(m.role)), alias });
        }
        if (!split.unassigned.length) continue;
        const why = aliases.isNotAPerson(name) ? 'alias-file' : notAPerson(split.unassigned[0]!.person.name!);
        if (why) refuse(split.unassigned, why);
        else homonyms.push(report(name, [], split.unassigned, 'Two people of this name in one meeting; a mention without an org fits either.', null));
      }
    },
    build() {
      const { renames, abbreviations, canonical } = findRenames(meetings.values());
      // A person's evidence in a meeting: the agency they work for (internal roles, under its latest
      // name) and the org they wrote (a unit of that agency, or their own org).
      const scopeOf = (l: Local): Scope | null => {
        const agency = l.internal ? canonical(l.meeting) : null;
        let org = l.org;
        if (org && agency) {
          const written = l.meeting.agency ? foldName(l.meeting.agency) : agency;
          org = org.replace(written, '').replace(agency, '') || null;
        }
        return agency || org ? { agency, org } : null;
      };
      const people: IndexedPerson[] = [];
      const ids = new Set<string>();
      const assignments = new Map<string, string>();
      const add = (preferred: string, key: string, group: Local[], name: string | null) => {
        let id = preferred;
        for (let n = 2; ids.has(id); n++) id = `${preferred}-${n}`;
        ids.add(id);
        const person = personOf(id, key, group, name);
        people.push(person);
        for (const l of group) for (const m of l.mentions) assignments.set(`${m.meeting} ${m.ref}`, person.id);
        return person;
      };
      // Identities of the alias file first, so that their ids are theirs.
      const entries = options.aliases?.people ?? [];
      const byAlias = groupBy(locals.filter((l) => l.alias >= 0), (l) => String(l.alias));
      entries.forEach((entry, i) => {
        const group = byAlias.get(String(i));
        if (!group) return;
        add(entry.id ?? `p-${foldName(entry.name ?? entry.match[0]!.name)}`, group[0]!.key, sortByDate(group), entry.name);
      });
      const automatic = groupBy(locals.filter((l) => l.alias < 0), (l) => l.key);
      for (const [key, group] of [...automatic].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        // An org written without an agency fits the one agency worked for; when there are several,
        // which contradict each other, it fits neither by itself (it would join people the agencies keep apart).
        const agencies = new Set(group.map((l) => scopeOf(l)?.agency).filter((a) => a));
        const wider = agencies.size > 1 ? (p: Scope, q: Scope) => !(q.agency && !p.agency) && scopeCovers(p, q) : scopeCovers;
        const split = clusterBy(group, scopeOf, wider, (s) => `${s.agency ?? ''}|${s.org ?? ''}`);
        const persons = split.groups.map((g) => sortByDate(g)).sort((a, b) => compareDates(a[0]!.meeting, b[0]!.meeting));
        const made = persons.map((g) => add(`p-${key}`, key, g, null));
        if (persons.length > 1 || split.unassigned.length) {
          const dates = persons.length > 1 ? (overlapping(persons) ? 'overlapping' : 'sequential') : null;
          const reason = split.unassigned.length
            ? 'Several people of this name, told apart by affiliation (org written, or agency worked for); mentions without one fit more than one and are left unassigned.'
            : dates === 'overlapping'
              ? 'Possible homonyms: people of this name with different affiliations (org written, or agency worked for) at overlapping dates; kept apart (an alias file can merge them).'
              : 'Several people of this name, told apart by affiliation (org written, or agency worked for), one after the other: maybe one person who moved (check, and merge with an alias file).';
          homonyms.push(report(key, made.map((p) => p.id), split.unassigned.flatMap((l) => l.mentions), reason, dates));
        }
      }
      const first = new Map<string, MeetingInfo>();
      for (const m of meetings.values()) if (!first.has(m.key)) first.set(m.key, m);
      const list = sortByDate([...first.values()].map((meeting) => ({ meeting }))).map((x) => x.meeting);
      const refusedList = [...refused.values()].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { people, homonyms, meetings: list, unresolvedSpeakers, assignments, refused: refusedList, renames, abbreviations, unusedAliases: aliases.unused() };
    },
  };
}

/** `collectPeople` over documents already in memory. */
export function buildPeopleIndex(docs: Iterable<MinutesDocument>, options: PeopleOptions = {}): PeopleIndex {
  const collector = collectPeople(options);
  for (const doc of docs) collector.add(doc);
  return collector.build();
}

/** The id of the person a record of a document was assigned to, e.g. `personIdOf(index, 'm-…', 'speech/s3')`. */
export function personIdOf(index: PeopleIndex, meeting: string, ref: string): string | null {
  return index.assignments.get(`${meeting} ${ref}`) ?? null;
}

/** What tells people of one name apart: the agency they work for (internal roles) and the org they wrote. */
interface Scope {
  agency: string | null;
  org: string | null;
}

/**
 * Does evidence `p` imply `q` (q fits the person of p)? Two agencies worked for contradict each
 * other; an org written by someone not working for the agency (a society's chair who is a professor
 * elsewhere) does not contradict the agency; an org must cover the other's org (contain it or abbreviate to it).
 */
function scopeCovers(p: Scope, q: Scope): boolean {
  if (q.agency && p.agency !== q.agency && (p.agency || !p.org)) return false;
  return !q.org || (!!p.org && covers(p.org, q.org));
}

/**
 * The org a mention is matched by (folded), if it is one: a title or a status in brackets taken
 * for an org (王祥宇(秘書長), (請假)) or an address is no evidence either way.
 */
function orgOf(m: Mention): string | null {
  const org = m.person.org;
  if (!isOrganisationName(org)) return null;
  const why = notAPerson(org);
  return why === 'title' || why === 'non-name-word' ? null : foldName(org);
}

/** Do the dated meetings of any two of these people overlap in time? */
function overlapping(persons: Local[][]): boolean {
  const spans = persons.map((g) => {
    const dates = g.map((l) => l.meeting.date).filter((d): d is string => !!d).sort();
    return dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
  });
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i];
      const b = spans[j];
      if (a && b && a.from <= b.to && b.from <= a.to) return true;
    }
  return false;
}

function personOf(id: string, key: string, locals: Local[], shown: string | null): IndexedPerson {
  // One appearance per meeting: the same minutes as .txt and .pdf are one meeting.
  const byMeeting = new Map<string, Local>();
  for (const l of locals) if (!byMeeting.has(l.meeting.key)) byMeeting.set(l.meeting.key, l);
  const appearances = [...byMeeting.values()].map(appearanceOf);
  const names = [...new Set(locals.flatMap((l) => l.mentions.map((m) => m.person.name!)))];
  const roles = [...new Set(appearances.flatMap((a) => a.roles))];
  const last = locals[locals.length - 1]!.mentions[0]!.person.name!;
  const surname = [...locals].reverse().flatMap((l) => l.mentions.map((m) => m.person.surname)).find((x) => x && (shown ?? last).startsWith(x)) ?? null;
  return {
    id,
    name: shown ?? last,
    surname,
    key,
    names,
    history: historyOf(appearances),
    appearances,
    attended: appearances.filter((a) => a.roles.some((r) => r !== 'represented') && a.status !== 'absent' && a.status !== 'on-leave').length,
    speeches: appearances.reduce((n, a) => n + a.speeches, 0),
    roles,
  };
}

function appearanceOf(local: Local): Appearance {
  const ms = local.mentions;
  const withTitle = ms.find((m) => m.role !== 'speaker' && m.role !== 'represented' && m.person.title) ?? ms.find((m) => m.person.title);
  const orgs = ms.map((m) => m.person.org ?? null);
  return {
    meeting: local.meeting.id,
    date: local.meeting.date,
    agency: local.meeting.agency,
    title: withTitle?.person.title ?? null,
    org: longest(orgs),
    roles: [...new Set(ms.map((m) => m.role))],
    status: ms.find((m) => m.status)?.status ?? null,
    speeches: ms.filter((m) => m.role === 'speaker').length,
  };
}

function report(key: string, people: string[], unassigned: Mention[], reason: string, dates: Homonym['dates']): Homonym {
  return { key, people, unassigned: unassigned.map((m) => ({ meeting: m.meeting, ref: m.ref, raw: m.person.raw })), reason, dates };
}

function longest(values: (string | null)[]): string | null {
  return values.reduce<string | null>((best, v) => (v && (!best || v.length > best.length) ? v : best), null);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function sortByDate<T extends { meeting: MeetingInfo }>(items: T[]): T[] {
  return items.sort((a, b) => compareDates(a.meeting, b.meeting));
}

/** By date (undated last), then by id, so that every run orders alike. */
function compareDates(a: MeetingInfo, b: MeetingInfo): number {
  const x = a.date ?? '9999';
  const y = b.date ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

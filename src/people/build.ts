import type { MinutesDocument } from '../types.js';
import { clusterByOrg } from './cluster.js';
import { foldName } from './fold.js';
import { mentionsOf } from './mentions.js';
import type { Appearance, Homonym, IndexedPerson, MeetingInfo, Mention, PeopleIndex, PersonRole } from './types.js';
import { historyOf } from './history.js';

/** Roles of people who work for the agency holding the meeting: their org is a unit of it (資電處 of 外交部). */
const INTERNAL: ReadonlySet<PersonRole> = new Set(['convener', 'agency-representative', 'observer', 'staff', 'chair', 'recorder']);

/** One person in one meeting: the mentions of one name there (attendee row, chair, speeches). */
interface Local {
  meeting: MeetingInfo;
  key: string;
  mentions: Mention[];
  /** Org qualified by the agency for internal roles (外交部資電處), the key people are split by. */
  scope: string | null;
}

export interface PeopleCollector {
  add(doc: MinutesDocument): void;
  build(): PeopleIndex;
}

/**
 * People across meetings, added one document at a time (so a large archive is never held in
 * memory): mentions of one folded name are merged when their orgs agree (林副處長東亨 of 資電處 in
 * 2018 and 林處長東亨 of 資電處 in 2021 are one person with two titles), split by org when they
 * differ, and what cannot be told apart is reported in `homonyms`. Each file counts once.
 */
export function collectPeople(): PeopleCollector {
  const locals: Local[] = [];
  const meetings = new Map<string, MeetingInfo>();
  const homonyms: Homonym[] = [];
  let unresolvedSpeakers = 0;
  return {
    add(doc) {
      if (doc.kind !== 'minutes') return;
      const { meeting, mentions, unresolved } = mentionsOf(doc);
      if (meetings.has(meeting.id)) return;
      meetings.set(meeting.id, meeting);
      unresolvedSpeakers += unresolved;
      for (const [key, group] of groupBy(mentions, (m) => foldName(m.person.name!))) {
        const split = clusterByOrg(group, (m) => (m.person.org ? foldName(m.person.org) : null));
        for (const g of split.groups) locals.push({ meeting, key, mentions: g, scope: scopeOf(g, meeting) });
        if (split.unassigned.length) homonyms.push(report(key, [], split.unassigned, 'Two people of this name in one meeting; a mention without an org fits either.'));
      }
    },
    build() {
      const people: IndexedPerson[] = [];
      const assignments = new Map<string, string>();
      for (const [key, group] of [...groupBy(locals, (l) => l.key)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const split = clusterByOrg(group, (l) => l.scope);
        const persons = split.groups.map((g) => sortByDate(g)).sort((a, b) => compareDates(a[0]!.meeting, b[0]!.meeting));
        persons.forEach((g, i) => {
          const person = personOf(`p-${key}${i ? `-${i + 1}` : ''}`, key, g);
          people.push(person);
          for (const l of g) for (const m of l.mentions) assignments.set(`${m.meeting} ${m.ref}`, person.id);
        });
        if (persons.length > 1 || split.unassigned.length) {
          const reason = split.unassigned.length
            ? 'Several people of this name, told apart by org; mentions without an org fit more than one and are left unassigned.'
            : 'Several people of this name, told apart by org (they may be one person who moved: check before merging).';
          homonyms.push(report(key, people.slice(-persons.length).map((p) => p.id), split.unassigned.flatMap((l) => l.mentions), reason));
        }
      }
      const first = new Map<string, MeetingInfo>();
      for (const m of meetings.values()) if (!first.has(m.key)) first.set(m.key, m);
      const list = sortByDate([...first.values()].map((meeting) => ({ meeting }))).map((x) => x.meeting);
      return { people, homonyms, meetings: list, unresolvedSpeakers, assignments };
    },
  };
}

/** `collectPeople` over documents already in memory. */
export function buildPeopleIndex(docs: Iterable<MinutesDocument>): PeopleIndex {
  const collector = collectPeople();
  for (const doc of docs) collector.add(doc);
  return collector.build();
}

/** The id of the person a record of a document was assigned to, e.g. `personIdOf(index, 'm-…', 'speech/s3')`. */
export function personIdOf(index: PeopleIndex, meeting: string, ref: string): string | null {
  return index.assignments.get(`${meeting} ${ref}`) ?? null;
}

function scopeOf(mentions: Mention[], meeting: MeetingInfo): string | null {
  const org = longest(mentions.map((m) => (m.person.org ? foldName(m.person.org) : null)));
  const agency = meeting.agency ? foldName(meeting.agency) : null;
  if (!agency || !mentions.some((m) => INTERNAL.has(m.role))) return org;
  return org ? (org.includes(agency) ? org : agency + org) : agency;
}

function personOf(id: string, key: string, locals: Local[]): IndexedPerson {
  // One appearance per meeting: the same minutes as .txt and .pdf are one meeting.
  const byMeeting = new Map<string, Local>();
  for (const l of locals) if (!byMeeting.has(l.meeting.key)) byMeeting.set(l.meeting.key, l);
  const appearances = [...byMeeting.values()].map(appearanceOf);
  const names = [...new Set(locals.flatMap((l) => l.mentions.map((m) => m.person.name!)))];
  const roles = [...new Set(appearances.flatMap((a) => a.roles))];
  const last = locals[locals.length - 1]!.mentions[0]!.person.name!;
  const surname = [...locals].reverse().flatMap((l) => l.mentions.map((m) => m.person.surname)).find((x) => x && last.startsWith(x)) ?? null;
  return {
    id,
    name: last,
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

function report(key: string, people: string[], unassigned: Mention[], reason: string): Homonym {
  return { key, people, unassigned: unassigned.map((m) => ({ meeting: m.meeting, ref: m.ref, raw: m.person.raw })), reason };
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

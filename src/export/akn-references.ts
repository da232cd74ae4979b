import type { IndexedPerson, PeopleIndex } from '../people/types.js';
import type { Person } from '../types.js';
import { el, type XmlElement } from './xml.js';

/** TLCRole labels, as the minutes write them. */
export const AKN_ROLES: Readonly<Record<string, string>> = {
  chair: '主席',
  convener: '召集人',
  member: '委員',
  'agency-representative': '機關代表',
  'civil-representative': '外聘委員',
  observer: '列席',
  staff: '工作人員',
  recorder: '紀錄',
  represented: '由他人代理',
};

/**
 * The references section of one debate, filled as the body is written: a TLCPerson per person
 * (the people-index id as eId, so documents link), one per unresolved speaker label, and the
 * TLCRoles used. With `sayit`, TLCPerson also gets the AKN 2.0 `id` attribute SayIt's importer reads.
 */
export function createReferences(meeting: string, people: PeopleIndex, sayit = false) {
  const known = peopleById(people);
  const persons = new Map<string, XmlElement>();
  const roles = new Set<string>();
  let unresolved = 0;
  const byLabel = new Map<string, string>();
  return {
    /** `#eId` of the person at `ref` in this meeting (an unresolved one gets a local eId per label). */
    person(ref: string, person: Person): string {
      let eId = people.assignments.get(`${meeting} ${ref}`) ?? byLabel.get(person.raw);
      if (!eId) byLabel.set(person.raw, (eId = `${meeting}-u${++unresolved}`));
      if (!persons.has(eId)) {
        const indexed = known.get(eId);
        const href = indexed ? `/ontology/person/tw/${eId}` : `/ontology/person/tw/${meeting}/unresolved/${unresolved}`;
        persons.set(eId, el('TLCPerson', { eId, ...(sayit ? { id: eId } : {}), href, showAs: indexed?.name ?? person.name ?? person.raw }));
      }
      return `#${eId}`;
    },
    role(role: string): string {
      roles.add(role);
      return `#r-${role}`;
    },
    element(extra: XmlElement[]): XmlElement {
      const roleEls = [...roles].map((r) => el('TLCRole', { eId: `r-${r}`, href: `/ontology/role/tw/${r}`, showAs: AKN_ROLES[r] ?? r }));
      return el('references', { source: '#twminutes' }, extra, [...persons.values()], roleEls);
    },
  };
}

const byId = new WeakMap<PeopleIndex, Map<string, IndexedPerson>>();

function peopleById(people: PeopleIndex): Map<string, IndexedPerson> {
  let map = byId.get(people);
  if (!map) byId.set(people, (map = new Map(people.people.map((p) => [p.id, p]))));
  return map;
}

export type References = ReturnType<typeof createReferences>;

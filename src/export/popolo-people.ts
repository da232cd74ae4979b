import { foldName } from '../people/fold.js';
import { isOrganisationName } from '../people/names.js';
import type { IndexedPerson, PeopleIndex } from '../people/types.js';
import { orgId } from './ids.js';
import type { PopoloMembership, PopoloOrganization, PopoloPerson } from './popolo-types.js';

/** Roles that make someone a member of the body holding the meeting (observers and staff attend without being members). */
const MEMBER_ROLES = new Set(['convener', 'member', 'agency-representative', 'civil-representative']);
const INTERNAL_ROLES = new Set(['convener', 'agency-representative', 'observer', 'staff', 'chair', 'recorder']);

/** A Popolo person from an indexed person: the name as last written, other spellings as `other_names`. */
export function popoloPerson(p: IndexedPerson): PopoloPerson {
  const surname = p.surname;
  return {
    id: p.id,
    name: p.name,
    family_name: surname,
    given_name: surname ? p.name.slice(surname.length) || null : null,
    other_names: p.names.filter((n) => n !== p.name).map((name) => ({ name, note: 'variant spelling' })),
  };
}

/**
 * Memberships and the organizations they need, from the people index: membership of the body
 * (資料開放諮詢小組 of 外交部) with the attendee role — an agency representative `on_behalf_of` their
 * unit — and a post in their own org (處長 of 外交部/資電處), once per org and title.
 */
export function popoloMemberships(people: PeopleIndex, meetings: Map<string, { agency: string | null; body: string | null }>): { organizations: PopoloOrganization[]; memberships: PopoloMembership[] } {
  const organizations = new Map<string, PopoloOrganization>();
  const memberships = new Map<string, PopoloMembership>();
  // Only organisation names become organizations: a letterhead address or a sentence taken for a
  // body or a unit is left out (the membership goes to the agency, or is not written).
  // A renamed agency is one organization under its latest name, the old one in other_names.
  const latest = latestNames(people);
  const org = (written: string, writtenParent: string | null, classification: string): string | null => {
    const name = classification === 'government-agency' ? latest(written) : written;
    let parent = writtenParent ? latest(writtenParent) : null;
    if (!isOrganisationName(name)) return parent && isOrganisationName(parent) ? org(parent, null, 'government-agency') : null;
    if (parent && !isOrganisationName(parent)) parent = null;
    const id = orgId(name, parent);
    if (!organizations.has(id)) {
      const formerly = classification === 'government-agency' ? people.renames.filter((r) => foldName(r.to) === foldName(name)).map((r) => ({ name: r.from, note: `renamed; last seen ${r.lastBefore}` })) : [];
      organizations.set(id, formerly.length ? { id, name, classification, parent_id: parent ? orgId(parent) : null, other_names: formerly } : { id, name, classification, parent_id: parent ? orgId(parent) : null });
    }
    if (parent) org(parent, null, 'government-agency');
    return id;
  };
  const member = (m: Omit<PopoloMembership, 'id' | 'first_seen_date' | 'last_seen_date'>, date: string | null) => {
    const id = `${m.person_id}@${m.organization_id}#${m.role ?? ''}`;
    const seen = memberships.get(id);
    if (!seen) memberships.set(id, { id, ...m, first_seen_date: date, last_seen_date: date });
    else if (date) {
      if (!seen.first_seen_date || date < seen.first_seen_date) seen.first_seen_date = date;
      if (!seen.last_seen_date || date > seen.last_seen_date) seen.last_seen_date = date;
    }
  };
  for (const p of people.people) {
    for (const a of p.appearances) {
      const meeting = meetings.get(a.meeting);
      const internal = a.roles.some((r) => INTERNAL_ROLES.has(r)) && !!a.agency;
      const unit = isOrganisationName(a.org) ? org(a.org, internal && !a.org.includes(a.agency!) ? a.agency : null, internal ? 'unit' : 'organization') : null;
      const body = meeting?.body ? org(meeting.body, meeting.agency, 'committee') : null;
      if (body) {
        for (const role of a.roles.filter((r) => MEMBER_ROLES.has(r)))
          member({ person_id: p.id, organization_id: body, role, label: null, on_behalf_of_id: role === 'agency-representative' ? unit : null }, a.date);
      }
      if (unit && a.title) member({ person_id: p.id, organization_id: unit, role: a.title, label: `${a.org}${a.title}`, on_behalf_of_id: null }, a.date);
    }
  }
  return { organizations: [...organizations.values()], memberships: [...memberships.values()] };
}

/**
 * An agency's latest name in the archive, through the renames the people index found (中國天文學會 →
 * 中華民國天文學會); an abbreviation standing for one agency (天文學會) is that agency's latest name.
 */
export function latestNames(people: Pick<PeopleIndex, 'renames'> & Partial<Pick<PeopleIndex, 'abbreviations'>>): (agency: string) => string {
  const next = new Map(people.renames.map((r) => [foldName(r.from), r.to]));
  const short = new Map((people.abbreviations ?? []).filter((a) => a.latest).map((a) => [foldName(a.name), a.latest!]));
  return (agency) => {
    let name = short.get(foldName(agency)) ?? agency;
    for (let hops = 0; next.has(foldName(name)) && hops < next.size; hops++) name = next.get(foldName(name))!;
    return name;
  };
}

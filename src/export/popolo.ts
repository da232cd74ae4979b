import { withGrammar } from '../grammars/compiled.js';
import type { Grammar } from '../grammars/build.js';
import { grammar } from '../grammars/index.js';
import { collectPeople } from '../people/build.js';
import type { Aliases } from '../people/aliases.js';
import { isOrganisationName } from '../people/names.js';
import type { PeopleIndex } from '../people/types.js';
import type { MinutesDocument } from '../types.js';
import { agendaRecordId, meetingId, orgId, recordId, uniqueDocuments } from './ids.js';
import { latestNames, popoloMemberships, popoloPerson } from './popolo-people.js';
import type { PopoloAttendance, PopoloBundle, PopoloEvent, PopoloMotion, PopoloSpeech } from './popolo-types.js';

/** Popolo wants UTC `…Z` without fractions in event dates; ours carry +08:00. A date alone stays a date. */
export function popoloDateTime(iso: string | null | undefined, fallbackDate: string | null | undefined): string | null {
  if (!iso) return fallbackDate ?? null;
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? (fallbackDate ?? null) : t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The events, speeches and motions of one meeting (persons and organizations come from the people index). */
export function popoloMeeting(doc: MinutesDocument, people: PeopleIndex): Pick<PopoloBundle, 'events' | 'speeches' | 'motions'> {
  const mid = meetingId(doc);
  const m = doc.meeting!;
  const pid = (ref: string) => people.assignments.get(`${mid} ${ref}`) ?? null;
  const agency = isOrganisationName(m.agency) ? latestNames(people)(m.agency) : null;
  const body = isOrganisationName(m.body) ? orgId(m.body, agency) : agency ? orgId(agency) : null;
  const date = m.date;
  const attendance: PopoloAttendance[] = doc.attendees.map((a, i) => ({
    person_id: pid(`attendee/${i}`), name: a.name, attribution_text: a.raw, role: a.role, status: a.status,
    on_behalf_of_id: pid(`attendee/${i}/onBehalfOf`), on_behalf_of_text: a.onBehalfOf?.raw ?? null,
  }));
  const present = attendance.filter((a) => a.person_id && (a.status === 'present' || a.status === 'proxy'));
  const meeting: PopoloEvent = {
    id: mid, name: doc.title, classification: 'meeting', start_date: popoloDateTime(m.start, date), end_date: popoloDateTime(m.end, null),
    location: m.location, organization_id: body, parent_id: null, identifiers: [{ identifier: doc.source.sha256, scheme: 'sha256' }],
    attendees: [...new Map(present.map((a) => [a.person_id!, { id: a.person_id!, name: a.name ?? a.attribution_text }])).values()],
    attendance,
  };
  const items: PopoloEvent[] = doc.agenda.map((a) => ({
    id: recordId(doc, a.id), name: [a.number, a.title].filter(Boolean).join(' '), classification: 'agenda-item', start_date: date,
    organization_id: body, parent_id: agendaRecordId(doc, a.parent) ?? mid,
  }));
  const chairWords = grammar().people.chairWords;
  const speeches: PopoloSpeech[] = doc.speeches.map((s, i) => ({
    id: recordId(doc, s.id), creator_id: pid(`speech/${s.id}`), attribution_text: s.speaker.raw,
    role: chairWords.includes(s.speaker.raw) || (s.speaker.name && s.speaker.name === m.chair?.name) ? '主席' : s.speaker.title, text: s.text,
    position: i + 1, event_id: agendaRecordId(doc, s.agendaId) ?? mid, type: 'speech',
  }));
  const motions: PopoloMotion[] = doc.rulings.map((r) => ({
    id: recordId(doc, r.id), organization_id: body, legislative_session_id: mid, creator_id: r.kind === 'chair-ruling' ? pid('chair') : null,
    text: r.text, classification: r.kind, date: m.start, event_id: agendaRecordId(doc, r.agendaId) ?? mid, label: r.label, items: r.items,
  }));
  return { events: [meeting, ...items], speeches, motions };
}

export interface PopoloBuilder {
  add(doc: MinutesDocument): void;
  build(): PopoloBundle;
}

/** Popolo built one document at a time from a people index made beforehand (`twminutes export` reads the archive twice). */
export function createPopoloBuilder(people: PeopleIndex): PopoloBuilder {
  const events: PopoloEvent[] = [];
  const speeches: PopoloSpeech[] = [];
  const motions: PopoloMotion[] = [];
  const meetings = new Map<string, { agency: string | null; body: string | null }>();
  return {
    add(doc) {
      if (doc.kind !== 'minutes' || !doc.meeting || meetings.has(meetingId(doc))) return;
      meetings.set(meetingId(doc), { agency: doc.meeting.agency, body: doc.meeting.body });
      const part = popoloMeeting(doc, people);
      events.push(...part.events);
      speeches.push(...part.speeches);
      motions.push(...part.motions);
    },
    build() {
      const { organizations, memberships } = popoloMemberships(people, meetings);
      return { persons: people.people.map(popoloPerson), organizations, memberships, events, speeches, motions };
    },
  };
}

/**
 * Popolo JSON of an archive: persons, organizations, memberships, events (a meeting, its agenda
 * items as child events), speeches (`creator_id`, `attribution_text`, `position`, `event_id`),
 * motions for rulings, and attendance with `on_behalf_of_id` as an extension. Pass `aliases`
 * (an alias file, see `parseAliases`) or a `people` index built with them to state identities by hand.
 */
export function toPopolo(docs: Iterable<MinutesDocument>, options: { people?: PeopleIndex; aliases?: Aliases | null; grammar?: Grammar } = {}): PopoloBundle {
  return withGrammar(options.grammar, () => popoloOf(docs, options));
}

function popoloOf(docs: Iterable<MinutesDocument>, options: { people?: PeopleIndex; aliases?: Aliases | null }): PopoloBundle {
  const unique = [...uniqueDocuments(docs)];
  let people = options.people;
  if (!people) {
    const c = collectPeople({ aliases: options.aliases ?? null });
    for (const d of unique) c.add(d);
    people = c.build();
  }
  const builder = createPopoloBuilder(people);
  for (const doc of unique) builder.add(doc);
  return builder.build();
}

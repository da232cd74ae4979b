import type { MinutesDocument, Person } from '../types.js';
import { foldName } from './fold.js';
import { meetingId } from './meeting-id.js';
import type { MeetingInfo, Mention } from './types.js';

/**
 * Every named person a document mentions: chair (and whom the chair stood in for), recorder,
 * attendees (and whom they stood in for), speakers. Speakers without a resolved name are counted
 * in `unresolved`, not guessed.
 */
export function mentionsOf(doc: MinutesDocument): { meeting: MeetingInfo; mentions: Mention[]; unresolved: number } {
  const id = meetingId(doc);
  const m = doc.meeting;
  const key = m?.date && (m.agency || m.body) ? [m.agency, m.body, m.date, m.term, m.session].map((x) => foldName(String(x ?? ''))).join('|') : id;
  const meeting: MeetingInfo = { id, key, date: m?.date ?? null, title: doc.title, agency: m?.agency ?? null, body: m?.body ?? null, sourceName: doc.source.name };
  const mentions: Mention[] = [];
  const add = (ref: string, role: Mention['role'], person: Person | null | undefined, extra: Partial<Mention> = {}) => {
    if (person?.name) mentions.push({ meeting: id, ref, role, person, ...extra });
  };
  add('chair', 'chair', m?.chair);
  add('chair/actingFor', 'represented', m?.chair?.actingFor);
  add('recorder', 'recorder', m?.recorder);
  doc.attendees.forEach((a, i) => {
    add(`attendee/${i}`, a.role, a, { status: a.status });
    if (a.recorder) add(`attendee/${i}`, 'recorder', a);
    add(`attendee/${i}/onBehalfOf`, 'represented', a.onBehalfOf);
  });
  let unresolved = 0;
  for (const s of doc.speeches) {
    if (s.speaker.name) add(`speech/${s.id}`, 'speaker', s.speaker);
    else unresolved++;
  }
  return { meeting, mentions, unresolved };
}

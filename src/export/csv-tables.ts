import type { PeopleIndex } from '../people/types.js';
import type { MinutesDocument, Span } from '../types.js';
import type { CsvValue } from './csv.js';
import { agendaRecordId, meetingId, recordId } from './ids.js';

/** The files of the CSV bundle and their columns, in order. Ids join: `meeting_id` → meetings.csv, `person_id` → people.csv … */
export const CSV_COLUMNS = {
  meetings: ['meeting_id', 'source_name', 'source_format', 'sha256', 'pages', 'kind', 'title', 'agency', 'body', 'term', 'session', 'date', 'start', 'end', 'location', 'online', 'chair_person_id', 'chair', 'chair_raw', 'recorder_person_id', 'recorder', 'attendees', 'speeches', 'rulings', 'datasets', 'actions', 'errors', 'warnings'],
  agenda: ['agenda_id', 'meeting_id', 'parent_id', 'position', 'level', 'number', 'ordinal', 'kind', 'title', 'omitted', 'line', 'page'],
  attendees: ['attendee_id', 'meeting_id', 'person_id', 'name', 'surname', 'title', 'org', 'raw', 'role', 'status', 'proxy', 'on_behalf_of_person_id', 'on_behalf_of', 'on_behalf_of_raw', 'recorder', 'group', 'rule', 'line', 'page'],
  speeches: ['speech_id', 'meeting_id', 'agenda_id', 'position', 'person_id', 'speaker', 'speaker_title', 'speaker_org', 'attribution', 'text', 'points', 'rule', 'line', 'page'],
  rulings: ['ruling_id', 'meeting_id', 'agenda_id', 'position', 'kind', 'label', 'text', 'items', 'rule', 'line', 'page'],
  datasets: ['dataset_id', 'meeting_id', 'ruling_id', 'name', 'unit', 'count', 'decision', 'scope', 'annex', 'rule', 'line', 'page'],
  actions: ['action_id', 'meeting_id', 'text', 'due', 'owner', 'rule', 'line', 'page'],
  people: ['person_id', 'name', 'names', 'titles', 'meetings_attended', 'speeches', 'roles', 'first_seen', 'last_seen'],
} as const;

export type CsvTable = keyof typeof CSV_COLUMNS;
export type CsvRecord = Record<string, CsvValue>;

const at = (span: Span) => ({ line: span.line, page: span.page });
/** Lists inside one cell (points, items) are separated by a line break; names and roles by `; `. */
const lines = (list: readonly string[]) => list.join('\n');

/** The rows one document contributes to each table (people.csv comes from the index). */
export function csvRecordsOf(doc: MinutesDocument, people: PeopleIndex): Record<Exclude<CsvTable, 'people'>, CsvRecord[]> {
  const meeting = meetingId(doc);
  const pid = (ref: string) => people.assignments.get(`${meeting} ${ref}`) ?? null;
  const m = doc.meeting;
  const count = (severity: string) => doc.diagnostics.filter((d) => d.severity === severity).length;
  return {
    meetings: [
      {
        meeting_id: meeting, source_name: doc.source.name, source_format: doc.source.format, sha256: doc.source.sha256, pages: doc.source.pages,
        kind: doc.kind, title: doc.title, agency: m?.agency, body: m?.body, term: m?.term, session: m?.session, date: m?.date, start: m?.start, end: m?.end,
        location: m?.location, online: m?.online, chair_person_id: pid('chair'), chair: m?.chair?.name, chair_raw: m?.chair?.raw,
        recorder_person_id: pid('recorder'), recorder: m?.recorder?.name ?? m?.recorder?.raw, attendees: doc.attendees.length, speeches: doc.speeches.length,
        rulings: doc.rulings.length, datasets: doc.datasets.length, actions: doc.actions.length, errors: count('error'), warnings: count('warning'),
      },
    ],
    agenda: doc.agenda.map((a, i) => ({
      agenda_id: recordId(doc, a.id), meeting_id: meeting, parent_id: agendaRecordId(doc, a.parent), position: i + 1, level: a.level, number: a.number,
      ordinal: a.ordinal, kind: a.kind, title: a.title, omitted: a.omitted, ...at(a.span),
    })),
    attendees: doc.attendees.map((a, i) => ({
      attendee_id: recordId(doc, `att${i + 1}`), meeting_id: meeting, person_id: pid(`attendee/${i}`), name: a.name, surname: a.surname, title: a.title,
      org: a.org, raw: a.raw, role: a.role, status: a.status, proxy: a.proxy, on_behalf_of_person_id: pid(`attendee/${i}/onBehalfOf`),
      on_behalf_of: a.onBehalfOf?.name, on_behalf_of_raw: a.onBehalfOf?.raw, recorder: !!a.recorder, group: a.group, rule: a.rule, ...at(a.span),
    })),
    speeches: doc.speeches.map((s, i) => ({
      speech_id: recordId(doc, s.id), meeting_id: meeting, agenda_id: agendaRecordId(doc, s.agendaId), position: i + 1, person_id: pid(`speech/${s.id}`),
      speaker: s.speaker.name, speaker_title: s.speaker.title, speaker_org: s.speaker.org, attribution: s.speaker.raw, text: s.text, points: lines(s.points),
      rule: s.rule, ...at(s.span),
    })),
    rulings: doc.rulings.map((r, i) => ({
      ruling_id: recordId(doc, r.id), meeting_id: meeting, agenda_id: agendaRecordId(doc, r.agendaId), position: i + 1, kind: r.kind, label: r.label,
      text: r.text, items: lines(r.items), rule: r.rule, ...at(r.span),
    })),
    datasets: doc.datasets.map((d, i) => ({
      dataset_id: recordId(doc, `ds${i + 1}`), meeting_id: meeting, ruling_id: d.rulingId ? recordId(doc, d.rulingId) : null, name: d.name, unit: d.unit,
      count: d.count, decision: d.decision, scope: d.scope, annex: d.annex, rule: d.rule, ...at(d.span),
    })),
    actions: doc.actions.map((a, i) => ({ action_id: recordId(doc, `act${i + 1}`), meeting_id: meeting, text: a.text, due: a.due, owner: a.owner, rule: a.rule, ...at(a.span) })),
  };
}

/** people.csv: one row per indexed person; `titles` lists each title span as `from–to org title`. */
export function peopleRecords(people: PeopleIndex): CsvRecord[] {
  return people.people.map((p) => ({
    person_id: p.id, name: p.name, names: p.names.join('; '),
    titles: lines(p.history.map((h) => `${h.from ?? '?'}–${h.to ?? '?'} ${h.org ?? ''}${h.title ?? ''}`.trim())),
    meetings_attended: p.attended, speeches: p.speeches, roles: p.roles.join('; '),
    first_seen: p.appearances.find((a) => a.date)?.date ?? null, last_seen: [...p.appearances].reverse().find((a) => a.date)?.date ?? null,
  }));
}

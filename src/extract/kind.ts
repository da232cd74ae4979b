import type { Diagnostic } from '../types.js';
import type { MetadataResult } from './context.js';
import type { Records } from './records.js';
import { namesAgenda } from './title.js';

/** What the records stage found, as evidence for the kind decision (counts only). */
export interface RecordEvidence {
  attendees: number;
  speeches: number;
  rulings: number;
}

/**
 * Minutes or not, decided last, from everything the extractors found: a title naming a meeting, header
 * fields (date, chair, attendance), an adjournment, and records (an attendance list, rulings, speeches).
 * A paper with at most one of these (an action strategy, a report) is `other`; minutes whose header is
 * unusual still show their attendance and rulings, so they stay minutes. Two kinds of evidence suffice.
 * An agenda (a title ending in 議程) announces a meeting and records nothing: its title is no minutes title,
 * and it is minutes only when records follow (rulings, speeches), whatever its header holds.
 */
export function decideKind(meta: MetadataResult, records: RecordEvidence | null): { kind: 'minutes' | 'other'; diagnostics: Diagnostic[] } {
  const s = meta.signals;
  const r = records ?? { attendees: 0, speeches: 0, rulings: 0 };
  const agenda = meta.title !== null && namesAgenda(meta.title);
  const hasRecords = r.rulings > 0 || r.speeches >= 2;
  const named: [boolean, string][] = [
    [s.header && !agenda, 'a 會議紀錄 title'],
    [s.date, 'a meeting date'],
    [s.chair, 'a chair (主席)'],
    // A list of people is attendance evidence whether or not a 出席 field introduced it.
    [s.attendance || r.attendees >= 3, 'an attendance list (出席)'],
    [s.adjourn, 'an adjournment (散會)'],
    [r.rulings > 0, `rulings (${r.rulings})`],
    [r.speeches >= 2, `speeches (${r.speeches})`],
  ];
  const present = named.filter(([ok]) => ok).map(([, what]) => what);
  const missing = named.filter(([ok]) => !ok).map(([, what]) => what);
  const kind = present.length >= 2 && (!agenda || hasRecords) ? 'minutes' : 'other';
  const why = agenda && !hasRecords ? 'the title names an agenda (議程), which announces a meeting, and no records (rulings, speeches) follow; ' : '';
  return {
    kind,
    diagnostics: [
      {
        severity: 'info',
        code: kind === 'minutes' ? 'kind-minutes' : 'kind-other',
        message:
          kind === 'minutes'
            ? `Read as meeting minutes: found ${present.join(', ')}${missing.length ? `; not found: ${missing.join(', ')}` : ''}.`
            : `Not read as meeting minutes: ${why}${present.length ? `found only ${present.join(', ')}` : 'no meeting header'}; not found: ${missing.join(', ')}. Sections are listed as agenda; no meeting records are made.`,
      },
    ],
  };
}

export function recordEvidence(records: Records | null): RecordEvidence | null {
  return records ? { attendees: records.attendees.length, speeches: records.speeches.length, rulings: records.rulings.length } : null;
}

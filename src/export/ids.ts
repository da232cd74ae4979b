import { foldName } from '../people/fold.js';
import { meetingId } from '../people/meeting-id.js';
import type { MinutesDocument } from '../types.js';

export { meetingId };

/**
 * Ids every export shares, so that CSV rows, Popolo objects and AKN elements of one record join:
 * a meeting is `m-<sha12>`, its records `m-<sha12>/<local id>` (agenda `a3`, speech `s4`, ruling
 * `r1`, attendee `att3`, dataset `ds1`, action `act2`), people `p-<folded name>`, organizations
 * `o-<folded name>` (a unit of an agency: `o-外交部/資電處`).
 */
export const recordId = (doc: MinutesDocument, local: string): string => `${meetingId(doc)}/${local}`;

export const agendaRecordId = (doc: MinutesDocument, agendaId: string | null): string | null => (agendaId ? recordId(doc, agendaId) : null);

export const orgId = (name: string, parent?: string | null): string => `o-${parent ? `${foldName(parent)}/` : ''}${foldName(name)}`;

/** Unique documents (by sha256), the first of each kept: a file copied twice in an archive is one meeting. */
export function* uniqueDocuments(docs: Iterable<MinutesDocument>): Generator<MinutesDocument> {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.source.sha256)) continue;
    seen.add(doc.source.sha256);
    yield doc;
  }
}

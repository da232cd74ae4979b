import type { ActionItem, Attendee, DatasetDecision, Diagnostic, Person, Ruling, Speech } from '../types.js';
import type { ExtractContext, MetadataResult } from './context.js';

export type SpeechDraft = Omit<Speech, 'agendaId'> & { headingId: string | null };
export type RulingDraft = Omit<Ruling, 'agendaId'> & { headingId: string | null };

export interface Records {
  attendees: Attendee[];
  speeches: SpeechDraft[];
  rulings: RulingDraft[];
  datasets: DatasetDecision[];
  actions: ActionItem[];
  recorder: Person | null;
  /** Headings that belong to a record (speaker headings, points, ruling items), not to the agenda. */
  consumed: Set<string>;
  diagnostics: Diagnostic[];
}

export function extractRecords(_ctx: ExtractContext, meta: MetadataResult): Records {
  return { attendees: [], speeches: [], rulings: [], datasets: [], actions: [], recorder: meta.meeting.recorder, consumed: new Set(), diagnostics: [] };
}

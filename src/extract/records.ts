import type { RulingDraft, SpeechDraft } from './drafts.js';
export type { RulingDraft, SpeechDraft } from './drafts.js';
import type { ActionItem, Attendee, DatasetDecision, Diagnostic, Person, Ruling, Speech } from '../types.js';
import type { ExtractContext, MetadataResult } from './context.js';
import { extractAttendees } from './attendees.js';
import { findBlocks } from './blocks.js';
import { innerHeadings } from './block-text.js';
import { buildSpeeches, foldName } from './speeches.js';
import { buildRulings } from './rulings.js';
import { extractDatasets } from './datasets.js';
import { extractActions } from './actions.js';
import { copyWith } from '../util/objects.js';


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

/** The record extractors in order: attendees first (speakers resolve against them), then speeches and rulings, then what rulings decide. */
export function extractRecords(ctx: ExtractContext, meta: MetadataResult): Records {
  const diagnostics: Diagnostic[] = [];
  const att = extractAttendees(ctx, meta);
  diagnostics.push(...att.diagnostics);
  const chair = meta.meeting.chair;
  // The recorder: the header's 紀錄 field, else the attendee marked (紀錄).
  let recorder = meta.meeting.recorder;
  const marked = att.attendees.find((a) => a.recorder);
  if (!recorder && marked) recorder = { name: marked.name, surname: marked.surname, title: marked.title, org: marked.org, raw: marked.raw };
  else if (recorder && !recorder.title) {
    const same = att.attendees.find((a) => foldName(a.name) === foldName(recorder!.name));
    if (same) recorder = copyWith(recorder, { title: same.title, org: same.org });
  }
  // Names a bare speaker label may be: the attendees', the chair's and the recorder's.
  const knownNames = new Set([...att.attendees, chair, recorder].map((a) => a?.name).filter((n): n is string => !!n));
  const blocks = findBlocks(ctx, meta.bodyStart, knownNames);
  const consumed = new Set<string>();
  for (const b of blocks) {
    if (b.heading) consumed.add(b.heading.id);
    for (const h of innerHeadings(ctx, b)) consumed.add(h.id);
  }
  const sp = buildSpeeches(ctx, blocks, chair, att.attendees, recorder);
  diagnostics.push(...sp.diagnostics);
  const rulings = buildRulings(ctx, blocks);
  const ds = extractDatasets(ctx, meta.bodyStart, sp.speeches, rulings);
  diagnostics.push(...ds.diagnostics);
  const ac = extractActions(ctx, meta, rulings);
  diagnostics.push(...ac.diagnostics);
  const actions = ac.actions;

  return { attendees: att.attendees, speeches: sp.speeches, rulings, datasets: ds.datasets, actions, recorder, consumed, diagnostics };
}

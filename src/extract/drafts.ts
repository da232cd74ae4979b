import type { Ruling, Speech } from '../types.js';
import type { Heading } from '../segment/headings.js';
import type { NameParts } from './person.js';

/** The records stage's own types, in a leaf module every extractor can import without importing each other. */

/** A speech or ruling before the agenda exists: it knows its heading, not yet its agenda item. */
export type SpeechDraft = Omit<Speech, 'agendaId'> & { headingId: string | null };
export type RulingDraft = Omit<Ruling, 'agendaId'> & { headingId: string | null };

export type BlockKind = 'speech' | 'ruling';

/**
 * Where a record's label stands: on a plain line (決議：…), as a heading's text (一、決議：…), as a
 * section heading that is itself the label (決議事項, 主席致詞), after a case title on its line
 * (…案。(地政局)決議:…), or drawn one character per line in a form's cells (決 / 議).
 */
export type LabelAt = 'line' | 'heading' | 'section' | 'inline' | 'cells';

/** Where a record starts, and how it was recognised. */
export interface Block {
  kind: BlockKind;
  /** speech: the speaker as written; ruling: the label as written. */
  label: string;
  /** Line of the label (or heading); the record's own text starts at `textStart` on that line or below. */
  line: number;
  textStart: number;
  /** First line of the body after the label line (label line itself holds text from textStart). */
  /** Last line of the record (inclusive). */
  lastLine: number;
  /** The heading the record is written as, if any (consumed: it is not an agenda section). */
  heading: Heading | null;
  /** The section that contains the record. */
  scope: Heading | null;
  /** speech: the speaker label as read (null: read from `label` when resolved). */
  parts?: NameParts | null;
  /** The section heading that is itself the record's label (決議事項 section, chair remarks, a heading naming a speaker). */
  sectionHeading: Heading | null;
  /** Where the label stands; what the extractors decide on (`rule` only names the rule for the output). */
  labelAt: LabelAt;
  rule: string;
}


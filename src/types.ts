/**
 * The output contract: `MinutesDocument`, schema `minutes/1`.
 * Field names here are public (other tools read them); add fields, never rename or drop.
 * `schema/minutes-1.schema.json` is generated from this file (`npm run schema`).
 */

/** A place in the normalised text: offsets are UTF-16 code units, end exclusive; line is 1-based. */
export interface Span {
  start: number;
  end: number;
  line: number;
  page: number | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case code, e.g. `weekday-mismatch`; listed in README § Diagnostics. */
  code: string;
  /** Plain language: what was found, what was expected, what to do. */
  message: string;
  span?: Span;
}

export interface Person {
  /** Full name (林東亨); null when only surname + title are known and unresolved. */
  name: string | null;
  surname: string | null;
  title: string | null;
  org: string | null;
  /** As written: 資電處林處長東亨, 主席, 世新大學陳副教授. */
  raw: string;
  /** The person this one stands in for: 林次長全能(林主任聰仁代理) → chair 林聰仁 actingFor 林全能. */
  actingFor?: Person | null;
  /** Free note written with the name that is not an acting relation, e.g. (資訊長). */
  note?: string | null;
}

export type AttendeeRole =
  | 'convener'
  | 'member'
  | 'agency-representative'
  | 'civil-representative'
  | 'observer'
  | 'staff';

export type AttendanceStatus = 'present' | 'proxy' | 'on-leave' | 'absent';

export interface Attendee extends Person {
  role: AttendeeRole;
  status: AttendanceStatus;
  /** Attends in someone's place: (代理), (X代). True iff status is 'proxy'. */
  proxy: boolean;
  onBehalfOf: Person | null;
  /** Marked (紀錄) in the list. */
  recorder?: boolean;
  /** The list label or table category it was found under, as written. */
  group?: string | null;
  rule: string;
  span: Span;
}

export type Meeting = {
  agency: string | null;
  body: string | null;
  term: number | null;
  session: number | null;
  /**
   * Gregorian YYYY-MM-DD, a calendar date between 1912 and next year.
   * @format date
   */
  date: string | null;
  /**
   * ISO 8601 with +08:00 offset.
   * @format date-time
   */
  start: string | null;
  /** @format date-time */
  end: string | null;
  location: string | null;
  online: boolean;
  chair: Person | null;
  recorder: Person | null;
  /** A council's sitting within its session: 第 13 次臨時會第 4 次會議 → session 13, sitting 4. */
  sitting?: number | null;
  /** A legislature's 會期: 第 4 會期 → 4 (session is the committee meeting's own 第 M 次). */
  period?: number | null;
  /** When several preside in turn: every chair in order; `chair` is the first. */
  chairs?: Person[];
  /** For each meeting field, the rule and the span that produced it. */
  evidence?: MeetingEvidence;
};

/** Where a meeting field came from: the rule that read it and the text it was read from. */
export interface FieldEvidence {
  rule: string;
  span: Span;
}

export interface MeetingEvidence {
  agency?: FieldEvidence;
  body?: FieldEvidence;
  term?: FieldEvidence;
  session?: FieldEvidence;
  date?: FieldEvidence;
  start?: FieldEvidence;
  end?: FieldEvidence;
  location?: FieldEvidence;
  chair?: FieldEvidence;
  recorder?: FieldEvidence;
}

export type AgendaKind =
  | 'metadata'
  | 'chair-remarks'
  | 'special-report'
  | 'report'
  | 'discussion'
  | 'member-remarks'
  | 'resolutions'
  | 'extempore-motions'
  | 'adjournment'
  | 'other';

export interface AgendaItem {
  id: string;
  parent: string | null;
  level: number;
  /** As written: 壹, 拾壹, 一, (一), 1, (1). */
  number: string | null;
  /** The numeric value of `number` (拾壹 → 11). */
  ordinal: number | null;
  /** Marker family: 'upper' (壹), 'lower' (一), 'paren-lower' ((一)), 'arabic' (1.), 'paren-arabic' ((1)). */
  family: string;
  kind: AgendaKind;
  title: string;
  /** The body was left out of the minutes: (略), (報告說明略). */
  omitted: boolean;
  span: Span;
}

export interface Speech {
  id: string;
  agendaId: string | null;
  speaker: Person;
  text: string;
  points: string[];
  rule: string;
  span: Span;
}

export type RulingKind = 'chair-ruling' | 'resolution';

export interface Ruling {
  id: string;
  agendaId: string | null;
  kind: RulingKind;
  label: string;
  text: string;
  items: string[];
  rule: string;
  span: Span;
}

export type DatasetDecisionKind = 'approved' | 'proposed' | 'deferred' | 'rejected';

export interface DatasetDecision {
  /** null for a blanket decision over all submitted datasets. */
  name: string | null;
  unit: string | null;
  count: number | null;
  decision: DatasetDecisionKind;
  scope: 'named' | 'all-submitted';
  /** 如附件 2 → '附件 2'. */
  annex: string | null;
  rulingId: string | null;
  rule: string;
  span: Span;
}

export interface ActionItem {
  text: string;
  /**
   * YYYY-MM-DD, a calendar date (2/30 is never one: it gives an action-date-invalid warning instead).
   * @format date
   */
  due: string;
  owner: string | null;
  rule: string;
  span: Span;
}

export type SourceFormat = 'pdf' | 'text' | 'markdown' | 'html' | 'docx' | 'odt' | 'doc' | 'akn';

/** Pages of a PDF that were read by OCR (option `ocr`): the engine, its languages, and each page's mean confidence. */
export interface OcrProvenance {
  engine: string;
  version: string;
  languages: string[];
  dpi: number;
  pages: { page: number; confidence: number }[];
}

export interface MinutesDocument {
  schema: 'minutes/1';
  source: { name: string | null; format: SourceFormat; sha256: string; pages: number | null; ocr?: OcrProvenance };
  /** 'transcript': a verbatim record (逐字稿) with speeches but no minutes title or header. */
  kind: 'minutes' | 'transcript' | 'other';
  title: string | null;
  meeting: Meeting | null;
  agenda: AgendaItem[];
  attendees: Attendee[];
  speeches: Speech[];
  rulings: Ruling[];
  datasets: DatasetDecision[];
  actions: ActionItem[];
  diagnostics: Diagnostic[];
  /** The normalised text that every span points into (option `text: true`). */
  text?: string;
  /**
   * With `text`, for a paged source (PDF, text with form feeds): the offset in `text` where each page's
   * first line starts, one entry per page that has text, as `[page, offset]` pairs in page order.
   */
  pageStarts?: [number, number][];
}

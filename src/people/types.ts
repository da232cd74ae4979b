import type { AttendanceStatus, AttendeeRole, Person } from '../types.js';

/** What a person did in a meeting: an attendee role, or chair, recorder, speaker, or `represented` (someone stood in for them). */
export type PersonRole = AttendeeRole | 'chair' | 'recorder' | 'speaker' | 'represented';

/** One place a named person appears in one document. */
export interface Mention {
  meeting: string;
  /** Where in the document: `chair`, `chair/actingFor`, `recorder`, `attendee/3`, `attendee/3/onBehalfOf`, `speech/s4`. */
  ref: string;
  role: PersonRole;
  person: Person;
  status?: AttendanceStatus;
}

/** A meeting as the index lists it. */
export interface MeetingInfo {
  id: string;
  /** The meeting itself (agency, body, date, term, session): the same minutes as .txt and .pdf share it and count once. */
  key: string;
  date: string | null;
  title: string | null;
  agency: string | null;
  body: string | null;
  sourceName: string | null;
}

/** A person in one meeting. */
export interface Appearance {
  meeting: string;
  date: string | null;
  agency: string | null;
  /** Title and org as written there (the most specific seen in that meeting). */
  title: string | null;
  org: string | null;
  roles: PersonRole[];
  status: AttendanceStatus | null;
  speeches: number;
}

/** A stretch of meetings with one title and org: 副處長 資電處 2018-06-22 → 處長 資電處 2021-07-21. */
export interface TitleSpan {
  title: string | null;
  org: string | null;
  from: string | null;
  to: string | null;
  meetings: number;
}

export interface IndexedPerson {
  /** `p-` and the folded name; `p-林東亨-2` for a second person of that name told apart by org. */
  id: string;
  name: string;
  /** As the minutes split it (林, 歐陽); null when never split. */
  surname: string | null;
  /** The folded name the person is matched by. */
  key: string;
  /** Every way the name was written (variants kept). */
  names: string[];
  history: TitleSpan[];
  appearances: Appearance[];
  /** Meetings attended (present, in someone's place, chairing, recording or speaking). */
  attended: number;
  speeches: number;
  roles: PersonRole[];
}

/** People of one name who cannot be told apart with certainty: reported, never merged by guess. */
export interface Homonym {
  key: string;
  /** The people this name was split into (by org), if more than one. */
  people: string[];
  /** Mentions that fit more than one of them (no org written): left unassigned. */
  unassigned: { meeting: string; ref: string; raw: string }[];
  reason: string;
  /** When split by org: whether the people's meetings overlap in time (two people at once) or follow each other (maybe one person who moved). */
  dates: 'overlapping' | 'sequential' | null;
}

/** A name mentioned in the minutes that is not taken as a person (a title, an election word, a fragment). */
export interface RefusedName {
  name: string;
  reason: 'non-name-word' | 'title' | 'organisation' | 'shape' | 'unknown-surname' | 'alias-file';
  mentions: number;
}

export interface PeopleIndex {
  people: IndexedPerson[];
  homonyms: Homonym[];
  meetings: MeetingInfo[];
  /** Speakers whose name could not be resolved (王委員 with no matching attendee): not indexed. */
  unresolvedSpeakers: number;
  /** `${meetingId} ${ref}` → person id, for exports that link records to people. */
  assignments: Map<string, string>;
  /** Names not indexed because they are not a person's (most mentioned first). */
  refused: RefusedName[];
  /** Agencies renamed in the archive (中國天文學會 → 中華民國天文學會): their units are matched across the rename. */
  renames: Rename[];
  /**
   * Agencies written without the national prefix of another agency of the archive (天文學會 beside
   * 中國天文學會): a shortened name, read as the full name of the same body's meetings nearest in date.
   */
  abbreviations: Abbreviation[];
  /** Rules of the alias file that matched no mention (`people[2].match[0]`): usually a typo. */
  unusedAliases: string[];
}

/** A body renamed: its series of meetings runs under one name, then another (中國天文學會 → 中華民國天文學會). */
export interface Rename {
  from: string;
  to: string;
  /** The bodies whose series show it (理事會議, 理監事會議). */
  bodies: string[];
  /** The last meeting under the old name and the first under the new. */
  lastBefore: string;
  firstAfter: string;
}

/** An agency written without its national prefix (天文學會 for 中國天文學會): not a name of its own, and no rename. */
export interface Abbreviation {
  /** As written. */
  name: string;
  /** Each meeting written so, and the full name it is read as (that of the same body's meetings nearest in date). */
  readAs: { meeting: string; date: string | null; full: string }[];
  /** The latest name of the agency it stands for, when all its readings are one agency (renames followed); else null. */
  latest: string | null;
}

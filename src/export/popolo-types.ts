/** The Popolo objects twminutes writes (https://www.popoloproject.com/specs/), with its extensions marked. */
export interface PopoloPerson {
  id: string;
  name: string;
  family_name?: string | null;
  given_name?: string | null;
  other_names?: { name: string; note?: string | null }[];
}

export interface PopoloOrganization {
  id: string;
  name: string;
  classification?: string | null;
  parent_id?: string | null;
  /** A former name of a renamed agency (the note says when it was last seen). */
  other_names?: { name: string; note?: string | null }[];
}

export interface PopoloMembership {
  id: string;
  person_id: string;
  organization_id: string;
  role?: string | null;
  label?: string | null;
  on_behalf_of_id?: string | null;
  /** Extension: dates of the first and last meeting the membership was seen at (not its start and end). */
  first_seen_date?: string | null;
  last_seen_date?: string | null;
}

/**
 * Extension (popolo-spec issue 119, "Attending event on somebody else's behalf"): one attendance
 * record per attendee, so that a proxy says whom they stood in for, which `attendees` (a list of
 * persons) cannot. `on_behalf_of_id` is the person attended for.
 */
export interface PopoloAttendance {
  person_id: string | null;
  name: string | null;
  attribution_text: string;
  role: string;
  status: 'present' | 'proxy' | 'on-leave' | 'absent';
  on_behalf_of_id: string | null;
  on_behalf_of_text: string | null;
}

export interface PopoloEvent {
  id: string;
  name: string | null;
  classification: 'meeting' | 'agenda-item';
  start_date?: string | null;
  end_date?: string | null;
  location?: string | null;
  organization_id?: string | null;
  parent_id?: string | null;
  identifiers?: { identifier: string; scheme: string }[];
  attendees?: { id: string; name: string }[];
  /** Extension: see `PopoloAttendance`. */
  attendance?: PopoloAttendance[];
}

export interface PopoloSpeech {
  id: string;
  creator_id: string | null;
  attribution_text: string;
  role?: string | null;
  text: string;
  position: number;
  event_id: string;
  type: 'speech';
}

export interface PopoloMotion {
  id: string;
  organization_id?: string | null;
  legislative_session_id: string;
  creator_id?: string | null;
  text: string;
  classification: string;
  date?: string | null;
  /** Extensions: the agenda item event, the label as written (主席裁示) and its numbered items. */
  event_id: string;
  label: string;
  items: string[];
}

export interface PopoloBundle {
  persons: PopoloPerson[];
  organizations: PopoloOrganization[];
  memberships: PopoloMembership[];
  events: PopoloEvent[];
  speeches: PopoloSpeech[];
  motions: PopoloMotion[];
}

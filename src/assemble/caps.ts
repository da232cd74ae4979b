import type { Diagnostic, Meeting } from '../types.js';

/**
 * Longest value of a one-line field (title, agency, body, location). A title is a line, not a page:
 * a file without line breaks otherwise yields a title of millions of characters, which every export
 * and spreadsheet downstream then carries.
 */
export const LINE_FIELD_MAX = 500;

/** `value` cut to `LINE_FIELD_MAX` characters (a warning says so), or as it is. */
export function capLine(value: string | null, field: string, diagnostics: Diagnostic[]): string | null {
  if (value === null || value.length <= LINE_FIELD_MAX) return value;
  diagnostics.push({
    severity: 'warning',
    code: 'field-truncated',
    message: `The ${field} is ${value.length} characters long; a ${field} is one line, so it was cut to ${LINE_FIELD_MAX}. The document may have lost its line breaks.`,
  });
  return value.slice(0, LINE_FIELD_MAX - 1) + '…';
}

/** The meeting with its one-line fields capped (the same object when none is too long). */
export function capMeeting(meeting: Meeting, diagnostics: Diagnostic[]): Meeting {
  const { agency, body, location } = meeting;
  if ((agency?.length ?? 0) <= LINE_FIELD_MAX && (body?.length ?? 0) <= LINE_FIELD_MAX && (location?.length ?? 0) <= LINE_FIELD_MAX) return meeting;
  return Object.assign({}, meeting, {
    agency: capLine(agency, 'agency', diagnostics),
    body: capLine(body, 'body', diagnostics),
    location: capLine(location, 'location', diagnostics),
  });
}

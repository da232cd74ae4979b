import type { MinutesDocument } from '../types.js';

/**
 * The id of a document's meeting in the people index and every export: `m-` and the first 12
 * hex digits of the file's sha256, so the same file gets the same id on every run and machine.
 */
export function meetingId(doc: Pick<MinutesDocument, 'source'>): string {
  return `m-${doc.source.sha256.slice(0, 12)}`;
}

import { grammar } from '../grammars/index.js';
import { foldName } from './fold.js';
import type { MeetingInfo, Rename } from './types.js';
export type { Rename } from './types.js';

/**
 * Agencies renamed within the archive, told by the body's own series: the meetings of one body
 * are held under agency A up to a date and under agency B after it, never interleaved, and the
 * two names differ only by a national prefix (grammars/identity.json `renamePrefixes`:
 * 中國天文學會 → 中華民國天文學會, 中國X學會 → 台灣X學會). Two agencies whose meetings of that body
 * interleave are two agencies, whatever their names.
 *
 * Returns the renames and `canonical`, which maps a folded agency to its latest name (folded).
 */
export function findRenames(meetings: Iterable<MeetingInfo>): { renames: Rename[]; canonical: (agency: string | null) => string | null } {
  const series = new Map<string, Map<string, { name: string; first: string; last: string }>>();
  for (const m of meetings) {
    if (!m.date || !m.agency || !m.body) continue;
    const body = foldName(m.body);
    const agency = foldName(m.agency);
    const agencies = series.get(body) ?? new Map<string, { name: string; first: string; last: string }>();
    series.set(body, agencies);
    const span = agencies.get(agency);
    if (!span) agencies.set(agency, { name: m.agency, first: m.date, last: m.date });
    else {
      if (m.date < span.first) span.first = m.date;
      if (m.date > span.last) span.last = m.date;
    }
  }
  const renames: Rename[] = [];
  const next = new Map<string, string>();
  for (const [body, agencies] of series) {
    const spans = [...agencies].sort(([, a], [, b]) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    for (let i = 1; i < spans.length; i++) {
      const [fromKey, from] = spans[i - 1]!;
      const [toKey, to] = spans[i]!;
      if (from.last >= to.first || coreOf(fromKey) !== coreOf(toKey)) continue;
      const seen = renames.find((r) => foldName(r.from) === fromKey);
      if (seen && foldName(seen.to) !== toKey) continue; // one successor: the first series seen decides
      if (seen) {
        // Another series of the same agency: the old name was seen until the latest of them.
        seen.bodies.push(body);
        if (from.last > seen.lastBefore) seen.lastBefore = from.last;
        if (to.first < seen.firstAfter) seen.firstAfter = to.first;
        continue;
      }
      next.set(fromKey, toKey);
      renames.push({ from: from.name, to: to.name, bodies: [body], lastBefore: from.last, firstAfter: to.first });
    }
  }
  const canonical = (agency: string | null): string | null => {
    if (!agency) return null;
    let key = foldName(agency);
    for (let hops = 0; next.has(key) && hops < next.size; hops++) key = next.get(key)!;
    return key;
  };
  return { renames, canonical };
}

let prefixes: string[] | null = null;
/** The name without its national prefix: 中華民國天文學會 and 中國天文學會 → 天文學會. */
function coreOf(folded: string): string {
  prefixes ??= grammar().identity.renamePrefixes.map(foldName).sort((a, b) => b.length - a.length);
  const prefix = prefixes.find((p) => folded.startsWith(p) && folded.length > p.length);
  return prefix ? folded.slice(prefix.length) : folded;
}

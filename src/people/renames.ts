import { derived } from '../grammars/index.js';
import { foldName } from './fold.js';
import type { Abbreviation, MeetingInfo, Rename } from './types.js';
export type { Abbreviation, Rename } from './types.js';

interface Span {
  name: string;
  first: string;
  last: string;
}

/**
 * Agencies renamed within the archive, told by the body's own series: the meetings of one body
 * are held under agency A up to a date and under agency B after it, never interleaved, and the
 * two names differ only by a national prefix (grammars/identity.json `renamePrefixes`:
 * 中國天文學會 → 中華民國天文學會, 中國X學會 → 台灣X學會). Two agencies whose meetings of that body
 * interleave are two agencies, whatever their names.
 *
 * An agency written without the national prefix of another agency of the archive (天文學會, in a
 * title 「天文學會九十四年度第一次理監事會議」, beside 中國天文學會 and 中華民國天文學會) is that
 * body's name shortened, not a name of its own: it is read as the full name used by the same
 * body's meetings nearest in date (of any body when none of its own has one), and is no rename by
 * itself. The abbreviations are returned with what each was read as.
 *
 * Returns the renames, the abbreviations, and `canonical`, which maps a meeting to the latest name
 * (folded) of the agency holding it.
 */
export function findRenames(meetings: Iterable<MeetingInfo>): {
  renames: Rename[];
  abbreviations: Abbreviation[];
  canonical: (meeting: Pick<MeetingInfo, 'id' | 'agency'>) => string | null;
} {
  const list = [...meetings].filter((m) => m.agency);
  const { abbreviations, fullOf } = findAbbreviations(list);
  const series = new Map<string, Map<string, Span>>();
  for (const m of list) {
    if (!m.date || !m.body) continue;
    const body = foldName(m.body);
    const name = fullOf.get(m.id) ?? m.agency!;
    const agency = foldName(name);
    const agencies = series.get(body) ?? new Map<string, Span>();
    series.set(body, agencies);
    const span = agencies.get(agency);
    if (!span) agencies.set(agency, { name, first: m.date, last: m.date });
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
  const latest = (key: string): string => {
    for (let hops = 0; next.has(key) && hops < next.size; hops++) key = next.get(key)!;
    return key;
  };
  const written = new Map<string, string>();
  for (const m of list) if (!written.has(foldName(m.agency!))) written.set(foldName(m.agency!), m.agency!);
  // An abbreviation stands for one agency when every meeting written so is read as names of one
  // agency (one latest name): then it is that agency wherever it is written.
  for (const a of abbreviations) {
    const names = new Set(a.readAs.map((r) => latest(foldName(r.full))));
    a.latest = names.size === 1 ? written.get([...names][0]!)! : null;
  }
  const canonical = (meeting: Pick<MeetingInfo, 'id' | 'agency'>): string | null => {
    if (!meeting.agency) return null;
    const full = fullOf.get(meeting.id);
    return latest(foldName(full ?? meeting.agency));
  };
  return { renames, abbreviations, canonical };
}

/**
 * The agencies written without the national prefix of another agency of the archive, and what
 * each meeting written so is read as: the full name of the same body's meetings nearest in date.
 */
function findAbbreviations(meetings: MeetingInfo[]): { abbreviations: Abbreviation[]; fullOf: Map<string, string> } {
  const written = new Map<string, string>(); // folded → as written (first seen)
  for (const m of meetings) if (!written.has(foldName(m.agency!))) written.set(foldName(m.agency!), m.agency!);
  const fullNames = new Map<string, string[]>(); // short (folded) → full names (folded)
  for (const key of written.keys()) {
    const core = coreOf(key);
    if (core === key || !written.has(core) || coreOf(core) !== core) continue;
    fullNames.set(core, [...(fullNames.get(core) ?? []), key]);
  }
  const fullOf = new Map<string, string>();
  const abbreviations: Abbreviation[] = [];
  for (const [short, fulls] of fullNames) {
    const candidates = meetings.filter((m) => fulls.includes(foldName(m.agency!)));
    const readAs: Abbreviation['readAs'] = [];
    for (const m of meetings.filter((x) => foldName(x.agency!) === short).sort(byDate)) {
      const body = m.body ? foldName(m.body) : null;
      const sameBody = candidates.filter((c) => body && c.body && foldName(c.body) === body);
      const nearest = closest(m, sameBody.length ? sameBody : candidates);
      fullOf.set(m.id, nearest.agency!);
      readAs.push({ meeting: m.id, date: m.date, full: nearest.agency! });
    }
    abbreviations.push({ name: written.get(short)!, readAs, latest: null });
  }
  return { abbreviations, fullOf };
}

/** The candidate meeting nearest in date to `m` (the earlier one on a tie; the first dated one when `m` has no date). */
function closest(m: MeetingInfo, candidates: MeetingInfo[]): MeetingInfo {
  const sorted = [...candidates].sort(byDate);
  if (!m.date) return sorted.find((c) => c.date) ?? sorted[0]!;
  let best = sorted[0]!;
  let gap = Infinity;
  for (const c of sorted) {
    if (!c.date) continue;
    const d = Math.abs(Date.parse(c.date) - Date.parse(m.date));
    if (d < gap) [best, gap] = [c, d];
  }
  return best;
}

function byDate(a: MeetingInfo, b: MeetingInfo): number {
  const x = a.date ?? '9999';
  const y = b.date ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const renamePrefixes = derived((g) => g.identity.renamePrefixes.map(foldName).sort((a, b) => b.length - a.length));
/** The name without its national prefix: 中華民國天文學會 and 中國天文學會 → 天文學會. */
function coreOf(folded: string): string {
  const prefix = renamePrefixes().find((p) => folded.startsWith(p) && folded.length > p.length);
  return prefix ? folded.slice(prefix.length) : folded;
}

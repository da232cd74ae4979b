import type { Heading } from '../segment/headings.js';
import type { Line } from '../segment/lines.js';
import { spanOver } from '../segment/lines.js';
import type { AgendaItem } from '../types.js';

/**
 * Agenda items from the heading tree. Headings that records consumed (a speaker heading, the points of a
 * speech, the items of a ruling) are not sections; their children re-attach to the nearest kept ancestor.
 */
export function buildAgenda(headings: readonly Heading[], lines: readonly Line[], consumed: ReadonlySet<string>, isMinutes: boolean): {
  agenda: AgendaItem[];
  agendaIdOf: (headingId: string | null) => string | null;
} {
  const byId = new Map(headings.map((h) => [h.id, h]));
  // A top-level or unnumbered section heading stays a section even where a record starts at it (理事長報告：
  // opens his speech); only a numbered sub-heading that a record took (a speaker heading, a ruling item) goes.
  const isConsumed = (h: Heading) => h.chapter === true || (consumed.has(h.id) && h.number !== null && h.parent !== null);
  const keptAncestor = (id: string | null): string | null => {
    let h = id ? byId.get(id) : undefined;
    while (h && isConsumed(h)) h = h.parent ? byId.get(h.parent) : undefined;
    return h ? h.id : null;
  };
  const ids = new Map<string, string>();
  const agenda: AgendaItem[] = [];
  const depth = new Map<string, number>();
  for (const h of headings) {
    if (isConsumed(h)) continue;
    const parentHeading = keptAncestor(h.parent);
    const id = `a${agenda.length + 1}`;
    ids.set(h.id, id);
    const level = parentHeading ? (depth.get(parentHeading) ?? 0) + 1 : 1;
    depth.set(h.id, level);
    agenda.push({
      id,
      parent: parentHeading ? ids.get(parentHeading)! : null,
      level,
      number: h.number,
      ordinal: h.number === null ? null : h.ordinal,
      family: h.family,
      // Outside minutes there are no meeting sections: every heading is 'other'.
      kind: isMinutes ? h.kind : 'other',
      title: h.title,
      omitted: h.omitted,
      span: spanOver(lines[h.line]!, lines[h.lastLine] ?? lines[h.line]!),
    });
  }
  return { agenda, agendaIdOf: (headingId) => ids.get(keptAncestor(headingId) ?? '') ?? null };
}

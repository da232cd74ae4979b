import type { MinutesDocument, Span } from '../types.js';

/** A line of a section's body that no record holds: a report, an explanation, a list of documents. */
export interface NarrativeLine {
  start: number;
  text: string;
}

/**
 * For each agenda item, the lines of its body (after its heading, up to the next heading) that
 * lie outside every speech, ruling, attendee, dataset and action: the narrative paragraphs an export
 * keeps beside the records. Needs the document's `text` (parsed with `text: true`, `batch --text`);
 * empty without it. One pass over the text, intervals walked with a moving pointer.
 */
export function narrativeOf(doc: MinutesDocument): Map<string, NarrativeLine[]> {
  const out = new Map<string, NarrativeLine[]>();
  const text = doc.text;
  if (!text || !doc.agenda.length) return out;
  const covered = mergedSpans([...doc.speeches, ...doc.rulings, ...doc.attendees, ...doc.datasets, ...doc.actions].map((r) => r.span));
  const items = [...doc.agenda].sort((a, b) => a.span.start - b.span.start);
  let j = 0;
  items.forEach((item, k) => {
    // The span of an item runs to the end of its section, children included: its own body stops at the next heading.
    const end = Math.min(items[k + 1]?.span.start ?? item.span.end, item.span.end, text.length);
    const lines: NarrativeLine[] = [];
    let heading = true;
    for (let start = item.span.start; start < end; ) {
      let stop = text.indexOf('\n', start);
      if (stop === -1 || stop > end) stop = end;
      while (j < covered.length && covered[j]!.end <= start) j++;
      const overlaps = j < covered.length && covered[j]!.start < stop;
      const line = text.slice(start, stop).trim();
      // The heading line, and the lines its title continues on, are the heading, not narrative.
      heading = heading && (start === item.span.start || item.title.includes(line));
      if (line && !overlaps && !heading) lines.push({ start, text: line });
      start = stop + 1;
    }
    if (lines.length) out.set(item.id, lines);
  });
  return out;
}

function mergedSpans(spans: Span[]): { start: number; end: number }[] {
  const sorted = spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return merged;
}

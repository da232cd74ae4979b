import { grammar } from '../grammars/index.js';
import type { Attendee, Diagnostic, Person } from '../types.js';
import type { ExtractContext } from './context.js';
import type { Block } from './blocks.js';
import { blockText, topItems } from './block-text.js';
import { parseName, person } from './person.js';
import { foldName } from '../util/fold.js';
import { copyWith } from '../util/objects.js';
import type { SpeechDraft } from './records.js';

export { foldName } from '../util/fold.js';

/** Org as written in a speaker label matches an attendee's org when one contains the other (世新大學 ⊂ 世新大學行政管理學系). */
function orgMatches(a: string | null, b: string | null): boolean {
  if (!a) return true;
  if (!b) return false;
  const x = foldName(a);
  const y = foldName(b);
  return x.includes(y) || y.includes(x);
}

const byNameCache = new WeakMap<readonly Attendee[], Map<string, Attendee[]>>();
/** Attendees by folded name, built once per list. */
function attendeesByName(attendees: readonly Attendee[]): Map<string, Attendee[]> {
  let m = byNameCache.get(attendees);
  if (!m) {
    m = new Map();
    for (const a of attendees) if (a.name) m.set(foldName(a.name), [...(m.get(foldName(a.name)) ?? []), a]);
    byNameCache.set(attendees, m);
  }
  return m;
}

/**
 * Who a speaker label names. 主席 is the chair; a full name is taken as written (enriched from the
 * attendee list); org + surname + title (世新大學陳副教授) resolves to the unique attendee with that
 * surname, title and org — never a guess between two candidates.
 */
export function resolveSpeaker(label: string, chair: Person | null, attendees: readonly Attendee[]): { speaker: Person; diagnostic?: Omit<Diagnostic, 'span'> } {
  const raw = label.trim();
  if (grammar().people.chairWords.includes(raw.replace(/\s+/g, ''))) {
    if (chair) return { speaker: copyWith(chair, { raw }) };
    return { speaker: person(raw, { name: null, surname: null, title: raw, org: null }), diagnostic: { severity: 'warning', code: 'unresolved-speaker', message: `The speaker ${raw} is the chair, but the header names no chair.` } };
  }
  const parts = parseName(raw.replace(/^.*[-－—–]/u, ''));
  const sp = person(raw, parts);
  if (parts.name) {
    const same = attendeesByName(attendees).get(foldName(parts.name)) ?? [];
    if (same.length === 1) return { speaker: copyWith(sp, { org: sp.org ?? same[0]!.org }) };
    return { speaker: sp };
  }
  const candidates = attendees.filter(
    (a) => a.name && a.surname === parts.surname && (!parts.title || a.title === parts.title) && orgMatches(parts.org, a.org),
  );
  const names = new Set(candidates.map((a) => foldName(a.name)));
  if (names.size === 1) return { speaker: copyWith(sp, { name: candidates[0]!.name, org: sp.org ?? candidates[0]!.org }) };
  return {
    speaker: sp,
    diagnostic: {
      severity: 'warning',
      code: 'unresolved-speaker',
      message:
        names.size > 1
          ? `The speaker ${raw} matches ${names.size} attendees (${[...names].join('、')}); the name was left empty rather than guessed.`
          : `The speaker ${raw} matches no attendee by surname, title and org; the full name is unknown.`,
    },
  };
}

/** Speeches from speech blocks: speaker resolved, text joined, numbered points split out. */
export function buildSpeeches(ctx: ExtractContext, blocks: readonly Block[], chair: Person | null, attendees: readonly Attendee[]): { speeches: SpeechDraft[]; diagnostics: Diagnostic[] } {
  const speeches: SpeechDraft[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const b of blocks) {
    if (b.kind !== 'speech') continue;
    const line = ctx.lines[b.line]!;
    const span = { start: line.start, end: ctx.lines[b.lastLine]!.end, line: line.index + 1, page: line.page };
    const { speaker, diagnostic } = resolveSpeaker(b.label, chair, attendees);
    if (diagnostic) diagnostics.push({ severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message, span: { start: span.start, end: line.end, line: span.line, page: span.page } });
    speeches.push({
      id: `s${speeches.length + 1}`,
      headingId: (b.heading ? b.heading.parent : null) ?? b.sectionHeading?.id ?? b.scope?.id ?? null,
      speaker,
      text: blockText(ctx, b),
      points: topItems(ctx, b).map((i) => i.text),
      rule: b.rule,
      span,
    });
  }
  return { speeches, diagnostics };
}

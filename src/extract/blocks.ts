import { grammar, alternation } from '../grammars/index.js';
import type { Heading } from '../segment/headings.js';
import { matchLabel } from '../segment/labels.js';
import { isHeaderLabel } from '../segment/kinds.js';
import type { ExtractContext } from './context.js';
import { deepestHeadingOf } from './context.js';
import { isAttendanceHeader } from './attendance-table.js';
import { parseName, titleAlternation, squeezeHan } from './person.js';
import { beforeFirst } from '../util/text.js';
import { inlineRulingAt, rulingEnd, rulingLabelAt, verticalRulingAt } from './rulings.js';

export type BlockKind = 'speech' | 'ruling';

/** Where a record starts, and how it was recognised. */
export interface Block {
  kind: BlockKind;
  /** speech: the speaker as written; ruling: the label as written. */
  label: string;
  /** Line of the label (or heading); the record's own text starts at `textStart` on that line or below. */
  line: number;
  textStart: number;
  /** First line of the body after the label line (label line itself holds text from textStart). */
  /** Last line of the record (inclusive). */
  lastLine: number;
  /** The heading the record is written as, if any (consumed: it is not an agenda section). */
  heading: Heading | null;
  /** The section that contains the record. */
  scope: Heading | null;
  /** The section heading that is itself the record's label (決議事項 section, chair remarks, a heading naming a speaker). */
  sectionHeading: Heading | null;
  rule: string;
}

let introRe: RegExp | null = null;

/** A label that names a speaker: a person (org + surname + title, or a full name) or the chair, not a field or a section word. */
export function isSpeakerLabel(label: string, knownNames: ReadonlySet<string>): boolean {
  const r = grammar().records;
  const l = squeezeHan(label);
  if (grammar().people.chairWords.includes(l)) return true;
  if (r.nonSpeakerLabels.includes(l) || r.rulingLabels.some((x) => x.label === l) || isHeaderLabel(l)) return false;
  const p = parseName(l);
  if (p.title && p.surname) return true;
  return p.name !== null && knownNames.has(p.name);
}

/** A heading that names a speaker and introduces their points: 新任外聘委員-…彭總經理啟明 針對…之建議： */
function introducedSpeaker(rest: string): { label: string } | null {
  if (!/[:：]$/u.test(rest.trim())) return null;
  introRe ??= new RegExp(`^(.*?\\p{Script=Han}(?:${titleAlternation()})\\p{Script=Han}{1,2}?)\\s*(?=針對|就|對於|對|之|發言|建議|意見|表示|說明)`, 'u');
  const m = introRe.exec(rest);
  if (!m) return null;
  const label = m[1]!.replace(/^.*?[-－—–]\s*/u, (s) => s); // keep the whole org (新任外聘委員-…) as written
  const p = parseName(label.replace(/^.*[-－—–]/u, ''));
  return p.title && p.name ? { label } : null;
}

/**
 * Find where speeches and rulings start in the body, then where each ends: at the next record start,
 * at the next heading at or above the record's own level, or at an attendance table.
 */
export function findBlocks(ctx: ExtractContext, bodyStart: number, knownNames: ReadonlySet<string>): Block[] {
  const starts: Omit<Block, 'lastLine'>[] = [];
  const stops = new Set<number>();
  for (let i = bodyStart; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    if (isAttendanceHeader(line.text)) {
      stops.add(i);
      break;
    }
    const h = ctx.headingAt.get(i) ?? null;
    const text = h ? h.rest : line.text;
    const offset = line.text.length - text.length;
    const scope = h ? h : deepestHeadingOf(ctx, i);
    if (h && h.kind === 'resolutions' && h.parent === null) {
      starts.push({ kind: 'ruling', label: beforeFirst(h.title, '(（'), line: i, textStart: line.end, heading: null, scope: h, sectionHeading: h, rule: 'rulings.section' });
      continue;
    }
    const ruling = rulingLabelAt(text);
    if (ruling) {
      starts.push({ kind: 'ruling', label: ruling.label, line: i, textStart: line.start + offset + ruling.rest, heading: h, scope: h ? null : scope, sectionHeading: null, rule: h ? 'rulings.heading' : 'rulings.label' });
      continue;
    }
    const inline = h ? inlineRulingAt(text) : null;
    if (inline) {
      starts.push({ kind: 'ruling', label: inline.label, line: i, textStart: line.start + offset + inline.rest, heading: null, scope: h, sectionHeading: null, rule: 'rulings.inline' });
      continue;
    }
    const cell = h ? null : verticalRulingAt(ctx, i);
    if (cell) {
      starts.push({ kind: 'ruling', label: cell.label, line: i, textStart: line.end, heading: null, scope, sectionHeading: null, rule: 'rulings.cell.label' });
      continue;
    }
    if (h && h.kind === 'chair-remarks' && !h.omitted) {
      // The remarks follow the heading, or stand on its line (八、主席致詞：感謝各位…).
      const inline = matchLabel(h.rest);
      const onLine = inline && inline.rest ? line.start + offset + inline.restOffset : null;
      if (onLine !== null || h.lastLine > h.line) {
        starts.push({ kind: 'speech', label: '主席', line: i, textStart: onLine ?? line.end, heading: null, scope: h, sectionHeading: h, rule: 'speeches.chair-remarks' });
        continue;
      }
    }
    const label = matchLabel(text);
    if (label && isSpeakerLabel(label.label, knownNames)) {
      starts.push({ kind: 'speech', label: label.raw, line: i, textStart: line.start + offset + label.restOffset, heading: h, scope: h ? null : scope, sectionHeading: null, rule: h ? 'speeches.heading-label' : 'speeches.label' });
      continue;
    }
    if (h && !label && /^\p{Script=Han}{2,12}$/u.test(squeezeHan(text)) && isSpeakerLabel(text, knownNames) && parseName(text).name) {
      starts.push({ kind: 'speech', label: text.trim(), line: i, textStart: line.end, heading: h, scope: null, sectionHeading: null, rule: 'speeches.heading-name' });
      continue;
    }
    if (h) {
      // The heading's words may run on to the next line (…彭總經理啟明 / 針對…之建議：).
      const next = ctx.lines[i + 1];
      const joined = next && !ctx.headingAt.has(i + 1) && !/[:：]$/u.test(h.rest) && /[:：]$/u.test(next.text);
      const intro = introducedSpeaker(joined ? h.rest + next.text : h.rest);
      if (intro) {
        const at = joined ? i + 1 : i;
        starts.push({ kind: 'speech', label: intro.label, line: at, textStart: ctx.lines[at]!.end, heading: null, scope: h, sectionHeading: h, rule: 'speeches.section-intro' });
        if (joined) i++;
      }
    }
  }
  const startLines = new Set(starts.map((s) => s.line));
  const blocks: Block[] = [];
  const recordHeadings = new Set<string>();
  const sectionHeadings = new Set<string>();
  // Record ranges do not overlap and come in order: only the last record starting before a line can hold it.
  const insideRecord = (h: Heading): boolean => {
    if (recordHeadings.has(h.id)) return true;
    let lo = 0;
    let hi = blocks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.line < h.line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && h.line <= blocks[found]!.lastLine;
  };
  for (const start of starts) {
    let scope = start.scope;
    if (start.rule.endsWith('.label')) {
      // A label line is never part of an earlier record's numbered points: climb out of them.
      while (scope && insideRecord(scope) && !sectionHeadings.has(scope.id)) scope = scope.parent ? ctx.headingById.get(scope.parent) ?? null : null;
    }
    // Written out, not `{ ...start, scope }`: see util/objects.ts.
    const done: Block = { kind: start.kind, label: start.label, line: start.line, textStart: start.textStart, lastLine: start.line, heading: start.heading, scope, sectionHeading: start.sectionHeading, rule: start.rule };
    done.lastLine = done.kind === 'ruling' ? rulingEnd(ctx, done, startLines, stops) : blockEnd(ctx, done, startLines, stops);
    blocks.push(done);
    if (done.heading) recordHeadings.add(done.heading.id);
    if (done.sectionHeading) sectionHeadings.add(done.sectionHeading.id);
  }
  return blocks;
}

function blockEnd(ctx: ExtractContext, s: Omit<Block, 'lastLine'>, startLines: ReadonlySet<number>, stops: ReadonlySet<number>): number {
  const own = s.heading ?? s.sectionHeading ?? s.scope;
  const level = own ? own.level : 0;
  for (let j = s.line + 1; j < ctx.lines.length; j++) {
    if (startLines.has(j) || stops.has(j) || isAttendanceHeader(ctx.lines[j]!.text)) return j - 1;
    const h = ctx.headingAt.get(j);
    // A record inside a section (label record) ends with its section; a heading record with the next sibling.
    if (h && h.level <= level) return j - 1;
  }
  return ctx.lines.length - 1;
}

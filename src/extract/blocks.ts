import type { Block } from './drafts.js';
export type { Block, BlockKind } from './drafts.js';
import { grammar, alternation, derived } from '../grammars/index.js';
import type { Heading } from '../segment/headings.js';
import { matchLabel } from '../segment/labels.js';
import type { ExtractContext } from './context.js';
import { ancestry, deepestHeadingOf } from './context.js';
import { isAttendanceHeader } from './attendance-table.js';
import { parseName, titleAlternation, squeezeHan, type NameParts } from './person.js';
import { readSpeakerLabel, isFieldValue, isVoidSpeech, isElectionTitle, type SpeakerLabel } from './speeches.js';
import { beforeFirst, trimEndOf } from '../util/text.js';
import { inlineRulingAt, isAdjournLine, rulingEnd, rulingLabelAt, verticalRulingAt } from './rulings.js';
import { spacedPerson } from './header-value.js';

/** A speaker named by an office alone (理事長：), with no name or surname. */
function isOffice(sp: SpeakerLabel): boolean {
  return !sp.chair && sp.parts.name === null && sp.parts.surname === null;
}

/** Inside a section about an election (選舉新任理事長及幹部 > 2.1 理事長：…). */
function inElection(ctx: ExtractContext, h: Heading | null): boolean {
  for (const x of ancestry(ctx, h)) if (isElectionTitle(x.title)) return true;
  return false;
}

const readerRe = derived((g) => new RegExp(`^(?:${alternation(g.records.readerLabels)})$`, 'u'));
/** A reader's turn (朗讀人員：…): a text read aloud, not a speech; it ends the turn before it. */
function isReaderLabel(label: string): boolean {
  return readerRe().test(squeezeHan(label));
}

/** [org] title + given name, then what opens the points: an intro mark (針對, 就, 之) or a speech verb (發言, 建議). */
const introRe = derived(
  (g) => new RegExp(`^(.*?\\p{Script=Han}(?:${titleAlternation()})\\p{Script=Han}{1,2}?)\\s*(?=${alternation([...g.records.speakerIntroMarks, ...g.records.speechVerbs])})`, 'u'),
);

/**
 * A heading that names a speaker and introduces their points: 新任外聘委員-…彭總經理啟明 針對…之建議：
 * When the heading's words run on to the next line, the speaker is named on the heading's own line
 * (`within`: its length); a label line after a heading (乙、主席裁定事項 / 蘇議員有仁要求：) is its own record.
 */
function introducedSpeaker(rest: string, within = rest.length): { label: string } | null {
  if (!/[:：]$/u.test(rest.trim())) return null;
  const m = introRe().exec(rest);
  if (!m || m[1]!.length > within) return null;
  const label = m[1]!.replace(/^.*?[-－—–]\s*/u, (s) => s); // keep the whole org (新任外聘委員-…) as written
  const p = parseName(label.replace(/^.*[-－—–]/u, ''));
  return p.title && p.name ? { label } : null;
}

/**
 * Find where speeches and rulings start, then where each ends: at the next record start,
 * at the next heading at or above the record's own level, or at an attendance table. Rulings are
 * looked for in the body; speaker turns anywhere (a verbatim record's turns stand before any section),
 * except where the label's value is a field (主席：林議長某某).
 */
export function findBlocks(ctx: ExtractContext, bodyStart: number, knownNames: ReadonlySet<string>): Block[] {
  const starts: Omit<Block, 'lastLine'>[] = [];
  const stops = new Set<number>();
  for (let i = 0; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    const inBody = i >= bodyStart;
    if (inBody && isAttendanceHeader(line.text)) {
      stops.add(i);
      break;
    }
    const h = ctx.headingAt.get(i) ?? null;
    const text = h ? h.rest : line.text;
    const offset = line.text.length - text.length;
    const scope = h ? h : deepestHeadingOf(ctx, i);
    if (inBody && h && h.kind === 'resolutions' && h.parent === null) {
      // The ruling may stand on the heading's line after its label (伍、主席結論：請各單位…, 柒、結論：請國土管理署…).
      const inline = matchLabel(h.rest);
      const onLine = inline && inline.rest.trim() && rulingLabelAt(h.rest) ? line.start + offset + inline.restOffset : null;
      starts.push({ kind: 'ruling', label: beforeFirst(h.title, '(（'), line: i, textStart: onLine ?? line.end, heading: null, scope: h, sectionHeading: h, labelAt: 'section', rule: 'rulings.section' });
      continue;
    }
    const ruling = inBody ? rulingLabelAt(text) : null;
    if (ruling) {
      starts.push({ kind: 'ruling', label: ruling.label, line: i, textStart: line.start + offset + ruling.rest, heading: h, scope: h ? null : scope, sectionHeading: null, labelAt: h ? 'heading' : 'line', rule: h ? 'rulings.heading' : 'rulings.label' });
      continue;
    }
    const inlineRuling = inBody && h ? inlineRulingAt(text) : null;
    if (inlineRuling) {
      starts.push({ kind: 'ruling', label: inlineRuling.label, line: i, textStart: line.start + offset + inlineRuling.rest, heading: null, scope: h, sectionHeading: null, labelAt: 'inline', rule: 'rulings.inline' });
      continue;
    }
    const cell = inBody && !h ? verticalRulingAt(ctx, i) : null;
    if (cell) {
      starts.push({ kind: 'ruling', label: cell.label, line: i, textStart: line.end, heading: null, scope, sectionHeading: null, labelAt: 'cells', rule: 'rulings.cell.label' });
      continue;
    }
    const label = matchLabel(text);
    if (label && isReaderLabel(label.label)) {
      stops.add(i);
      continue;
    }
    if (h && h.kind === 'chair-remarks' && !h.omitted) {
      // The remarks follow the heading, or stand on its line (八、主席致詞：感謝各位…). A heading
      // that names someone else (院長致詞) is that person's speech.
      const inline = matchLabel(h.rest);
      const onLine = inline && inline.rest ? line.start + offset + inline.restOffset : null;
      const heading = squeezeHan(inline ? inline.label : trimEndOf(h.title, ':：'));
      const named = readSpeakerLabel(heading, knownNames);
      // Guests' remarks (來賓致詞) are not the chair's, and name no one.
      const guests = grammar().records.guestSpeakers.some((g) => heading.startsWith(g));
      if (!guests && (onLine !== null || h.lastLine > h.line)) {
        const other = named && !named.chair ? named : null;
        const chairWord = grammar().people.chairWords[0]!;
        starts.push({ kind: 'speech', label: other ? other.who : chairWord, parts: other ? other.parts : null, line: i, textStart: onLine ?? line.end, heading: null, scope: h, sectionHeading: h, labelAt: 'section', rule: 'speeches.chair-remarks' });
        continue;
      }
    }
    // Read as written where a space parts a unit from the person (…聯盟 吳玉琴秘書長), else as squeezed.
    const sp = label ? ((/\s/u.test(label.raw.trim()) ? readSpeakerLabel(label.raw, knownNames) : null) ?? readSpeakerLabel(label.label, knownNames)) : null;
    // A post or unit, a space, a person (主席：區長 王大明) is a field's value too; in the header, after any short words.
    if (label && sp && !isFieldValue(label.rest, knownNames) && !spacedPerson(label.rest, !inBody) && !(isOffice(sp) && inElection(ctx, scope))) {
      const who = sp.verb ? sp.who : label.raw;
      const textStart = line.start + offset + label.restOffset;
      if (h && h.parent === null) {
        // A top-level section headed by a speaker (壹、理事長報告：) stays a section; the speech is its content.
        starts.push({ kind: 'speech', label: who, parts: sp.parts, line: i, textStart, heading: null, scope: h, sectionHeading: h, labelAt: 'section', rule: 'speeches.section-label' });
      } else {
        starts.push({ kind: 'speech', label: who, parts: sp.parts, line: i, textStart, heading: h, scope: h ? null : scope, sectionHeading: null, labelAt: h ? 'heading' : 'line', rule: h ? 'speeches.heading-label' : 'speeches.label' });
      }
      continue;
    }
    if (h && !label) {
      // A heading that is a speaker with a verb (二、理事長報告) or a bare speaker's name.
      const named = /^\p{Script=Han}{2,16}$/u.test(squeezeHan(text)) ? readSpeakerLabel(text, knownNames) : null;
      if (named && !named.chair && (named.verb || named.parts.name) && h.lastLine > h.line) {
        const section = named.verb !== null && h.parent === null;
        starts.push({ kind: 'speech', label: named.verb ? named.who : text.trim(), parts: named.parts, line: i, textStart: line.end, heading: section ? null : h, scope: section ? h : null, sectionHeading: section ? h : null, labelAt: section ? 'section' : 'heading', rule: named.verb ? 'speeches.heading-verb' : 'speeches.heading-name' });
        continue;
      }
    }
    if (h) {
      // The heading's words may run on to the next line (…彭總經理啟明 / 針對…之建議：).
      const next = ctx.lines[i + 1];
      const joined = next && !ctx.headingAt.has(i + 1) && !/[:：]$/u.test(h.rest) && /[:：]$/u.test(next.text);
      const intro = joined ? introducedSpeaker(h.rest + next.text, h.rest.length) : introducedSpeaker(h.rest);
      if (intro) {
        const at = joined ? i + 1 : i;
        starts.push({ kind: 'speech', label: intro.label, line: at, textStart: ctx.lines[at]!.end, heading: null, scope: h, sectionHeading: h, labelAt: 'section', rule: 'speeches.section-intro' });
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
    if (start.labelAt === 'line' || start.labelAt === 'cells') {
      // A label on a plain line (not a heading) is never part of an earlier record's numbered points: climb out of them.
      while (scope && insideRecord(scope) && !sectionHeadings.has(scope.id)) scope = scope.parent ? ctx.headingById.get(scope.parent) ?? null : null;
    }
    // Written out, not `{ ...start, scope }`: see util/objects.ts.
    const done: Block = { kind: start.kind, label: start.label, parts: start.parts ?? null, line: start.line, textStart: start.textStart, lastLine: start.line, heading: start.heading, scope, sectionHeading: start.sectionHeading, labelAt: start.labelAt, rule: start.rule };
    done.lastLine = done.kind === 'ruling' ? rulingEnd(ctx, done, startLines, stops) : blockEnd(ctx, done, startLines, stops);
    // An earlier meeting's decision in a tracking list (決議：照案通過。 / 執行情形：已辦理。): quoted, not ruled here.
    if (done.kind === 'ruling' && done.rule !== 'rulings.section' && isTracked(ctx, done)) continue;
    // A section of rulings (乙、主席裁定事項) whose first line is another record (蘇議員有仁要求：, 主席裁定：) holds them; it is no ruling itself.
    if (done.rule === 'rulings.section' && !ctx.text.slice(done.textStart, ctx.lines[done.lastLine]!.end).trim()) continue;
    // A speech with nothing said (略, only a link) is no speech; its label still ends the record before it.
    if (done.kind === 'speech' && isVoidRecord(ctx, done)) continue;
    blocks.push(done);
    if (done.heading) recordHeadings.add(done.heading.id);
    if (done.sectionHeading) sectionHeadings.add(done.sectionHeading.id);
  }
  return blocks;
}

/** A line of the ruling (after its first) is a tracking field (執行情形：, 擬辦：): the ruling is reported on, so quoted. */
function isTracked(ctx: ExtractContext, b: Block): boolean {
  const labels = grammar().records.trackingLabels;
  for (let i = b.line + 1; i <= b.lastLine && i <= b.line + 8; i++) {
    const l = matchLabel(ctx.lines[i]!.text.trim());
    if (l && labels.includes(l.label)) return true;
  }
  return false;
}

/** Nothing said in the record: every line of it is void (略, a link, markup debris); stops at the first line that is not. */
function isVoidRecord(ctx: ExtractContext, b: Block): boolean {
  const first = ctx.lines[b.line]!;
  if (!isVoidSpeech(ctx.text.slice(Math.min(b.textStart, first.end), first.end))) return false;
  for (let i = b.line + 1; i <= b.lastLine; i++) if (!isVoidSpeech(ctx.lines[i]!.text)) return false;
  return true;
}

function blockEnd(ctx: ExtractContext, s: Omit<Block, 'lastLine'>, startLines: ReadonlySet<number>, stops: ReadonlySet<number>): number {
  const own = s.heading ?? s.sectionHeading ?? s.scope;
  const level = own ? own.level : 0;
  for (let j = s.line + 1; j < ctx.lines.length; j++) {
    if (startLines.has(j) || stops.has(j) || isAttendanceHeader(ctx.lines[j]!.text)) return j - 1;
    const h = ctx.headingAt.get(j);
    // The 散會 line standing alone (散會, 散會：12時41分) closes the meeting, and the turn before it.
    if (!h && isAdjournLine(ctx.lines[j]!.text)) return j - 1;
    // A record inside a section (label record) ends with its section; a heading record with the next sibling;
    // a record outside any section (a verbatim turn before the first one) with the next meeting section.
    if (h && (h.level <= level || (!own && h.parent === null && h.kind !== 'other'))) return j - 1;
  }
  return ctx.lines.length - 1;
}

import { grammar, alternation, charClass, derived, escapeRegExp } from '../grammars/index.js';
import type { Grammar } from '../grammars/index.js';
import type { RulingKind } from '../types.js';
import type { ExtractContext } from './context.js';
import { deepestHeadingOf, ancestry } from './context.js';
import type { Block } from './drafts.js';
import { matchMarker } from '../segment/markers.js';
import { isAttendanceHeader } from './attendance-table.js';
import type { RulingDraft } from './drafts.js';
import { numeralChars } from '../segment/numerals.js';

/**
 * Rulings: where a ruling label starts one (決議：, 主席裁示：, letter-spaced 決 議：, or inline after a case
 * title `…案。(地政局)決議:本案通過。`), where it ends, and its top-level numbered items.
 */

/** Ruling labels, longest first. */
const labelsByLength = derived((g) => g.records.rulingLabels.map((r) => r.label).sort((a, b) => b.length - a.length));

/**
 * The label patterns; a label may be letter-spaced (決 議, 結  論) as printed forms space them, at most
 * three spaces between two characters. Each is built twice over the same labels: `loose` lets any run
 * of spaces part the characters, `exact` at most three. A loose match whose gaps are all that narrow is
 * the exact match (the two try the labels in the same order; the loose one finds everything the exact
 * one does), so the exact pattern is run only after a loose match with a wider gap. Both are needed:
 * the loose pattern as a tree of shared beginnings is fast to build and to run, while V8 takes a
 * quarter of a second to build the exact one in that form, on the first parse of every process.
 */
const labelSources = derived(() => ({
  loose: alternation(labelsByLength(), '[ \\t\\u3000]*'),
  exact: labelsByLength().map((l) => [...l].map(escapeRegExp).join('[ \\t\\u3000]{0,3}')).join('|'),
}));
/**
 * A label at a line's start: behind a bullet (◎決議：) and a lead (經討論後決議：), in brackets ([決議] or
 * 【決議】照案通過。, the colon optional) or plain with a colon or nothing after it (決議：, 決議如下：).
 */
const lineLabel = (g: Grammar, src: string) => {
  const r = g.records;
  const ws = '[ \\t\\u3000]*';
  const bullet = `(?:[${charClass(r.labelBullets)}]${ws})?`;
  const lead = `(?:(?:${alternation(r.rulingLeads)})[，,]?${ws})?`;
  // One label alternation (it is long): the bracket, if any, is matched around it and checked in code.
  return new RegExp(
    `^${ws}${bullet}${lead}([${charClass(r.rulingLabelOpeners)}]${ws})?(${src})${ws}(?:([${charClass(r.rulingLabelClosers)}])${ws}[:：]?${ws}|(?:(?:${alternation(r.rulingListAnnouncers)})${ws})?(?:[:：]${ws}|$))`,
    'u',
  );
};
const inlineLabel = (src: string) => new RegExp(`[)）。][ \\t\\u3000]*(${src})[ \\t\\u3000]*[:：][ \\t\\u3000]*(?=\\S)`, 'u');
const looseLineRe = derived((g) => lineLabel(g, labelSources().loose));
const exactLineRe = derived((g) => lineLabel(g, labelSources().exact));
const looseInlineRe = derived(() => inlineLabel(labelSources().loose));
const exactInlineRe = derived(() => inlineLabel(labelSources().exact));
/** More than three spaces between two of a label's characters. */
const WIDE_GAP = /[ \t\u3000]{4}/u;
const kindByLabel = derived((g) => new Map<string, RulingKind>(g.records.rulingLabels.map((r) => [r.label, r.kind])));
/** The characters a ruling label starts with: most lines start with none, and skip the long alternation. */
const labelFirsts = derived(() => new Set(labelsByLength().map((l) => l[0]!)));
/** What a line holding a label at its start may start with: a label's first character, a bullet, a bracket or a lead's. */
const lineFirsts = derived((g) => new Set([...labelFirsts(), ...g.records.labelBullets.map((b) => b[0]!), ...g.records.rulingLabelOpeners.map((o) => o[0]!), ...g.records.rulingLeads.map((l) => l[0]!)]));
const LEADING_SPACE = /^[ \t\u3000]*/u;

const squeeze = (s: string) => s.replace(/[ \t\u3000]+/gu, '');

/** A line (or heading text) that starts with a ruling label followed by a colon or nothing. */
export function rulingLabelAt(text: string): { label: string; rest: number } | null {
  if (!lineFirsts().has(text[LEADING_SPACE.exec(text)![0].length] ?? '')) return null;
  const direct = framedLabel(text);
  if (direct) return { label: direct.label, rest: direct.rest };
  // 市長裁(指)示：: read without the bracketed verb, kept as written.
  for (const ins of grammar().records.rulingLabelInserts) {
    const at = text.indexOf(ins);
    if (at < 1 || at > 16) continue;
    const m = framedLabel(text.slice(0, at) + text.slice(at + ins.length));
    if (!m || m.rest <= at) continue;
    const labelAt = m.rest - (m.afterLabel + m.label.length);
    const label = labelAt < at && at <= labelAt + m.label.length ? m.label.slice(0, at - labelAt) + ins + m.label.slice(at - labelAt) : m.label;
    return { label, rest: m.rest + ins.length };
  }
  return null;
}

/** The label at a line's start and where its text starts (afterLabel: the characters between the label and the text). */
function framedLabel(text: string): { label: string; rest: number; afterLabel: number } | null {
  let m = looseLineRe().exec(text);
  if (m && WIDE_GAP.test(m[2]!)) m = exactLineRe().exec(text);
  if (!m) return null;
  const opened = m[1] !== undefined;
  const closed = m[3] !== undefined;
  // A bracket opened is closed by its pair ([決議], 【決議】), and one never opened is not closed.
  if (opened !== closed) return null;
  if (opened && grammar().records.rulingLabelOpeners.indexOf(m[1]!.trim()) !== grammar().records.rulingLabelClosers.indexOf(m[3]!)) return null;
  const labelEnd = m.index + m[0].indexOf(m[2]!, m[1]?.length ?? 0) + m[2]!.length;
  return { label: m[2]!, rest: m[0].length, afterLabel: m[0].length - labelEnd };
}

/**
 * A ruling written on a case title's line after the proposing unit or the title's full stop:
 * `二、修正…案。(地政局)決議:本案通過。` A label inside running prose (…決議：「一、…」 quoted) does not
 * follow a closing bracket or full stop directly, so it is not taken.
 */
export function inlineRulingAt(text: string): { label: string; rest: number } | null {
  let m = looseInlineRe().exec(text);
  if (m && WIDE_GAP.test(m[1]!)) m = exactInlineRe().exec(text);
  return m ? { label: m[1]!, rest: m.index + m[0].length } : null;
}

const isOneHan = (t: string) => /^\p{Script=Han}$/u.test(t);

/**
 * A form's cell label drawn one character per line (`決` / `議`, as a 議案 sheet prints it), ending at line
 * `i` and followed by its value on the next line.
 */
export function verticalRulingAt(ctx: ExtractContext, i: number): { label: string } | null {
  const here = ctx.lines[i]!.text.trim();
  const next = ctx.lines[i + 1]?.text.trim();
  if (!isOneHan(here) || !next || isOneHan(next)) return null;
  for (const label of labelsByLength()) {
    const k = label.length;
    if (k < 2 || i - k + 1 < 0 || label[k - 1] !== here) continue;
    let ok = true;
    for (let j = 0; j < k && ok; j++) ok = ctx.lines[i - k + 1 + j]!.text.trim() === label[j];
    if (ok) return { label };
  }
  return null;
}

export function rulingKindOf(label: string): RulingKind | null {
  let l = squeeze(label);
  for (const ins of grammar().records.rulingLabelInserts) l = l.split(ins).join('');
  return kindByLabel().get(l) ?? null;
}

/** The 散會 line or the next case's fields (案由：), followed by nothing, a colon, a bracket or a number. */
const stopRe = derived(
  (g) =>
    new RegExp(
      `^[(（]?(?:(?:${alternation([...g.fields.fields.adjourn, ...g.records.rulingStops])})(?:$|[:：(（)）0-9${numeralChars()}])|(?:${alternation(g.numerals.ordinalPrefixes)})[0-9${numeralChars()}]{1,4}(?:${alternation(g.records.caseWords)})(?:$|[:：(（)）]))`,
      'u',
    ),
);
/** An annex mark standing alone: (附件1), 附表二. */
const annexRe = derived((g) => new RegExp(`^[(（]?(?:${alternation(g.records.rulingAnnexMarks)})[0-9${numeralChars()}]{0,3}[)）]?$`, 'u'));

/**
 * A line that cannot be part of a ruling: the 散會 line, the next case's fields (案由：), an annex mark
 * standing alone (`(附件1)`; a wrapped `附件1。` inside a sentence is text).
 */
function isStopLine(text: string): boolean {
  const t = squeeze(text);
  return stopRe().test(t) || annexRe().test(t);
}

const furnitureCache = new WeakMap<ExtractContext, Set<number>>();

/**
 * Page furniture the text still holds: a line standing at a page's edge (its first or last line) whose
 * text stands at the edge of another page too (a letterhead or footer repeated on every page).
 */
function edgeFurniture(ctx: ExtractContext): Set<number> {
  let out = furnitureCache.get(ctx);
  if (out) return out;
  out = new Set<number>();
  const edges: number[] = [];
  let prev: number | null = null;
  let lastFilled = -1;
  for (const line of ctx.lines) {
    if (line.page === null || !line.text.trim()) continue;
    if (line.page !== prev) {
      if (lastFilled >= 0) edges.push(lastFilled);
      edges.push(line.index);
      prev = line.page;
    }
    lastFilled = line.index;
  }
  if (lastFilled >= 0) edges.push(lastFilled);
  const pagesOf = new Map<string, Set<number | null>>();
  for (const i of edges) {
    const t = ctx.lines[i]!.text.trim();
    let pages = pagesOf.get(t);
    if (!pages) pagesOf.set(t, (pages = new Set()));
    pages.add(ctx.lines[i]!.page);
  }
  for (const i of edges) if (pagesOf.get(ctx.lines[i]!.text.trim())!.size >= 2) out.add(i);
  furnitureCache.set(ctx, out);
  return out;
}

const adjournRe = derived((g) => new RegExp(`^(?:${alternation(g.fields.fields.adjourn)})(?:$|[:：(（)）0-9。])`, 'u'));
export function isAdjournLine(text: string): boolean {
  return adjournRe().test(squeeze(text));
}

interface ItemStart {
  /** Offset of the marker. */
  at: number;
  /** Offset of the item's text after the marker. */
  textAt: number;
}

interface Scan {
  lastLine: number;
  items: ItemStart[];
}

const familyLevel = (id: string): number => grammar().headings.families.find((f) => f.id === id)?.level ?? 99;

/** Characters a list marker can start with: an opening bracket or a numeral of any heading family. */
const markerChars = derived((g) => new Set([...g.headings.families.flatMap((f) => f.open), ...Object.values(g.headings.numeralSets).join('')]));
/** A space or a sentence mark followed by a marker's first character: where an item may start inside a line. */
const inlineMarkerRe = derived(() => new RegExp(`[\\s。；;，,](?=[${charClass([...markerChars()].filter((c) => c.length === 1))}])`, 'gu'));

/**
 * The numbered entries run together on one line (`1. 陳林文。 2. 呂聖元。`): the next number of the
 * list after a space or a sentence end starts the next item.
 */
function inlineItems(text: string, offset: number, family: string, ordinal: number, items: ItemStart[]): number {
  let n = ordinal;
  const re = inlineMarkerRe();
  re.lastIndex = 0;
  for (let found = re.exec(text); found !== null; found = re.exec(text)) {
    const i = found.index + 1;
    const m = matchMarker(text.slice(i, i + 12));
    if (m && m.family.id === family && m.ordinal === n + 1) {
      items.push({ at: offset + i, textAt: offset + i + m.length });
      n++;
    }
  }
  return n;
}

/**
 * Walk a ruling from its label: the lead text, then its own numbered list (starting at 1 on the label's
 * line or below it, or continuing one begun on the label's line), with deeper lists nested in the items.
 * It ends before the next record, a heading that is not one of its items or nested in one, the 散會
 * line, the next case's fields, or an attendance table.
 */
function scanRuling(ctx: ExtractContext, b: Omit<Block, 'lastLine'>, isStart: (line: number) => boolean, limit: number): Scan {
  const own = b.heading ?? b.sectionHeading ?? b.scope;
  const ownFamily = own?.family ?? null;
  const above = new Set<string>();
  for (const h of ancestry(ctx, own)) if (h !== own) above.add(h.family);
  const items: ItemStart[] = [];
  let family: string | null = null;
  let ordinal = 0;
  let itemLevel: number | null = null;

  const first = ctx.lines[b.line]!;
  const headAt = Math.min(Math.max(b.textStart, first.start), first.end);
  const head = ctx.text.slice(headAt, first.end);
  const pad = head.length - head.trimStart().length;
  const m0 = head.trim() ? matchMarker(head.trimStart()) : null;
  if (m0 && m0.ordinal === 1) {
    family = m0.family.id;
    ordinal = 1;
    items.push({ at: headAt + pad, textAt: headAt + pad + m0.length });
    ordinal = inlineItems(head, headAt, family, ordinal, items);
  }

  // The ruling's own words before any list: a finished sentence that announces no list (洽悉。) is the whole
  // ruling, and a list starting after it is the next part; `本案除以下各點外…通過。` or `…下列15人：` opens one.
  let lead = family === null ? head.trim() : '';
  let last = b.line;
  for (let j = b.line + 1; j <= limit; j++) {
    const line = ctx.lines[j]!;
    // A letterhead or footer between two pages of the ruling.
    if (line.page !== first.page && edgeFurniture(ctx).has(j)) continue;
    if (isStart(j) || isAttendanceHeader(line.text) || isStopLine(line.text)) break;
    const h = ctx.headingAt.get(j);
    const indent = line.text.length - line.text.trimStart().length;
    const m = h ? null : matchMarker(line.text.trimStart());
    const mFamily = h ? h.family : m?.family.id;
    const mOrdinal = h ? h.ordinal : m?.ordinal;
    if (mFamily !== undefined && mOrdinal !== undefined) {
      const markerAt = line.start + indent;
      const textAt = h ? h.restStart : markerAt + m!.length;
      if (family !== null && mFamily === family && mOrdinal === ordinal + 1) {
        items.push({ at: markerAt, textAt });
        ordinal = inlineItems(ctx.text.slice(markerAt, line.end), markerAt, family, mOrdinal, items);
        if (h && itemLevel === null) itemLevel = h.level;
        last = j;
        continue;
      }
      if (family === null && mOrdinal === 1 && !above.has(mFamily) && (!h || !own || h.level >= own.level) && opensList(lead)) {
        family = mFamily;
        itemLevel = h ? h.level : null;
        items.push({ at: markerAt, textAt });
        ordinal = inlineItems(ctx.text.slice(markerAt, line.end), markerAt, family, 1, items);
        last = j;
        continue;
      }
      if (above.has(mFamily) || (mFamily === ownFamily && family !== ownFamily)) break; // a sibling or a parent section
      if (family === null) {
        if (h || mOrdinal === 1) break; // a heading that does not open the ruling's list belongs to the next part
      } else if (h && itemLevel !== null) {
        if (h.level <= itemLevel) break;
      } else if (familyLevel(mFamily) <= familyLevel(family)) {
        if (h || mFamily === family) break;
      }
    }
    if (family === null) lead += line.text.trim();
    last = j;
  }
  return { lastLine: last, items };
}

const announcerRe = derived((g) => new RegExp(alternation(g.records.rulingListAnnouncers), 'u'));
/** No words yet, words that run on (no sentence end), or words that announce a list (以下, 如下, 下列 …). */
function opensList(lead: string): boolean {
  if (!lead) return true;
  const ends = grammar().layout.sentenceEnds.filter((e) => e !== '：' && e !== ':');
  if (!ends.some((e) => lead.endsWith(e))) return true;
  return announcerRe().test(lead);
}

/** The ruling's last line (used by the block finder, so that headings after it stay agenda sections). */
export function rulingEnd(ctx: ExtractContext, b: Omit<Block, 'lastLine'>, startLines: ReadonlySet<number>, stops: ReadonlySet<number>): number {
  return scanRuling(ctx, b, (j) => startLines.has(j) || stops.has(j), ctx.lines.length - 1).lastLine;
}

/**
 * Regions that quote an earlier meeting's record in full: an item that reads out the last record
 * (宣讀上次會議議事錄) followed by that record's own title and header. Its rulings are that meeting's.
 */
const quotedCache = new WeakMap<ExtractContext, [number, number][]>();
/** A record's title counts its sitting: 第 + a numeral + a session word (第 3 次, 第5會期). */
const sittingCountRe = derived(
  (g) => new RegExp(`(?:${alternation(g.numerals.ordinalPrefixes)})[0-9０-９${numeralChars()}]+(?:${alternation(g.fields.countUnits.session)})`, 'u'),
);

export function quotedRecords(ctx: ExtractContext): [number, number][] {
  const cached = quotedCache.get(ctx);
  if (cached) return cached;
  const g = grammar();
  const out: [number, number][] = [];
  quotedCache.set(ctx, out);
  const readers = g.records.recordReadingWords;
  const titles = g.fields.titleMarkers;
  const timeLabels = g.fields.fields.time;
  const lastChars = new Set(titles.map((m) => m[m.length - 1]!));
  for (let i = 1; i + 1 < ctx.lines.length; i++) {
    const raw = ctx.lines[i]!.text.trimEnd();
    if (raw.length < 6 || !lastChars.has(raw[raw.length - 1]!)) continue;
    const t = squeeze(raw);
    if (!titles.some((m) => t.endsWith(m)) || !sittingCountRe().test(t)) continue;
    const next = squeeze(ctx.lines[i + 1]!.text);
    if (!timeLabels.some((l) => next.startsWith(l))) continue;
    const reading = deepestHeadingOf(ctx, i);
    const prev = squeeze(ctx.lines[i - 1]!.text);
    const cue = (s: string) => readers.some((r) => s.includes(r)) && titles.some((m) => s.includes(m));
    if (!(cue(prev) || (reading && cue(reading.rest)))) continue;
    // The quoted record ends with its own 散會; without one, with the reading item's section.
    let end = -1;
    for (let j = i + 2; j < ctx.lines.length && end < 0; j++) if (isAdjournLine(ctx.lines[j]!.text)) end = j;
    if (end < 0) end = reading && reading.line < i ? reading.lastLine : ctx.lines.length - 1;
    out.push([i, end]);
    i = end;
  }
  return out;
}

/** Rulings from ruling blocks: label as written, kind from the label table, top-level items. */
export function buildRulings(ctx: ExtractContext, blocks: readonly Block[]): RulingDraft[] {
  const out: RulingDraft[] = [];
  const quoted = blocks.some((b) => b.kind === 'ruling') ? quotedRecords(ctx) : [];
  let furnitureTexts: Set<string> | null = null;
  const noFurniture = new Set<string>();
  for (const b of blocks) {
    if (b.kind !== 'ruling') continue;
    if (quoted.some(([s, e]) => b.line >= s && b.line <= e) || isQuotation(ctx, b)) continue;
    const line = ctx.lines[b.line]!;
    // A label drawn one character per line starts where its first character stands.
    const labelStart = b.labelAt === 'cells' ? ctx.lines[b.line - b.label.length + 1]! : line;
    const kind = rulingKindOf(b.label) ?? (b.sectionHeading ? 'resolution' : 'chair-ruling');
    const scan = scanRuling(ctx, b, () => false, b.lastLine);
    const last = scan.lastLine;
    const end = ctx.lines[last]!.end;
    let furniture: ReadonlySet<string> = noFurniture;
    if (ctx.lines[last]!.page !== line.page) furniture = furnitureTexts ??= new Set([...edgeFurniture(ctx)].map((i) => ctx.lines[i]!.text.trim()));
    const items = scan.items.map((it, k) => itemText(ctx, it.textAt, k + 1 < scan.items.length ? scan.items[k + 1]!.at : end, furniture));
    out.push({
      id: `r${out.length + 1}`,
      headingId: (b.heading ? b.heading.parent : null) ?? b.sectionHeading?.id ?? b.scope?.id ?? null,
      kind,
      label: b.label,
      text: rulingText(ctx, b, last),
      items,
      rule: b.rule,
      span: { start: labelStart.start, end, line: labelStart.index + 1, page: labelStart.page },
    });
  }
  return out;
}

/**
 * A label that wrapped onto its own line inside a sentence and quotes another decision (`…依該次會議` /
 * `決議：「一、…」`): the line before does not end a sentence and the value opens a quotation.
 */
function isQuotation(ctx: ExtractContext, b: Block): boolean {
  if (b.labelAt !== 'line') return false;
  const line = ctx.lines[b.line]!;
  if (!/^[「『]/u.test(ctx.text.slice(Math.max(b.textStart, line.start), line.end).trimStart())) return false;
  let k = b.line - 1;
  while (k >= 0 && !ctx.lines[k]!.text.trim()) k--;
  if (k < 0 || ctx.headingAt.has(b.line)) return false;
  const prev = ctx.lines[k]!.text.trim();
  return !grammar().layout.sentenceEnds.some((e) => prev.endsWith(e));
}

/** An item's text: its lines joined by newlines, each line trimmed, page furniture left out. */
function itemText(ctx: ExtractContext, from: number, to: number, furniture: ReadonlySet<string>): string {
  return ctx.text
    .slice(from, to)
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !furniture.has(s))
    .join('\n');
}

/** The ruling's text: from after its label to its last line, lines joined by newlines. */
function rulingText(ctx: ExtractContext, b: Block, last: number): string {
  const first = ctx.lines[b.line]!;
  const parts: string[] = [];
  const head = ctx.text.slice(Math.min(Math.max(b.textStart, first.start), first.end), first.end).trim();
  if (head) parts.push(head);
  for (let i = b.line + 1; i <= last; i++) {
    if (ctx.lines[i]!.page !== first.page && edgeFurniture(ctx).has(i)) continue;
    const t = ctx.lines[i]!.text.trim();
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

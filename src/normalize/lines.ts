import { derived, grammar } from '../grammars/index.js';
import { startsStructure } from '../segment/labels.js';
import { endsWithOmission, isBareLabel, isContentsHeading } from '../segment/kinds.js';
import type { Diagnostic } from '../types.js';
import { MappedBuilder, type MappedText } from './mapped.js';
import { maxOf } from '../util/math.js';
import { Affixes } from '../util/text.js';
import { fieldLineCuts, flattenedLineEdits, spacedDigitDrops } from './resplit.js';
import { findFields, isListField, valueFits } from '../extract/fields.js';

interface RawLine {
  start: number;
  end: number; // trimmed content range in the input
  newline: number; // offset of the line break after it (or input length)
  page: number; // 0-based page index
  text: string;
  /** Width on the page including indentation: a wrapped indented line is full at its indent plus text. */
  width: number;
}

/** Display width: ideographs and full-width forms take two columns, as on the page. */
export function displayWidth(s: string): number {
  // Per code point, as `for…of` would count, without its iterator: a surrogate pair is one
  // character (astral ideographs), a lone surrogate another.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80) {
      w += 1;
      continue;
    }
    w += 2;
    if (c <= 0xdbff && c >= 0xd800 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return w;
}

const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Split into lines, trimming spaces (not tabs: a leading tab is an empty table cell); `\f` starts a page. */
export function splitLines(input: string, pageStarts: readonly number[]): RawLine[] {
  const lines: RawLine[] = [];
  let page = 0;
  let pos = 0;
  const starts = [...pageStarts];
  const n = input.length;
  while (pos <= n) {
    // Find the line's end and measure it in one pass (displayWidth's rule, inlined).
    let nl = pos;
    let width = 0;
    for (; nl < n; nl++) {
      const c = input.charCodeAt(nl);
      if (c < 0x2e80) {
        if (c === LF || c === FF) break;
        width += 1;
      } else {
        width += 2;
        if (c <= 0xdbff && c >= 0xd800 && nl + 1 < n) {
          const d = input.charCodeAt(nl + 1);
          if (d >= 0xdc00 && d <= 0xdfff) nl++;
        }
      }
    }
    while (starts.length > page + 1 && starts[page + 1]! <= pos) page++;
    let s = pos;
    let e = nl;
    for (let c = input.charCodeAt(s); s < e && (c === SPACE || c === CR); c = input.charCodeAt(++s));
    for (let c = input.charCodeAt(e - 1); e > s && (c === SPACE || c === CR || c === TAB); c = input.charCodeAt(--e - 1));
    // Trimmed trailing characters were one column each; leading ones stay counted (indentation).
    lines.push({ start: s, end: e, newline: nl, page, text: input.slice(s, e), width: width - (nl - e) });
    if (nl < n && input.charCodeAt(nl) === FF) {
      page++;
      if (starts.length <= page) starts.push(nl + 1);
    }
    pos = nl + 1;
  }
  return lines;
}

/**
 * Lines that are page furniture, not content: page numbers (`- 3 -`, `第 3 頁`), and, when pages are known,
 * a line repeated as the first or last line of many pages (running header or footer).
 */
export function findPageArtefacts(lines: readonly RawLine[]): Set<number> {
  const g = grammar().layout;
  const drop = new Set<number>();
  const pageCount = lines.length ? lines[lines.length - 1]!.page + 1 : 0;
  const edges = new Map<number, [number, number]>(); // page → indexes of its first and last non-blank lines
  lines.forEach((l, i) => {
    if (!l.text) return;
    if (g.pageNumberPatterns.some((re) => re.test(l.text))) drop.add(i);
    const e = edges.get(l.page);
    if (!e) edges.set(l.page, [i, i]);
    else e[1] = i;
  });
  if (pageCount < 2) return drop;
  const byText = new Map<string, number[]>();
  for (const [first, last] of edges.values()) {
    // first and last non-blank line of one page
    for (const i of first === last ? [first] : [first, last]) {
      const t = lines[i]!.text;
      if (g.pageEdgeOnlyPatterns.some((re) => re.test(t))) drop.add(i);
      const key = t.replace(/\d+/g, '#'); // 第 3 頁 and 第 4 頁 are the same footer
      byText.set(key, [...(byText.get(key) ?? []), i]);
    }
  }
  const needed = Math.max(g.repeatedEdgeLineMinPages, Math.ceil(pageCount * g.repeatedEdgeLineShare));
  for (const idx of byText.values()) if (new Set(idx.map((i) => lines[i]!.page)).size >= needed) idx.forEach((i) => drop.add(i));
  return drop;
}

/**
 * The width a hard-wrapped document wraps at: the most common width band among long lines, taken at its
 * upper edge. Documents with unwrapped paragraphs have no dominant band; their long lines still count as full.
 */
export function estimateWrapWidth(lines: readonly { text: string; width?: number }[]): number {
  const g = grammar().layout;
  const widths = lines.filter((l) => l.text && !l.text.includes('\t')).map((l) => l.width ?? displayWidth(l.text)).filter((w) => w >= g.minWrapWidth);
  if (widths.length === 0) return Infinity;
  const bands = new Map<number, number>();
  for (const w of widths) bands.set(w >> 2, (bands.get(w >> 2) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [band, n] of bands) {
    if (n > bestCount || (n === bestCount && band > best)) {
      best = band;
      bestCount = n;
    }
  }
  const near = widths.filter((w) => Math.abs((w >> 2) - best) <= 2);
  return maxOf(near);
}

const HAN = /\p{Script=Han}/u;
const LATIN_END = /[A-Za-z0-9,.)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;
/** A space between two ideographs: table cells flattened into one line (主任秘書室 徐主任秘書 儷文). */
const CELL_GAP = /\p{Script=Han} +\p{Script=Han}/u;

const ROLE_DASH = /^\p{Script=Han}{1,6}[－—–]/u;
const LEADERS = '.．…‥·・';

/** A contents entry's end: dot leaders (or a gap of two spaces) and a page number (read from the end: no backtracking). */
function endsInPageNumber(line: string): boolean {
  let i = line.length;
  while (i > 0 && line.length - i < 4 && line[i - 1]! >= '0' && line[i - 1]! <= '9') i--;
  if (i === line.length || i === 0 || (line[i - 1]! >= '0' && line[i - 1]! <= '9')) return false;
  let spaces = 0;
  while (i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\u3000')) (i--, spaces++);
  let leaders = 0;
  while (i > 0 && LEADERS.includes(line[i - 1]!)) (i--, leaders++);
  return leaders >= 2 || spaces >= 2;
}

const sentenceEnds = derived((g) => new Affixes(g.layout.sentenceEnds));

/** Should line b continue line a (a was wrapped by the page layout)? */
export function continuesLine(a: string, b: string, wrapWidth: number, aWidth = displayWidth(a)): boolean {
  const g = grammar().layout;
  if (!a || !b || a.includes('\t') || b.includes('\t')) return false;
  if (sentenceEnds().endsAny(a)) return false;
  // An omission note ((報告說明略)) ends its line as a sentence mark would.
  if (endsWithOmission(a)) return false;
  if (aWidth < wrapWidth * g.wrapWidthShare) return false;
  if (CELL_GAP.test(a) && !/[，。、；]/.test(a)) return false;
  // Entries of a roster written role－names (理事－江瑛貴、… then 秘書長－高仲明): each line is its own entry.
  if (ROLE_DASH.test(a) && ROLE_DASH.test(b)) return false;
  // A contents entry ends in its page (……… 12): the next line is the next entry, or a record's title.
  if (endsInPageNumber(a)) return false;
  // A label alone on its line (主席, then the name below it) starts a field, whatever precedes it; so does
  // a contents heading (目　錄) under a compilation's title.
  return !startsStructure(b) && !isBareLabel(b) && !isContentsHeading(b) && !fieldValueEnds(a, b);
}

/**
 * A header field's line goes on into the next only with what continues its value: a chair's value is a
 * name, so a line that would turn it into a sentence (主席：李委員自正(代表召集人…主持) / 本次會議出席委員
 * 共 9 人，已達法定人數。) starts a line of its own, however wide the field's line is.
 */
function fieldValueEnds(a: string, b: string): boolean {
  if (!a.includes('：') && !a.includes(':')) return false;
  const hits = findFields(a);
  const last = hits[hits.length - 1];
  if (!last || last.value === '') return false;
  // A list's line that ends without a separator ends an entry (出席委員：應出席15人，實到12人 / 王大明、…).
  if (isListField(last.field) && !/[、，,；;]$/u.test(a.trimEnd())) return true;
  return valueFits(last.field, last.value) && !valueFits(last.field, last.value + joint(a, b) + b);
}

/** The joint between two rejoined lines: none between ideographs, one space between Latin words. */
export function joint(a: string, b: string): string {
  return LATIN_END.test(a) && LATIN_START.test(b) && !HAN.test(a.slice(-1)) ? ' ' : '';
}

/**
 * Copy one line, undoing what OCR and flattening did to it: spaced-out digits are closed up, and a
 * flattened line is broken before its headings and labels (see resplit.ts). Every kept character
 * still maps to its place in the input.
 */
function emitLine(b: MappedBuilder, input: string, l: RawLine, linePages: number[]): void {
  const digits = spacedDigitDrops(l.text);
  const flat = flattenedLineEdits(l.text);
  const fields = flat ? [] : fieldLineCuts(l.text);
  if (digits.length === 0 && !flat && fields.length === 0) {
    b.copy(input, l.start, l.end);
    return;
  }
  const edits: [number, number, boolean][] = digits.map(([s, e]) => [s, e, false]);
  for (const [s, e] of fields) edits.push([s, e, true]);
  if (flat) {
    for (const [s, e] of flat.drops) edits.push([s, e, false]);
    for (const [s, e] of flat.cuts) if (s > 0) edits.push([s, e, true]);
  }
  edits.sort((x, y) => x[0] - y[0]);
  let at = 0;
  for (const [s, e, cut] of edits) {
    if (s < at) continue; // overlapping edits: the first wins
    b.copy(input, l.start + at, l.start + s);
    if (cut) {
      b.replace('\n', l.start + s, l.start + e);
      linePages.push(l.page);
    }
    at = e;
  }
  b.copy(input, l.start + at, l.end);
}

/** A line of a redrawn heading is at most this long (code units). */
const REDRAWN_MAX = 16;
/** Most lines in one such run (a bound, so that a long chain of overlapping short lines stays linear). */
const REDRAWN_MAX_RUN = 48;
/** Fewest exact repeats that show a heading drawn several times (pdftotext of fake-bold text). */
const REDRAWN_MIN_REPEATS = 2;

/**
 * Headings drawn several times over themselves to look bold reach text extraction as a staircase of
 * short lines (※ / ※ / ※ / ※第 / 第 / 第 / 第 1 / 1 屆第 / 屆第 …): each line repeats the end of the text
 * so far, or overlaps it and adds a little. Returns, for every line after the first of such a run, the
 * offset from which its text is new (its length when it adds nothing).
 */
export function overdrawnLines(lines: readonly { text: string }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    let merged = lines[i]!.text;
    if (merged.length > REDRAWN_MAX) continue;
    // Most short lines start no run: decide on the next line before allocating anything.
    const next = lines[i + 1]?.text;
    if (next === undefined || next.length > REDRAWN_MAX || (!merged.endsWith(next) && overlap(merged, next) === 0)) continue;
    const run = new Map<number, number>();
    let repeats = 0;
    let j = i + 1;
    for (; j < lines.length && j - i <= REDRAWN_MAX_RUN; j++) {
      const t = lines[j]!.text;
      if (t.length > REDRAWN_MAX) break;
      if (merged.endsWith(t)) {
        repeats++;
        run.set(j, t.length);
        continue;
      }
      const k = overlap(merged, t);
      if (k === 0) break;
      run.set(j, k);
      merged += t.slice(k);
    }
    if (repeats < REDRAWN_MIN_REPEATS) continue;
    for (const [at, from] of run) out.set(at, from);
    i = j - 1;
  }
  return out;
}

const WORD_CHAR = /[A-Za-z0-9]/;
/** Longest proper prefix of b that a ends with (not cutting a number or a Latin word). */
function overlap(a: string, b: string): number {
  for (let k = Math.min(a.length, b.length - 1); k > 0; k--) {
    if (a.charCodeAt(a.length - k) !== b.charCodeAt(0)) continue;
    if (WORD_CHAR.test(b[k - 1]!) && WORD_CHAR.test(b[k]!)) continue; // inside a number or a Latin word
    if (a.endsWith(b.slice(0, k))) return k;
  }
  return 0;
}

/**
 * Rebuild logical lines: trim, drop page artefacts and blank lines, rejoin lines wrapped by the layout.
 * Returns the text with its offset map and the page (0-based) each output line starts on.
 */
export function normalizeLines(input: string, pageStarts: readonly number[]): { mapped: MappedText; linePages: number[]; diagnostics: Diagnostic[]; dropped: number } {
  const lines = splitLines(input, pageStarts);
  const drop = findPageArtefacts(lines);
  const kept = lines.filter((l, i) => l.text && !drop.has(i));
  const wrap = estimateWrapWidth(kept);
  const b = new MappedBuilder();
  const linePages: number[] = [];
  const redrawn = overdrawnLines(kept);
  let prev: RawLine | null = null;
  let afterRun = false;
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i]!;
    const from = redrawn.get(i);
    if (from !== undefined) {
      // A line drawn again (fake bold): only what it adds to the line before is kept.
      if (from < l.text.length) b.copy(input, l.start + from, l.end);
      prev = l;
      afterRun = true;
      continue;
    }
    if (prev && !afterRun && continuesLine(prev.text, l.text, wrap, prev.width)) {
      // The decision looks at the last physical line, as the page showed it.
      b.replace(joint(prev.text, l.text), prev.end, prev.end);
    } else {
      if (prev) b.replace('\n', prev.newline, prev.newline + 1);
      linePages.push(l.page);
    }
    emitLine(b, input, l, linePages);
    prev = l;
    afterRun = false;
  }
  return { mapped: b.build(input.length), linePages, diagnostics: [], dropped: drop.size };
}

import { alternation, derived } from '../grammars/index.js';
import { matchMarker } from '../segment/markers.js';
import { matchLabel, startsWithRulingLabel } from '../segment/labels.js';
import { isHeaderLabel } from '../segment/kinds.js';

/** No edits (shared: most lines have none, and this runs for every line). */
const NONE: readonly [number, number][] = [];

/** A line at least this long (code units) may be flattened text: a whole agenda on one line. */
const FLAT_MIN_LENGTH = 120;
/** Fewest break points that make a long line flattened rather than a paragraph that mentions 一、. */
const FLAT_MIN_BREAKS = 3;
/** How much text after a break point is looked at to recognise a heading or a label. */
const WINDOW = 48;

/** Edits to one line: cut[] become line breaks, drop[] are removed (both [start, end) in the line). */
export interface LineEdits {
  cuts: [number, number][];
  drops: [number, number][];
}

/** Whitespace before something that may start a unit: a numeral, a bracket, or a ruling/field label's first character. */
const candidates = derived((g) => {
  const firsts = new Set<string>();
  for (const set of Object.values(g.headings.numeralSets)) for (const ch of set) firsts.add(ch);
  for (const ch of '(（') firsts.add(ch);
  for (const r of g.records.rulingLabels) firsts.add(r.label[0]!);
  for (const list of Object.values(g.fields.fields)) for (const l of list) firsts.add(l[0]!);
  return new RegExp(`[ \\t\\u3000]+(?=${alternation([...firsts])})`, 'gu');
});

/** Runs of wide spaces between two ideographs: wrap indentation left inside a word (市政會     議紀錄). */
const WRAP_GAP = /(?<=\p{Script=Han})[ \u3000]{3,}(?=\p{Script=Han})/gu;

/**
 * Where a flattened line (a web page that put a whole agenda on a few lines) breaks: before every heading
 * marker (壹、 一、 (一)), ruling label (主席裁示:) and header field label that stands after whitespace.
 * Wrap indentation left inside words is dropped. A line that is short, or has fewer than three such
 * points, is ordinary prose and is left alone (null).
 */
export function flattenedLineEdits(text: string): LineEdits | null {
  if (text.length < FLAT_MIN_LENGTH) return null;
  const cuts: [number, number][] = [];
  for (const m of text.matchAll(candidates())) {
    const at = m.index! + m[0].length;
    const window = text.slice(at, at + WINDOW);
    if (startsUnit(window)) cuts.push([m.index!, at]);
  }
  if (cuts.length < FLAT_MIN_BREAKS) return null;
  const drops: [number, number][] = [];
  for (const m of text.matchAll(WRAP_GAP)) {
    const s = m.index!, e = s + m[0].length;
    if (!cuts.some(([a, b]) => a < e && b > s)) drops.push([s, e]);
  }
  return { cuts, drops };
}

function startsUnit(window: string): boolean {
  if (matchMarker(window) !== null || startsWithRulingLabel(window)) return true;
  const label = matchLabel(window);
  return label !== null && isHeaderLabel(label.label);
}

const SPACED_DIGITS = /(?<=\p{Script=Han} ?)[0-9](?: [0-9])+(?= ?\p{Script=Han})/gu;
const DIGIT_SPACE_DIGIT = /[0-9] [0-9]/;
/**
 * OCR and PDF text that spaces out the digits of one number (第 1 6 次, 中華民國 1 0 1 年): single digits
 * separated by single spaces, between ideographs. Returns the spaces to drop ([start, end) in the line).
 */
export function spacedDigitDrops(text: string): readonly [number, number][] {
  if (!DIGIT_SPACE_DIGIT.test(text)) return NONE;
  const out: [number, number][] = [];
  for (const m of text.matchAll(SPACED_DIGITS)) {
    for (let i = 1; i < m[0].length; i += 2) out.push([m.index! + i, m.index! + i + 1]);
  }
  return out;
}

/**
 * A header line that holds two fields because its break was lost (主 席：陳副議長文治 記錄：王博鈺): the
 * line starts with a header field, and another field label stands after whitespace. Returns where to
 * break ([start, end) of the whitespace), or [] when the line is not such a field line.
 */
export function fieldLineCuts(text: string): readonly [number, number][] {
  // Two fields need two colons: most lines are rejected here, without a regex.
  const wide = text.indexOf('：');
  const narrow = text.indexOf(':');
  const first = wide < 0 ? narrow : narrow < 0 ? wide : Math.min(wide, narrow);
  if (first < 0 || (text.indexOf('：', first + 1) < 0 && text.indexOf(':', first + 1) < 0)) return NONE;
  const m = matchMarker(text);
  const label = matchLabel(m ? m.rest : text);
  if (!label || !isHeaderLabel(label.label)) return NONE;
  const value = (m ? m.length : 0) + label.restOffset; // where the first field's value starts
  const cuts: [number, number][] = [];
  for (const c of text.matchAll(candidates())) {
    const at = c.index! + c[0].length;
    if (c.index! < value) continue;
    const next = matchLabel(text.slice(at, at + WINDOW));
    if (next && isHeaderLabel(next.label)) cuts.push([c.index!, at]);
  }
  return cuts;
}

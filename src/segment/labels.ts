import { alternation, charClass, derived } from '../grammars/index.js';
import { matchMarker } from './markers.js';
import { numeralChars } from './numerals.js';
import { memoString } from '../grammars/compiled.js';

export interface LabelMatch {
  /** The label with inner spaces removed (主   席 → 主席). */
  label: string;
  /** As written. */
  raw: string;
  /** Text after the colon, trimmed. */
  rest: string;
  /** Offset of `rest` in the line. */
  restOffset: number;
}

/**
 * A `label：value` line start: a short run of name-like characters (ideographs, Latin, digits, brackets,
 * spaces for letter-spaced labels such as `主   席:`) ended by a colon in either width. Sentence punctuation
 * before the colon means it is prose, not a label; `https://` is not a label either.
 */
const LABEL_BODY = '([\\p{Script=Han}A-Za-z0-9()（）\\-－‧·・/＆&][\\p{Script=Han}A-Za-z0-9()（）\\-－‧·・/＆& \\t]{0,39})[:：]';
/** The label may stand behind a bullet (◎王委員：, ※ 決議：; records.json labelBullets). */
const LABEL = derived((g) => new RegExp(`^(?:[${charClass(g.records.labelBullets)}][ \\t\\u3000]*)?${LABEL_BODY}`, 'u'));

function matchLabelUncached(line: string): LabelMatch | null {
  const m = LABEL().exec(line);
  if (!m || line.startsWith('//', m[0].length)) return null; // https:// is not a label
  const raw = m[1]!.trim();
  if (!/\p{Script=Han}/u.test(raw)) return null;
  // A colon inside brackets (報告事項（報告單位：資訊中心)) does not end a label.
  if ((raw.match(/[(（]/gu)?.length ?? 0) > (raw.match(/[)）]/gu)?.length ?? 0)) return null;
  let restOffset = m[0].length;
  while (restOffset < line.length && (line[restOffset] === ' ' || line[restOffset] === '\t')) restOffset++;
  return { label: raw.replace(/\s+/g, (s, i: number) => (isBetweenHan(raw, i, s.length) ? '' : ' ')), raw, rest: line.slice(restOffset).trimEnd(), restOffset };
}

/** Memoised: see matchLabelUncached. */
export const matchLabel = memoString(matchLabelUncached);

function isBetweenHan(s: string, i: number, n: number): boolean {
  return /\p{Script=Han}/u.test(s[i - 1] ?? '') && /\p{Script=Han}/u.test(s[i + n] ?? '');
}

const rulingStart = derived((g) => new RegExp(`^(?:${alternation(g.records.rulingLabels.map((r) => r.label))})\\s*(?:[:：]|$)`));
/** The line starts with a ruling label (主席裁示, 決議 …), with or without a colon. */
export function startsWithRulingLabel(line: string): boolean {
  return rulingStart().test(line);
}

/** The next case opening a line: a case word with its number (提案二, 議題 3., 案由(一)) or an ordinal case (第二案, 第 2 案：). */
const caseStart = derived((g) => {
  const n = `[0-9${numeralChars()}]`;
  return new RegExp(`^[ \\t\\u3000]*[(（]?(?:(?:${alternation(g.records.rulingStops)})[ \\t\\u3000]*[(（]?${n}|(?:${alternation(g.numerals.ordinalPrefixes)})[ \\t\\u3000]*${n}{1,4}[ \\t\\u3000]*(?:${alternation(g.records.caseWords)})(?:$|[:：(（)）\\s]))`, 'u');
});
/** The line opens the next case of a section (第二案, 提案二：…, 議題 3. …). */
export function startsCase(line: string): boolean {
  return caseStart().test(line);
}

/** A ruling label framed at a line's start: behind a bullet (◎決議), in brackets (【決議】) or after a lead (經討論後決議). */
const framedRulingStart = derived((g) => {
  const r = g.records;
  const labels = alternation(r.rulingLabels.map((x) => x.label));
  const ws = '[ \\t\\u3000]*';
  return new RegExp(`^${ws}(?:[${charClass([...r.labelBullets, ...r.rulingLabelOpeners])}]${ws}|(?:${alternation(r.rulingLeads)})[，,]?${ws})(?:${labels})`, 'u');
});

/**
 * Does this line begin a new unit (heading, field, speaker, ruling, table row)? Such a line never joins
 * the line before it when wrapped lines are rejoined.
 */
export function startsStructure(line: string): boolean {
  if (line.includes('\t')) return true;
  return matchMarker(line) !== null || matchLabel(line) !== null || startsWithRulingLabel(line) || framedRulingStart().test(line) || startsCase(line);
}

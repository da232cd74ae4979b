import { derived, escapeRegExp, type HeadingFamily } from '../grammars/index.js';
import { numberValue } from './numerals.js';
import { memoString } from '../grammars/compiled.js';

export interface MarkerMatch {
  family: HeadingFamily;
  /** As written, without brackets: 壹, 一, 1. */
  number: string;
  ordinal: number;
  /** Length of the marker including list prefix, brackets, separator and following spaces. */
  length: number;
  /** The text after the marker. */
  rest: string;
}

interface CompiledFamily {
  family: HeadingFamily;
  re: RegExp;
}

/** One regex per family, built once per grammar from grammars/headings.json. */
const families = derived((grammar): CompiledFamily[] => {
  const g = grammar.headings;
  const prefix = `(?:${g.listPrefixes.map((p) => escapeRegExp(p.trimEnd()) + '\\s*').join('|')})?`;
  const cls = (chars: string[]) => (chars.length ? `[${chars.map(escapeRegExp).join('')}]` : '');
  return g.families.map((family) => {
    const set = escapeRegExp(g.numeralSets[family.numerals]!);
    const count = family.numerals === 'arabic' ? '{1,3}' : family.numerals === 'circled' || family.numerals === 'stems' ? '' : '{1,4}';
    const open = family.open.length ? `${cls(family.open)}\\s*` : '';
    const close = family.close.length ? `\\s*${cls(family.close)}${family.requireClose ? '' : '?'}` : '';
    return { family, re: new RegExp(`^${prefix}${open}([${set}]${count})${close}[ \\t]*`) };
  });
});

/** Heavenly stems (甲乙丙), when the grammar numbers headings with them. */
const stems = derived((g) => g.headings.numeralSets.stems ?? '');

/**
 * The heading marker a line starts with, if any: 壹、 一、 (一) 1. 1、 (1) ①, also behind a Markdown
 * list prefix (`- (三)`). A decimal number (1.5 億) or a date-like start (110 年) is not a marker.
 */
function matchMarkerUncached(line: string): MarkerMatch | null {
  for (const { family, re } of families()) {
    const m = re.exec(line);
    if (!m) continue;
    const number = m[1]!;
    const rest = line.slice(m[0].length);
    // 1.5 or 1.2.3: a decimal or section number, not a list marker.
    if (family.numerals === 'arabic' && /^[0-9]/.test(rest) && family.open.length === 0) continue;
    // A formal numeral followed by a space only (壹 前言) must not swallow ordinary words (參 考).
    // Nor a letter-spaced title in a roster (參         議   曾柏文): a run of spaces in a short rest.
    if (family.id === 'upper' && /^\s/.test(line.slice(m[0].length - 1)) && !/[、，,.．]/.test(m[0])) {
      if (rest.length > 12 || /\S[ \u3000]{2,}\S/u.test(rest)) continue;
    }
    // 甲、乙雙方 is prose: a list of stems, not a heading.
    if (family.numerals === 'stems' && rest !== '' && stems().includes(rest[0]!)) continue;
    const ordinal = numberValue(number);
    if (ordinal === null || ordinal === 0) continue;
    return { family, number, ordinal, length: m[0].length, rest };
  }
  return matchOutline(line);
}

const outline = derived((g) => ({
  numbered: /^(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d.．])[ \t]*/,
  bare: /^(\d{1,2})[ \u3000]+(?=\p{Script=Han})/u,
  // A unit of a quantity or a date (2 月, 3 人), or a numeral's unit (1.5 億, 3 千).
  units: g.headings.outlineUnits + Object.keys(g.numerals.units).join('') + Object.keys(g.numerals.bigUnits).join(''),
  families: [1, 2, 3, 4].map((d): HeadingFamily => ({ id: `outline-${d}`, level: 3 + d, numerals: 'arabic', open: [], close: [], requireClose: false })),
}));

/**
 * Outline numbers, one family per depth: `1.1 理事推選…`, `2.1.1因近年…`, and a bare top number
 * `1 選舉常務理事：` (only before a title that ends with a colon: `2 月 1 日…` is a date).
 * A number followed by a unit (1.5 億, 2 月) is a quantity, not a heading.
 */
function matchOutline(line: string): MarkerMatch | null {
  const o = outline();
  const m = o.numbered.exec(line) ?? o.bare.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length);
  if (rest === '' || o.units.includes(rest[0]!)) return null;
  const parts = m[1]!.split('.');
  if (parts.length === 1 && !/[:：]$/u.test(rest.trimEnd())) return null;
  const ordinal = Number(parts[parts.length - 1]);
  if (ordinal === 0) return null;
  return { family: o.families[parts.length - 1]!, number: m[1]!, ordinal, length: m[0].length, rest };
}

/** Memoised: see matchMarkerUncached. */
export const matchMarker = memoString(matchMarkerUncached);

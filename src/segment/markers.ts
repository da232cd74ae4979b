import { grammar, escapeRegExp, type HeadingFamily } from '../grammars/index.js';
import { numberValue } from './numerals.js';
import { memoString } from '../util/memo.js';

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

let compiled: CompiledFamily[] | null = null;

/** One regex per family, built once from grammars/headings.json. */
function families(): CompiledFamily[] {
  if (compiled) return compiled;
  const g = grammar().headings;
  const prefix = `(?:${g.listPrefixes.map((p) => escapeRegExp(p.trimEnd()) + '\\s*').join('|')})?`;
  const cls = (chars: string[]) => (chars.length ? `[${chars.map(escapeRegExp).join('')}]` : '');
  compiled = g.families.map((family) => {
    const set = escapeRegExp(g.numeralSets[family.numerals]!);
    const count = family.numerals === 'arabic' ? '{1,3}' : family.numerals === 'circled' ? '' : '{1,4}';
    const open = family.open.length ? `${cls(family.open)}\\s*` : '';
    const close = family.close.length ? `\\s*${cls(family.close)}${family.requireClose ? '' : '?'}` : '';
    return { family, re: new RegExp(`^${prefix}${open}([${set}]${count})${close}[ \\t]*`) };
  });
  return compiled;
}

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
    if (family.id === 'upper' && /^\s/.test(line.slice(m[0].length - 1)) && !/[、，,.．]/.test(m[0])) {
      if (rest.length > 12) continue;
    }
    const ordinal = numberValue(number);
    if (ordinal === null || ordinal === 0) continue;
    return { family, number, ordinal, length: m[0].length, rest };
  }
  return null;
}

/** Memoised: see matchMarkerUncached. */
export const matchMarker = memoString(matchMarkerUncached);

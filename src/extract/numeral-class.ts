import { derived } from '../grammars/index.js';

/** Characters written inside a regex character class: `\`, `]`, `[`, `^` and `-` escaped. */
export function classChars(chars: Iterable<string>): string {
  return [...new Set([...chars].flatMap((s) => [...s]))].map((c) => c.replace(/[\\\]\[^-]/u, '\\$&')).join('');
}

/**
 * The characters a Chinese numeral is written with (numerals.json: digits in both forms, units and big
 * units: 一, 壹, 〇, 十, 百, 萬), as the body of a regex character class. One class for every extractor,
 * derived from the table, so a digit added there is read everywhere.
 */
export const chineseNumeralChars = derived((g) => classChars([...Object.keys(g.numerals.digits), ...Object.keys(g.numerals.units), ...Object.keys(g.numerals.bigUnits)]));

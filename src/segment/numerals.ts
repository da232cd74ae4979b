import { grammar, derived, charClass } from '../grammars/index.js';

/**
 * The characters Chinese numerals are written with (grammars/numerals.json: digits, units and big units, in
 * both the everyday and the formal 大寫 forms), escaped for use inside a character class. The one source of
 * every numeral class in the code: `[0-9${numeralChars()}]` where Arabic digits may stand too.
 */
export const numeralChars = derived((g) => charClass([...Object.keys(g.numerals.digits), ...Object.keys(g.numerals.units), ...Object.keys(g.numerals.bigUnits)]));

/** One Chinese numeral character as a regular-expression class: `[〇零一…萬億]` (see `numeralChars`). */
export const numeralClass = derived(() => `[${numeralChars()}]`);

/**
 * Value of a Chinese numeral, everyday or formal (大寫): 拾壹 → 11, 二十三 → 23, 一〇五 → 105,
 * 兩千零二十一 → 2021, 十 → 10, 一百零五 → 105. Arabic digits pass through. Null when it is not a numeral.
 */
export function parseChineseNumeral(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (/^[0-9]+$/.test(t)) return Number(t);
  const { digits, units, bigUnits } = grammar().numerals;
  const chars = [...t];
  if (chars.some((c) => digits[c] === undefined && units[c] === undefined && bigUnits[c] === undefined)) return null;
  // Positional form without units (一〇五, 二〇二一): read digit by digit.
  if (chars.every((c) => digits[c] !== undefined)) {
    if (chars.length === 1) return digits[chars[0]!]!;
    return chars.reduce((n, c) => n * 10 + digits[c]!, 0);
  }
  let total = 0; // completed 萬/億 groups
  let section = 0; // within the current group
  let pending: number | null = null; // a digit waiting for its unit
  for (const c of chars) {
    const d = digits[c];
    if (d !== undefined) {
      if (pending !== null && d !== 0) return null; // two digits in a row inside a unit form (二三十)
      pending = d === 0 ? null : d;
      continue;
    }
    const u = units[c];
    if (u !== undefined) {
      section += (pending ?? 1) * u; // 十 alone means 1×10
      pending = null;
      continue;
    }
    const big = bigUnits[c]!;
    total += (section + (pending ?? 0)) * big;
    section = 0;
    pending = null;
  }
  return total + section + (pending ?? 0);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Value of a heading number of any family: 拾壹, (一), 1, ③. */
export function numberValue(s: string): number | null {
  const i = CIRCLED.indexOf(s);
  if (i >= 0) return i + 1;
  const stem = s.length === 1 ? grammar().headings.numeralSets.stems?.indexOf(s) ?? -1 : -1;
  if (stem >= 0) return stem + 1;
  return parseChineseNumeral(s);
}

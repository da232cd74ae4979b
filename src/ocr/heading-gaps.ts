import { grammar } from '../grammars/index.js';

export interface HeadingCorrection {
  /** Index of the page's text in the list given. */
  page: number;
  line: number;
  from: string;
  to: string;
}

/** A heading marker: a character and the mark after it at the start of a line (`肆、`). */
const MARKER = /^(\s*)(\p{Script=Han})(、)/u;

/**
 * A heading numeral misread as another character, corrected where the headings around it leave no
 * doubt: `孟、臨時動議` after `參、討論事項` and before `伍、散會` is `肆、臨時動議`. Only a character
 * that is no numeral of any heading family, before the name of a section (the grammar's section
 * keywords), standing alone between the numerals n − 1 and n + 1 of one family (written with `、`, as
 * the grammar's families close), becomes that family's n.
 */
export function fillHeadingGaps(pages: readonly (readonly string[])[]): { pages: string[][]; corrections: HeadingCorrection[] } {
  const g = grammar();
  const numerals = new Set(Object.values(g.headings.numeralSets).join(''));
  const sets = g.headings.families.filter((f) => f.open.length === 0 && f.close.includes('、')).map((f) => g.headings.numeralSets[f.numerals]!);
  const keywords = g.sections.kinds.flatMap((k) => k.keywords);
  const value = (ch: string) => g.numerals.digits[ch] ?? (g.numerals.units[ch] === 10 ? 10 : undefined);
  // Markers in reading order: a numeral of a family with its value, or an unknown character.
  const marks: { page: number; line: number; ch: string; set: string | null; n: number | undefined }[] = [];
  pages.forEach((lines, page) =>
    lines.forEach((text, line) => {
      const m = MARKER.exec(text);
      if (!m) return;
      const ch = m[2]!;
      const set = sets.find((s) => s.includes(ch)) ?? null;
      // An unknown character counts only before a section's name (臨時動議): 測、反應 is a wrapped sentence.
      const rest = text.slice(m[0].length).trimStart();
      if (set || (!numerals.has(ch) && keywords.some((k) => rest.startsWith(k)))) marks.push({ page, line, ch, set, n: set ? value(ch) : undefined });
    }),
  );
  const out = pages.map((lines) => [...lines]);
  const corrections: HeadingCorrection[] = [];
  for (let i = 1; i + 1 < marks.length; i++) {
    const [before, mark, after] = [marks[i - 1]!, marks[i]!, marks[i + 1]!];
    if (mark.set || !before.set || before.set !== after.set || before.n === undefined || after.n !== before.n + 2) continue;
    const to = [...before.set].find((c) => value(c) === before.n! + 1);
    if (!to) continue;
    const text = out[mark.page]![mark.line]!;
    const m = MARKER.exec(text)!;
    out[mark.page]![mark.line] = m[1]! + to + m[3]! + text.slice(m[0].length);
    corrections.push({ page: mark.page, line: mark.line, from: mark.ch + m[3]!, to: to + m[3]! });
  }
  return { pages: out, corrections };
}

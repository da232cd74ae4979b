import { grammar } from '../grammars/index.js';
import { ocrGrammar } from './grammar.js';

export interface NameCorrection {
  /** Index of the page's text in the list given. */
  page: number;
  line: number;
  from: string;
  to: string;
  /** How often the document spells the name as corrected. */
  seen: number;
}

const HAN = /^\p{Script=Han}$/u;

/**
 * A name OCR misread by one look-alike character is corrected to the spelling the same document uses
 * more often: 王祥字 read once, 王祥宇 three times elsewhere → 王祥宇. A name here is three Han
 * characters starting with a surname of the name grammar; only the two given-name characters are
 * looked at, and only for the look-alike pairs of grammars/ocr.json (`nameLookalikes`: 宇/字, 妤/好 …).
 * The spelling kept must occur at least twice and more often than the one replaced, so two people
 * whose names differ by one look-alike character, each written once, are both left alone.
 */
export function unifyOcrNames(pages: readonly (readonly string[])[]): { pages: string[][]; corrections: NameCorrection[] } {
  const alike = ocrGrammar().nameLookalikes;
  const surnames = grammar().identity.surnames;
  const counts = new Map<string, number>();
  const names = (text: string, each: (name: string, at: number) => void) => {
    const chars = [...text];
    let at = 0;
    for (let i = 0; i + 3 <= chars.length; i++) {
      const [a, b, c] = [chars[i]!, chars[i + 1]!, chars[i + 2]!];
      if (surnames.has(a) && HAN.test(b) && HAN.test(c)) each(a + b + c, at);
      at += chars[i]!.length;
    }
  };
  for (const lines of pages) for (const l of lines) names(l, (n) => counts.set(n, (counts.get(n) ?? 0) + 1));
  // Each rarer spelling → the one spelling it should be (unique, else left alone).
  const to = new Map<string, string>();
  for (const [name, n] of counts) {
    const chars = [...name];
    let best: string | null = null;
    let bestSeen = 0;
    let tie = false;
    for (let k = 1; k < chars.length; k++) {
      for (const alt of alike.get(chars[k]!) ?? []) {
        const other = chars.slice(0, k).join('') + alt + chars.slice(k + 1).join('');
        const seen = counts.get(other) ?? 0;
        if (seen < 2 || seen <= n) continue;
        if (seen > bestSeen) {
          best = other;
          bestSeen = seen;
          tie = false;
        } else if (seen === bestSeen) tie = true;
      }
    }
    if (best && !tie) to.set(name, best);
  }
  const corrections: NameCorrection[] = [];
  const out = pages.map((lines, page) =>
    lines.map((text, line) => {
      if (to.size === 0) return text;
      const hits: { at: number; name: string }[] = [];
      names(text, (name, at) => {
        if (to.has(name) && !hits.some((h) => at < h.at + h.name.length)) hits.push({ at, name });
      });
      if (hits.length === 0) return text;
      let fixed = '';
      let from = 0;
      for (const h of hits) {
        const right = to.get(h.name)!;
        fixed += text.slice(from, h.at) + right;
        from = h.at + h.name.length;
        corrections.push({ page, line, from: h.name, to: right, seen: counts.get(right)! });
      }
      return fixed + text.slice(from);
    }),
  );
  return { pages: out, corrections };
}

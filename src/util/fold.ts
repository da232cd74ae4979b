import { grammar, derived } from '../grammars/index.js';

/**
 * The key names (and orgs) are matched by, within and across documents: NFKC (compatibility ideographs,
 * full-width letters), no spaces, variant characters folded (grammars/variants.json: 啓 → 啟, 台 → 臺).
 *
 * @example
 *   foldName('王啓文') === foldName('王啟文'); // true
 *   foldName('台灣大學'); // '臺灣大學'
 */
export function foldName(text: string | null | undefined): string {
  if (!text) return '';
  const variants = grammar().variants;
  // Most names hold neither a space nor a variant: one scan, no rebuilding.
  return text.normalize('NFKC').replace(foldable(), (m) => variants.get(m) ?? '');
}

/** Whitespace runs (dropped) and the variant characters of grammars/variants.json (folded). */
const foldable = derived((g) => new RegExp(`\\s+|[${[...g.variants.keys()].map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'gu'));

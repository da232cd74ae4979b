import { grammar } from '../grammars/index.js';

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
  let out = '';
  for (const ch of text.normalize('NFKC').replace(/\s+/g, '')) out += variants.get(ch) ?? ch;
  return out;
}

import { MappedBuilder, type MappedText } from './mapped.js';

/**
 * CJK Radicals Supplement forms that Word's 標楷體 export and some PDF fonts emit for ordinary characters.
 * NFKC maps only a few of this block; these are the ones seen in Traditional Chinese documents.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻑': '長', '⻘': '青', '⻝': '食', '⻣': '骨', '⻤': '鬼', '⻩': '黃', '⻫': '齊', '⻭': '齒', '⻯': '龍', '⻄': '西',
  '⻅': '見', '⻆': '角', '⻌': '辶', '⻍': '辶', '⻖': '阝', '⺎': '兀', '⺏': '尢', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺛': '旡',
  '⺝': '月', '⺟': '母', '⺡': '氵', '⺢': '水', '⺣': '灬', '⺤': '爫', '⺦': '丬', '⺨': '犭', '⺩': '王', '⺫': '罒', '⺬': '示',
  '⺭': '礻', '⺮': '竹', '⺶': '羊', '⺻': '聿', '⺼': '肉', '⻂': '衤', '⻃': '西', '⻔': '门', '⻗': '雨', '⻙': '韋', '⻚': '頁', '⻛': '風', '⻢': '馬', '⻥': '魚', '⻦': '鳥',
};

const BOPOMOFO_YI = 'ㄧ';
const isBopomofo = (ch: string | undefined) => !!ch && ch >= '\u3100' && ch <= '\u312f';
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);

/** True for a CJK unified ideograph (basic block and extension A), the context in which ㄧ means 一. */
export function isCjkIdeograph(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The per-character normalisation the spec asks for, and nothing more (never NFKC the whole text:
 * it turns ，：；（） into ASCII):
 * - Kangxi radicals (U+2F00–2FDF) and compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) → unified ideographs;
 * - CJK radicals supplement → the ideograph it stands for;
 * - full-width ASCII letters, digits and space → half-width (punctuation stays as written);
 * - ㄧ (bopomofo) between two ideographs → 一; zero-width characters dropped; NBSP → space.
 */
export function normalizeCharacters(input: string): MappedText {
  const b = new MappedBuilder();
  let copied = 0;
  // Only the few characters that may change are visited; runs between them are copied whole.
  for (const m of input.matchAll(CANDIDATES)) {
    const i = m.index!;
    const ch = m[0];
    const out = mapCharacter(ch, ch.codePointAt(0)!, input, i, ch.length);
    if (out === null) continue;
    b.copy(input, copied, i);
    b.replace(out, i, i + ch.length);
    copied = i + ch.length;
  }
  b.copy(input, copied, input.length);
  return b.build(input.length);
}

/** Characters normalizeCharacters may change: the ranges below, zero-width characters, NBSP, ㄧ. */
const CANDIDATES = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\u00ad\u200b-\u200d\u2060\ufeffㄧ]|\ud87e[\udc00-\ude1f]/g;

function mapCharacter(ch: string, cp: number, input: string, i: number, width: number): string | null {
  if ((cp >= 0x2f00 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
    const n = ch.normalize('NFKC');
    return n === ch ? null : n;
  }
  if (cp >= 0x2e80 && cp <= 0x2eff) return RADICALS_SUPPLEMENT[ch] ?? null;
  // Full-width digits and Latin letters (not punctuation: ，：；（）are kept as written).
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return String.fromCharCode(cp - 0xfee0);
  if (cp === 0x3000 || cp === 0x00a0) return ' ';
  if (ZERO_WIDTH.has(ch)) return '';
  if (ch === BOPOMOFO_YI) {
    const before = input[i - 1];
    const after = input[i + width];
    // Only where it reads as a word part: next to an ideograph and not inside a run of bopomofo (ㄅㄧ).
    if ((isCjkIdeograph(before) || isCjkIdeograph(after)) && !isBopomofo(before) && !isBopomofo(after)) return '一';
  }
  return null;
}

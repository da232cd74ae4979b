/**
 * CJK-aware joining. Chinese is written without spaces, so a space is never put between two
 * CJK characters (ideographs, kana, CJK and full-width punctuation); between Latin words it is.
 * Characters are classified by code point: this runs for every pair of text runs on a page.
 */

/** CJK blocks: radicals … CJK symbols, kana, bopomofo, ideographs, compatibility ideographs, forms, full-width, and plane 2. */
const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fdf], [0x3000, 0x303f], [0x3040, 0x30ff], [0x3100, 0x312f], [0x31a0, 0x31bf], [0x3200, 0x9fff],
  [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xffef], [0x20000, 0x2ffff],
];

/**
 * CJK_RANGES over the BMP as a table of 16-code-point chunks (4 KiB): 1 all CJK, 2 partly (look at
 * the ranges), 0 none. Every range edge falls on a chunk edge today, so 2 never occurs; it keeps
 * the table right if one is added that does not.
 */
const BMP_CHUNKS = new Uint8Array(0x1000);
for (let chunk = 0; chunk < 0x1000; chunk++) {
  const lo = chunk << 4, hi = lo + 15;
  const inside = CJK_RANGES.filter(([a, b]) => a <= hi && b >= lo);
  if (inside.length > 0) BMP_CHUNKS[chunk] = inside.some(([a, b]) => a <= lo && b >= hi) ? 1 : 2;
}

export function isCjkCode(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp <= 0xffff) {
    const k = BMP_CHUNKS[cp >> 4]!;
    if (k !== 2) return k === 1;
  }
  for (const [lo, hi] of CJK_RANGES) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** What /\s/ matches, by code point. */
export function isSpaceCode(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff
  );
}

/** Whether `s` holds anything /\s/ matches (without a regex: this runs for every table cell). */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** Last code point of `s` (a surrogate pair is one), or -1 for ''. */
export function lastCode(s: string): number {
  const n = s.length;
  if (n === 0) return -1;
  const c = s.charCodeAt(n - 1);
  if (c >= 0xdc00 && c <= 0xdfff && n >= 2) {
    const h = s.charCodeAt(n - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** First code point of `s`, or -1 for ''. */
export function firstCode(s: string): number {
  return s.codePointAt(0) ?? -1;
}

/** True when a space between `a` and `b` would be wrong (both sides CJK) or useless (one side empty or spaced). */
export function noSpaceBetween(a: string, b: string): boolean {
  return noSpaceBetweenCodes(lastCode(a), firstCode(b));
}

/** noSpaceBetween on the last code point before and the first after (-1: nothing there). */
export function noSpaceBetweenCodes(l: number, f: number): boolean {
  if (l < 0 || f < 0 || isSpaceCode(l) || isSpaceCode(f)) return true;
  return isCjkCode(l) && isCjkCode(f);
}

/** Join wrapped pieces of one paragraph or cell: CJK joined directly, Latin with one space. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (t === '') continue;
    out = out === '' ? t : noSpaceBetween(out, t) ? out + t : `${out} ${t}`;
  }
  return out;
}

/**
 * CJK-aware joining. Chinese is written without spaces, so a space is never put between two
 * CJK characters (ideographs, kana, CJK and full-width punctuation); between Latin words it is.
 */
const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u31A0-\u31BF\u3200-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

function lastChar(s: string): string {
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? '';
}

function firstChar(s: string): string {
  return Array.from(s)[0] ?? '';
}

/** True when a space between `a` and `b` would be wrong (both sides CJK) or useless (one side empty or spaced). */
export function noSpaceBetween(a: string, b: string): boolean {
  const l = lastChar(a);
  const f = firstChar(b);
  if (l === '' || f === '' || /\s/.test(l) || /\s/.test(f)) return true;
  return isCjk(l) && isCjk(f);
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

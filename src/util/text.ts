/**
 * Small string helpers written as loops: the regex forms (/[\s:：]+$/, /[(（].*$/) look harmless but
 * backtrack quadratically on long runs, and this code reads untrusted documents.
 */

/** Remove trailing characters that are in `chars` (and whitespace when `whitespace`). */
export function trimEndOf(s: string, chars: string, whitespace = true): string {
  let end = s.length;
  while (end > 0) {
    const c = s[end - 1]!;
    if (chars.includes(c) || (whitespace && /\s/.test(c))) end--;
    else break;
  }
  return s.slice(0, end);
}

/** Text before the first of `chars` (all of it when none occurs). */
export function beforeFirst(s: string, chars: string): string {
  for (let i = 0; i < s.length; i++) if (chars.includes(s[i]!)) return s.slice(0, i);
  return s;
}

/** True when s ends with at least `n` characters from `chars`. */
export function endsWithRun(s: string, chars: string, n: number): boolean {
  if (s.length < n) return false;
  for (let i = s.length - n; i < s.length; i++) if (!chars.includes(s[i]!)) return false;
  return true;
}

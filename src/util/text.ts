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

/**
 * Words looked for at the start or the end of a string (titles, org suffixes, verbs, surnames): one set
 * lookup per distinct word length instead of one `startsWith`/`endsWith` per word. Build it with
 * `derived` from the grammar's lists.
 */
export class Affixes {
  private readonly words: ReadonlySet<string>;
  /** The words' distinct lengths, longest first. */
  private readonly lengths: readonly number[];

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.lengths = [...new Set([...this.words].map((w) => w.length))].sort((a, b) => b - a);
  }

  /** The longest word `s` ends with that leaves at least `before` characters ahead of it; null when none. */
  longestEnding(s: string, before = 0): string | null {
    for (const n of this.lengths) {
      if (s.length - n < before) continue;
      const tail = s.slice(s.length - n);
      if (this.words.has(tail)) return tail;
    }
    return null;
  }

  /** The longest word `s` starts with; null when none. */
  longestOpening(s: string): string | null {
    for (const n of this.lengths) {
      if (n > s.length) continue;
      const head = s.slice(0, n);
      if (this.words.has(head)) return head;
    }
    return null;
  }

  /** `s` ends with one of the words. */
  endsAny(s: string): boolean {
    return this.longestEnding(s) !== null;
  }

  /** `s` starts with one of the words. */
  startsAny(s: string): boolean {
    return this.longestOpening(s) !== null;
  }
}

/** A code unit that `\s` matches (JavaScript's white space and line terminators, U+3000 among them). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `s` holds more than `max` code units that are not spaces: it is longer than `max` once its spaces are
 * removed. Stops counting there, so a long line is turned away without squeezing all of it.
 */
export function squeezedLongerThan(s: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceUnit(s.charCodeAt(i)) && ++n > max) return true;
  return false;
}

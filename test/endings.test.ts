/** Endings (src/util/text.ts): the longest listed word a string ends with, as `find(endsWith)` over the words longest first would give. */
import { describe, expect, it } from 'vitest';
import { Endings } from '../src/util/text.js';

describe('Endings', () => {
  const words = ['局長', '副局長', '長', '主任秘書', '秘書'];
  const reference = (s: string, before = 0) => [...words].sort((a, b) => b.length - a.length).find((w) => s.endsWith(w) && s.length - w.length >= before) ?? null;
  it('gives the longest word the string ends with, as the word list longest first would', () => {
    const e = new Endings(words);
    for (const s of ['交通局副局長', '副局長', '局長', '王局長', '主任秘書', '秘書', '林秘書', '委員', '', '長']) {
      for (const before of [0, 1, 2]) expect(e.longestEnding(s, before)).toBe(reference(s, before));
      expect(e.endsAny(s)).toBe(reference(s) !== null);
    }
  });
  it('leaves `before` characters ahead of the word: 副局長 alone is not an org + 局長', () => {
    expect(new Endings(words).longestEnding('副局長', 1)).toBe('局長');
    expect(new Endings(words).longestEnding('局長', 1)).toBe('長');
  });
});

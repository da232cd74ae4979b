/**
 * String helpers of src/util/text.ts: Affixes (the longest listed word a string ends or starts with, as
 * `find` over the words longest first would give) and the space tests that stand in for `\s`.
 */
import { describe, expect, it } from 'vitest';
import { Affixes, isSpaceUnit, squeezedLongerThan } from '../src/util/text.js';

describe('Affixes', () => {
  const words = ['局長', '副局長', '長', '主任秘書', '秘書', '歐陽', '歐'];
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  const strings = ['交通局副局長', '副局長', '局長', '王局長', '主任秘書', '秘書', '林秘書', '委員', '', '長', '歐陽修', '歐明', '秘書長'];
  it('gives the longest word the string ends with, as the word list longest first would', () => {
    const a = new Affixes(words);
    for (const s of strings) {
      for (const before of [0, 1, 2]) expect(a.longestEnding(s, before)).toBe(longestFirst.find((w) => s.endsWith(w) && s.length - w.length >= before) ?? null);
      expect(a.endsAny(s)).toBe(words.some((w) => s.endsWith(w)));
    }
  });
  it('gives the longest word the string starts with', () => {
    const a = new Affixes(words);
    for (const s of strings) {
      expect(a.longestOpening(s)).toBe(longestFirst.find((w) => s.startsWith(w)) ?? null);
      expect(a.startsAny(s)).toBe(words.some((w) => s.startsWith(w)));
    }
  });
  it('leaves `before` characters ahead of the word: 副局長 alone is not an org + 局長', () => {
    expect(new Affixes(words).longestEnding('副局長', 1)).toBe('局長');
    expect(new Affixes(words).longestEnding('局長', 1)).toBe('長');
  });
});

describe('isSpaceUnit, squeezedLongerThan', () => {
  it('takes as a space exactly the code units /\\s/ matches', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceUnit(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });
  it('compares the length a string has once its spaces are removed', () => {
    for (const s of ['主席', '主 \u3000 席', '開會日期', ' 開\t會\u00a0日 期 ', '', '   ', '主席：王大明']) {
      const squeezed = s.replace(/\s+/g, '').length;
      for (let max = 0; max <= 8; max++) expect(squeezedLongerThan(s, max)).toBe(squeezed > max);
    }
  });
});

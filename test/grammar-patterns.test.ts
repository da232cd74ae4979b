/**
 * The pieces patterns are built from (src/grammars/load.ts, src/segment/numerals.ts): alternations of
 * grammar words, character classes, and the one Chinese-numeral class derived from numerals.json.
 */
import { describe, expect, it } from 'vitest';
import { alternation, charClass, defaultGrammar, extendGrammar, withGrammar } from '../src/grammars/index.js';
import { numeralChars } from '../src/segment/numerals.js';
import { parseChineseNumeral } from '../src/segment/numerals.js';

describe('alternation', () => {
  it('puts the longer word first, so 副處長 wins over 處長', () => {
    expect(new RegExp(alternation(['處長', '副處長'])).exec('副處長王')?.[0]).toBe('副處長');
  });
  it('escapes the words it joins', () => {
    expect(new RegExp(`^(?:${alternation(['(略)'])})$`, 'u').test('(略)')).toBe(true);
    expect(new RegExp(`^(?:${alternation(['(略)'])})$`, 'u').test('略')).toBe(false);
  });
  it('matches nothing when the list is empty (an overlay removing every word turns the rule off)', () => {
    const re = new RegExp(`^(?:${alternation([])})`, 'u');
    expect(re.test('')).toBe(false);
    expect(re.test('第')).toBe(false);
  });
});

describe('charClass', () => {
  it('escapes what is special inside a class and keeps each character once', () => {
    const re = new RegExp(`^[${charClass(['-', ']', '^', '\\', '年', '年度'])}]+$`, 'u');
    for (const s of ['-', ']', '^', '\\', '年度']) expect(re.test(s)).toBe(true);
    expect(re.test('a')).toBe(false);
    expect(charClass(['年', '年度'])).toBe('年度');
  });
});

describe('numeralChars: one numeral class from numerals.json', () => {
  it('holds every character a numeral the table reads is written with, and nothing else', () => {
    const cls = new RegExp(`^[${numeralChars()}]+$`, 'u');
    for (const s of ['二千一百五十六', '貳', '參', '拾壹', '一〇五', '兩千零二十一', '十', '萬']) {
      expect(cls.test(s)).toBe(true);
      expect(parseChineseNumeral(s)).not.toBeNull();
    }
    for (const s of ['2', '年', '次', '第']) expect(cls.test(s)).toBe(false);
  });
  it('is the grammar’s own: a digit an overlay adds is in the class under that grammar only', () => {
    const g = extendGrammar(defaultGrammar(), { 'numerals.json': { digits: { 𠀋: 9 } } });
    expect(withGrammar(g, () => new RegExp(`^[${numeralChars()}]$`, 'u').test('𠀋'))).toBe(true);
    expect(new RegExp(`^[${numeralChars()}]$`, 'u').test('𠀋')).toBe(false);
  });
});

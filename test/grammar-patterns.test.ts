/**
 * The pieces patterns are built from (src/grammars/load.ts, src/segment/numerals.ts): alternations of
 * grammar words, character classes, and the one Chinese-numeral class derived from numerals.json.
 */
import { describe, expect, it } from 'vitest';
import { alternation, charClass, defaultGrammar, escapeRegExp, extendGrammar, withGrammar } from '../src/grammars/index.js';
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
  it('matches what the flat list of words, longest first, matches: the same text, the same groups', () => {
    // The words as a tree of shared beginnings (主(?:席|任委員)) against the words joined one by one.
    const flat = (words: string[], between = '') =>
      [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => [...w].map(escapeRegExp).join(between)).join('|');
    const words = ['處長', '副處長', '主席', '主任委員', '主任委員裁示', '主', '(略)', '決議', '決議事項', '𠀋甲', '𠀋乙'];
    const lines = ['副處長王', '主任委員裁示：同意', '主任委員：', '主 任 委 員 裁示：', '主席裁示', '(略)', '決 議：照案通過', '決議事項：', '主', '𠀋乙', '處'];
    for (const between of ['', '[ \\t\\u3000]{0,3}']) {
      for (const [src, ref] of [
        [`^(${alternation(words, between)})(.*)$`, `^(${flat(words, between)})(.*)$`],
        [`(${alternation(words, between)})[:：]`, `(${flat(words, between)})[:：]`],
        [`^(?:${alternation(words, between)})$`, `^(?:${flat(words, between)})$`],
      ]) {
        for (const line of lines) expect(new RegExp(src!, 'u').exec(line)?.slice()).toEqual(new RegExp(ref!, 'u').exec(line)?.slice());
      }
    }
    // The empty word, listed, is tried last.
    expect(new RegExp(`^(${alternation(['', '主席'])})`, 'u').exec('主席')?.[1]).toBe('主席');
    expect(new RegExp(`^(${alternation(['', '主席'])})`, 'u').exec('主任')?.[1]).toBe('');
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

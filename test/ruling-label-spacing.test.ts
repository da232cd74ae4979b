/**
 * Ruling labels letter-spaced (決 議, 主 席 裁 示): at most three spaces between two characters. The
 * quick pattern rulings.ts runs first lets any gap through and hands a wider one to the exact pattern;
 * the answers must be those of the exact pattern alone, for every label of the grammar.
 */
import { describe, expect, it } from 'vitest';
import { defaultGrammar, escapeRegExp } from '../src/grammars/index.js';
import { inlineRulingAt, rulingLabelAt } from '../src/extract/rulings.js';

const labels = defaultGrammar().records.rulingLabels.map((r) => r.label).sort((a, b) => b.length - a.length);
const exact = labels.map((l) => [...l].map(escapeRegExp).join('[ \\t\\u3000]{0,3}')).join('|');
const lineRe = new RegExp(`^[ \\t\\u3000]*(${exact})[ \\t\\u3000]*(?:[:：][ \\t\\u3000]*|$)`, 'u');
const inlineRe = new RegExp(`[)）。][ \\t\\u3000]*(${exact})[ \\t\\u3000]*[:：][ \\t\\u3000]*(?=\\S)`, 'u');
const expectedLine = (t: string) => {
  const m = lineRe.exec(t);
  return m ? { label: m[1], rest: m[0].length } : null;
};
const expectedInline = (t: string) => {
  const m = inlineRe.exec(t);
  return m ? { label: m[1], rest: m.index + m[0].length } : null;
};

describe('letter-spaced ruling labels', () => {
  const spaced = (l: string, gap: string, at: number) => [...l].map((c, i) => (i === at ? gap + c : c)).join('');
  const texts: string[] = [];
  for (const l of labels) {
    for (const gap of [' ', '   ', '\u3000\u3000\u3000', '    ', '  \t\u3000 ']) {
      for (let at = 1; at < [...l].length; at++) {
        const s = spaced(l, gap, at);
        texts.push(`${s}：照案通過`, `  ${s}`, `${s} 照案通過`, `二、修正案。(地政局)${s}:本案通過。`, `案。${s}：照案通過（${l}：另案）`);
      }
    }
    texts.push(`${l}：照案通過`, `${[...l].join('    ')}：照案通過`, `(略)。${[...l].join(' ')}：同意`);
  }
  it('are read as the exact pattern reads them, gaps of four spaces and more included', () => {
    let wide = 0;
    for (const t of texts) {
      expect(rulingLabelAt(t), t).toEqual(expectedLine(t));
      expect(inlineRulingAt(t), t).toEqual(expectedInline(t));
      if (/[ \t\u3000]{4}/u.test(t)) wide++;
    }
    expect(wide).toBeGreaterThan(1000);
  });
  it('a gap of four spaces parts a label (決    議：), one of three does not (決   議：)', () => {
    expect(rulingLabelAt('決   議：照案通過')?.label).toBe('決   議');
    expect(rulingLabelAt('決    議：照案通過')).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { loadBytes } from '../src/load/index.js';
import { normalize } from '../src/normalize/index.js';
import { parseLegend } from '../src/extract/attendance-grid.js';
import type { Attendee, MinutesDocument } from '../src/types.js';
import { ROOT } from './helpers.js';

/**
 * The attendance grid of the city council's 議事錄 (test/fixtures/corpus/html/, read through the HTML
 * loader), written the other ways councils write theirs: its marks, legend, column heads, names and
 * separators varied one at a time on the real lines (93–156 of the normalised text):
 *
 *   93  臺南市議會第2屆第8次臨時會議員出席情形一覽表 (105/09/30~105/10/04)
 *   94  \t日期\t9/30\t10/1\t10/2\t10/3\t10/4
 *   95  議員\t\t(五)\t(六)\t(日)\t(一)\t(二)
 *   96  1                                   (a vacant seat; 27 too)
 *   97  2\t郭信良\t○\t\t\t○
 *  153  55\t許至椿\t△
 *  156  備註：本表各欄位「○」係指出席、「△」係指請假、未註記係指未簽到、未請假。
 *
 * The meeting is the session's first sitting, 105 年 9 月 30 日 (line 33): 26 members marked ○ that day,
 * 許至椿 △, 28 unmarked — 55 members.
 */
const FILE = ROOT + 'test/fixtures/corpus/html/tainan-council-2-t8-proceedings.html';
const FIRST = 93;
const LEGEND = 156;

let lines: string[];
beforeAll(async () => {
  const source = await loadBytes(new Uint8Array(readFileSync(FILE)), 'proceedings.html');
  lines = normalize(source.text, source.pageStarts).text.split('\n');
});

/** The document with the grid's lines (93–156) rewritten by `vary` (a line to one, several or no lines). */
function varied(vary: (line: string, n: number) => string | string[] | null): MinutesDocument {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    const v = n >= FIRST && n <= LEGEND ? vary(line, n) : line;
    if (v !== null) out.push(...(Array.isArray(v) ? v : [v]));
  });
  return parse(out.join('\n'));
}

const isRow = (line: string) => /^\d+\t/u.test(line);
/** A member row's cells after the number and name, mapped one by one. */
const cells = (line: string, f: (cell: string, k: number) => string) => {
  const [num, name, ...marks] = line.split('\t');
  return [num, name, ...marks.map(f)].join('\t');
};
const grid = (doc: MinutesDocument) => doc.attendees.filter((a) => a.rule === 'attendees.grid');
const counts = (as: Attendee[]) => ['present', 'on-leave', 'absent', null].map((s) => as.filter((a) => a.status === s).length);
const statusOf = (doc: MinutesDocument, name: string) => grid(doc).find((a) => a.name === name)?.status;
const diag = (doc: MinutesDocument, code: string) => doc.diagnostics.find((d) => d.code === code);

describe('the grid as published', () => {
  it('reads 55 members at 9/30: 26 present, 1 on leave, 28 absent', () => {
    expect(lines[FIRST - 1]).toBe('臺南市議會第2屆第8次臨時會議員出席情形一覽表 (105/09/30~105/10/04)');
    expect(lines[96]).toBe('2\t郭信良\t○\t\t\t○');
    expect(lines[LEGEND - 1]).toBe('備註：本表各欄位「○」係指出席、「△」係指請假、未註記係指未簽到、未請假。');
    const doc = varied((l) => l);
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
  });
});

describe('marks that are letters or words (B10)', () => {
  it('V for ○, in the cells and the legend (「V」係指出席): every member kept, none taken for a header row', () => {
    const doc = varied((l) => l.replaceAll('○', 'V'));
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(statusOf(doc, '郭信良')).toBe('present');
    expect(statusOf(doc, '許至椿')).toBe('on-leave');
  });

  it('v in the cells, V in the legend; ✓ with no legend (a default mark)', () => {
    const lower = varied((l) => (isRow(l) ? l.replaceAll('○', 'v') : l.replaceAll('○', 'V')));
    expect(counts(grid(lower))).toEqual([26, 1, 28, 0]);
    const ticks = varied((l, n) => (n === LEGEND ? null : l.replaceAll('○', '✓')));
    expect(statusOf(ticks, '郭信良')).toBe('present');
  });

  it('出/假/缺 in every cell, explained by the legend (出＝出席、假＝請假、缺＝缺席) or by the grammar alone', () => {
    const fill = (l: string) => (isRow(l) && l.split('\t').length > 2 ? cells(l, (c) => (c === '○' ? '出' : c === '△' ? '假' : '缺')) : l);
    const withLegend = varied((l, n) => (n === LEGEND ? '說明：出＝出席、假＝請假、缺＝缺席' : fill(l)));
    expect(lines[96]).toBe('2\t郭信良\t○\t\t\t○');
    // 2 郭信良 出 缺 缺 出: marks in every sitting's cell, still a member's row.
    expect(counts(grid(withLegend))).toEqual([26, 1, 28, 0]);
    expect(statusOf(withLegend, '郭信良')).toBe('present');
    const alone = varied((l, n) => (n === LEGEND ? null : fill(l)));
    expect(counts(grid(alone))).toEqual([26, 1, 28, 0]);
  });

  it('公假 and 病假 in the cells are on leave (the grammar\'s status words), with a legend of ○ only', () => {
    const doc = varied((l, n) => {
      if (n === LEGEND) return '註：「○」表示出席';
      if (l === '3\t郭秀珠\t\t\t\t○') return '3\t郭秀珠\t病假\t\t\t○';
      return l.replace('\t△', '\t公假');
    });
    expect(statusOf(doc, '許至椿')).toBe('on-leave');
    expect(statusOf(doc, '郭秀珠')).toBe('on-leave');
    expect(counts(grid(doc))).toEqual([26, 2, 27, 0]);
  });

  it('a mark neither the legend nor the grammar explains: the member is named in a warning, not given a status', () => {
    const doc = varied((l) => l.replace('\t△', '\t◇'));
    expect(grid(doc)).toHaveLength(54);
    expect(grid(doc).some((a) => a.name === '許至椿')).toBe(false);
    expect(diag(doc, 'attendance-grid-mark-unknown')?.message).toContain('◇: 許至椿');
  });
});

describe('legends with no link word (B11)', () => {
  it.each([
    ['說明：○出席、△請假、×缺席'],
    ['註：○表出席，△表請假，空白表未出席。'],
    ['說明：○出席　△請假'],
    ['○：出席　△：請假　空白：未出席'],
  ])('%s', (legend) => {
    const doc = varied((l, n) => (n === LEGEND ? legend : l));
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(diag(doc, 'attendance-grid')?.message).toContain('as its legend defines the marks');
    expect(diag(doc, 'attendance-grid-mark-unknown')).toBeUndefined();
  });

  it('reads each form into marks and the blank cell', () => {
    expect([...parseLegend('說明：○出席、△請假、×缺席').marks]).toEqual([
      ['○', 'present'],
      ['△', 'on-leave'],
      ['×', 'absent'],
    ]);
    const table = parseLegend('註：○表出席，△表請假，空白表未出席。');
    expect([...table.marks]).toEqual([
      ['○', 'present'],
      ['△', 'on-leave'],
    ]);
    expect(table.blank).toBe('absent');
    expect([...parseLegend('註：V為出席').marks]).toEqual([['V', 'present']]);
    // The published legend: 本表 holds 表 but links nothing.
    const published = parseLegend('備註：本表各欄位「○」係指出席、「△」係指請假、未註記係指未簽到、未請假。');
    expect([...published.marks]).toEqual([
      ['○', 'present'],
      ['△', 'on-leave'],
    ]);
    expect(published.blank).toBe('absent');
  });
});

describe('column heads with a weekday (B12)', () => {
  const WEEKDAYS = ['五', '六', '日', '一', '二'];
  it.each([
    ['9/30(五)', (d: string, w: string) => `${d}(${w})`],
    ['9月30日(星期五)', (d: string, w: string) => `${d.replace('/', '月')}日(星期${w})`],
  ])('%s', (_, head) => {
    const doc = varied((l) => {
      if (l.startsWith('議員\t\t(五)')) return null;
      if (l.startsWith('\t日期\t')) return ['', '日期', ...l.split('\t').slice(2).map((d, k) => head(d, WEEKDAYS[k]!))].join('\t');
      return l;
    });
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(diag(doc, 'attendance-grid')?.message).toContain('the statuses are those of 9/30');
  });
});

describe('columns headed by sittings (B13)', () => {
  // The session's sittings: 9/30 the first, 10/3 the second, 10/4 the third (10/1 and 10/2 recess).
  const bySitting = (heads: string[]) => (l: string): string | null => {
    if (l.startsWith('議員\t\t(五)')) return null;
    if (l.startsWith('\t日期\t')) return ['', '議員', ...heads].join('\t');
    if (isRow(l)) return l.split('\t').filter((_, k) => k !== 3 && k !== 4).join('\t');
    return l;
  };
  const NUMBERED = ['第1次會議', '第2次會議', '第3次會議'];

  it('第1次會議…: the first sitting when the meeting names none (its title is on two lines, 31–32), stated in the diagnostic', () => {
    expect(lines.slice(30, 32)).toEqual(['臺南市議會第 2 屆第 8 次臨時會', '第 1 次會議紀錄']);
    const doc = varied(bySitting(NUMBERED));
    expect(doc.meeting!.sitting ?? null).toBeNull();
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(diag(doc, 'attendance-grid')?.message).toContain("the statuses are those of 第1次會議, the first sitting (the grid's columns are numbered sittings, not dates)");
  });

  it("the meeting's own sitting when its title names one: a sitting's record alone, 第 2 次會議紀錄 → the 10/3 column", () => {
    // The first sitting's header (lines 31–42) as a record of its own, its title on one line and naming the
    // second sitting, with the grid (lines 93–156) below it.
    const own = [`${lines[30]}第 2 次會議紀錄`, ...lines.slice(32, 42), ...lines.slice(FIRST - 1, LEGEND).map(bySitting(NUMBERED))];
    const doc = parse(own.filter((l) => l !== null).join('\n'));
    expect(doc.meeting!.sitting).toBe(2);
    // 10/3: 郭秀珠 (line 98) marked ○; 許至椿 (line 153) unmarked.
    expect(statusOf(doc, '郭秀珠')).toBe('present');
    expect(statusOf(doc, '許至椿')).toBe('absent');
    expect(diag(doc, 'attendance-grid')?.message).toContain("the statuses are those of 第2次會議, the meeting's own sitting (2)");
  });

  it('第一次…, written in Chinese numerals', () => {
    const doc = varied(bySitting(['第一次', '第二次', '第三次']));
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(diag(doc, 'attendance-grid')?.message).toContain('sittings (marked: 第一次, 第二次)');
  });
});

describe('titled names in rows (B14)', () => {
  it('郭議員信良: the name read with its title', () => {
    const doc = varied((l) => (isRow(l) ? l.replace(/^(\d+\t)(\p{Script=Han})(\p{Script=Han}{2})(?=\t|$)/u, '$1$2議員$3') : l));
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(grid(doc).find((a) => a.raw === '郭議員信良')).toMatchObject({ name: '郭信良', title: '議員', status: 'present' });
  });
});

describe('plain-text grids separated by spaces (B15)', () => {
  /** Every cell filled (出/假/缺), the header over every column, tabs turned into `sep`. */
  const spaced = (sep: string) =>
    varied((l, n) => {
      if (n === LEGEND) return '說明：出＝出席、假＝請假、缺＝缺席';
      if (l.startsWith('\t日期\t')) return ['編號', '議員', ...l.split('\t').slice(2)].join(sep);
      if (l.startsWith('議員\t\t(五)')) return null;
      if (!isRow(l)) return l;
      const [num, name, ...marks] = l.split('\t');
      const full = [0, 1, 2, 3, 4].map((k) => (marks[k] === '○' ? '出' : marks[k] === '△' ? '假' : '缺'));
      return [num, name, ...full].join(sep);
    });

  it.each([['two spaces', '  '], ['a full-width space', '\u3000']])('%s', (_, sep) => {
    const doc = spaced(sep);
    expect(counts(grid(doc))).toEqual([26, 1, 28, 0]);
    expect(statusOf(doc, '郭信良')).toBe('present');
  });

  it('not read when blank cells leave rows shorter than the header: reported', () => {
    const doc = varied((l) => (l.startsWith('\t日期\t') ? ['編號', '議員', ...l.split('\t').slice(2)].join('  ') : l.replaceAll('\t', '  ')));
    expect(grid(doc)).toHaveLength(0);
    expect(diag(doc, 'attendance-grid-unaligned')?.severity).toBe('warning');
  });
});

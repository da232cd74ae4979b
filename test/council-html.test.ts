import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/index.js';
import { loadBytes } from '../src/load/index.js';
import { normalize } from '../src/normalize/index.js';
import { toLines } from '../src/segment/lines.js';
import { buildHeadings } from '../src/segment/headings.js';
import { contentsEntry, findFrontMatter, maskFrontMatter } from '../src/segment/front-matter.js';
import type { MinutesDocument } from '../src/types.js';
import { ROOT, SAMPLES, sampleText } from './helpers.js';

/**
 * The city council's 議事錄 as published in HTML (../shared/corpus/html/, a PDF-to-HTML export): a
 * compilation — an editor's preface (編輯前言) and a table of contents (議事錄目錄) — then two program
 * committee records, the session's sittings, and annexes with the attendance grid. Every expected value
 * below was read from the page itself; the line numbers are those of the normalised text (`--text`).
 */
const FILE = ROOT + 'test/fixtures/corpus/html/tainan-council-2-t8-proceedings.html';

let doc: MinutesDocument;
beforeAll(async () => {
  doc = await parseFile(FILE, { text: true });
});

const lineOf = (n: number) => doc.text!.split('\n')[n - 1]!;

describe("the council's 議事錄 in HTML", () => {
  it('is minutes titled as its contents page prints it, with the first sitting as its header', () => {
    // Lines 6–7, the contents page's heading: 臺南市議會第2屆第8次臨時會 / 議事錄目錄 (the <title> says 第2屆第8次臨時會議事錄).
    expect(lineOf(6)).toBe('臺南市議會第2屆第8次臨時會');
    expect(lineOf(7)).toBe('議事錄目錄');
    expect(doc.kind).toBe('minutes');
    expect(doc.title).toBe('臺南市議會第2屆第8次臨時會議事錄');
    expect(doc.meeting).toMatchObject({ agency: '臺南市議會', term: 2, session: 8 });
    // Lines 31–33: 臺南市議會第 2 屆第 8 次臨時會 / 第 1 次會議紀錄 / 時間：中華民國 105 年 9 月 30 日 10 時 50 分至 11 時 37 分.
    // The program committee records before it (line 22, 105 年 9 月 20 日) are another body's, not the session's sittings.
    expect(lineOf(33)).toBe('時間：中華民國 105 年 9 月 30 日 10 時 50 分至 11 時 37 分');
    expect(doc.meeting).toMatchObject({ date: '2016-09-30', start: '2016-09-30T10:50:00+08:00', end: '2016-09-30T11:37:00+08:00', location: '本會議事廳' });
    expect(doc.meeting!.evidence!.date!.span.line).toBe(33);
    // Line 37: 主 席：郭副議長信良.
    expect(lineOf(37)).toBe('主 席：郭副議長信良');
    expect(doc.meeting!.chair).toMatchObject({ name: '郭信良', title: '副議長', raw: '郭副議長信良' });
  });

  it('reads the recorder where a second label follows the value on its line (記 錄：蔡鳳萍、沈怡華 議 程：)', () => {
    // Line 38: the recorders, then the agenda's letter-spaced label with its value on the lines below.
    expect(lineOf(38)).toBe('記 錄：蔡鳳萍、沈怡華 議 程：');
    expect(doc.meeting!.recorder).toMatchObject({ name: '蔡鳳萍', raw: '蔡鳳萍' });
    expect(doc.meeting!.evidence!.recorder!.span.line).toBe(38);
  });

  it('reads a letter-spaced unit inside the attendance list (本 會：吳副秘書長榮章) as the unit', () => {
    // Line 35: 出 席：本會議員(詳議員出缺席表) 本 會：吳副秘書長榮章.
    expect(lineOf(35)).toBe('出 席：本會議員(詳議員出缺席表) 本 會：吳副秘書長榮章');
    expect(doc.attendees.filter((a) => a.name === '吳榮章').map((a) => [a.title, a.org, a.status])).toEqual([['副秘書長', '本會', 'present']]);
  });

  it('reads the attendance grid: each member with their mark at the first sitting (9/30)', () => {
    // Lines 93–156: 議員出席情形一覽表, seats 1–57 over two pages (seats 1 and 27 vacant: a number, no name),
    // columns 9/30 10/1 10/2 10/3 10/4; line 156, the legend: 「○」係指出席、「△」係指請假、未註記係指未簽到、未請假.
    expect(lineOf(156)).toBe('備註：本表各欄位「○」係指出席、「△」係指請假、未註記係指未簽到、未請假。');
    const grid = doc.attendees.filter((a) => a.rule === 'attendees.grid');
    expect(grid).toHaveLength(55);
    // The 9/30 column: 26 ○, one △ (許至椿), the other 28 unmarked.
    const count = (s: string) => grid.filter((a) => a.status === s).length;
    expect([count('present'), count('on-leave'), count('absent')]).toEqual([26, 1, 28]);
    const status = (name: string) => doc.attendees.filter((a) => a.name === name).map((a) => a.status);
    expect(lineOf(97)).toBe('2\t郭信良\t○\t\t\t○');
    expect(status('郭信良')).toEqual(['present']);
    // Line 98: 3 郭秀珠, marked on 10/3 only: not present at the first sitting.
    expect(lineOf(98)).toBe('3\t郭秀珠\t\t\t\t○');
    expect(status('郭秀珠')).toEqual(['absent']);
    // Line 153: 55 許至椿 △ on 9/30.
    expect(lineOf(153)).toBe('55\t許至椿\t△');
    expect(status('許至椿')).toEqual(['on-leave']);
    // Line 114: an indigenous name written with a dot.
    expect(status('谷暮．哈就')).toEqual(['present']);
    expect(grid.every((a) => a.role === 'member')).toBe(true);
    expect(doc.diagnostics.find((d) => d.code === 'attendance-grid')?.message).toContain('9/30');
  });

  it("names a member once: the speaker election's list (line 62) does not repeat the grid's members", () => {
    // Line 62 lists 林慶鎮 and 谷暮・哈就; the grid (lines 114, 137) writes 谷暮．哈就 and 林慶鎭.
    expect(lineOf(62)).toContain('林慶鎮');
    expect(lineOf(137)).toBe('39\t林慶鎭\t○\t\t\t○');
    const named = (re: RegExp) => doc.attendees.filter((a) => re.test(a.name ?? ''));
    expect(named(/^林慶[鎮鎭]$/u)).toHaveLength(1);
    expect(named(/^谷暮.哈就$/u)).toHaveLength(1);
  });
});

describe('front matter of a compilation', () => {
  it('a contents line yields no date, no title and no section', async () => {
    // Line 19, a contents entry: a title with a date in it, and its page.
    expect(lineOf(19)).toBe('三、議長宣誓就職典禮(105 年 10 月 5 日) 22');
    expect(contentsEntry(lineOf(19))).toEqual({ label: '三、議長宣誓就職典禮(105 年 10 月 5 日)', page: 22 });
    expect(doc.meeting!.date).not.toBe('2016-10-05');
    // Nothing in lines 1–20 (preface and contents) is an agenda item or the evidence of a field.
    const spans = [...doc.agenda.map((a) => a.span), ...Object.values(doc.meeting!.evidence ?? {}).map((e) => e!.span)];
    expect(spans.filter((s) => s.line >= 8 && s.line <= 20)).toEqual([]);
    expect(doc.agenda[0]).toMatchObject({ number: '壹', title: '程序委員會' });
    expect(doc.agenda[0]!.span.line).toBe(21);

    // The same through the segmenter: the line is a heading (三、…) until the front matter is masked.
    const source = await loadBytes(new Uint8Array(readFileSync(FILE)), 'proceedings.html');
    const norm = normalize(source.text, source.pageStarts);
    expect(norm.text).toBe(doc.text);
    const lines = toLines(norm.text, norm.linePages);
    const fm = findFrontMatter(lines)!;
    expect(fm).toMatchObject({ start: 0, end: 20, contents: { heading: 6, first: 8, last: 19 } });
    expect(fm.title).toEqual({ text: '臺南市議會第2屆第8次臨時會議事錄', first: 5, last: 6 });
    expect(buildHeadings(lines).headings.some((h) => h.line === 18)).toBe(true);
    expect(buildHeadings(maskFrontMatter(lines, fm)).headings.some((h) => h.line < 20)).toBe(false);
  });

  it('ordinary minutes have none: no sample and no text document of the corpus', () => {
    for (const s of SAMPLES) {
      const norm = normalize(sampleText(s.file), []);
      expect([s.file, findFrontMatter(toLines(norm.text, norm.linePages))]).toEqual([s.file, null]);
    }
    const raw = ROOT + 'test/fixtures/corpus/raw/';
    for (const f of readdirSync(raw).filter((x) => /\.(txt|md)$/.test(x))) {
      const norm = normalize(parse(readFileSync(raw + f, 'utf8'), { text: true }).text!, []);
      expect([f, findFrontMatter(toLines(norm.text, norm.linePages))]).toEqual([f, null]);
    }
  });
});

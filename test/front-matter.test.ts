import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/index.js';
import { normalize } from '../src/normalize/index.js';
import { toLines } from '../src/segment/lines.js';
import { contentsEntry, findFrontMatter, maskFrontMatter } from '../src/segment/front-matter.js';
import type { MinutesDocument } from '../src/types.js';
import { ROOT, sampleText } from './helpers.js';

/**
 * A compilation's front matter (preface, contents) and the header read after it, on real lines: the
 * council's 議事錄 (test/fixtures/corpus/html/tainan-council-2-t8-proceedings.html, as normalised text), and
 * ordinary minutes (samples/moea-2021-7-1.txt, the corpus's tainan-pwb record) with a list of attachments
 * written into their header.
 */
const COUNCIL = ROOT + 'test/fixtures/corpus/html/tainan-council-2-t8-proceedings.html';
let council: string[];
beforeAll(async () => {
  council = (await parseFile(COUNCIL, { text: true })).text!.split('\n');
});

const linesOf = (text: string) => {
  const norm = normalize(text, []);
  return toLines(norm.text, norm.linePages);
};
const frontOf = (text: string) => findFrontMatter(linesOf(text));
/** The council's text with lines replaced (index → new text; null drops the line). */
const councilWith = (edits: Record<number, string | null>) =>
  council
    .map((l, i) => (i in edits ? edits[i] : l))
    .filter((l): l is string => l !== null)
    .join('\n');
const header = (d: MinutesDocument) => ({ kind: d.kind, title: d.title, date: d.meeting?.date ?? null, chair: d.meeting?.chair?.name ?? null });

describe('a list of attachments in ordinary minutes is no front matter', () => {
  it('after 肆、出席人員 (samples/moea-2021-7-1.txt): the header is read as without it', () => {
    const text = sampleText('moea-2021-7-1.txt');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('肆、出席人員'));
    expect(lines[at]).toContain('如附件 1');
    const withList = [...lines.slice(0, at + 1), '附件目錄', '附件 1 出席人員簽名冊 ........ 1', '附件 2 水利署簡報 ........ 3', '附件 3 資料集盤點清單 ........ 9', ...lines.slice(at + 1)].join('\n');
    expect(frontOf(withList)).toBeNull();
    const plain = header(parse(text));
    expect(plain).toMatchObject({ kind: 'minutes', date: '2021-11-30', chair: '林聰仁' });
    expect(header(parse(withList))).toEqual(plain);
  });

  it('a numbered 5、附件目錄 after numbered fields (1 、 開會時間:…) in the tainan-pwb record', () => {
    const text = readFileSync(ROOT + 'test/fixtures/corpus/raw/09_tainan-pwb-bureau-16-20120524.txt', 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('4、 參加人員'));
    expect(lines[at - 3]).toMatch(/^1 、 開會時間:中華民國/u);
    const withList = [...lines.slice(0, at + 1), '5、附件目錄', '附件一　工程進度表　　1', '附件二　預算執行表　　3', '附件三　會議簽到表　　5', ...lines.slice(at + 1)].join('\n');
    expect(frontOf(withList)).toBeNull();
    const plain = header(parse(text));
    expect(plain).toMatchObject({ kind: 'minutes', date: '2012-05-24', chair: '吳宗榮' });
    expect(header(parse(withList))).toEqual(plain);
  });

  it('a numbered contents heading is an item of a record; the same list under 附件目錄 alone is a contents', () => {
    const entries = ['附件一　工程進度表　　1', '附件二　預算執行表　　3', '附件三　會議簽到表　　5'];
    expect(frontOf(['五、附件目錄', ...entries].join('\n'))).toBeNull();
    expect(frontOf(['附件目錄', ...entries].join('\n'))).toMatchObject({ start: 0, end: 4, contents: { heading: 0, first: 1, last: 3 } });
  });

  it('fields behind a heading number, in any of its forms, end the search (一、時間：, 1.時間：, (一)時間：, 主　席：)', () => {
    const entries = ['附件一　工程進度表　　1', '附件二　預算執行表　　3', '附件三　會議簽到表　　5'];
    for (const field of ['一、時間：112年5月24日（星期三）下午4時30分', '1.時間：112年5月24日', '(一)時間：112年5月24日', '主　　席：吳局長宗榮', '三、主席：吳局長宗榮']) {
      expect([field, frontOf(['臺南市政府工務局第20次局務會議紀錄', field, '附件目錄', ...entries].join('\n'))]).toEqual([field, null]);
    }
  });
});

describe("the council's contents page in other hands", () => {
  it('reads the real page: preface and contents, lines 1–20', () => {
    expect(council[6]).toBe('議事錄目錄');
    expect(frontOf(council.join('\n'))).toMatchObject({ start: 0, end: 20, contents: { heading: 6, first: 8, last: 19 }, title: { text: '臺南市議會第2屆第8次臨時會議事錄' } });
  });

  it('a letter-spaced 目　錄 or 目　次, or a subtitle on the heading line, stays out of the title', () => {
    for (const heading of ['議事錄目　錄', '議事錄目 次', '議事錄　目　　錄']) {
      expect([heading, frontOf(councilWith({ 6: heading }))?.title?.text]).toEqual([heading, '臺南市議會第2屆第8次臨時會議事錄']);
    }
    // Lines 5–7 on one line: the title, the heading and its subtitle in brackets.
    const one = frontOf(councilWith({ 5: '臺南市議會第2屆第8次臨時會議事錄目錄(105.09.30〜105.10.04/永華議事廳)', 6: null, 7: null }));
    expect(one).toMatchObject({ end: 18, contents: { heading: 5, first: 6, last: 17 }, title: { text: '臺南市議會第2屆第8次臨時會議事錄' } });
    expect(parse(councilWith({ 5: '臺南市議會第2屆第8次臨時會議事錄目錄(105.09.30〜105.10.04/永華議事廳)', 6: null, 7: null })).title).toBe('臺南市議會第2屆第8次臨時會議事錄');
  });

  it('a heading glued to its first entry when wrapped lines were joined (…議事錄目錄第 1 次程序委員會紀錄 7)', () => {
    // Lines 5–7 as one heading line, line 8 (壹、程序委員會 5) left out: the normaliser joins the heading
    // and the unnumbered first entry (第 1 次程序委員會紀錄 7) into one line.
    const text = councilWith({ 5: '臺南市議會第2屆第8次臨時會議事錄目錄', 6: null, 7: null, 8: null });
    expect(linesOf(text)[5]!.text).toBe('臺南市議會第2屆第8次臨時會議事錄目錄第 1 次程序委員會紀錄 7');
    expect(frontOf(text)).toMatchObject({ end: 16, contents: { heading: 5, first: 5, last: 15 }, title: { text: '臺南市議會第2屆第8次臨時會議事錄' } });
    expect(header(parse(text))).toEqual({ kind: 'minutes', title: '臺南市議會第2屆第8次臨時會議事錄', date: '2016-09-30', chair: '郭信良' });
  });

  it('pages written 第5頁, 5頁, p.5 or chapter-page 1-5', () => {
    expect(contentsEntry('壹、程序委員會 第5頁')).toEqual({ label: '壹、程序委員會', page: 5 });
    expect(contentsEntry('第 1 次會議 11頁')).toEqual({ label: '第 1 次會議', page: 11 });
    expect(contentsEntry('第一篇　程序委員會紀錄　　　　第1頁')).toEqual({ label: '第一篇　程序委員會紀錄', page: 1 });
    expect(contentsEntry('附件 2 水利署簡報 ........ p.3')).toEqual({ label: '附件 2 水利署簡報', page: 3 });
    expect(contentsEntry('貳、第1次會議紀錄..................2-1')).toEqual({ label: '貳、第1次會議紀錄', page: 1, chapter: 2 });
    // Not a page: a number glued to its word, a date.
    expect(contentsEntry('第 1 次程序委員會紀錄第7頁')).toBeNull();
    expect(contentsEntry('時間：中華民國 105 年 9 月 30 日')).toBeNull();
    // The real contents with its pages so written: the same bounds, and no date read from an entry (line 19: 105 年 10 月 5 日).
    const paged = (form: (n: number) => string) => {
      const edits: Record<number, string> = {};
      for (let i = 8; i <= 19; i++) edits[i] = council[i]!.replace(/ (\d+)$/u, (_m, n: string) => ' ' + form(Number(n)));
      return councilWith(edits);
    };
    for (const form of [(n: number) => `第${n}頁`, (n: number) => `${n}頁`, (n: number) => `p.${n}`, (n: number) => `1-${n}`]) {
      const text = paged(form);
      expect(text.split('\n')[18]).toBe(`三、議長宣誓就職典禮(105 年 10 月 5 日) ${form(22)}`);
      expect(frontOf(text)).toMatchObject({ end: 20, contents: { heading: 6, first: 8, last: 19 } });
      expect(header(parse(text))).toEqual({ kind: 'minutes', title: '臺南市議會第2屆第8次臨時會議事錄', date: '2016-09-30', chair: '郭信良' });
    }
    // Chapter-page: the pages restart in each part (壹 1-1 … 貳 2-1 …), never going down.
    const chapters = frontOf(['目次', '壹、程序委員會紀錄.................1-1', '貳、第1次會議紀錄..................2-1', '參、第2次會議紀錄..................2-5', '肆、附錄...........................3-1'].join('\n'));
    expect(chapters).toMatchObject({ contents: { first: 1, last: 4 } });
  });
});

describe("a gazette's contents page before a record (the corpus's 15_ly-judiciary-gazette-20160502.txt)", () => {
  const raw = () => readFileSync(ROOT + 'test/fixtures/corpus/raw/15_ly-judiciary-gazette-20160502.txt', 'utf8').split('\n');
  const withContents = () =>
    ['立法院公報　第105卷　第31期　委員會紀錄', '目　　錄', '一、司法及法制委員會第20次全體委員會議紀錄……………………1', '二、教育及文化委員會第10次全體委員會議紀錄……………………45', '三、交通委員會第12次全體委員會議紀錄……………………………88', ...raw().slice(2)].join('\n');

  it("the masthead names no term or session: the record's title is the document's", () => {
    expect(raw()[0]).toBe('委員會紀錄');
    const plain = header(parse(raw().join('\n')));
    expect(plain).toEqual({ kind: 'minutes', title: '立法院第9屆第1會期司法及法制委員會第20次全體委員會議紀錄', date: '2016-05-02', chair: '段宜康' });
    expect(header(parse(withContents()))).toEqual(plain);
  });

  it("the last entry with the record's title joined onto it (as a PDF's text may come): the contents ends inside the line", () => {
    // The normaliser no longer joins a line after a contents entry's page; a source can still hold them on one line.
    const glued = withContents().replace('……88\n', '……88');
    const lines = linesOf(glued);
    expect(lines[4]!.text).toMatch(/^三、交通委員會第12次全體委員會議紀錄…+88立法院第9屆第1會期司法及法制委員會第20次全體委員會議紀錄/u);
    const fm = findFrontMatter(lines)!;
    expect(fm).toMatchObject({ start: 0, end: 4, contents: { heading: 1, first: 2, last: 4 } });
    expect(lines[4]!.text.slice(fm.tail)).toMatch(/^立法院第9屆/u);
    expect(maskFrontMatter(lines, fm)[4]).toMatchObject({ start: lines[4]!.start + fm.tail, text: lines[4]!.text.slice(fm.tail) });
  });
});

describe("the compiled meeting's first record", () => {
  it('the real compilation: the first sitting (line 33, 9/30), not the program committee (line 23, 9/20)', () => {
    expect(header(parse(council.join('\n')))).toEqual({ kind: 'minutes', title: '臺南市議會第2屆第8次臨時會議事錄', date: '2016-09-30', chair: '郭信良' });
  });

  it('台 in the contents title, 臺 in the records: one agency', () => {
    expect(council[5]).toBe('臺南市議會第2屆第8次臨時會');
    const d = parse(councilWith({ 5: '台南市議會第2屆第8次臨時會' }));
    expect(header(d)).toMatchObject({ date: '2016-09-30', chair: '郭信良' });
  });

  it("a sitting's title that repeats no term or session (第 1 次會議紀錄 alone) is the compiled meeting's", () => {
    // Line 31 (臺南市議會第 2 屆第 8 次臨時會) dropped: the sitting's title is line 32 alone.
    expect(council[30]).toBe('臺南市議會第 2 屆第 8 次臨時會');
    expect(council[31]).toBe('第 1 次會議紀錄');
    expect(header(parse(councilWith({ 30: null })))).toMatchObject({ date: '2016-09-30', chair: '郭信良' });
    // The program committee's record titled 程序委員會第1次會議紀錄 is another body's: still the sitting.
    expect(council[21]).toMatch(/^臺南市議會第 2 屆第 8 次臨時會程序委員會暨/u);
    expect(header(parse(councilWith({ 21: '程序委員會第1次會議紀錄', 30: null })))).toMatchObject({ date: '2016-09-30', chair: '郭信良' });
  });

  it('a body named either way (臨時大會 in the title, 臨時會 in the records) is one body', () => {
    const d = parse(councilWith({ 5: '臺南市議會第2屆第8次臨時大會' }));
    expect(header(d)).toEqual({ kind: 'minutes', title: '臺南市議會第2屆第8次臨時大會議事錄', date: '2016-09-30', chair: '郭信良' });
  });

  it('a compilation with no contents page: its title line, then the records (program committee first)', () => {
    // Lines 1–20 (preface and contents) replaced by the compilation's title alone.
    const edits: Record<number, string | null> = { 0: '臺南市議會第2屆第8次臨時會議事錄' };
    for (let i = 1; i < 20; i++) edits[i] = null;
    const text = councilWith(edits);
    expect(text.split('\n').slice(0, 3)).toEqual(['臺南市議會第2屆第8次臨時會議事錄', '壹、程序委員會', council[21]]);
    expect(frontOf(text)).toBeNull();
    expect(header(parse(text))).toEqual({ kind: 'minutes', title: '臺南市議會第2屆第8次臨時會議事錄', date: '2016-09-30', chair: '郭信良' });
    // A record titled …議事錄 with its fields right below (the legislature's committee, corpus 13) is its own header.
    const ly = readFileSync(ROOT + 'test/fixtures/corpus/raw/13_ly-educ-convener-proceedings-20251001.txt', 'utf8');
    expect(ly.split('\n')[0]).toMatch(/議事錄$/u);
    expect(parse(ly).title).toBe(ly.split('\n')[0]!.trim());
  });

  it('an agency on its own line above the contents title joins it', () => {
    const fm = frontOf(councilWith({ 5: '臺南市議會', 6: '第2屆第8次臨時會議事錄目錄' }));
    expect(fm?.title).toEqual({ text: '臺南市議會第2屆第8次臨時會議事錄', first: 5, last: 6 });
    // A signature (臺南市議會 謹識, line 5) is not: the title stays without it.
    expect(council[4]).toBe('臺南市議會 謹識');
    expect(frontOf(councilWith({ 5: null, 6: '第2屆第8次臨時會議事錄目錄' }))?.title?.text).toBe('第2屆第8次臨時會議事錄');
  });
});

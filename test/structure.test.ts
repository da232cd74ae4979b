import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { toLines } from '../src/segment/lines.js';
import { buildHeadings, type Heading } from '../src/segment/headings.js';
import { matchMarker } from '../src/segment/markers.js';
import { sectionKind } from '../src/segment/kinds.js';
import { parse, parseFile } from '../src/index.js';
import { ROOT } from './helpers.js';

/** The real-minutes corpus copied into the repo: every form below is taken from one of its documents. */
const CORPUS = ROOT + 'test/fixtures/corpus/raw/';
const corpusText = (name: string) => readFileSync(CORPUS + name, 'utf8');
/** The lines of a corpus document from the first one starting with `from`, `count` of them. */
const corpusLines = (name: string, from: string, count: number) => {
  const lines = corpusText(name).split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(from));
  if (i < 0) throw new Error(`no line starting ${from} in ${name}`);
  return lines.slice(i, i + count).join('\n');
};

function headingsOf(text: string): Heading[] {
  const n = normalize(text);
  return buildHeadings(toLines(n.text, n.linePages)).headings;
}
const tops = (hs: Heading[]) => hs.filter((h) => h.parent === null).map((h) => [h.number, h.kind, h.title]);
const childrenOf = (hs: Heading[], h: Heading | undefined) => hs.filter((x) => x.parent === h?.id).map((x) => x.number);

describe('flattened text re-split', () => {
  // 05: a web page that put the whole agenda on one line, with wrap indentation inside words.
  const raw = corpusLines('05_taipei-citygov-1250-20031230-flattened.txt', '壹、報告事項', 1);

  it('breaks before headings and ruling labels, and closes up wrap indentation', () => {
    const n = normalize(raw);
    const lines = n.text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['壹、報告事項', '一、本府九十二年十二月二十三日第一二四九次市政會議紀錄。', '主席裁示:紀錄確定。', '二、議案暨指示事項執行情形報告。']);
    expect(lines).toContain('(一)准予備查。');
    expect(tops(headingsOf(raw))).toEqual([['壹', 'report', '報告事項']]);
  });

  it('maps every kept character back to the source', () => {
    const n = normalize(raw);
    const at = n.text.indexOf('主席裁示:併指示事項辦理');
    expect(raw.slice(n.origin[at]!, n.origin[at]! + 12)).toBe('主席裁示:併指示事項辦理');
    const word = n.text.indexOf('會議紀錄。');
    expect(raw.slice(n.origin[word]!, n.origin[word]! + 1)).toBe('會');
    expect(raw.slice(n.origin[word + 1]!, n.origin[word + 1]! + 1)).toBe('議');
  });

  it('leaves a long paragraph that mentions a list alone', () => {
    const para = '本案經討論後，' + '各單位意見如下，請依說明辦理並於下次會議提出報告，'.repeat(8) + '一、請研考會彙整。';
    expect(normalize(para).text).toBe(para);
  });

  it('parses the flattened page into its section and rulings', () => {
    const doc = parse(corpusText('05_taipei-citygov-1250-20031230-flattened.txt'));
    expect(doc.agenda.filter((a) => a.parent === null).map((a) => a.number)).toEqual(['壹']);
    expect(doc.rulings.length).toBe(7);
  });
});

describe('spaced digits from OCR', () => {
  // 09: `第 1 6 次`, `中華民國 1 0 1 年`.
  const raw = corpusLines('09_tainan-pwb-bureau-16-20120524.txt', '臺南市政府工務局', 2);

  it('closes up the digits of one number, offsets mapped back', () => {
    const n = normalize(raw);
    expect(n.text).toContain('第 16 次局務會議紀錄');
    expect(n.text).toContain('中華民國 101 年 5 月 24 日');
    const six = n.text.indexOf('16') + 1;
    expect(raw[n.origin[six]!]).toBe('6');
    expect(raw.slice(n.origin[six]! - 2, n.origin[six]! + 1)).toBe('1 6');
  });

  it('keeps numbers that are apart (5 月 24 日) and a marker written 1 、', () => {
    const n = normalize(raw);
    expect(n.text).toContain('1 、 開會時間');
  });
});

describe('top level written 1、 2、 3、', () => {
  // 09: numbered header fields then the sections, 1、…9、, with points 1 . and (1) under them.
  const hs = headingsOf(corpusText('09_tainan-pwb-bureau-16-20120524.txt'));

  it('reads 1、…9、 as the top level, header fields as metadata', () => {
    expect(tops(hs).map(([n, k]) => [n, k])).toEqual([
      ['1', 'metadata'], ['2', 'metadata'], ['3', 'metadata'], ['4', 'metadata'], ['5', 'chair-remarks'], ['6', 'report'], ['7', 'discussion'], ['8', 'extempore-motions'], ['9', 'other'],
    ]);
  });

  it('keeps 1 . under 6、 as its point', () => {
    const six = hs.find((h) => h.number === '6' && h.parent === null);
    expect(childrenOf(hs, six)).toEqual(['1']);
    expect(hs.find((h) => h.parent === six?.id)?.family).toBe('arabic');
  });
});

describe('unnumbered headings over numbered items', () => {
  it('letter-spaced 報 告 事 項 / 討 論 事 項 with 一、 children (13)', () => {
    const hs = headingsOf(corpusText('13_ly-educ-convener-proceedings-20251001.txt'));
    expect(tops(hs)).toEqual([[null, 'report', '報告事項'], [null, 'discussion', '討論事項']]);
    const [report, discussion] = hs.filter((h) => h.parent === null);
    expect(childrenOf(hs, report)).toEqual(['一', '二', '三', '四', '五']);
    expect(childrenOf(hs, discussion)).toEqual(['一', '二', '三']);
  });

  it('a record quoted inside a section keeps its headings out of the top level (15)', () => {
    const hs = headingsOf(corpusText('15_ly-judiciary-gazette-20160502.txt'));
    expect(tops(hs)).toEqual([[null, 'report', '報告事項']]);
  });

  it('stand-alone labels; a sub-report stays inside its report (31)', async () => {
    const doc = await parseFile(CORPUS + '31_asroc-assembly-ASROC_19May2001.pdf');
    expect(doc.agenda.filter((a) => a.parent === null).map((a) => [a.number, a.kind, a.title])).toEqual([
      [null, 'other', '淡江大學理學院院長致詞'], [null, 'report', '理事長報告'], [null, 'discussion', '提案討論'], [null, 'resolutions', '總結'],
    ]);
  });

  it('outline items (1.1, 2.1, 9.1) without their section numbers imply unnumbered sections (20)', async () => {
    const doc = await parseFile(CORPUS + '20_asroc-council-20050618.pdf');
    const top = doc.agenda.filter((a) => a.parent === null);
    expect(top.every((a) => a.number === null)).toBe(true);
    expect(top.map((a) => a.title)).toEqual(expect.arrayContaining(['2005年年會工作報告', '選舉新任理事長及幹部', '臨時動議', '2005年年會工作檢討']));
    expect(top.find((a) => a.title === '2005年年會工作報告')?.kind).toBe('report');
    // 天文刊物出版： then 現況： — the second is a part of the first.
    expect(top.map((a) => a.title)).not.toContain('現況');
  });
});

describe('outline numbering', () => {
  // 33: `1   選舉常務理事：` with 1.1 and 2.1.1 under it.
  it('reads a bare top number before a title with a colon, and nests 1.1 and 2.1.1', async () => {
    const doc = await parseFile(CORPUS + '33_asroc-council-record20060217.pdf', { text: true });
    const hs = headingsOf(doc.text!);
    expect(tops(hs).map(([n, k]) => [n, k])).toEqual([['1', 'other'], ['2', 'report'], ['3', 'extempore-motions']]);
    expect(hs.find((h) => h.number === '2.1.1')?.level).toBe(3);
    expect(hs.find((h) => h.number === '1.1')?.level).toBe(2);
  });

  it('does not read a quantity or a date as an outline number', () => {
    expect(matchMarker('1.5 億元之預算')).toBeNull();
    expect(matchMarker('2 月 1 日第 53 次市政會議提示')).toBeNull();
  });
});

describe('council records lettered 甲、乙、丙', () => {
  it('甲/乙 are the top level, 一、 and 1、 their items (60)', () => {
    const hs = headingsOf(corpusLines('60_ntp-council-2-t13-4.txt', '甲、報告事項', 9));
    expect(tops(hs)).toEqual([['甲', 'report', '報告事項'], ['乙', 'other', '三讀議案第二讀會']]);
    expect(childrenOf(hs, hs[0])).toEqual(['一', '二', '三', '四']);
  });

  it('a chapter heading naming minutes before the header is not a section; each record restarts 甲 (62)', () => {
    const hs = headingsOf(corpusText('62_tyc-council-1-t12-13.txt'));
    expect(hs[0]).toMatchObject({ number: '一', chapter: true, kind: 'metadata' });
    const doc = parse(corpusText('62_tyc-council-1-t12-13.txt'));
    const top = doc.agenda.filter((a) => a.parent === null).map((a) => [a.number, a.kind]);
    expect(top[0]).toEqual(['甲', 'report']);
    expect(top.length).toBe(12);
    expect(top.map(([n]) => n)).not.toContain('一');
    expect(doc.title).toBe('第 1 屆第 12 次臨時會 預備會議 會議紀錄');
  });

  it('a heading drawn four times over itself (fake bold) is read once (62)', () => {
    const n = normalize(corpusText('62_tyc-council-1-t12-13.txt'));
    const lines = n.text.split('\n');
    expect(lines.slice(1, 3)).toEqual(['※第 1 屆第 12 次臨時會', '預備會議 會議紀錄']);
    expect(lines).toContain('第 6 次 會議紀錄');
    // Each kept piece maps to the drawing it was taken from.
    const at = n.text.indexOf('次臨時會');
    expect(corpusText('62_tyc-council-1-t12-13.txt').slice(n.origin[at]! - 3, n.origin[at]! + 4)).toBe('12 次臨時會');
  });

  it('甲、乙雙方 in prose is not a heading', () => {
    expect(matchMarker('甲、乙雙方應於簽約後辦理')).toBeNull();
  });
});

describe('tab-split words in a PDF', () => {
  it('a paragraph under a header table keeps its words whole (31)', async () => {
    const doc = await parseFile(CORPUS + '31_asroc-assembly-ASROC_19May2001.pdf', { text: true });
    const lines = doc.text!.split('\n');
    expect(lines).toContain('淡江大學理學院院長致詞：');
    expect(lines.find((l) => l.startsWith('天文結合了'))).toMatch(/^天文結合了知性與感性，在過去對我來說是感性多於知性/);
    expect(lines.find((l) => l.startsWith('一、'))).toBe('一、《理事長會議》89年10月7日');
    // The header table itself keeps its cells.
    expect(lines[0]!.split('\t').slice(0, 3)).toEqual(['會議名稱', '中國天文學會90年會員大會', '開會時間']);
  });
});

describe('section kinds and heading forms', () => {
  it.each([
    ['議題討論', 'discussion'], // 63/64 (Markdown)
    ['業務單位報告:', 'report'], // 09
    ['列席人員\t\t汪仁鴻 （秘書長）', 'metadata'], // 39/40: the value after a tab
    ['會議主持人:吳 局長宗榮', 'metadata'], // 09
    ['參加人員:如附件', 'metadata'], // 09
    ['局長轉達市政會議指示事項(節錄臺南市政府第 66 次市政會議新聞稿):', 'other'], // 09
  ])('%s → %s', (title, kind) => expect(sectionKind(title)).toBe(kind));

  it('a letter-spaced title in a roster is not a heading (07)', () => {
    const line = corpusLines('07_ntpc-citygov-0387-20180619.txt', '參         議   曾柏文', 1).trim();
    expect(matchMarker(line)).toBeNull();
  });
});

describe('page furniture and roster lines', () => {
  it('a four-line letterhead repeated on every page is dropped (37)', async () => {
    const doc = await parseFile(CORPUS + '37_asroc-council-minutes20130914.pdf', { text: true });
    expect(doc.text).not.toContain('88, Section 4, Ting‐Chou Road');
    expect(doc.text!.split('\n')[0]).toBe('中華民國天文學會第24屆第10次理監事會議會議紀錄');
  });

  it('a page count written 第 1/2 頁 is page furniture (60)', () => {
    const n = normalize(corpusText('60_ntp-council-2-t13-4.txt'));
    expect(n.text).not.toMatch(/第 \d\/\d 頁/u);
    expect(n.text.split('\n')[0]).toBe('新北市議會第 2 屆第 13 次臨時會第 4 次會議摘要紀錄');
  });

  it('roster entries written role－names stay on their own lines (32)', async () => {
    const doc = await parseFile(CORPUS + '32_asroc-council-record20041210.pdf', { text: true });
    const lines = doc.text!.split('\n');
    expect(lines).toContain('理事－江瑛貴、金升光、林宏欽、張光祥');
    expect(lines).toContain('秘書長－高仲明');
  });
});

describe('two header fields on one line', () => {
  it('breaks before the second field label (60)', () => {
    const n = normalize(corpusLines('60_ntp-council-2-t13-4.txt', '主 席：', 1));
    expect(n.text.split('\n')).toEqual(['主 席：陳副議長文治', '記錄：王博鈺、徐碧玲']);
  });

  it('also under a numbered field, but never inside the marker (34, 09)', async () => {
    const doc = await parseFile(CORPUS + '34_asroc-council-record20081227.pdf', { text: true });
    const lines = doc.text!.split('\n');
    const i = lines.findIndex((l) => l.startsWith('七、主'));
    expect(lines[i + 1]).toBe('記錄：詹惠茹');
    const n = normalize(corpusLines('09_tainan-pwb-bureau-16-20120524.txt', '1 、 開會時間', 1));
    expect(n.text).toBe('1 、 開會時間:中華民國 101 年 5 月 24 日星期四下午 4 時 30 分');
  });
});

describe('Markdown front matter and page counts', () => {
  it('the front matter is furniture but its title is the first line (63)', async () => {
    const doc = await parseFile(CORPUS + '63_community-committee27-20241210.md', { text: true });
    const lines = doc.text!.split('\n');
    expect(lines[0]).toBe('113年12月 第一次會議紀錄');
    expect(lines[1]).toBe('時間：113/12/10 19:00~21:30');
    expect(doc.text).not.toContain('layout: page');
    expect(doc.title).toBe('113年12月 第一次會議紀錄');
  });

  it('a slide host page count (1 de 4) is a page number (09)', () => {
    const n = normalize(corpusLines('09_tainan-pwb-bureau-16-20120524.txt', '1 de 4', 2));
    expect(n.text).toBe('臺南市政府工務局第 16 次局務會議紀錄');
  });
});

describe('what an unnumbered heading is not', () => {
  it('a speaker label, a bare 散會 or a ruling label on its own line', async () => {
    const { unnumberedHeading } = await import('../src/segment/unnumbered.js');
    expect(unnumberedHeading('散會', true)).toBeNull();
    expect(unnumberedHeading('林委員：', true)).toBeNull();
    expect(unnumberedHeading('結 論：', true)).toBeNull(); // 31: a ruling, not a section
    expect(unnumberedHeading('會員意見：')).toBeNull(); // 31: members' opinions inside a proposal
    expect(unnumberedHeading('報 告 事 項')).toEqual({ kind: 'report', title: '報告事項', exact: true });
  });

  it('a summing-up of the whole meeting (總結：) alone on its line is a closing section; an item\'s 決議： is not', async () => {
    const { unnumberedHeading } = await import('../src/segment/unnumbered.js');
    expect(unnumberedHeading('總結：')).toEqual({ kind: 'resolutions', title: '總結', exact: true });
    expect(unnumberedHeading('決議：')).toBeNull();
    expect(unnumberedHeading('總結：通過。')).toBeNull();
  });
});

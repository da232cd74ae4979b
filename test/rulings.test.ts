import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseFile } from '../src/index.js';
import type { MinutesDocument } from '../src/types.js';
import { corpusFile, corpusLine, spanText } from './helpers.js';

// Rulings on their real lines from the corpus (test/fixtures/corpus/raw), and what is not a ruling.
const minutes = (body: string) =>
  parse(`某某委員會第 1 次會議紀錄\n時間：112 年 3 月 4 日(星期六)下午 2 時\n主席：王主任委員大明\n出席委員：李委員小華、陳委員大同\n${body}`, { text: true });
const topOf = (d: MinutesDocument, id: string | null) => {
  let a = d.agenda.find((x) => x.id === id);
  while (a && a.parent) a = d.agenda.find((x) => x.id === a!.parent);
  return a?.number ?? null;
};
const summary = (d: MinutesDocument) => d.rulings.map((r) => [r.text.split('\n')[0], r.items.length]);

describe('ruling forms', () => {
  it('inline after a case title: (地政局)決議:本案通過。', () => {
    const line = corpusLine('01', '(地政局)決議:');
    const d = minutes(`貳、討論事項\n一、修正「某某」案。(某局)\n決議:\n(一)本案通過。\n(二)請各局處配合。\n${line}\n參、臨時動議`);
    expect(summary(d)).toEqual([['(一)本案通過。', 2], ['本案通過。', 0]]);
    const inline = d.rulings[1]!;
    expect(inline).toMatchObject({ label: '決議', kind: 'resolution', rule: 'rulings.inline' });
    expect(topOf(d, inline.agendaId)).toBe('貳');
    expect(spanText(d, inline.span)).toContain('決議:本案通過。');
    // The case title stays an agenda item, and 參 after it a section.
    expect(d.agenda.map((a) => a.number)).toEqual(expect.arrayContaining(['貳', '二', '參']));
  });

  it('the whole document: two 決議 both starting 本案通過, in order', async () => {
    const d = await parseFile(corpusFile('01'));
    expect(summary(d)).toEqual([['紀錄確定。', 0], ['(一)本案通過。', 2], ['本案通過。', 0], ['同意備查。', 0]]);
  });

  it('a first item on the label line (決議: (1) …) is counted with the items below it', async () => {
    const d = await parseFile(corpusFile('36'));
    expect(d.rulings.map((r) => r.items.length)).toEqual([7, 3, 0, 0]);
    expect(d.rulings[0]!.items[0]).toMatch(/^ASROC2012 第一次大會通告/);
    expect(d.rulings[0]!.items[6]).toMatch(/^為爭取時效/);
  });

  it('fifteen items run together a few per line, and a label-line item before headings 2.–5.', async () => {
    const d = await parseFile(corpusFile('34'));
    expect(d.rulings.map((r) => r.items.length)).toEqual([0, 0, 15, 5]);
    expect(d.rulings[2]!.items.slice(0, 3)).toEqual(['陳林文。', '呂聖元。', '陳炳志。']);
    expect(d.rulings[2]!.items[14]).toBe('陳岸立。');
    expect(d.rulings[3]!.items[0]).toMatch(/^年會議程委員會/);
    // The next case's 案由 line is not part of the ruling before it.
    expect(d.rulings[1]!.text).toBe('9位新申請會員，全數通過。');
  });

  it('主席裁示:無 is a ruling with text 無 and no items; the sections after a ruling stay sections', async () => {
    const d = await parseFile(corpusFile('09'));
    expect(summary(d)).toEqual([['(1 ) 日後請各科室提送議會的資料必須過濾,且其資料內容必須詳細清楚。', 4], ['無', 0], ['無', 0]]);
    expect(d.rulings[1]!.text).toBe('無');
    expect(d.agenda.map((a) => a.number)).toEqual(expect.arrayContaining(['7', '8']));
  });

  it('結 論： (letter-spaced) and 總結： with its list', async () => {
    const d = await parseFile(corpusFile('31'));
    expect(d.rulings.map((r) => [r.label, r.items.length])).toEqual([['結 論', 0], ['結 論', 0], ['總結', 2]]);
    expect(d.rulings[2]!.items[0]).toBe('所有的事移交給理事會全權處理。');
  });

  it('letter-spaced 決 議： and a ruling that stops before the 散會 line', () => {
    const lines = readFileSync(corpusFile('62'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('決議：照審計部'));
    const d = minutes(`貳、討論事項\n${corpusLine('62', '決 議：照案通過')}\n${lines.slice(at, at + 6).join('\n')}`);
    expect(d.rulings.map((r) => r.label)).toEqual(['決 議', '決議']);
    expect(d.rulings[0]!.text).toBe('照案通過。');
    expect(d.rulings[1]!.text).not.toContain('散會');
  });

  it('a 議案 sheet\'s 決議 cell label drawn one character per line, after an empty 審查意見 cell', () => {
    const lines = readFileSync(corpusFile('62'), 'utf8').split('\n').map((l) => l.trim());
    const at = lines.lastIndexOf('審');
    const sheet = lines.slice(at, at + 7).join('\n');
    expect(sheet.split('\n')).toHaveLength(7);
    const d = minutes(`貳、討論事項\n辦\n法\n擬於市議會審議通過後，報行政院核定。\n${sheet}`);
    expect(d.rulings).toEqual([expect.objectContaining({ label: '決議', text: '修正通過(詳自治條例審查意見彙整表)', rule: 'rulings.cell.label', items: [] })]);
    expect(spanText(d, d.rulings[0]!.span)).toMatch(/^決\n議\n修正通過/);
  });

  it('a ruling at a page end does not take the next page\'s letterhead', async () => {
    const d = await parseFile(corpusFile('40'));
    expect(d.rulings[0]!.text).toBe('請理事長發函邀請師大地科系林佩瑩教授。');
    expect(d.rulings).toHaveLength(9);
  });

  it('a ruling stops before an annex mark standing alone ((附件1)), not at a wrapped 附件 inside a sentence', async () => {
    const d = await parseFile(corpusFile('13'));
    expect(d.rulings.map((r) => r.text)).toEqual(['由劉召集委員書彬擔任。', '照案通過。', '照案通過。']);
    const wrapped = minutes('壹、討論事項\n決議：照案通過，並請秘書處將修正後之表格詳如\n附件1 之格式送會。\n貳、散會');
    expect(wrapped.rulings[0]!.text).toContain('附件1 之格式送會。');
  });

  it('an annex mark numbered with a formal numeral ((附件貳)) ends a ruling as (附件2) does: numerals.json decides', () => {
    for (const mark of ['(附件2)', '(附件貳)', '(附表二)']) {
      expect(minutes(`壹、討論事項\n決議：照案通過。\n${mark}\n某某表格說明文字\n貳、散會`).rulings.map((r) => r.text)).toEqual(['照案通過。']);
    }
  });

  it('主席裁定 (a council chair ruling)', () => {
    const d = minutes(`貳、主席裁定事項\n${corpusLine('61', '主席裁定：')}\n散會：17 時 32 分`);
    expect(d.rulings).toEqual([expect.objectContaining({ label: '主席裁定', kind: 'chair-ruling', text: '請於 104 年 4 月 30 日開會前送會。' })]);
  });

  it('ruling labels by their make-up: a head\'s title + a chair\'s verb, a resolution word with a prefix or 事項', () => {
    const d = minutes('壹、報告事項\n一、交通局報告：捷運綠線通車營運情形。\n市長指示：請交通局持續檢討轉乘優惠，並於4月30日前提出方案。\n二、教育局報告：校園午餐政策。\n局長裁示：洽悉。\n貳、討論事項\n一、案由：年度計畫。\n決定事項：照案通過。\n二、案由：預算分配。\n審議結論：修正通過。\n三、案由：人事案。\n會議結論：同意。\n參、散會');
    expect(d.rulings.map((r) => [r.label, r.kind])).toEqual([
      ['市長指示', 'chair-ruling'], ['局長裁示', 'chair-ruling'], ['決定事項', 'resolution'], ['審議結論', 'resolution'], ['會議結論', 'resolution'],
    ]);
    // Not a ruling: 討論結果 and 審查意見 are labels of their own; a ruling word inside prose is text.
    const not = minutes('壹、討論事項\n一、案由：年度計畫。\n討論結果：再議。\n審查意見：無。\n委員表示市長指示之事項已辦理。\n貳、散會');
    expect(not.rulings).toEqual([]);
  });

  it('a finished ruling that announces no list does not take the next list as its items', () => {
    const d = minutes(`參、報告事項\n${corpusLine('01', '主席裁示:同意備查。')}\n一、業務報告。\n二、財務報告。\n肆、散會`);
    expect(summary(d)).toEqual([['同意備查。', 0]]);
    expect(d.agenda.map((a) => a.number)).toEqual(expect.arrayContaining(['一', '二']));
  });

  it('a ruling with a lead sentence before its list 一、–四、 has four items', async () => {
    const d = await parseFile(corpusFile('11'));
    expect(d.rulings.map((r) => r.items.length)).toEqual([2, 4, 4]);
    expect(d.rulings[1]!.text).toMatch(/^本案除以下各點外/);
    expect(d.rulings[1]!.text).not.toContain('案名');
  });
});

describe('not rulings', () => {
  it('討論結果 and 審查意見 are not ruling labels', () => {
    // 39 (討論結果, a PDF) and 18 (審查意見).
    const result = '討論結果：尋找北海岸或是基隆附近適合辦理會議的飯店。';
    const d = minutes(`壹、討論事項\n(一) 年會地點。\n${result}\n(二) 審查案。\n${corpusLine('18', '審查意見:')}\n貳、散會`);
    expect(d.rulings).toEqual([]);
  });

  it('決議 used as a verb inside prose', () => {
    // 33 and 20 (PDFs), copied as the parser reads them.
    const verb = '按章程規定天文年會的會員費為500元，考量物理年會的註冊費並兼顧天文年會收支，決議除會員費500元外，另收取註冊費300元，共計800元。';
    const society = '中國天文學會決議成立「兩岸天文名詞一致化」工作小組，並授權孫維新擔任「兩岸天文名詞一致化」工作小組的第一任組長及召集人。';
    const d = minutes(`壹、臨時動議\n${verb}\n${society}\n貳、散會`);
    expect(d.rulings).toEqual([]);
  });

  it('a quoted earlier 決議 that a line wrap put at a line start is still a quotation', () => {
    // 11's case description, wrapped before the label.
    const d = minutes('貳、上次會議待決議事項\n一、案情說明：經提本會 101 年 10 月 25 日 639 次會議提案說明，依該次會議\n決議：「一、本案原則同意社會局所提方案內容，但因現場委員未達法定人數，無法續行審議，因此暫予保留決議。」，謹補充前述決議事項回應如后。\n決議：\n一、本案同意。\n二、請社會局報告。\n參、散會');
    expect(d.rulings.map((r) => r.text.split('\n')[0])).toEqual(['一、本案同意。']);
  });

  it('an earlier meeting\'s record read out in full keeps its 決定 to itself', async () => {
    const d = await parseFile(corpusFile('15'));
    expect(d.rulings).toEqual([]);
  });

  it('the quoted record ends with its own 散會: the rulings after it are this meeting\'s again', () => {
    const title = corpusLine('15', '第19次全體委員會議議事錄');
    const time = corpusLine('15', '時  間:中華民國105年4月28日');
    const d = minutes(`一、宣讀上次會議議事錄。\n${title}\n${time}\n報 告 事 項\n宣讀上次會議議事錄。\n${corpusLine('15', '決定:確定。')}\n討 論 事 項\n一、審查某某條例草案案。\n決議：審查完竣。\n散會\n決定：議事錄確定。\n二、審查另一條例草案案。\n決議：另定期繼續審查。\n三、散會`);
    expect(d.rulings.map((r) => r.text)).toEqual(['議事錄確定。', '另定期繼續審查。']);
  });

  it('a ruling quoted inside a case description (依該次會議決議：「一、…」) is not a ruling', async () => {
    const d = await parseFile(corpusFile('11'));
    expect(d.rulings.some((r) => r.text.includes('暫予保留決議'))).toBe(false);
  });
});
